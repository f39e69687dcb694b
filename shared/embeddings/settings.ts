import fs from 'node:fs';
import path from 'node:path';
import { isRepoScoutError } from '../errors';
import { DEFAULT_MODEL_ID, loadTransformersEmbedder } from './transformers';
import type { Embedder } from './types';

export type EmbedderChoice = 'auto' | 'lexical' | 'transformers';

/** Which embedder to use, read once at the edge: flags, then environment, then defaults. */
export interface EmbedderSettings {
  embedder: EmbedderChoice;
  /** A model folder chosen by flag or environment; null means "look in the data folder". */
  modelDir: string | null;
  /** Where an installed default model would be: <data folder>/models/Xenova/all-MiniLM-L6-v2. */
  defaultModelDir: string;
}

export function resolveEmbedderSettings(
  flags: { embedder?: EmbedderChoice; modelDir?: string },
  env: NodeJS.ProcessEnv,
  dataDir: string,
): EmbedderSettings {
  const fromEnv = env.REPOSCOUT_EMBEDDER?.trim();
  const embedder = flags.embedder ?? (fromEnv === 'lexical' || fromEnv === 'transformers' || fromEnv === 'auto' ? fromEnv : 'auto');
  const dir = flags.modelDir ?? (env.REPOSCOUT_MODEL_DIR?.trim() || undefined);
  return {
    embedder,
    modelDir: dir ? path.resolve(dir) : null,
    defaultModelDir: path.join(dataDir, 'models', ...DEFAULT_MODEL_ID.split('/')),
  };
}

/**
 * What the settings resolve to: a loaded transformers embedder, or 'lexical' (which is
 * fitted per store, see shared/search/spaces.ts). In 'auto' mode a configured model folder
 * that is missing or corrupt falls back to lexical with a warning; asking for
 * 'transformers' explicitly makes the same problem an error.
 */
export async function loadEmbedder(settings: EmbedderSettings): Promise<{ embedder: Embedder | 'lexical'; warnings: string[] }> {
  if (settings.embedder === 'lexical') return { embedder: 'lexical', warnings: [] };
  const dir = settings.modelDir ?? settings.defaultModelDir;
  // In auto mode with nothing configured, a missing default model is the normal case: no warning.
  if (settings.embedder === 'auto' && settings.modelDir === null && !fs.existsSync(dir)) return { embedder: 'lexical', warnings: [] };
  try {
    return { embedder: await loadTransformersEmbedder({ modelDir: dir }), warnings: [] };
  } catch (error) {
    if (settings.embedder === 'transformers' || !isRepoScoutError(error)) throw error;
    return { embedder: 'lexical', warnings: [`${error.message} Using the built-in lexical embedder instead.`] };
  }
}
