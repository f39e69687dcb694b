import { RepoScoutError } from '../errors';
import type { z } from 'zod';
import type { searchHitSchema, SearchResult } from '../protocol/tools/search';
import type { Store } from '../store/open';
import { getDocumentsByIds, parseTopics, type SearchDocumentRow } from './documents';
import { reciprocalRankFusion, type RankedList } from './fuse';
import { findConcepts, queryConcepts, expansionTerms, EXPANSION_BODY_CHARS, type ConceptMatch } from './lexicon';
import { expandedMatchExpression, prepareQuery } from './query';
import { bm25Search, vectorSearch, type SearchFilters } from './retrievers';
import { highlightSnippet } from './snippet';
import { currentSpace, type VectorSpace } from './spaces';
import { assertDimensions } from './vectors';

export type SearchMode = SearchResult['mode'];
export const MAX_SEARCH_LIMIT = 100;

/**
 * The search parameters that are not a priori choices. `npm run eval` fixes them on the
 * development split of its labelled set (grid printed there) and reports the held-out split.
 */
export interface SearchTuning {
  /** BM25 weight of the expansion field (title 3, topics 2, body 1). */
  expansionWeight: number;
  /**
   * Weight of the vector list in reciprocal rank fusion (BM25's is 1) when the query is a
   * document ("more like this": similar repositories). Typed queries are a few words, where
   * the built-in embedder sees little; they fuse both lists equally (an a-priori choice:
   * the evaluation set has no typed queries to fit it on).
   */
  vectorWeight: number;
}
export const DEFAULT_TUNING: SearchTuning = { expansionWeight: 3, vectorWeight: 4 };

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
  /** Expand the query with the developer-vocabulary lexicon (default true; false is plain BM25). */
  expand?: boolean;
  /** Concept terms to match in the expansion field instead of the query's own (a "similar" query passes its seed's). */
  concepts?: readonly string[];
  /** Parameters other than the defaults (the evaluation's grid search). */
  tuning?: Partial<SearchTuning>;
}

/**
 * A hit: the search tool's hit record (shared/protocol/tools/search.ts: snippet, fused score,
 * each retriever's rank, lexicon expansions), with the document's id, its own key and its
 * repository's under their engine names, and what recommendations rank by (topics, stars).
 */
export type SearchHit = Omit<z.output<typeof searchHitSchema>, 'key' | 'repository'> & {
  id: number;
  refKey: string;
  repoKey: string | null;
  topics: string[];
  stars: number | null;
};

/** The search tool's record (`embedder`: the space the vector side used, null for BM25 only), with the engine's hits. */
export type SearchResponse = Omit<SearchResult, 'hits'> & { hits: SearchHit[] };

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
    if (mode === 'vector') throw new RepoScoutError('INVALID_INPUT', 'Vector search needs an embedder, and none is configured; search in bm25 or hybrid mode.', { remedy: { do: 'fix_input', input: 'searchMode' } });
    mode = 'bm25';
  }
  const excluded = new Set(request.excludeIds ?? []);
  const depth = Math.max(request.depth ?? Math.max(limit * 5, 50), limit) + excluded.size;
  const filters: SearchFilters = { kinds: request.kinds, owner: request.owner, language: request.language, minHealth: request.minHealth, ids: request.ids };
  const lists: RankedList[] = [];
  const bm25 = new Map<number, { rank: number; score: number }>();
  const vector = new Map<number, { rank: number; similarity: number }>();

  const tuning = { ...DEFAULT_TUNING, ...request.tuning };
  const expand = request.expand !== false;
  const matched: ConceptMatch[] = expand && !request.concepts ? queryConcepts(prepared.text) : [];
  const concepts = expand ? (request.concepts ?? matched.map((m) => m.concept)) : [];
  if (mode !== 'vector') {
    const match = expandedMatchExpression(prepared.text, concepts, !request.concepts);
    if (match) {
      const hits = bm25Search(store.db, match, filters, depth, expand ? tuning.expansionWeight : 0).filter((h) => !excluded.has(h.id));
      hits.forEach((h, i) => bm25.set(h.id, { rank: i + 1, score: h.score }));
      lists.push({ name: 'bm25', ids: hits.map((h) => h.id) });
    }
  }
  if (mode !== 'bm25' && space) {
    // Documents embed their expansion too, so the query does: "pg" lands near "PostgreSQL".
    const queryText = concepts.length && !request.concepts ? `${prepared.text}\n${concepts.join(', ')}` : prepared.text;
    const queryVector = request.vector ?? (await space.embedder.embed([queryText]))[0]!;
    assertDimensions(space, queryVector, 'the query');
    // A zero vector (no known word) has no direction: it would rank arbitrarily.
    if (queryVector.some((x) => x !== 0)) {
      const hits = vectorSearch(store.db, space, queryVector, filters, depth).filter((h) => !excluded.has(h.id));
      hits.forEach((h, i) => vector.set(h.id, { rank: i + 1, similarity: h.similarity }));
      lists.push({ name: 'vector', ids: hits.map((h) => h.id), weight: request.concepts || request.vector ? tuning.vectorWeight : 1 });
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
    const expansions = matchedExpansions(row, matched);
    const snippet = (b || expansions.words.length) && request.snippets !== false ? highlightSnippet(row.body, [prepared.text, ...expansions.words].join(' ')) : undefined;
    const hit = toHit(row, score, b ? { rank: b.rank, score: round(b.score) } : null, v ? { rank: v.rank, similarity: round(v.similarity) } : null, snippet);
    hit.expansions = expansions.labels;
    return [hit];
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
    expansions: [],
  };
}

/**
 * Which of the query's concepts this document has in its expansion field, as "query words →
 * concept", and the document's own words that named them (highlighted in its snippet).
 */
function matchedExpansions(row: SearchDocumentRow, matched: readonly ConceptMatch[]): { labels: string[]; words: string[] } {
  if (matched.length === 0) return { labels: [], words: [] };
  const stored = expansionTerms(row.expansion_text);
  const hits = matched.filter((m) => stored.has(m.concept));
  if (hits.length === 0) return { labels: [], words: [] };
  const own = new Map(findConcepts(`${row.title}\n${row.topics_text}\n${row.body.slice(0, EXPANSION_BODY_CHARS)}`).map((c) => [c.concept, c.from]));
  return {
    // A concept the query spelled out itself is no expansion; only synonyms are reported.
    labels: hits.filter((m) => m.from !== m.concept).map((m) => `${m.from} → ${m.concept}`),
    words: hits.flatMap((m) => (own.has(m.concept) ? [own.get(m.concept)!] : [])),
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
