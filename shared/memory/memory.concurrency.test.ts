import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleFixture } from '../../test/helpers/bundle-fixture';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test/helpers/temp-store';
import { openSpace } from '../search/spaces';
import { syncEmbeddings } from '../search/sync';
import { recall } from './recall';

const root = path.resolve(import.meta.dirname, '..', '..');
const worker = path.join(root, 'dist', 'test-memory-writer.mjs');

beforeAll(async () => {
  await bundleFixture(path.join(import.meta.dirname, 'concurrent-writer.fixture.ts'), 'test-memory-writer');
});

let ctx: ReturnType<typeof tempStore>;
afterEach(() => ctx.cleanup());

function runWriter(dbPath: string, name: string, count: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [worker, dbPath, name, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('memory under two concurrent writer processes (one WAL database)', () => {
  it('loses nothing, duplicates nothing, and keeps the index consistent', async () => {
    ctx = tempStore();
    ctx.store.close();
    const n = 60;
    const [a, b] = await Promise.all([runWriter(ctx.dbPath, 'alpha', n), runWriter(ctx.dbPath, 'beta', n)]);
    expect(a.stderr).toBe('');
    expect(b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    const outcomes = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as { created: number; merged: number }[];

    const { openStore } = await import('../store/open');
    const store = openStore(ctx.dbPath);
    try {
      const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
      // 30 shared texts (each created once, merged once) + 30 private texts per writer.
      expect(count('select count(*) as n from memories')).toBe(n / 2 + n);
      expect(outcomes[0]!.created + outcomes[1]!.created).toBe(n / 2 + n);
      expect(outcomes[0]!.merged + outcomes[1]!.merged).toBe(n / 2);
      expect(count('select count(*) as n from memories where times_remembered = 2')).toBe(n / 2);
      expect(count(`select count(*) as n from memory_history where event = 'merged'`)).toBe(n / 2);
      // Shared memories carry both writers' tags.
      expect(count(`select count(*) as n from memories where tags_json = '["alpha","beta"]'`)).toBe(n / 2);
      // One search document per memory, and after a sync one vector each in the live space.
      expect(count(`select count(*) as n from search_documents where kind = 'memory'`)).toBe(n / 2 + n);
      const space = await openSpace(store, 'lexical', { refit: 'never' });
      await syncEmbeddings(store, space);
      expect(count(`select count(*) as n from ${space.tableName}`)).toBe(n / 2 + n);
      expect(count('select count(*) as n from embedding_spaces where retired_at is null')).toBe(1);
      const found = await recall(store, space, { query: 'shared lesson 42 cache', tags: ['alpha', 'beta'], mode: 'bm25' });
      expect(found.memories[0]?.text).toMatch(/number 42:/);
    } finally {
      store.close();
    }
  });
});
