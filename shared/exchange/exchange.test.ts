import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/temp-store';
import type { Store } from '../store/open';
import { exportRepositories } from './export';
import { IMPORT_LIMITS, importRepositories } from './import';

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

describe('import: big inputs stream', () => {
  const record = (i: number) => ({ full_name: `owner${i % 7}/repo-${i}`, description: `Repository number ${i}.` });

  it('rejects a 160 MB line after reading at most the line cap of it into memory', async () => {
    const LINE_MB = 160;
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    // A lazy stream: the line exists only as it is read, so any growth is the reader's buffering.
    async function* source() {
      yield Buffer.from(`${JSON.stringify(full)}\n{"full_name":"a/b","description":"`);
      for (let i = 0; i < LINE_MB; i++) yield chunk;
      yield Buffer.from('"}\n');
    }
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    try {
      await expect(importRepositories(store, Readable.from(source()))).rejects.toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringMatching(/^Line 2 is 167,772,1\d\d bytes long \(limit 1,000,000\); nothing was imported/) });
    } finally {
      clearInterval(sampler);
    }
    // readline held the whole line (160 MB and more) before its length was checked; the capped
    // reader holds 1 MB, plus read buffers the garbage collector frees lazily (~35 MB measured).
    expect((peak - before) / 1024 / 1024).toBeLessThan(80);
    expect(count('select count(*) as n from repositories')).toBe(0);
  }, 60_000);

  it('writes in batches: an interrupted import keeps its committed batches and a re-run finishes without duplicates', async () => {
    const input = () => lines(...Array.from({ length: 1_250 }, (_, i) => record(i)));
    const controller = new AbortController();
    const progress: number[] = [];
    const interrupted = importRepositories(store, input(), {
      limits: { batchRecords: 500 },
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.done);
        if (p.done === 500) controller.abort();
      },
    });
    await expect(interrupted).rejects.toMatchObject({ code: 'INTERRUPTED', message: expect.stringMatching(/after 500 of 1,250 records, which are saved; run the same import again/) });
    expect(count('select count(*) as n from repositories')).toBe(500);
    const again = await importRepositories(store, input(), { limits: { batchRecords: 500 } });
    expect(again).toMatchObject({ repositories: 1_250, added: 750 });
    expect(count('select count(*) as n from repositories')).toBe(1_250);
    expect(count(`select count(*) as n from search_documents where kind = 'repository'`)).toBe(1_250);
  });

  it('a repeated key imports its last line once', async () => {
    const result = await importRepositories(store, lines(record(1), { ...record(1), description: 'Last.' }, record(2)), { limits: { batchRecords: 1 } });
    expect(result).toMatchObject({ repositories: 2, added: 2 });
    expect(store.db.prepare(`select description from repositories where key = 'github:owner1/repo-1'`).get()).toEqual({ description: 'Last.' });
  });

  it('refuses a file over the documented record cap before writing anything', async () => {
    await expect(importRepositories(store, lines(record(1), record(2), record(3)), { limits: { records: 2 } })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringMatching(/more than 2 records \(line 3\), the most one import takes; nothing was imported\. Split it/),
    });
    expect(count('select count(*) as n from repositories')).toBe(0);
    expect(IMPORT_LIMITS).toEqual({ lineBytes: 1_000_000, records: 500_000, batchRecords: 500, batchBytes: 4_000_000 });
  });
});
