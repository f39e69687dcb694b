import type { Db } from '../store/open';
import { cachedStatement } from '../store/statements';
import type { DocumentKind } from './documents';
import type { VectorSpace } from './spaces';
import { assertDimensions } from './vectors';

/** Filters both retrievers apply exactly (SQL on one side, vec0 metadata on the other). */
export interface SearchFilters {
  kinds?: readonly DocumentKind[];
  owner?: string;
  language?: string;
  /** 0..100; documents without a health score are excluded when set. */
  minHealth?: number;
  /** Restrict to these document ids (memory filters such as tags and time ranges compute them). */
  ids?: readonly number[];
}

export interface Bm25Hit {
  id: number;
  /** BM25 relevance, higher is better (FTS5's bm25() negated). */
  score: number;
}

export interface VectorHit {
  id: number;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

// Title matches count three times, topics twice, body once: chosen a priori, not tuned.
// The expansion field's weight is a search parameter (fixed on the evaluation's development split).
const FIELD_WEIGHTS = '3.0, 1.0, 2.0';
/** vec0 KNN refuses k above 4096. */
export const MAX_KNN = 4_096;

/** FTS5 BM25 over title, body and topics with the filters applied in SQL. */
export function bm25Search(db: Db, match: string, filters: SearchFilters, limit: number, expansionWeight = 0): Bm25Hit[] {
  // Part of the statement text (bm25() takes constants); a handful of values are ever used.
  const weights = `${FIELD_WEIGHTS}, ${expansionWeight.toFixed(2)}`;
  const where: string[] = ['search_fts match @match'];
  const params: Record<string, unknown> = { match, limit };
  addSqlFilters(filters, where, params);
  // Without filters the documents table is not needed: joining it costs a lookup per match.
  const from = where.length > 1 ? 'search_fts join search_documents d on d.id = search_fts.rowid' : 'search_fts';
  const rows = cachedStatement(
    db,
    `select search_fts.rowid as id, -bm25(search_fts, ${weights}) as score
       from ${from}
       where ${where.join(' and ')}
       order by bm25(search_fts, ${weights}) limit @limit`,
  ).all(params) as Bm25Hit[];
  return rows;
}

/**
 * Nearest neighbours of `vector` in the space by cosine similarity. Kind, owner, language
 * and health filters run inside the KNN (vec0 metadata columns); an id restriction is
 * answered by scoring exactly those documents.
 */
export function vectorSearch(db: Db, space: VectorSpace, vector: Float32Array, filters: SearchFilters, limit: number): VectorHit[] {
  assertDimensions(space, vector, 'the query');
  if (filters.ids) return scoreIds(db, space, vector, filters, limit);
  const where: string[] = ['embedding match @vector', 'k = @k'];
  const params: Record<string, unknown> = { vector, k: Math.min(limit, MAX_KNN) };
  if (filters.kinds?.length) {
    where.push(`kind in (${filters.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
    filters.kinds.forEach((k, i) => (params[`kind${i}`] = k));
  }
  if (filters.owner) {
    where.push('owner = @owner');
    params.owner = filters.owner.toLowerCase();
  }
  if (filters.language) {
    where.push('language = @language');
    params.language = filters.language.toLowerCase();
  }
  if (filters.minHealth !== undefined) {
    where.push('health >= @minHealth');
    params.minHealth = filters.minHealth + 0.0;
  }
  const rows = cachedStatement(db, `select rowid as id, distance from ${space.tableName} where ${where.join(' and ')}`).all(params) as {
    id: number;
    distance: number;
  }[];
  return rows.map((r) => ({ id: Number(r.id), similarity: 1 - r.distance }));
}

// Up to this many allowed ids are scored one by one; more are found by a KNN over their kinds, then filtered.
const EXACT_ID_SCORING = 64;

function scoreIds(db: Db, space: VectorSpace, vector: Float32Array, filters: SearchFilters, limit: number): VectorHit[] {
  const allowed = filterIds(db, filters);
  if (allowed.length > EXACT_ID_SCORING) {
    const set = new Set(allowed);
    // Fetch enough neighbours that about 3 x limit of them are allowed, given how selective the ids are.
    const where = filters.kinds?.length ? `where kind in (${filters.kinds.map(() => '?').join(', ')})` : '';
    const pool = (db.prepare(`select count(*) as n from search_documents ${where}`).get(...(filters.kinds ?? [])) as { n: number }).n;
    const k = Math.min(MAX_KNN, Math.max(limit * 3, Math.ceil((3 * limit * pool) / allowed.length)));
    const hits = vectorSearch(db, space, vector, { ...filters, ids: undefined }, k).filter((h) => set.has(h.id));
    return hits.slice(0, limit);
  }
  const stmt = db.prepare(`select vec_distance_cosine(embedding, ?) as distance from ${space.tableName} where rowid = ?`);
  const hits: VectorHit[] = [];
  for (const id of allowed) {
    const row = stmt.get(vector, BigInt(id)) as { distance: number } | undefined;
    if (row) hits.push({ id, similarity: 1 - row.distance });
  }
  return hits.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
}

/** The ids among `filters.ids` that also pass the other filters. */
function filterIds(db: Db, filters: SearchFilters): number[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  addSqlFilters({ ...filters, ids: undefined }, where, params);
  if (where.length === 0) return [...(filters.ids ?? [])];
  const stmt = db.prepare(`select 1 from search_documents d where d.id = @id and ${where.join(' and ')}`);
  return (filters.ids ?? []).filter((id) => stmt.get({ ...params, id }) !== undefined);
}

function addSqlFilters(filters: SearchFilters, where: string[], params: Record<string, unknown>): void {
  if (filters.kinds?.length) {
    where.push(`d.kind in (${filters.kinds.map((_, i) => `@kind${i}`).join(', ')})`);
    filters.kinds.forEach((k, i) => (params[`kind${i}`] = k));
  }
  if (filters.owner) {
    where.push('lower(d.owner) = @owner');
    params.owner = filters.owner.toLowerCase();
  }
  if (filters.language) {
    where.push('lower(d.language) = @language');
    params.language = filters.language.toLowerCase();
  }
  if (filters.minHealth !== undefined) {
    where.push('d.health >= @minHealth');
    params.minHealth = filters.minHealth;
  }
  if (filters.ids) {
    // json_each keeps the statement text fixed however many ids there are.
    where.push('d.id in (select value from json_each(@ids))');
    params.ids = JSON.stringify(filters.ids);
  }
}
