import { describe, expect, it } from 'vitest';
import { connectInMemory, emptyStore, searchableFixture, servedFixture, textOf } from '../test-support';

// One database for this file: a researched clone and five imported GitHub records.
const fx = servedFixture(searchableFixture);

type Hit = { kind: string; key: string; snippet: string; health: number | null; language: string | null; owner: string | null; bm25: { rank: number } | null; vector: { rank: number; similarity: number } | null };
type Search = { query: string; mode: string; embedder: { name: string } | null; notice: string | null; hits: Hit[] };
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'search', arguments: args });
const searched = (result: Awaited<ReturnType<typeof call>>) => result.structuredContent as Search;

describe('search: behaviour', () => {
  it('finds repositories and issues with snippets and both retrievers\' ranks', async () => {
    const result = await call({ query: 'fuzzy search ranking' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = searched(result);
    expect(out).toMatchObject({ mode: 'hybrid', embedder: { name: 'lexical' }, notice: null });
    expect(out.hits.slice(0, 2).map((h) => h.key).sort()).toEqual(['github:octo/fast-search', 'github:octo/tiny-search']);
    const top = out.hits[0]!;
    expect(top.bm25?.rank).toBeGreaterThan(0);
    expect(top.vector?.rank).toBeGreaterThan(0);
    expect(top.snippet).toContain('**');
    expect(textOf(result)).toMatch(/^\d+ results, best first \(hybrid: BM25 \+ lexical vectors\):\n<<<repository data/);
  });

  it('indexes the researched local clone too (without any CLI step)', async () => {
    const out = searched(await call({ query: 'fixture', kinds: ['repository'] }));
    expect(out.hits.map((h) => h.key)).toContain(fx.key);
  });

  it.each([
    [{ kinds: ['issue'] }, (h: Hit) => h.kind === 'issue'],
    [{ owner: 'ACME' }, (h: Hit) => h.owner === 'acme'],
    [{ language: 'go' }, (h: Hit) => h.language === 'Go'],
    [{ minHealth: 80 }, (h: Hit) => (h.health ?? 0) >= 80],
  ])('applies the filter %o', async (filter, holds) => {
    const out = searched(await call({ query: 'search http logging charts', ...filter }));
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.every(holds)).toBe(true);
  });

  it('runs BM25 alone without vectors, and says when nothing matches', async () => {
    const out = searched(await call({ query: 'retries', mode: 'bm25' }));
    expect(out).toMatchObject({ mode: 'bm25', embedder: null });
    expect(out.hits.map((h) => h.key)).toEqual(['github:acme/http-client']);
    const none = await call({ query: 'zeppelin', mode: 'bm25' });
    expect(searched(none).hits).toEqual([]);
    expect(textOf(none)).toMatch(/^No results \(keyword \(BM25\)\)\.\nTry other words/);
  });

  it('cuts a long query with a notice', async () => {
    const result = await call({ query: 'search '.repeat(300) });
    expect(result.isError).toBeFalsy();
    expect(searched(result).notice).toMatch(/cut to its first \d+ characters .*the limit is 1,000/);
    expect(textOf(result)).toMatch(/^The query was cut/);
  });

  it('answers on an empty database', async () => {
    const db = emptyStore();
    const other = await connectInMemory({ store: db.store });
    try {
      const result = await other.client.callTool({ name: 'search', arguments: { query: 'anything' } });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(searched(result).hits).toEqual([]);
    } finally {
      await other.close();
      db.cleanup();
    }
  });
});

describe('search: bad input', () => {
  it.each([
    ['no query', {}, /query/],
    ['an empty query', { query: '' }, /query is empty; give at least one word/],
    ['a query of spaces', { query: '   \n ' }, /INVALID_INPUT: The query is empty; give at least one word/],
    ['a huge query', { query: 'x'.repeat(10_001) }, /query is longer than 10,000 characters; only the first 1,000 are searched/],
    ['limit 0', { query: 'a', limit: 0 }, /limit must be at least 1/],
    ['limit 51', { query: 'a', limit: 51 }, /limit is at most 50/],
    ['an unknown kind', { query: 'a', kinds: ['wiki'] }, /kinds/],
    ['no kinds', { query: 'a', kinds: [] }, /kinds/],
    ['minHealth 101', { query: 'a', minHealth: 101 }, /minHealth/],
    ['an unknown mode', { query: 'a', mode: 'semantic' }, /mode/],
    ['a misspelled argument', { query: 'a', qeury: 'b' }, /qeury/],
  ])('%s is refused with a message naming the problem', async (_case, args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
