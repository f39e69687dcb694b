import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recall, remember } from '../shared/memory/index';
import { openSpace, type VectorSpace } from '../shared/search/spaces';
import { sqliteDriver } from '../shared/store/driver';
import { openStore, type Store } from '../shared/store/open';
import { CLI } from './helpers/cli';
import { tempDir } from './helpers/git-fixture';
import { node24Path } from './helpers/node24';

/**
 * The extension's engine (node:sqlite on the editor's Node 24) and an agent's command line
 * (better-sqlite3 on Node 20) use one database file at once. This process holds the file open
 * with its driver while the CLI, on the other runtime with the other driver, writes and reads.
 */
function otherRuntime(): { node: string; driver: 'node' | 'better' } {
  if (sqliteDriver().name === 'better-sqlite3') {
    return { node: node24Path(), driver: 'node' };
  }
  // Under Node 24 (node:sqlite), the machine's `node` is the one better-sqlite3 was built for.
  return { node: process.env.REPOSCOUT_NODE20 || 'node', driver: 'better' };
}

const other = otherRuntime();
let dir: string;
let file: string;
let store: Store;
let space: VectorSpace;

function cli(args: string[]): string {
  const run = spawnSync(other.node, [CLI, ...args, '--json'], {
    env: { ...process.env, REPOSCOUT_DB: file, REPOSCOUT_SQLITE_DRIVER: other.driver, REPOSCOUT_EMBEDDER: 'lexical' },
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`${other.node} did not run (${run.error.message}); install Node 24 with "bash test/e2e/setup-code-server.sh"`);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  return run.stdout;
}

beforeAll(async () => {
  dir = tempDir('reposcout-wal-');
  file = path.join(dir, 'shared.db');
  store = openStore(file);
  space = await openSpace(store, 'lexical');
});
afterAll(() => {
  store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`one WAL database, two processes: ${sqliteDriver().name} here, ${other.driver === 'node' ? 'node:sqlite' : 'better-sqlite3'} in the CLI`, () => {
  it('the other runtime really uses the other driver', () => {
    const version = execFileSync(other.node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
    expect(Number(version.split('.')[0])).toBe(other.driver === 'node' ? 24 : 20);
  });

  it('a memory the CLI writes is visible here, searched and listed', async () => {
    const written = JSON.parse(cli(['remember', 'The staging deploy needs the VPN switched on first', '--tag', 'deploy']));
    expect(written.outcome).toBe('created');
    const rows = store.db.prepare('select text from memories').pluck().all();
    expect(rows).toEqual(['The staging deploy needs the VPN switched on first']);
    const found = await recall(store, space, { query: 'staging VPN' });
    expect(found.memories.map((m) => m.text)).toContain('The staging deploy needs the VPN switched on first');
  });

  it('a memory written here is visible to the CLI, through FTS5 and sqlite-vec', async () => {
    await remember(store, space, { text: 'Release notes are generated from merged pull request titles', tags: ['release'] });
    const found = JSON.parse(cli(['recall', 'release notes pull request']));
    expect(found.memories.map((m: { text: string }) => m.text)).toContain('Release notes are generated from merged pull request titles');
    const listed = JSON.parse(cli(['memories']));
    expect(listed.memories).toHaveLength(2);
  });

  it('both sides leave one consistent file', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.db.prepare('select count(*) from memories').pluck().get()).toBe(2);
  });
});
