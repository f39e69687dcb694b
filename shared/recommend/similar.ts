import { RepoScoutError } from '../errors';
import { dot } from '../embeddings/vector';
import { embeddingText } from '../search/embedding-text';
import { getDocumentsByIds, type SearchDocumentRow } from '../search/documents';
import { MAX_QUERY_CHARS } from '../search/query';
import { expansionTerms } from '../search/lexicon';
import { searchDocuments, type SearchHit, type SearchMode, type SearchTuning } from '../search/search';
import type { VectorSpace } from '../search/spaces';
import { readVectors } from '../search/vectors';
import type { Store } from '../store/open';
import { repositoryCard, stackOf } from './card';
import { diversify, type DiversityOptions } from './diversity';
import { combine, overlap, popularity, recency, type Factor } from './factors';
import { resolveRepository } from './resolve-repository';
import type { FindSimilarRepositoriesResult } from '../protocol/tools/find-similar-repositories';
import type { RepositoryRecommendation } from './types';

export interface SimilarOptions {
  /** Results, 1..50 (default 10). */
  limit?: number;
  mode?: SearchMode;
  /** Sink near-copies with the MMR penalty (default true). */
  diversity?: boolean;
  /** Milliseconds since the epoch, for the activity factor; defaults to the clock. */
  now?: number;
  /** Match the seed's lexicon concepts (default true; false is plain BM25 on its words). */
  expand?: boolean;
  /** Search parameters other than the defaults (the evaluation's grid search). */
  tuning?: Partial<SearchTuning>;
  /** Near-copy penalty parameters other than DEFAULT_DIVERSITY (the evaluation's grid search). */
  diversityTuning?: Partial<DiversityOptions>;
}

/** find_similar_repositories' record (shared/protocol/tools/find-similar-repositories.ts). */
export type SimilarResult = FindSimilarRepositoriesResult;

export interface PairContext {
  hit: SearchHit;
  row: SearchDocumentRow;
  /** Fused retrieval score scaled over the candidates: the best 1, the weakest 0. */
  relevance: number;
  seedStack: Set<string>;
  /** The seed's lexicon concepts; the relevance factor names those a candidate shares. */
  seedConcepts: Set<string>;
  now: number;
}

/** The factors behind "similar repositories", with their a-priori weights (sum 1). */
export const SIMILARITY_FACTORS: readonly Factor<PairContext>[] = [
  {
    id: 'relevance',
    label: 'Semantic and keyword similarity',
    weight: 0.6,
    measure: ({ hit, row, relevance, seedConcepts }) => ({ value: relevance, detail: retrievalDetail(hit, row, seedConcepts) }),
  },
  {
    id: 'stack',
    label: 'Tech-stack overlap (language, topics)',
    weight: 0.15,
    measure: ({ row, seedStack }) => {
      const theirs = stackOf(row);
      const value = overlap(seedStack, theirs);
      const shared = [...theirs].filter((t) => seedStack.has(t)).map((t) => t.replace(/^lang:/, ''));
      return { value, detail: value === null ? 'no language or topics on one side' : shared.length ? `shares ${shared.slice(0, 6).join(', ')}` : 'nothing in common' };
    },
  },
  {
    id: 'health',
    label: 'Health score',
    weight: 0.1,
    measure: ({ row }) => ({ value: row.health === null ? null : row.health / 100, detail: row.health === null ? 'not measured' : `${row.health}/100` }),
  },
  {
    id: 'activity',
    label: 'Recent activity',
    weight: 0.05,
    measure: ({ row, now }) => {
      const value = recency(row.updated_at, now);
      return { value, detail: value === null ? 'no activity date' : `last updated ${row.updated_at?.slice(0, 10)}` };
    },
  },
  {
    id: 'popularity',
    label: 'Popularity (log of stars)',
    weight: 0.1,
    measure: ({ row }) => ({ value: popularity(row.stars), detail: row.stars === null ? 'stars unknown' : `${row.stars.toLocaleString('en-US')} stars` }),
  },
];

/**
 * Repositories like `ref`: hybrid retrieval over the other repositories, scored by the
 * similarity factors, then diversified so near-copies do not crowd the top.
 */
export async function similarRepositories(store: Store, space: VectorSpace | null, ref: string, options: SimilarOptions = {}): Promise<SimilarResult> {
  const limit = options.limit ?? 10;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new RepoScoutError('INVALID_INPUT', `The limit must be a whole number from 1 to 50, got ${limit}.`);
  }
  const seed = resolveRepository(store.db, ref);
  // The seed's own words; its concepts are matched in the expansion field (and are in its vector).
  const text = embeddingText({ ...seed, expansion_text: '' }).slice(0, MAX_QUERY_CHARS);
  const seedConcepts = expansionTerms(seed.expansion_text);
  const mode = options.mode ?? 'hybrid';
  const stored = space && mode !== 'bm25' ? currentVector(store, space, seed) : undefined;
  const response = await searchDocuments(store, space, {
    query: text,
    mode,
    kinds: ['repository'],
    excludeIds: [seed.id],
    limit: Math.min(100, Math.max(50, limit * 5)),
    vector: stored,
    snippets: false,
    expand: options.expand,
    concepts: [...seedConcepts],
    tuning: options.tuning,
  });
  const recommendations = rankRepositories(store, space, response.hits, stackOf(seed), limit, options, SIMILARITY_FACTORS, options.expand === false ? new Set() : seedConcepts);
  return { repository: repositoryCard(seed), mode: response.mode, embedder: response.embedder, recommendations };
}

/** Scores retrieved repositories with the factors and applies the diversity penalty. */
export function rankRepositories(
  store: Store,
  space: VectorSpace | null,
  hits: readonly SearchHit[],
  seedStack: Set<string>,
  limit: number,
  options: { diversity?: boolean; now?: number; diversityTuning?: Partial<DiversityOptions> },
  factors: readonly Factor<PairContext>[] = SIMILARITY_FACTORS,
  seedConcepts: Set<string> = new Set(),
): RepositoryRecommendation[] {
  const rows = getDocumentsByIds(store.db, hits.map((h) => h.id));
  // Relevance spread over the candidates (best 1, weakest 0): fused reciprocal-rank scores
  // are flat (rank 1 and rank 20 differ by a quarter), so divided by the best alone they hardly
  // vary, and a binary factor such as "same language" outweighed the retrieval itself.
  const best = Math.max(...hits.map((h) => h.score), Number.EPSILON);
  const worst = Math.min(...hits.map((h) => h.score));
  const relevanceOf = (score: number) => (hits.length > 1 && best > worst ? (score - worst) / (best - worst) : 1);
  const now = options.now ?? Date.now();
  const scored = hits.flatMap((hit) => {
    const row = rows.get(hit.id);
    if (!row) return [];
    const { score, factors: explained } = combine(factors, { hit, row, relevance: relevanceOf(hit.score), seedStack, seedConcepts, now });
    return [{ id: hit.id, score, label: row.title, row, explained }];
  });
  scored.sort((a, b) => b.score - a.score);
  const vectors = space && options.diversity !== false ? readVectors(store.db, space, scored.map((s) => s.id)) : new Map<number, Float32Array>();
  const ordered =
    options.diversity === false
      ? scored.slice(0, limit).map((item) => ({ item, penalty: 0, explanation: null }))
      : diversify(
          scored,
          (a, b) => {
            const va = vectors.get(a.id);
            const vb = vectors.get(b.id);
            return va && vb ? dot(va, vb) : null;
          },
          limit,
          options.diversityTuning,
        );
  return ordered.map(({ item, penalty, explanation }, index) => ({
    rank: index + 1,
    repository: repositoryCard(item.row),
    score: Math.round((item.score - penalty) * 10_000) / 10_000,
    factors: explanation ? [...item.explained, explanation] : item.explained,
  }));
}

/** The stored vector of a document if it is up to date in `space`. */
export function currentVector(store: Store, space: VectorSpace, row: SearchDocumentRow): Float32Array | undefined {
  const fresh = store.db.prepare('select 1 from document_embeddings where space_id = ? and doc_id = ? and content_hash = ?').get(space.id, row.id, row.content_hash);
  return fresh ? readVectors(store.db, space, [row.id]).get(row.id) : undefined;
}

function retrievalDetail(hit: SearchHit, row: SearchDocumentRow, seedConcepts: Set<string>): string {
  const parts: string[] = [];
  const shared = seedConcepts.size ? [...expansionTerms(row.expansion_text)].filter((t) => seedConcepts.has(t)) : [];
  if (hit.bm25) parts.push(`keyword rank ${hit.bm25.rank} (BM25 ${hit.bm25.score.toFixed(2)})`);
  if (hit.vector) parts.push(`semantic rank ${hit.vector.rank} (cosine ${hit.vector.similarity.toFixed(2)})`);
  if (shared.length) parts.push(`shared concepts: ${shared.slice(0, 6).join(', ')}`);
  return parts.length ? parts.join('; ') : 'retrieved';
}
