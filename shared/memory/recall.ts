import { RepoScoutError } from '../errors';
import { searchDocuments, type SearchMode } from '../search/search';
import type { VectorSpace } from '../search/spaces';
import type { Store } from '../store/open';
import { normalizeLink, normalizeTags } from './normalize';
import { loadMemories, memoryFilterSql } from './rows';
import type { RecallResult } from '../protocol/tools/recall';
import type { MemoryFilters } from './types';

export interface RecallInput extends MemoryFilters {
  query: string;
  /** 1..100, default 10. */
  limit?: number;
  mode?: SearchMode;
}

// What recall answers is the recall tool's record (shared/protocol/tools/recall.ts).
export type { RecallResult };
export type RecalledMemory = RecallResult['memories'][number];

/**
 * Memories relevant to a question: hybrid search (BM25 + vectors, RRF) restricted to
 * memories, with tag, link and time-range filters applied exactly before ranking.
 */
export async function recall(store: Store, space: VectorSpace | null, input: RecallInput): Promise<RecallResult> {
  const filters = normalizeFilters(input);
  const ids = hasFilters(filters) ? memoryDocumentIds(store, filters) : undefined;
  const response = await searchDocuments(store, space, {
    query: input.query,
    limit: input.limit ?? 10,
    mode: input.mode,
    kinds: ['memory'],
    ids,
  });
  const memoryIds = response.hits.map((h) => Number(h.refKey.slice('memory:'.length)));
  const memories = loadMemories(store.db, memoryIds);
  return {
    query: response.query,
    notice: response.notice,
    memories: response.hits.flatMap((hit, i) => {
      const memory = memories.get(memoryIds[i]!);
      return memory ? [{ ...memory, score: hit.score, snippet: hit.snippet, bm25: hit.bm25, vector: hit.vector }] : [];
    }),
  };
}

/** Validates and canonicalises filters (tags lower-cased, links canonical, dates ISO). */
export function normalizeFilters(filters: MemoryFilters): MemoryFilters {
  const since = filters.since ? isoDate(filters.since, 'since') : undefined;
  const until = filters.until ? isoDate(filters.until, 'until') : undefined;
  if (since && until && since >= until) {
    throw new RepoScoutError('INVALID_INPUT', `The time range is empty: since ${since} is not before until ${until}.`);
  }
  return {
    tags: filters.tags ? normalizeTags(filters.tags) : undefined,
    link: filters.link ? normalizeLink(filters.link) : undefined,
    since,
    until,
  };
}

function hasFilters(f: MemoryFilters): boolean {
  return Boolean(f.tags?.length || f.link || f.since || f.until);
}

function memoryDocumentIds(store: Store, filters: MemoryFilters): number[] {
  const { where, params } = memoryFilterSql(filters);
  const rows = store.db
    .prepare(
      `select d.id from memories m join search_documents d on d.kind = 'memory' and d.ref_key = 'memory:' || m.id
       ${where.length ? `where ${where.join(' and ')}` : ''}`,
    )
    .all(params) as { id: number }[];
  return rows.map((r) => r.id);
}

function isoDate(value: string, name: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RepoScoutError('INVALID_INPUT', `--${name} "${value}" is not a date; use YYYY-MM-DD, an ISO-8601 time, or a duration such as 30d.`);
  return new Date(t).toISOString();
}
