import { RepoScoutError, throwIfAborted } from '../errors';
import type { Progress } from '../research/ingest-local';
import type { Store } from '../store/open';
import { embeddingText } from './embedding-text';
import { retireSupersededSpaces, type VectorSpace } from './spaces';
import { writeVectors } from './vectors';

export interface SyncOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** Documents per embedder call and per write transaction (default: the embedder's batch size). */
  batchSize?: number;
  /** Give the event loop a turn between batches (a server embedding in the background keeps answering). */
  background?: boolean;
}

export interface SyncResult {
  /** Vectors written by this run. */
  embedded: number;
  /** Documents that were pending when the run started. */
  pending: number;
  /** Older spaces of the same embedder retired because this one became complete. */
  retired: number;
}

/**
 * Embeds every document whose text changed since its vector in `space` was computed
 * (or that has none), in batches. Each batch commits on its own, so an interrupted
 * run keeps what it finished and the next run continues from there.
 */
export async function syncEmbeddings(store: Store, space: VectorSpace, options: SyncOptions = {}): Promise<SyncResult> {
  const { db } = store;
  const batchSize = Math.max(1, options.batchSize ?? space.embedder.batchSize);
  const pendingQuery = db.prepare(
    `select d.id, d.title, d.body, d.topics_text, d.expansion_text, d.content_hash from search_documents d
     left join document_embeddings e on e.space_id = @space and e.doc_id = d.id
     where d.id > @after and (e.doc_id is null or e.content_hash != d.content_hash)
     order by d.id limit @limit`,
  );
  const pending = countPending(store, space);
  let embedded = 0;
  let after = 0;
  options.onProgress?.({ done: 0, total: pending, message: `embedding with ${space.embedder.name}` });
  for (;;) {
    throwIfAborted(options.signal);
    const rows = pendingQuery.all({ space: space.id, after, limit: batchSize }) as {
      id: number;
      title: string;
      body: string;
      topics_text: string;
      expansion_text: string;
      content_hash: string;
    }[];
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    const vectors = await space.embedder.embed(rows.map(embeddingText), options.signal);
    throwIfAborted(options.signal);
    if (vectors.length !== rows.length) {
      throw new RepoScoutError('EMBEDDING_DIMENSION_MISMATCH', `${space.embedder.name}/${space.embedder.model} returned ${vectors.length} vectors for ${rows.length} texts; nothing was written for this batch.`);
    }
    embedded += writeVectors(
      db,
      space,
      rows.map((r, i) => ({ docId: r.id, contentHash: r.content_hash, vector: vectors[i]! })),
    );
    options.onProgress?.({ done: Math.min(embedded, pending), total: pending, message: `embedding with ${space.embedder.name}` });
    if (options.background) await new Promise((resolve) => setImmediate(resolve));
  }
  const retired = countPending(store, space) === 0 ? retireSupersededSpaces(db, space) : 0;
  return { embedded, pending, retired };
}

/** Documents without an up-to-date vector in `space`. */
export function countPending(store: Store, space: VectorSpace): number {
  const row = store.db
    .prepare(
      `select count(*) as n from search_documents d
       left join document_embeddings e on e.space_id = ? and e.doc_id = d.id
       where e.doc_id is null or e.content_hash != d.content_hash`,
    )
    .get(space.id) as { n: number };
  return row.n;
}
