import { loadEmbedder, resolveEmbedderSettings } from '../../shared/embeddings/settings';
import { defaultDataDir } from '../../shared/paths';
import { prepareSearchIndex } from '../../shared/search/prepare';
import type { Store } from '../../shared/store/open';
import type { terminalProgress } from './output';

/**
 * After import, ingest or research: fit and embed now, with progress, so the first search
 * answers at once. The embedder is the one searches use (environment, then data folder). A
 * failure is a warning: the data is written and the next search prepares the index itself.
 */
export async function prepareSearchAfterWrite(store: Store, progress: ReturnType<typeof terminalProgress>, signal?: AbortSignal): Promise<void> {
  try {
    const { embedder, warnings } = await loadEmbedder(resolveEmbedderSettings({}, process.env, defaultDataDir()));
    for (const warning of warnings) process.stderr.write(`reposcout: warning: ${warning}\n`);
    await prepareSearchIndex(store, embedder, { signal, onProgress: progress.onProgress });
  } catch (error) {
    if (signal?.aborted) throw error;
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(`reposcout: warning: the search index was not prepared (${why}); the next search will prepare it.\n`);
  } finally {
    progress.clear();
  }
}
