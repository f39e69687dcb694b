import { indexDocuments } from '../search/documents';
import { currentSpace, type VectorSpace } from '../search/spaces';
import { writeVectors } from '../search/vectors';
import type { Store } from '../store/open';
import { memoryText, normalizeLink, normalizeTags, sameNumbers, wordOverlap } from './normalize';
import { loadMemory, memoryRefKey } from './rows';
import type { RememberResult } from '../protocol/tools/remember';
import type { Memory, MemoryLink } from './types';

export interface RememberInput {
  text: string;
  tags?: readonly string[];
  links?: readonly MemoryLink[];
  /** Merge into a near-duplicate when there is one (default true). */
  merge?: boolean;
  /** ISO-8601 time of the memory; defaults to now. */
  at?: string;
}

// What remember answers is the remember tool's record (shared/protocol/tools/remember.ts);
// `merged`, for a merge: how close the new text was to the memory it joined, and that memory's previous text.
export type { RememberResult };

/** Cosine similarity at or above which two memories are near-duplicates... */
export const MERGE_SIMILARITY = 0.9;
/**
 * ...provided they also share this share of their words (guards against an embedder's blind
 * spots) and mention the same numbers: "port 8080" and "port 9090" are two facts, not one.
 */
export const MERGE_WORD_OVERLAP = 0.6;

/**
 * Stores a memory, or merges it into a near-duplicate: the newest wording becomes the
 * memory's text, tags and links are united, and every version stays in its history.
 * The duplicate check and the write are one IMMEDIATE transaction, so two processes
 * remembering the same thing at once end with one memory remembered twice.
 */
export async function remember(store: Store, requestedSpace: VectorSpace, input: RememberInput): Promise<RememberResult> {
  const space = await currentSpace(store, requestedSpace);
  const text = memoryText(input.text);
  const tags = normalizeTags(input.tags ?? []);
  const links = dedupeLinks((input.links ?? []).map(normalizeLink));
  const at = input.at ?? new Date().toISOString();
  // Embedding may be slow (a model); do it before taking the write lock.
  const [vector] = await space.embedder.embed([text]);
  const { db } = store;
  return db
    .transaction((): RememberResult => {
      // Another process may have retired the space since we embedded: then only exact duplicates are found here,
      // and the memory's vector is computed by the space that replaced it on its next sync.
      const live = db.prepare('select 1 from embedding_spaces where id = ? and retired_at is null').get(space.id) !== undefined;
      const duplicate = input.merge === false ? null : findDuplicate(store, live ? space : null, text, vector!);
      let id: number;
      let merged: RememberResult['merged'] = null;
      if (duplicate) {
        id = duplicate.id;
        const previous = loadMemory(db, id)!;
        const allTags = normalizeTags([...previous.tags, ...tags]);
        db.prepare('update memories set text = ?, tags_json = ?, times_remembered = times_remembered + 1, updated_at = max(updated_at, ?) where id = ?').run(
          text,
          JSON.stringify(allTags),
          at,
          id,
        );
        db.prepare(`insert into memory_history (memory_id, event, text, tags_json, similarity, at) values (?, 'merged', ?, ?, ?, ?)`).run(
          id,
          text,
          JSON.stringify(tags),
          duplicate.similarity,
          at,
        );
        merged = { similarity: duplicate.similarity, previousText: previous.text };
      } else {
        id = Number(db.prepare('insert into memories (text, tags_json, created_at, updated_at) values (?, ?, ?, ?)').run(text, JSON.stringify(tags), at, at).lastInsertRowid);
        db.prepare(`insert into memory_history (memory_id, event, text, tags_json, at) values (?, 'created', ?, ?, ?)`).run(id, text, JSON.stringify(tags), at);
      }
      const link = db.prepare('insert or ignore into memory_links (memory_id, kind, target) values (?, ?, ?)');
      for (const l of links) link.run(id, l.kind, l.target);
      const memory = loadMemory(db, id)!;
      const [docId] = indexDocuments(store, [memoryDocument(memory)]).ids;
      const hash = (db.prepare('select content_hash from search_documents where id = ?').get(docId) as { content_hash: string }).content_hash;
      // The vector was computed from `text`, which is now the memory's text: store it with the document.
      writeVectors(db, space, [{ docId: docId!, contentHash: hash, vector: vector! }]);
      return { outcome: duplicate ? 'merged' : 'created', memory, merged };
    })
    .immediate();
}

/** The search document of a memory: its first line as the title, tags as topics. */
export function memoryDocument(memory: Memory) {
  const firstLine = memory.text.split('\n')[0]!.trim();
  return {
    kind: 'memory' as const,
    refKey: memoryRefKey(memory.id),
    title: firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine,
    body: memory.text,
    topics: memory.tags,
    updatedAt: memory.updatedAt,
    extra: { memoryId: memory.id, links: memory.links },
  };
}

function findDuplicate(store: Store, space: VectorSpace | null, text: string, vector: Float32Array): { id: number; similarity: number } | null {
  const { db } = store;
  // Exactly the same words (ignoring case and spacing) is a duplicate in any space.
  const exact = db
    .prepare(`select id from memories where lower(trim(text)) = lower(trim(?)) order by id limit 1`)
    .get(text) as { id: number } | undefined;
  if (exact) return { id: exact.id, similarity: 1 };
  if (!space || !vector.some((x) => x !== 0)) return null;
  const neighbours = db
    .prepare(`select rowid as docId, distance from ${space.tableName} where embedding match ? and k = 5 and kind = 'memory'`)
    .all(vector) as { docId: number; distance: number }[];
  const doc = db.prepare(`select ref_key, body from search_documents where id = ? and kind = 'memory'`);
  for (const n of neighbours) {
    const similarity = 1 - n.distance;
    if (similarity < MERGE_SIMILARITY) break;
    const row = doc.get(n.docId) as { ref_key: string; body: string } | undefined;
    if (!row || wordOverlap(row.body, text) < MERGE_WORD_OVERLAP || !sameNumbers(row.body, text)) continue;
    return { id: Number(row.ref_key.slice('memory:'.length)), similarity: Math.round(similarity * 10_000) / 10_000 };
  }
  return null;
}

function dedupeLinks(links: MemoryLink[]): MemoryLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const key = `${l.kind}\u0000${l.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
