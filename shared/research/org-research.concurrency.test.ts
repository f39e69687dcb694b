import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { ingestGitHubOwner } from '../github/ingest';
import { researchOrganization } from './org-research';

// Found by npm run soak: two server processes on one database, one researching an organization
// while the other writes. A deferred transaction that reads and then writes cannot wait for a
// writer that commits in between (SQLITE_BUSY_SNAPSHOT): it must take the write lock first.
describe('researchOrganization beside another writer', () => {
  let world: GitHubWorld;
  beforeAll(async () => {
    world = await githubWorld({ repositories: 8 });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now });
  });
  afterAll(async () => {
    await world?.dispose();
  });

  it('waits for a writer in another process instead of failing with "database is locked"', async () => {
    // Another process takes the write lock, changes a row, and commits 400 ms later.
    const script = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(world.dbPath)});
      db.pragma('busy_timeout = 5000'); db.exec('begin immediate');
      db.prepare("update github_owners set description = coalesce(description, '') || ' '").run();
      process.stdout.write('locked\\n'); setTimeout(() => { db.exec('commit'); db.close(); }, 400);`;
    const other = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => other.on('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (c: Buffer) => c.toString().includes('locked') && resolve());
      other.on('exit', (code) => reject(new Error(`the writer exited ${code} before locking`)));
    });
    const research = researchOrganization(world.store, 'acme', { now: world.org.now });
    expect(research.totals.repositories).toBe(8);
    expect(await exited).toBe(0);
  });
});
