import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/temp-store';
import type { Store } from '../store/open';
import { exportRepositories } from './export';
import { importRepositories } from './import';

let ctx: ReturnType<typeof tempStore>;
let store: Store;
beforeEach(() => {
  ctx = tempStore();
  store = ctx.store;
});
afterEach(() => ctx.cleanup());

const lines = (...records: unknown[]) => Readable.from([records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')]);
const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

const full = {
  key: 'github:octo/app',
  source: 'github',
  owner: 'octo',
  name: 'app',
  path: null,
  description: 'An example application.',
  readme: '# App\n\nIt does things.',
  url: 'https://github.com/octo/app',
  language: 'TypeScript',
  topics: ['cli', 'search'],
  stars: 1200,
  health: 77,
  updatedAt: '2025-06-01T00:00:00.000Z',
  issues: [{ number: 3, title: 'Add --json everywhere', body: 'Please.', labels: ['good first issue'], state: 'open', url: 'https://github.com/octo/app/issues/3', updatedAt: '2025-06-02T00:00:00.000Z' }],
};

describe('import / export', () => {
  it('round-trips records: export of an import equals the input', async () => {
    const result = await importRepositories(store, lines(full, { full_name: 'sindresorhus/got', description: 'HTTP requests.' }));
    expect(result).toMatchObject({ repositories: 2, added: 2, issues: 1, skipped: [] });
    const exported = [...exportRepositories(store)];
    expect(exported[0]).toEqual(full);
    expect(exported[1]).toMatchObject({ key: 'github:sindresorhus/got', owner: 'sindresorhus', name: 'got', url: 'https://github.com/sindresorhus/got', topics: [], issues: [] });
    // and again into a second database
    const other = tempStore();
    try {
      await importRepositories(other.store, Readable.from([exported.map((r) => JSON.stringify(r)).join('\n')]));
      expect([...exportRepositories(other.store)]).toEqual(exported);
    } finally {
      other.cleanup();
    }
  });

  it('writes repositories rows and search documents; re-import updates in place', async () => {
    await importRepositories(store, lines(full));
    expect(count('select count(*) as n from repositories')).toBe(1);
    expect(count(`select count(*) as n from search_documents where kind = 'repository'`)).toBe(1);
    expect(count(`select count(*) as n from search_documents where kind = 'issue'`)).toBe(1);
    const again = await importRepositories(store, lines({ ...full, description: 'Changed.' }));
    expect(again.added).toBe(0);
    expect(count('select count(*) as n from repositories')).toBe(1);
    expect([...exportRepositories(store)][0]?.description).toBe('Changed.');
  });

  it('accepts the awesome-nodejs list shape and ignores unknown fields', async () => {
    const file = path.resolve(import.meta.dirname, '../../test/eval/awesome-nodejs.jsonl');
    const result = await importRepositories(store, file);
    expect(result.repositories).toBe(fs.readFileSync(file, 'utf8').trim().split('\n').length);
    expect(JSON.stringify([...exportRepositories(store)][0])).not.toContain('category');
  });
});

describe('import: bad input keeps the database as it was', () => {
  it.each([
    ['not JSON', '{nope', /Line 2 is not JSON/],
    ['no identity', { description: 'x' }, /Line 2 a record needs key, full_name/],
    ['a wrong type', { full_name: 'a/b', stars: 'many' }, /Line 2 field "stars"/],
    ['a bad key', { key: 'gitlab:a/b' }, /Line 2 field "key": key must look like github/],
    ['health out of range', { full_name: 'a/b', health: 140 }, /Line 2 field "health"/],
  ])('%s is IMPORT_INVALID naming the line and nothing is written', async (_name, bad, pattern) => {
    await expect(importRepositories(store, lines(full, bad))).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringMatching(pattern) });
    expect(count('select count(*) as n from repositories')).toBe(0);
    expect(count('select count(*) as n from search_documents')).toBe(0);
  });

  it('--skip-invalid imports the good lines and reports the bad ones', async () => {
    const result = await importRepositories(store, lines(full, '{nope', '', { full_name: 'a/b' }), { skipInvalid: true });
    expect(result.repositories).toBe(2);
    expect(result.skipped).toEqual([{ line: 2, problem: expect.stringMatching(/not JSON/) }]);
  });

  it('a missing file is PATH_NOT_FOUND', async () => {
    await expect(importRepositories(store, path.join(ctx.dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'PATH_NOT_FOUND' });
  });
});
