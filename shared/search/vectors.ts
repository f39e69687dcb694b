import { RepoScoutError } from '../errors';
import type { Db } from '../store/open';
import { vectorFilterValues } from './documents';
import type { VectorSpace } from './spaces';

export interface VectorWrite {
  docId: number;
  /** The content hash the vector was computed from (not necessarily the row's current one). */
  contentHash: string;
  vector: Float32Array;
}

/**
 * Stores vectors in a space in one transaction, recording which content each came from.
 * Documents deleted meanwhile are skipped; a retired space is left alone (its documents
 * are picked up by the space that replaced it). Returns how many were written.
 */
export function writeVectors(db: Db, space: VectorSpace, writes: readonly VectorWrite[]): number {
  for (const w of writes) assertDimensions(space, w.vector, `document ${w.docId}`);
  return db
    .transaction(() => {
      const live = db.prepare('select 1 from embedding_spaces where id = ? and retired_at is null').get(space.id);
      if (!live) return 0;
      const doc = db.prepare('select kind, owner, language, health from search_documents where id = ?');
      const del = db.prepare(`delete from ${space.tableName} where rowid = ?`);
      const ins = db.prepare(`insert into ${space.tableName} (rowid, embedding, kind, owner, language, health) values (?, ?, ?, ?, ?, cast(? as real))`);
      const record = db.prepare(
        `insert into document_embeddings (doc_id, space_id, content_hash) values (?, ?, ?)
         on conflict (space_id, doc_id) do update set content_hash = excluded.content_hash, embedded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      );
      let written = 0;
      for (const w of writes) {
        const row = doc.get(w.docId) as { kind: string; owner: string | null; language: string | null; health: number | null } | undefined;
        if (!row) continue;
        const f = vectorFilterValues(row);
        del.run(BigInt(w.docId));
        ins.run(BigInt(w.docId), w.vector, row.kind, f.owner, f.language, f.health);
        record.run(w.docId, space.id, w.contentHash);
        written += 1;
      }
      return written;
    })
    .immediate();
}

/** Stored vectors of some documents in a space (documents without one are absent). */
export function readVectors(db: Db, space: VectorSpace, ids: readonly number[]): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  const stmt = db.prepare(`select embedding from ${space.tableName} where rowid = ?`);
  for (const id of ids) {
    const row = stmt.get(BigInt(id)) as { embedding: Buffer } | undefined;
    if (row) out.set(id, new Float32Array(row.embedding.buffer.slice(row.embedding.byteOffset, row.embedding.byteOffset + row.embedding.byteLength)));
  }
  return out;
}

export function assertDimensions(space: VectorSpace, vector: Float32Array, what: string): void {
  if (vector.length !== space.embedder.dimensions) {
    throw new RepoScoutError(
      'EMBEDDING_DIMENSION_MISMATCH',
      `The vector for ${what} has ${vector.length} dimensions but space ${space.id} (${space.embedder.name}/${space.embedder.model}) holds ${space.embedder.dimensions}; nothing was written.`,
      { remedy: { do: 'rebuild_vectors' } },
    );
  }
}
