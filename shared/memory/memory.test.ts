import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, TINY_MODEL_DIR } from '../../test/helpers/temp-store';
import { loadTransformersEmbedder } from '../embeddings/transformers';
import { indexDocuments } from '../search/documents';
import { openSpace, type VectorSpace } from '../search/spaces';
import type { Store } from '../store/open';
import { forgetMemories, listMemories, memoryHistory, recall, remember } from './index';

let ctx: ReturnType<typeof tempStore>;
let store: Store;
let space: VectorSpace;
beforeEach(async () => {
  ctx = tempStore();
  store = ctx.store;
  space = await openSpace(store, 'lexical');
});
afterEach(() => ctx.cleanup());

const count = (table: string) => (store.db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('remember', () => {
  it('stores text, normalised tags and canonical links, and indexes it', async () => {
    const result = await remember(store, space, {
      text: '  The CI cache key must include the lockfile hash.  ',
      tags: ['CI', 'build', 'ci'],
      links: [
        { kind: 'repository', target: 'octo/app' },
        { kind: 'pull_request', target: 'https://github.com/octo/app/pull/42' },
        { kind: 'job', target: 'job-7' },
      ],
    });
    expect(result.outcome).toBe('created');
    expect(result.memory).toMatchObject({
      text: 'The CI cache key must include the lockfile hash.',
      tags: ['build', 'ci'],
      timesRemembered: 1,
      links: [
        { kind: 'job', target: 'job-7' },
        { kind: 'pull_request', target: 'github:octo/app#42' },
        { kind: 'repository', target: 'github:octo/app' },
      ],
    });
    expect(count(space.tableName)).toBe(1);
  });

  it('merges a near-duplicate: newest wording wins, tags and links unite, history keeps every version', async () => {
    const first = await remember(store, space, { text: 'Deploys to staging need the VPN turned on first.', tags: ['deploy'], at: '2025-01-01T00:00:00.000Z' });
    await remember(store, space, { text: 'Unrelated: the design review moved to Thursday afternoons.', at: '2025-01-02T00:00:00.000Z' });
    const second = await remember(store, space, {
      text: 'Deploys to staging need the VPN turned on first!',
      tags: ['vpn'],
      links: [{ kind: 'job', target: 'j1' }],
      at: '2025-02-01T00:00:00.000Z',
    });
    expect(second.outcome).toBe('merged');
    expect(second.memory.id).toBe(first.memory.id);
    expect(second.merged?.similarity).toBeGreaterThan(0.9);
    expect(second.memory).toMatchObject({ text: 'Deploys to staging need the VPN turned on first!', tags: ['deploy', 'vpn'], timesRemembered: 2, updatedAt: '2025-02-01T00:00:00.000Z' });
    expect(memoryHistory(store.db, first.memory.id).map((v) => [v.event, v.text])).toEqual([
      ['created', 'Deploys to staging need the VPN turned on first.'],
      ['merged', 'Deploys to staging need the VPN turned on first!'],
    ]);
    expect(count('memories')).toBe(2);
    // One document and one vector per memory: the merged memory was re-indexed in place.
    expect(count(`search_documents where kind = 'memory'`)).toBe(2);
    expect(count(space.tableName)).toBe(2);
  });

  it('keeps similar but different memories apart, and never merges with --no-merge', async () => {
    await remember(store, space, { text: 'The API server listens on port 8080 in development.' });
    const other = await remember(store, space, { text: 'Postgres runs in a container named db during development.' });
    expect(other.outcome).toBe('created');
    const forced = await remember(store, space, { text: 'The API server listens on port 8080 in development.', merge: false });
    expect(forced.outcome).toBe('created');
    expect(count('memories')).toBe(3);
  });

  it('merges exact duplicates even across embedders', async () => {
    await remember(store, space, { text: 'Use pnpm, not npm, in the monorepo.' });
    const tiny = await openSpace(store, await loadTransformersEmbedder({ modelDir: TINY_MODEL_DIR }));
    const again = await remember(store, tiny, { text: 'use pnpm, not npm, in the monorepo.' });
    expect(again.outcome).toBe('merged');
  });
});

describe('remember: bad input', () => {
  it.each([
    [{ text: '   ' }, /empty/],
    [{ text: 'x'.repeat(20_001) }, /20,001 characters long; the limit is 20,000/],
    [{ text: 'ok', tags: ['has space'] }, /Tag "has space" is not allowed/],
    [{ text: 'ok', tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, /at most 32 tags/],
    [{ text: 'ok', links: [{ kind: 'repository' as const, target: 'not a repo' }] }, /not a repository reference/],
    [{ text: 'ok', links: [{ kind: 'pull_request' as const, target: 'octo/app' }] }, /not a pull request reference.*owner\/name#123/],
  ])('%j is INVALID_INPUT and writes nothing', async (input, pattern) => {
    await expect(remember(store, space, input)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(pattern) });
    expect(count('memories')).toBe(0);
  });
});

describe('recall and list', () => {
  beforeEach(async () => {
    await remember(store, space, { text: 'Search latency regressed after enabling FTS5 trigram tokenizer.', tags: ['perf', 'search'], links: [{ kind: 'repository', target: 'octo/app' }], at: '2025-03-10T00:00:00.000Z' });
    await remember(store, space, { text: 'Vector search needs the sqlite-vec extension loaded per connection.', tags: ['search'], at: '2025-04-02T00:00:00.000Z' });
    await remember(store, space, { text: 'Release notes are generated from merged PR titles.', tags: ['release'], links: [{ kind: 'repository', target: 'octo/app' }], at: '2025-05-20T00:00:00.000Z' });
    // Other kinds in the index are never returned by recall.
    indexDocuments(store, [{ kind: 'repository', refKey: 'github:x/search', title: 'search engine', body: 'search latency tokenizer' }]);
  });

  it('finds memories by keywords and meaning, with per-retriever scores', async () => {
    const result = await recall(store, space, { query: 'why did search latency get worse?' });
    expect(result.memories[0]?.text).toMatch(/latency regressed/);
    expect(result.memories[0]?.bm25).not.toBeNull();
    expect(result.memories.every((m) => typeof m.id === 'number')).toBe(true);
  });

  it.each([
    ['a tag', { tags: ['search'] }, [/latency/, /sqlite-vec/]],
    ['two tags (all must match)', { tags: ['search', 'perf'] }, [/latency/]],
    ['a repository link', { link: { kind: 'repository' as const, target: 'octo/app' } }, [/latency/, /Release/]],
    ['a time range', { since: '2025-04-01', until: '2025-05-01' }, [/sqlite-vec/]],
  ])('filters by %s exactly', async (_name, filters, expected) => {
    const result = await recall(store, space, { query: 'search release latency vector notes', ...filters });
    expect(result.memories).toHaveLength(expected.length);
    for (const pattern of expected) expect(result.memories.some((m) => pattern.test(m.text))).toBe(true);
    const page = listMemories(store, filters);
    expect(page.total).toBe(expected.length);
  });

  it('lists newest first with an opaque cursor', () => {
    const first = listMemories(store, { limit: 2 });
    expect(first.total).toBe(3);
    expect(first.memories.map((m) => m.updatedAt.slice(0, 7))).toEqual(['2025-05', '2025-04']);
    const second = listMemories(store, { limit: 2, cursor: first.nextCursor! });
    expect(second.memories.map((m) => m.updatedAt.slice(0, 7))).toEqual(['2025-03']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    [{ since: 'yesterday-ish' }, /not a date/],
    [{ since: '2025-05-01', until: '2025-04-01' }, /time range is empty/],
    [{ cursor: 'garbage' }, /not one an earlier listing returned; start again without a cursor/],
    [{ limit: 0 }, /from 1 to 200/],
  ])('list refuses %j', (input, pattern) => {
    expect(() => listMemories(store, input)).toThrow(pattern);
  });

  it('recall refuses an empty query', async () => {
    await expect(recall(store, space, { query: ' ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('forget', () => {
  it('deletes the memory, its links, history, document and vector', async () => {
    const a = await remember(store, space, { text: 'Alpha memory', tags: ['x'], links: [{ kind: 'job', target: 'j' }] });
    await remember(store, space, { text: 'Beta memory about something else entirely' });
    expect(forgetMemories(store, [a.memory.id])).toEqual({ forgotten: [a.memory.id] });
    expect(count('memories')).toBe(1);
    expect(count('memory_links')).toBe(0);
    expect(count(`memory_history where memory_id = ${a.memory.id}`)).toBe(0);
    expect(count(`search_documents where kind = 'memory'`)).toBe(1);
    expect(count(space.tableName)).toBe(1);
    expect((await recall(store, space, { query: 'alpha' })).memories.map((m) => m.text)).not.toContain('Alpha memory');
  });

  it('is all or nothing: an unknown id forgets none', async () => {
    const a = await remember(store, space, { text: 'Keep me' });
    expect(() => forgetMemories(store, [a.memory.id, 999])).toThrow(expect.objectContaining({ code: 'MEMORY_NOT_FOUND', message: expect.stringMatching(/999/) }));
    expect(count('memories')).toBe(1);
    expect(() => forgetMemories(store, [])).toThrow(/at least one memory id/);
  });
});

describe('near-duplicate guard', () => {
  it('does not merge restatements that change a number', async () => {
    await remember(store, space, { text: 'The API server listens on port 8080.' });
    const changed = await remember(store, space, { text: 'The API server listens on port 9090.' });
    expect(changed.outcome).toBe('created');
    const same = await remember(store, space, { text: 'the API server listens on port 9090' });
    expect(same.outcome).toBe('merged');
  });
});
