import { z } from 'zod';

/**
 * The extension's settings, read once per use into one typed value. Pure: the caller passes
 * a getter (VS Code's configuration in the host, a plain object in tests).
 */
export interface ExtensionConfig {
  /** Empty means the engine's default (REPOSCOUT_DB, else the user data folder). */
  databasePath: string;
  nodePath: string;
  githubHost: string;
  /** Ask GitHub for the `repo` scope, the only one that reads private repositories. */
  githubPrivateRepositories: boolean;
  embedder: 'auto' | 'lexical' | 'transformers';
  modelFolder: string;
  toolsets: string[];
  windowMonths: number;
}

export const TOOLSETS = ['research', 'achievements', 'recommend', 'orchestrate', 'memory'] as const;

const schema = z.object({
  databasePath: z.string().catch(''),
  /** Empty: automatic (the editor's runtime, else `node` on PATH). */
  nodePath: z
    .string()
    .transform((v) => v.trim())
    .catch(''),
  githubHost: z.string().catch(''),
  githubPrivateRepositories: z.boolean().catch(false),
  embedder: z.enum(['auto', 'lexical', 'transformers']).catch('auto'),
  modelFolder: z.string().catch(''),
  toolsets: z
    .array(z.string())
    .catch([...TOOLSETS].filter((t) => t !== 'orchestrate'))
    .transform((list) => list.filter((t) => (TOOLSETS as readonly string[]).includes(t))),
  windowMonths: z.number().int().min(1).max(240).catch(12),
});

/** Reads every setting through `get`; a wrong value falls back to its default rather than failing. */
export function readConfig(get: (key: keyof ExtensionConfig) => unknown): ExtensionConfig {
  const keys = Object.keys(schema.shape) as (keyof ExtensionConfig)[];
  return schema.parse(Object.fromEntries(keys.map((k) => [k, get(k)])));
}

/** Settings whose change needs a fresh engine process (the others are read per command). */
export const ENGINE_SETTINGS: readonly (keyof ExtensionConfig)[] = ['databasePath', 'nodePath', 'githubHost', 'githubPrivateRepositories', 'embedder', 'modelFolder', 'toolsets'];
