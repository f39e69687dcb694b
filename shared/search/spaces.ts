import { RepoScoutError } from '../errors';
import {
  LEXICAL_DIMENSIONS,
  LEXICAL_MODEL,
  createLexicalEmbedder,
  deserializeLexicalModel,
  fitLexicalModel,
  fitLexicalModelAsync,
  serializeLexicalModel,
} from '../embeddings/lexical';
import { embedderFingerprint, type Embedder } from '../embeddings/types';
import type { Db, Store } from '../store/open';
import { embeddingText } from './embedding-text';

/** An embedder bound to the store: its vectors live in `tableName` and only there. */
export interface VectorSpace {
  id: number;
  tableName: string;
  embedder: Embedder;
}

interface SpaceRow {
  id: number;
  embedder: string;
  model: string;
  dimensions: number;
  fingerprint: string;
  state: Buffer | null;
  fitted_documents: number | null;
  table_name: string;
  retired_at: string | null;
}

export interface OpenSpaceOptions {
  /** Lexical only: 'auto' refits the IDF table when the corpus has grown a lot since the last fit. */
  refit?: 'auto' | 'never' | 'force';
  /** Lexical only: output dimensions (default 256). */
  dimensions?: number;
  /** Lexical only: fit without holding the event loop for more than a moment at a time (a server refitting in the background). */
  background?: boolean;
  signal?: AbortSignal;
}

/**
 * The vector space for an embedder, created on first use. For the lexical embedder the
 * IDF table is loaded from the store, or fitted on the indexed documents when there is
 * none or the corpus has at least doubled since (a refit is a new space: every document
 * is re-embedded, and the old space is retired once the new one is complete).
 */
export async function openSpace(store: Store, embedder: Embedder | 'lexical', options: OpenSpaceOptions = {}): Promise<VectorSpace> {
  if (embedder !== 'lexical') return ensureSpace(store.db, embedder, null, null);
  const { db } = store;
  const dimensions = options.dimensions ?? LEXICAL_DIMENSIONS;
  const current = db
    .prepare(
      `select * from embedding_spaces where embedder = 'lexical' and model = ? and dimensions = ? and retired_at is null
       order by id desc limit 1`,
    )
    .get(LEXICAL_MODEL, dimensions) as SpaceRow | undefined;
  const documents = (db.prepare('select count(*) as n from search_documents').get() as { n: number }).n;
  const refit = options.refit ?? 'auto';
  if (current?.state && refit !== 'force' && (refit === 'never' || !lexicalFitIsStale(current.fitted_documents ?? 0, documents))) {
    return { id: current.id, tableName: current.table_name, embedder: createLexicalEmbedder(deserializeLexicalModel(current.state)) };
  }
  const model = options.background ? await fitLexicalModelAsync(corpusTexts(db), dimensions, options.signal) : fitLexicalModel(corpusTexts(db), dimensions);
  const lexical = createLexicalEmbedder(model);
  return ensureSpace(db, lexical, serializeLexicalModel(model), model.documents);
}

/** A fit is stale once the corpus has more than doubled (plus a little, so tiny stores settle). */
export function lexicalFitIsStale(fitted: number, documents: number): boolean {
  return documents >= 2 * fitted + 16;
}

function ensureSpace(db: Db, embedder: Embedder, state: Buffer | null, fitted: number | null): VectorSpace {
  const fingerprint = embedderFingerprint(embedder);
  // Immediate: two processes creating the same space must end with one row and one table.
  const row = db
    .transaction(() => {
      const existing = db.prepare('select * from embedding_spaces where fingerprint = ?').get(fingerprint) as SpaceRow | undefined;
      if (existing && existing.retired_at === null) return existing;
      if (existing) db.prepare('delete from embedding_spaces where id = ?').run(existing.id);
      const id = Number(
        db
          .prepare(
            `insert into embedding_spaces (embedder, model, dimensions, fingerprint, state, fitted_documents, table_name)
             values (?, ?, ?, ?, ?, ?, 'pending')`,
          )
          .run(embedder.name, embedder.model, embedder.dimensions, fingerprint, state, fitted).lastInsertRowid,
      );
      const tableName = `search_vectors_${id}`;
      db.prepare('update embedding_spaces set table_name = ? where id = ?').run(tableName, id);
      // Filter columns are vec0 metadata so KNN applies them exactly (not by over-fetching).
      db.exec(
        `create virtual table ${tableName} using vec0(
           embedding float[${embedder.dimensions}] distance_metric=cosine,
           kind text, owner text, language text, health float
         )`,
      );
      return db.prepare('select * from embedding_spaces where id = ?').get(id) as SpaceRow;
    })
    .immediate();
  if (row.dimensions !== embedder.dimensions) {
    throw new RepoScoutError(
      'EMBEDDING_DIMENSION_MISMATCH',
      `Embedding space ${row.id} holds ${row.dimensions}-dimensional vectors but ${embedder.name}/${embedder.model} makes ${embedder.dimensions}; the vectors have to be rebuilt with the new embedder.`,
      { remedy: { do: 'rebuild_vectors' } },
    );
  }
  return { id: row.id, tableName: row.table_name, embedder };
}

/** Vector tables of spaces that are not retired; document changes must reach all of them. */
export function liveSpaceTables(db: Db): string[] {
  return (db.prepare('select table_name from embedding_spaces where retired_at is null').all() as { table_name: string }[]).map((r) => r.table_name);
}

export interface SpaceSummary {
  id: number;
  embedder: string;
  model: string;
  dimensions: number;
  vectors: number;
  documents: number;
  pending: number;
  createdAt: string;
}

/** Every live space with how many documents it has vectors for and how many are pending. */
export function listSpaces(db: Db): SpaceSummary[] {
  const documents = (db.prepare('select count(*) as n from search_documents').get() as { n: number }).n;
  const rows = db.prepare('select * from embedding_spaces where retired_at is null order by id').all() as (SpaceRow & { created_at: string })[];
  return rows.map((r) => {
    const current = (
      db
        .prepare(
          `select count(*) as n from document_embeddings e join search_documents d on d.id = e.doc_id
           where e.space_id = ? and e.content_hash = d.content_hash`,
        )
        .get(r.id) as { n: number }
    ).n;
    const vectors = (db.prepare('select count(*) as n from document_embeddings where space_id = ?').get(r.id) as { n: number }).n;
    return { id: r.id, embedder: r.embedder, model: r.model, dimensions: r.dimensions, vectors, documents, pending: documents - current, createdAt: r.created_at };
  });
}

/**
 * Retires the other live spaces of the same embedder and model (older lexical fits, older
 * revisions of a model folder) once `space` is complete, dropping their tables. Spaces of
 * other models are kept so switching back is free. Returns how many were retired.
 */
export function retireSupersededSpaces(db: Db, space: VectorSpace): number {
  return db
    .transaction(() => {
      const others = db
        .prepare('select id, table_name from embedding_spaces where embedder = ? and model = ? and id != ? and retired_at is null')
        .all(space.embedder.name, space.embedder.model, space.id) as { id: number; table_name: string }[];
      for (const other of others) {
        db.prepare(`update embedding_spaces set retired_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), state = null where id = ?`).run(other.id);
        db.prepare('delete from document_embeddings where space_id = ?').run(other.id);
        db.exec(`drop table if exists ${other.table_name}`);
      }
      return others.length;
    })
    .immediate();
}

function* corpusTexts(db: Db): Generator<string> {
  // Same text the vectors are computed from, so IDF describes what is embedded. Read a page
  // at a time rather than through one open cursor: a background fit pauses between pages,
  // and the connection must stay free for the reads served meanwhile.
  const page = db.prepare('select id, title, body, topics_text, expansion_text from search_documents where id > ? order by id limit 256');
  let after = 0;
  for (;;) {
    const rows = page.all(after) as { id: number; title: string; body: string; topics_text: string; expansion_text: string }[];
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    for (const row of rows) yield embeddingText(row);
  }
}

/**
 * `space` if it is still live, else the space that replaced it (another process refitted
 * the lexical IDF or re-embedded a model folder). Long-running callers hold spaces for a
 * while; engine entry points pass them through here first.
 */
export async function currentSpace(store: Store, space: VectorSpace): Promise<VectorSpace> {
  const live = store.db.prepare('select 1 from embedding_spaces where id = ? and retired_at is null').get(space.id);
  if (live) return space;
  return openSpace(store, space.embedder.name === 'lexical' ? 'lexical' : space.embedder, { refit: 'never' });
}

/** Drops every vector of a space so the next sync re-embeds all documents (e.g. after replacing a model's files in place). */
export function clearSpace(db: Db, space: VectorSpace): void {
  db.transaction(() => {
    db.prepare('delete from document_embeddings where space_id = ?').run(space.id);
    db.exec(`delete from ${space.tableName}`);
  }).immediate();
}
