import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, expect, it } from 'vitest';
import { latestSchemaVersion, openStore } from '../../shared/store/open';
import { bundleFixture } from '../helpers/bundle-fixture';
import { tempDir } from '../helpers/git-fixture';

const FIXTURE = path.resolve(import.meta.dirname, '..', '..', 'dist', 'test-store-open.mjs');

beforeAll(async () => {
  await bundleFixture(path.join(import.meta.dirname, 'open-process.fixture.ts'), 'test-store-open');
});

// The VS Code extension's engine, an agent's engine and the CLI may all open a new database
// at the same moment: each must see the others' migrations, never apply them twice.
it('several processes opening one new database at once all succeed, and each migration is applied once', async () => {
  const dbPath = path.join(tempDir('reposcout-open-race-'), 'r.db');
  const startAt = Date.now() + 1_500;
  const runs = await Promise.all(
    Array.from({ length: 6 }, () => promisify(execFile)(process.execPath, [FIXTURE, dbPath, String(startAt)]).then((r) => r.stdout.trim(), (e: { stdout?: string }) => `failed: ${e.stdout ?? ''}`.trim())),
  );
  expect(runs).toEqual(Array(6).fill('ok'));
  const store = openStore(dbPath);
  const applied = store.db.prepare('select version, count(*) as n from schema_migrations group by version order by version').all() as { version: number; n: number }[];
  store.close();
  expect(applied.map((r) => r.n)).toEqual(Array(latestSchemaVersion).fill(1));
  expect(applied.at(-1)!.version).toBe(latestSchemaVersion);
});
