import { createHash } from 'node:crypto';
import { RepoScoutError } from '../errors';
import type { Db, Store } from '../store/open';
import { cachedStatement } from '../store/statements';
import { embeddingText } from './embedding-text';
import { documentExpansion, LEXICON_VERSION } from './lexicon';
import { liveSpaceTables } from './spaces';

import { DOCUMENT_KINDS, type DocumentKind } from '../protocol/limits';

export { DOCUMENT_KINDS, type DocumentKind };

/** What ingestion hands the index: one searchable thing, identified by (kind, refKey). */
export interface SearchDocumentInput {
  kind: DocumentKind;
  /** The thing's own identity: a repository key, '<repo key>#<number>', 'memory:<id>'... */
  refKey: string;
  /** The repository an issue or PR belongs to; a repository's own key for kind 'repository'. */
  repoKey?: string | null;
  owner?: string | null;
  title: string;
  body?: string | null;
  language?: string | null;
  /** Topics, labels or tags. */
  topics?: readonly string[];
  /** 0..100. */
  health?: number | null;
  stars?: number | null;
  state?: string | null;
  url?: string | null;
  /** ISO-8601. */
  updatedAt?: string | null;
  extra?: Record<string, unknown>;
}

export interface SearchDocumentRow {
  id: number;
  kind: DocumentKind;
  ref_key: string;
  repo_key: string | null;
  owner: string | null;
  title: string;
  body: string;
  language: string | null;
  topics_json: string;
  topics_text: string;
  health: number | null;
  stars: number | null;
  state: string | null;
  url: string | null;
  extra_json: string;
  updated_at: string | null;
  content_hash: string;
  /** Lexicon concepts the document names (shared/search/lexicon.ts), comma-separated. */
  expansion_text: string;
  /** LEXICON_VERSION that computed expansion_text. */
  expansion_version: number;
}

const MAX_TITLE = 500;
const MAX_BODY = 20_000;

export { embeddingText };
export interface IndexResult {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Document ids in input order. */
  ids: number[];
}

/**
 * Upserts documents into the search index (FTS5 follows by trigger) in one transaction.
 * Vectors are not computed here: rows whose text changed become pending and
 * `syncEmbeddings` embeds them in batches, off the caller's path. Filter columns
 * (owner, language, health) are updated in place in every live vector table.
 */
export function indexDocuments(store: Store, docs: readonly SearchDocumentInput[]): IndexResult {
  const { db } = store;
  const result: IndexResult = { inserted: 0, updated: 0, unchanged: 0, ids: [] };
  const find = db.prepare('select * from search_documents where kind = ? and ref_key = ?');
  const insert = db.prepare(
    `insert into search_documents (kind, ref_key, repo_key, owner, title, body, language, topics_json, topics_text, health, stars, state, url, extra_json, updated_at, content_hash, expansion_text, expansion_version)
     values (@kind, @ref_key, @repo_key, @owner, @title, @body, @language, @topics_json, @topics_text, @health, @stars, @state, @url, @extra_json, @updated_at, @content_hash, @expansion_text, @expansion_version)`,
  );
  const update = db.prepare(
    `update search_documents set repo_key = @repo_key, owner = @owner, title = @title, body = @body, language = @language,
       topics_json = @topics_json, topics_text = @topics_text, health = @health, stars = @stars, state = @state, url = @url,
       extra_json = @extra_json, updated_at = @updated_at, content_hash = @content_hash,
       expansion_text = @expansion_text, expansion_version = @expansion_version,
       indexed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     where id = @id`,
  );
  db.transaction(() => {
    const tables = liveSpaceTables(db);
    for (const input of docs) {
      const row = toRow(input);
      const existing = find.get(row.kind, row.ref_key) as SearchDocumentRow | undefined;
      if (!existing) {
        result.ids.push(Number(insert.run(row).lastInsertRowid));
        result.inserted += 1;
        continue;
      }
      result.ids.push(existing.id);
      if (sameRow(existing, row)) {
        result.unchanged += 1;
        continue;
      }
      update.run({ ...row, id: existing.id });
      result.updated += 1;
      if (existing.owner !== row.owner || existing.language !== row.language || existing.health !== row.health) {
        for (const table of tables) updateVectorFilters(db, table, existing.id, row);
      }
    }
  }).immediate();
  return result;
}

/** Removes documents and their vectors from every space. Returns how many existed. */
export function removeDocuments(store: Store, refs: readonly { kind: DocumentKind; refKey: string }[]): number {
  const { db } = store;
  let removed = 0;
  db.transaction(() => {
    const tables = liveSpaceTables(db);
    const find = db.prepare('select id from search_documents where kind = ? and ref_key = ?');
    const del = db.prepare('delete from search_documents where id = ?');
    for (const ref of refs) {
      const row = find.get(ref.kind, ref.refKey) as { id: number } | undefined;
      if (!row) continue;
      for (const table of tables) db.prepare(`delete from ${table} where rowid = ?`).run(BigInt(row.id));
      del.run(row.id);
      removed += 1;
    }
  }).immediate();
  return removed;
}

export function getDocument(db: Db, kind: DocumentKind, refKey: string): SearchDocumentRow | undefined {
  return db.prepare('select * from search_documents where kind = ? and ref_key = ?').get(kind, refKey) as SearchDocumentRow | undefined;
}

export function getDocumentsByIds(db: Db, ids: readonly number[]): Map<number, SearchDocumentRow> {
  const out = new Map<number, SearchDocumentRow>();
  const stmt = cachedStatement(db, 'select * from search_documents where id = ?');
  for (const id of ids) {
    const row = stmt.get(id) as SearchDocumentRow | undefined;
    if (row) out.set(id, row);
  }
  return out;
}

export function parseTopics(row: Pick<SearchDocumentRow, 'topics_json'>): string[] {
  try {
    const value = JSON.parse(row.topics_json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** Values the vector tables filter on: lower-cased text, '' and -1 for "unknown" (vec0 metadata cannot be null). */
export function vectorFilterValues(row: { owner: string | null; language: string | null; health: number | null }) {
  return { owner: row.owner?.toLowerCase() ?? '', language: row.language?.toLowerCase() ?? '', health: row.health ?? -1 };
}

function updateVectorFilters(db: Db, table: string, id: number, row: { owner: string | null; language: string | null; health: number | null }): void {
  const v = vectorFilterValues(row);
  db.prepare(`update ${table} set owner = ?, language = ?, health = cast(? as real) where rowid = ?`).run(v.owner, v.language, v.health, BigInt(id));
}

type Row = Omit<SearchDocumentRow, 'id'>;

function toRow(doc: SearchDocumentInput): Row {
  const title = clean(doc.title).slice(0, MAX_TITLE);
  if (!(DOCUMENT_KINDS as readonly string[]).includes(doc.kind)) {
    throw new RepoScoutError('INVALID_INPUT', `Unknown document kind "${doc.kind}"; use one of ${DOCUMENT_KINDS.join(', ')}.`);
  }
  if (doc.refKey.trim() === '') throw new RepoScoutError('INVALID_INPUT', 'A search document needs a non-empty refKey.');
  if (doc.health != null && !(doc.health >= 0 && doc.health <= 100)) {
    throw new RepoScoutError('INVALID_INPUT', `Health must be between 0 and 100, got ${doc.health} for ${doc.refKey}.`);
  }
  const topics = [...new Set((doc.topics ?? []).map((t) => clean(t)).filter((t) => t !== ''))];
  const body = clean(doc.body ?? '').slice(0, MAX_BODY);
  const topicsText = topics.join(' ');
  const finalTitle = title === '' ? doc.refKey : title;
  const expansionText = documentExpansion({ title: finalTitle, topics_text: topicsText, body, language: doc.language ?? null });
  return {
    kind: doc.kind,
    ref_key: doc.refKey,
    repo_key: doc.repoKey ?? null,
    owner: doc.owner ?? null,
    title: finalTitle,
    body,
    language: doc.language ?? null,
    topics_json: JSON.stringify(topics),
    topics_text: topicsText,
    health: doc.health ?? null,
    stars: doc.stars ?? null,
    state: doc.state ?? null,
    url: doc.url ?? null,
    extra_json: JSON.stringify(doc.extra ?? {}),
    updated_at: doc.updatedAt ?? null,
    content_hash: contentHash({ title: finalTitle, body, topics_text: topicsText, expansion_text: expansionText }),
    expansion_text: expansionText,
    expansion_version: LEXICON_VERSION,
  };
}

/** sha256 of the text an embedding is computed from. */
export function contentHash(doc: { title: string; body: string; topics_text: string; expansion_text: string }): string {
  return createHash('sha256').update(embeddingText(doc)).digest('hex');
}

function sameRow(a: SearchDocumentRow, b: Row): boolean {
  return (Object.keys(b) as (keyof Row)[]).every((k) => a[k] === b[k]);
}

// Control characters other than tab and newline never belong in indexed text.
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}
