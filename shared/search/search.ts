import { RepoScoutError } from '../errors';
import type { Store } from '../store/open';
import { getDocumentsByIds, parseTopics, type DocumentKind, type SearchDocumentRow } from './documents';
import { reciprocalRankFusion, type RankedList } from './fuse';
import { ftsMatchExpression, prepareQuery } from './query';
import { bm25Search, vectorSearch, type SearchFilters } from './retrievers';
import { highlightSnippet } from './snippet';
import { currentSpace, type VectorSpace } from './spaces';
import { assertDimensions } from './vectors';

export type SearchMode = 'hybrid' | 'bm25' | 'vector';
export const MAX_SEARCH_LIMIT = 100;

export interface SearchRequest extends SearchFilters {
  query: string;
  /** Hits returned, 1..100 (default 10). */
  limit?: number;
  mode?: SearchMode;
  /** Documents never returned (the repository a "similar" query is about). */
  excludeIds?: readonly number[];
  /** Candidates each retriever contributes before fusion (default max(5 x limit, 50)). */
  depth?: number;
  /** Use this vector instead of embedding the query text (it must come from `space`). */
  vector?: Float32Array;
  /** Compute highlighted snippets (default true); recommendations that never show them skip the cost. */
  snippets?: boolean;
}

export interface SearchHit {
  id: number;
  kind: DocumentKind;
  refKey: string;
  repoKey: string | null;
  title: string;
  owner: string | null;
  language: string | null;
  topics: string[];
  health: number | null;
  stars: number | null;
  url: string | null;
  updatedAt: string | null;
  /** A passage of the body with matched words in **bold**, or its opening when only the vector matched. */
  snippet: string;
  /** Fused reciprocal-rank score (higher is better). */
  score: number;
  /** This hit's place and score in each retriever; null where that retriever did not return it. */
  bm25: { rank: number; score: number } | null;
  vector: { rank: number; similarity: number } | null;
}

export interface SearchResponse {
  query: string;
  mode: SearchMode;
  /** The space the vector side used, or null for BM25 only. */
  embedder: { name: string; model: string } | null;
  notice: string | null;
  hits: SearchHit[];
}

/**
 * Hybrid search: FTS5 BM25 and vector KNN, each with the same filters, fused by
 * reciprocal rank. Every hit carries its rank and score from each retriever.
 */
export async function searchDocuments(store: Store, requestedSpace: VectorSpace | null, request: SearchRequest): Promise<SearchResponse> {
  const space = requestedSpace && !request.vector ? await currentSpace(store, requestedSpace) : requestedSpace;
  const limit = request.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new RepoScoutError('INVALID_INPUT', `The limit must be a whole number from 1 to ${MAX_SEARCH_LIMIT}, got ${limit}.`);
  }
  const prepared = prepareQuery(request.query);
  let notice = prepared.notice;
  let mode = request.mode ?? 'hybrid';
  if (mode !== 'bm25' && !space) {
    if (mode === 'vector') throw new RepoScoutError('INVALID_INPUT', 'Vector search needs an embedder; use --mode bm25 or hybrid.');
    mode = 'bm25';
  }
  const excluded = new Set(request.excludeIds ?? []);
  const depth = Math.max(request.depth ?? Math.max(limit * 5, 50), limit) + excluded.size;
  const filters: SearchFilters = { kinds: request.kinds, owner: request.owner, language: request.language, minHealth: request.minHealth, ids: request.ids };
  const lists: RankedList[] = [];
  const bm25 = new Map<number, { rank: number; score: number }>();
  const vector = new Map<number, { rank: number; similarity: number }>();

  if (mode !== 'vector') {
    const match = ftsMatchExpression(prepared.text);
    if (match) {
      const hits = bm25Search(store.db, match, filters, depth).filter((h) => !excluded.has(h.id));
      hits.forEach((h, i) => bm25.set(h.id, { rank: i + 1, score: h.score }));
      lists.push({ name: 'bm25', ids: hits.map((h) => h.id) });
    }
  }
  if (mode !== 'bm25' && space) {
    const queryVector = request.vector ?? (await space.embedder.embed([prepared.text]))[0]!;
    assertDimensions(space, queryVector, 'the query');
    // A zero vector (no known word) has no direction: it would rank arbitrarily.
    if (queryVector.some((x) => x !== 0)) {
      const hits = vectorSearch(store.db, space, queryVector, filters, depth).filter((h) => !excluded.has(h.id));
      hits.forEach((h, i) => vector.set(h.id, { rank: i + 1, similarity: h.similarity }));
      lists.push({ name: 'vector', ids: hits.map((h) => h.id) });
    }
  }
  // Whatever the mode, a query no retriever could use says why rather than just "no results".
  const keywordless = mode !== 'vector' && !lists.some((l) => l.name === 'bm25');
  const meaningless = mode !== 'bm25' && !lists.some((l) => l.name === 'vector');
  if ((keywordless || mode === 'vector') && (meaningless || mode === 'bm25')) {
    notice ??= `"${prepared.text}" has no searchable words (only punctuation or very common words).`;
  } else if (keywordless) {
    notice ??= `"${prepared.text}" has no searchable words for keyword search (only punctuation or very common words); these results come from meaning alone.`;
  }
  const fused = reciprocalRankFusion(lists).slice(0, limit);
  const rows = getDocumentsByIds(store.db, fused.map((f) => f.id));

  const hits = fused.flatMap(({ id, score }) => {
    const row = rows.get(id);
    if (!row) return [];
    const b = bm25.get(id);
    const v = vector.get(id);
    const snippet = b && request.snippets !== false ? highlightSnippet(row.body, prepared.text) : undefined;
    return [toHit(row, score, b ? { rank: b.rank, score: round(b.score) } : null, v ? { rank: v.rank, similarity: round(v.similarity) } : null, snippet)];
  });
  return { query: prepared.text, mode, embedder: mode === 'bm25' || !space ? null : { name: space.embedder.name, model: space.embedder.model }, notice, hits };
}

export function toHit(row: SearchDocumentRow, score: number, bm25: SearchHit['bm25'], vector: SearchHit['vector'], snippet?: string): SearchHit {
  return {
    id: row.id,
    kind: row.kind,
    refKey: row.ref_key,
    repoKey: row.repo_key,
    title: row.title,
    owner: row.owner,
    language: row.language,
    topics: parseTopics(row),
    health: row.health,
    stars: row.stars,
    url: row.url,
    updatedAt: row.updated_at,
    snippet: snippet && snippet.trim() !== '' ? snippet : opening(row.body),
    score: round(score, 6),
    bm25,
    vector,
  };
}

function opening(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, flat.lastIndexOf(' ', max) > max / 2 ? flat.lastIndexOf(' ', max) : max)}…`;
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
