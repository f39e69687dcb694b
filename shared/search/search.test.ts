import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore, TINY_MODEL_DIR } from '../../test/helpers/temp-store';
import { createLexicalEmbedder, LEXICAL_MODEL } from '../embeddings/lexical';
import { loadTransformersEmbedder } from '../embeddings/transformers';
import type { Embedder } from '../embeddings/types';
import type { Store } from '../store/open';
import { indexDocuments, removeDocuments, type SearchDocumentInput } from './documents';
import { MAX_QUERY_CHARS } from './query';
import { searchDocuments } from './search';
import { listSpaces, openSpace, type VectorSpace } from './spaces';
import { countPending, syncEmbeddings } from './sync';
import { writeVectors } from './vectors';

const docs: SearchDocumentInput[] = [
  { kind: 'repository', refKey: 'github:webtorrent/webtorrent', owner: 'webtorrent', title: 'webtorrent', body: 'Streaming torrent client for Node.js and the browser.', language: 'JavaScript', topics: ['torrent', 'p2p'], health: 82, stars: 29000 },
  { kind: 'repository', refKey: 'github:mafintosh/peerflix', owner: 'mafintosh', title: 'peerflix', body: 'Streaming torrent client.', language: 'JavaScript', health: 40, stars: 6000 },
  { kind: 'repository', refKey: 'github:bitcoinjs/bitcoinjs-lib', owner: 'bitcoinjs', title: 'bitcoinjs-lib', body: 'Clean, readable, proven Bitcoin library.', language: 'TypeScript', health: 90 },
  { kind: 'repository', refKey: 'github:expressjs/express', owner: 'expressjs', title: 'express', body: 'Fast, unopinionated, minimalist web framework.', language: 'JavaScript', health: 95 },
  { kind: 'issue', refKey: 'github:webtorrent/webtorrent#12', repoKey: 'github:webtorrent/webtorrent', owner: 'webtorrent', title: 'Seeding stalls on large torrents', body: 'When seeding a 4 GB torrent the upload stops.', topics: ['bug', 'good first issue'], state: 'open' },
  { kind: 'pull_request', refKey: 'github:expressjs/express#5', repoKey: 'github:expressjs/express', owner: 'expressjs', title: 'Faster router matching', body: 'Precompile route regular expressions.' },
];

let ctx: ReturnType<typeof tempStore>;
let store: Store;
beforeEach(() => {
  ctx = tempStore();
  store = ctx.store;
});
afterEach(() => ctx.cleanup());

async function lexicalSpace(): Promise<VectorSpace> {
  const space = await openSpace(store, 'lexical');
  await syncEmbeddings(store, space);
  return space;
}

describe('indexDocuments', () => {
  it('inserts, detects unchanged rows by content, and updates changed ones', () => {
    expect(indexDocuments(store, docs)).toMatchObject({ inserted: 6, updated: 0, unchanged: 0 });
    expect(indexDocuments(store, docs)).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
    const changed = [{ ...docs[0]!, body: 'A new description' }];
    expect(indexDocuments(store, changed)).toMatchObject({ updated: 1 });
    // FTS5 follows by trigger: the old words are gone, the new ones found.
    const fts = (q: string) => store.db.prepare('select count(*) as n from search_fts where search_fts match ?').get(q) as { n: number };
    expect(fts('"description"').n).toBe(1);
    expect(fts('"browser"').n).toBe(0);
  });

  it('refuses unknown kinds, empty keys and out-of-range health', () => {
    expect(() => indexDocuments(store, [{ ...docs[0]!, kind: 'wiki' as never }])).toThrow(/Unknown document kind "wiki"/);
    expect(() => indexDocuments(store, [{ ...docs[0]!, refKey: ' ' }])).toThrow(/non-empty refKey/);
    expect(() => indexDocuments(store, [{ ...docs[0]!, health: 101 }])).toThrow(/between 0 and 100/);
    expect((store.db.prepare('select count(*) as n from search_documents').get() as { n: number }).n).toBe(0);
  });
});

describe('searchDocuments', () => {
  beforeEach(() => {
    indexDocuments(store, docs);
  });

  it('fuses BM25 and vector ranks and reports each retriever per hit', async () => {
    const space = await lexicalSpace();
    const result = await searchDocuments(store, space, { query: 'torrent streaming client' });
    expect(result.mode).toBe('hybrid');
    expect(result.embedder).toEqual({ name: 'lexical', model: LEXICAL_MODEL });
    const top = result.hits.slice(0, 2).map((h) => h.refKey).sort();
    expect(top).toEqual(['github:mafintosh/peerflix', 'github:webtorrent/webtorrent']);
    const hit = result.hits[0]!;
    expect(hit.bm25).toMatchObject({ rank: expect.any(Number), score: expect.any(Number) });
    expect(hit.vector).toMatchObject({ rank: expect.any(Number), similarity: expect.any(Number) });
    expect(hit.snippet).toMatch(/\*\*torrent\*\*/i);
    expect(result.hits.map((h) => h.score)).toEqual([...result.hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it.each([
    ['kind', { kinds: ['issue' as const] }, ['github:webtorrent/webtorrent#12']],
    ['owner (case-insensitive)', { owner: 'MAFINTOSH' }, ['github:mafintosh/peerflix']],
    ['language', { language: 'typescript' }, ['github:bitcoinjs/bitcoinjs-lib']],
    ['minimum health', { minHealth: 80, kinds: ['repository' as const] }, ['github:webtorrent/webtorrent', 'github:bitcoinjs/bitcoinjs-lib', 'github:expressjs/express']],
  ])('filters by %s in both retrievers', async (_name, filters, expected) => {
    // Every document the filter lets through has a word of the query (torrent, bitcoin,
    // library, web, framework, seeding, client), so each retriever must return exactly them.
    const space = await lexicalSpace();
    for (const mode of ['bm25', 'vector', 'hybrid'] as const) {
      const result = await searchDocuments(store, space, { query: 'torrent bitcoin web framework library seeding client', mode, limit: 20, ...filters });
      expect(result.hits.map((h) => h.refKey).sort(), mode).toEqual([...expected].sort());
    }
  });

  it('works on BM25 alone without a vector space, and says so', async () => {
    const result = await searchDocuments(store, null, { query: 'bitcoin' });
    expect(result.mode).toBe('bm25');
    expect(result.embedder).toBeNull();
    expect(result.hits[0]?.refKey).toBe('github:bitcoinjs/bitcoinjs-lib');
    expect(result.hits[0]?.vector).toBeNull();
  });

  it.each([
    // Quotes, NEAR, column filters, operators and prefix stars are inert: only the words count.
    ['"unbalanced', []],
    ['NEAR(torrent client)', ['github:mafintosh/peerflix', 'github:webtorrent/webtorrent', 'github:webtorrent/webtorrent#12']],
    // As a column filter it would find only titles with "torrent" (the issue); as a word it finds peerflix's description too.
    ['title:torrent OR *', ['github:mafintosh/peerflix', 'github:webtorrent/webtorrent', 'github:webtorrent/webtorrent#12']],
    ['NOT bitcoin', ['github:bitcoinjs/bitcoinjs-lib']],
    // As a prefix query it would find "express"; as a word, nothing has "expres".
    ['expres*', []],
    ['a AND NOT b', []],
    ["'; drop table x; --", []],
  ])('treats FTS5 syntax in user input as plain words: %s', async (query, expected) => {
    const result = await searchDocuments(store, null, { query, mode: 'bm25', limit: 20 });
    expect(result.hits.map((h) => h.refKey).sort()).toEqual(expected);
    expect((store.db.prepare('select count(*) as n from search_documents').get() as { n: number }).n).toBe(docs.length);
  });
});

describe('searchDocuments: bad input', () => {
  it('vector mode without an embedder is INVALID_INPUT, with another search mode as the remedy', async () => {
    await expect(searchDocuments(store, null, { query: 'bitcoin', mode: 'vector' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Vector search needs an embedder, and none is configured; search in bm25 or hybrid mode.',
      remedy: { do: 'fix_input', input: 'searchMode' },
    });
  });

  it('an empty or blank query is INVALID_INPUT', async () => {
    for (const query of ['', '   ', '\n\t']) {
      await expect(searchDocuments(store, null, { query })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) });
    }
  });

  it('a huge query is cut at the bound with a notice, not refused', async () => {
    indexDocuments(store, docs);
    const result = await searchDocuments(store, null, { query: `torrent ${'word '.repeat(50_000)}` });
    expect(result.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(result.notice).toMatch(/cut to its first .* characters \(it had 250,00\d; the limit is 1,000\)/);
    expect(result.hits[0]?.refKey).toMatch(/torrent/);
  });

  it('punctuation only gives no hits and a notice', async () => {
    indexDocuments(store, docs);
    const result = await searchDocuments(store, null, { query: '?!…', mode: 'bm25' });
    expect(result.hits).toEqual([]);
    expect(result.notice).toMatch(/no searchable words/);
  });

  it.each(['hybrid', 'vector'] as const)('punctuation only in %s mode gives the same notice as BM25', async (mode) => {
    indexDocuments(store, docs);
    const space = await lexicalSpace();
    const result = await searchDocuments(store, space, { query: '?!…', mode });
    expect(result.mode).toBe(mode);
    expect(result.hits).toEqual([]);
    expect(result.notice).toMatch(/^"\?!…" has no searchable words \(only punctuation or very common words\)\.$/);
  });

  it.each([0, 101, 2.5])('limit %s is INVALID_INPUT', async (limit) => {
    await expect(searchDocuments(store, null, { query: 'x', limit })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('a query vector of the wrong dimension is EMBEDDING_DIMENSION_MISMATCH', async () => {
    indexDocuments(store, docs);
    const space = await lexicalSpace();
    await expect(searchDocuments(store, space, { query: 'x', vector: new Float32Array(3) })).rejects.toMatchObject({ code: 'EMBEDDING_DIMENSION_MISMATCH' });
  });
});

describe('embedding spaces', () => {
  beforeEach(() => {
    indexDocuments(store, docs);
  });

  it('embeds only rows whose text changed', async () => {
    const space = await lexicalSpace();
    expect(countPending(store, space)).toBe(0);
    indexDocuments(store, [{ ...docs[1]!, body: 'Streaming torrent client with a terminal UI.' }, { ...docs[2]!, health: 10 }]);
    // A health change is a filter update in place, not a re-embed.
    expect(countPending(store, space)).toBe(1);
    expect(await syncEmbeddings(store, space)).toMatchObject({ embedded: 1, pending: 1 });
    const filtered = await searchDocuments(store, space, { query: 'bitcoin', mode: 'vector', minHealth: 50 });
    expect(filtered.hits.map((h) => h.refKey)).not.toContain('github:bitcoinjs/bitcoinjs-lib');
  });

  it('switching embedder makes a new space and never mixes vectors', async () => {
    const lexical = await lexicalSpace();
    const tiny = await openSpace(store, await loadTransformersEmbedder({ modelDir: TINY_MODEL_DIR }));
    expect(tiny.id).not.toBe(lexical.id);
    expect(countPending(store, tiny)).toBe(docs.length);
    await syncEmbeddings(store, tiny);
    const spaces = listSpaces(store.db);
    expect(spaces.map((s) => [s.embedder, s.dimensions, s.vectors, s.pending])).toEqual([
      ['lexical', 128, 6, 0],
      ['transformers', 16, 6, 0],
    ]);
    // The tiny model end to end: stored, searched, scored.
    const result = await searchDocuments(store, tiny, { query: 'torrent', mode: 'vector' });
    expect(result.embedder?.name).toBe('transformers');
    expect(result.hits.length).toBeGreaterThan(0);
    // Opening the same model again finds the same space.
    expect((await openSpace(store, await loadTransformersEmbedder({ modelDir: TINY_MODEL_DIR }))).id).toBe(tiny.id);
  });

  it('refitting the lexical IDF creates a new space and retires the old one once complete', async () => {
    const first = await lexicalSpace();
    indexDocuments(
      store,
      Array.from({ length: 40 }, (_, i) => ({ kind: 'repository' as const, refKey: `github:many/repo${i}`, title: `repo${i}`, body: `tool number ${i} for parsing` })),
    );
    const second = await openSpace(store, 'lexical');
    expect(second.id).not.toBe(first.id);
    expect(second.embedder.revision).not.toBe(first.embedder.revision);
    const result = await syncEmbeddings(store, second);
    expect(result).toMatchObject({ embedded: 46, retired: 1 });
    expect(listSpaces(store.db).map((s) => s.id)).toEqual([second.id]);
    expect(store.db.prepare(`select name from sqlite_master where name = ?`).get(first.tableName)).toBeUndefined();
  });

  it('an interrupted re-embed keeps finished batches and the next run completes it', async () => {
    const space = await openSpace(store, 'lexical');
    const controller = new AbortController();
    let batches = 0;
    const run = syncEmbeddings(store, space, {
      batchSize: 2,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 0 && ++batches === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'INTERRUPTED' });
    expect(countPending(store, space)).toBe(docs.length - 2);
    // Every stored vector has its bookkeeping row and vice versa.
    const vectors = (store.db.prepare(`select count(*) as n from ${space.tableName}`).get() as { n: number }).n;
    const rows = (store.db.prepare('select count(*) as n from document_embeddings where space_id = ?').get(space.id) as { n: number }).n;
    expect(vectors).toBe(2);
    expect(rows).toBe(2);
    expect(await syncEmbeddings(store, space)).toMatchObject({ embedded: docs.length - 2 });
    expect(countPending(store, space)).toBe(0);
  });

  it('a vector of the wrong dimension is refused and nothing is written', async () => {
    const space = await openSpace(store, 'lexical');
    const id = (store.db.prepare('select id, content_hash from search_documents limit 1').get() as { id: number; content_hash: string });
    expect(() => writeVectors(store.db, space, [{ docId: id.id, contentHash: 'x', vector: new Float32Array(16) }])).toThrow(/16 dimensions but space .* holds 128/);
    expect(countPending(store, space)).toBe(docs.length);
  });

  it('an embedder that returns vectors of the wrong size fails the batch without writing', async () => {
    const liar: Embedder = { ...createLexicalEmbedder(), revision: 'liar', embed: async (texts) => texts.map(() => new Float32Array(8)) };
    const space = await openSpace(store, liar);
    await expect(syncEmbeddings(store, space)).rejects.toMatchObject({ code: 'EMBEDDING_DIMENSION_MISMATCH' });
    expect(countPending(store, space)).toBe(docs.length);
  });

  it('removing documents removes their vectors from every space', async () => {
    const space = await lexicalSpace();
    expect(removeDocuments(store, [{ kind: 'repository', refKey: 'github:mafintosh/peerflix' }, { kind: 'repository', refKey: 'github:no/such' }])).toBe(1);
    expect((store.db.prepare(`select count(*) as n from ${space.tableName}`).get() as { n: number }).n).toBe(docs.length - 1);
    const result = await searchDocuments(store, space, { query: 'streaming torrent', mode: 'vector' });
    expect(result.hits.map((h) => h.refKey)).not.toContain('github:mafintosh/peerflix');
  });
});
