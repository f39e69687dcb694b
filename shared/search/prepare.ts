import type { Embedder } from '../embeddings/types';
import type { Progress } from '../research/ingest-local';
import type { Store } from '../store/open';
import { indexStoredRepositories } from './index-repositories';
import { openSpace, type VectorSpace } from './spaces';
import { syncEmbeddings } from './sync';

export interface PreparedIndex {
  space: VectorSpace;
  /** Vectors written now (documents new or changed since the last preparation). */
  embedded: number;
}

/**
 * Leaves the search index ready right after a write (import, ingest, research): documents
 * indexed, the lexical fit made or refreshed when the corpus has outgrown it, and every
 * changed document embedded, with progress. Incremental: documents already embedded with
 * the current fit are not touched, and the fit is redone only when the corpus has doubled.
 * The first search afterwards only loads the stored fit.
 */
export async function prepareSearchIndex(
  store: Store,
  embedder: Embedder | 'lexical',
  options: { signal?: AbortSignal; onProgress?: (progress: Progress) => void } = {},
): Promise<PreparedIndex> {
  indexStoredRepositories(store);
  const space = await openSpace(store, embedder, { signal: options.signal });
  const result = await syncEmbeddings(store, space, { signal: options.signal, onProgress: options.onProgress });
  return { space, embedded: result.embedded };
}
