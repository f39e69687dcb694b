import { z } from 'zod';
import { loadEmbedder, resolveEmbedderSettings, type EmbedderChoice } from '../../shared/embeddings/settings';
import { defaultDataDir, resolveDbPath } from '../../shared/paths';
import { indexStoredRepositories } from '../../shared/search/index-repositories';
import { openSpace, type VectorSpace } from '../../shared/search/spaces';
import type { Embedder } from '../../shared/embeddings/types';
import { syncEmbeddings } from '../../shared/search/sync';
import { openStore, type Store } from '../../shared/store/open';
import type { Command } from 'commander';
import { globalOptionsSchema } from './options';
import { terminalProgress } from './output';

/** Options of every command that searches or embeds. */
export const embedderOptionsSchema = globalOptionsSchema.extend({
  embedder: z.enum(['auto', 'lexical', 'transformers'], { message: '--embedder must be auto, lexical or transformers' }).optional(),
  modelDir: z.string().min(1, '--model-dir needs a folder path').optional(),
});

export function addEmbedderOptions(command: Command): Command {
  return command
    .option('--embedder <name>', 'auto (a model if installed, else lexical), lexical, or transformers (default: $REPOSCOUT_EMBEDDER or auto)')
    .option('--model-dir <dir>', 'sentence-embedding model folder for transformers.js (default: $REPOSCOUT_MODEL_DIR, else the data folder)');
}

/**
 * The embedder `choice` resolves to (after flags, the environment, then the data folder's model);
 * warnings, such as a broken model folder falling back to lexical, go to stderr.
 */
export async function loadConfiguredEmbedder(choice: { embedder?: EmbedderChoice; modelDir?: string }): Promise<Embedder | 'lexical'> {
  const { embedder, warnings } = await loadEmbedder(resolveEmbedderSettings(choice, process.env, defaultDataDir()));
  for (const warning of warnings) process.stderr.write(`reposcout: warning: ${warning}\n`);
  return embedder;
}

export interface SearchSession {
  store: Store;
  space: VectorSpace;
  close(): void;
}

/**
 * Opens the store and the configured embedder's space, indexes researched clones, and
 * brings vectors up to date (only changed documents are embedded). Warnings, such as a
 * broken model folder falling back to lexical, go to stderr.
 */
export async function openSearchSession(
  options: z.infer<typeof embedderOptionsSchema>,
  context: { signal?: AbortSignal } = {},
): Promise<SearchSession> {
  const embedder = await loadConfiguredEmbedder({ embedder: options.embedder, modelDir: options.modelDir });
  const store = openStore(resolveDbPath(options.db));
  const progress = terminalProgress(options.progress);
  try {
    indexStoredRepositories(store);
    const space = await openSpace(store, embedder);
    await syncEmbeddings(store, space, { signal: context.signal, onProgress: progress.onProgress });
    return { store, space, close: () => store.close() };
  } catch (error) {
    store.close();
    throw error;
  } finally {
    progress.clear();
  }
}
