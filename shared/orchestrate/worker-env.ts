import { childEnvironment } from '../child-env';

// Trust boundary: workers run code we did not write (an AI CLI, any command). They get the
// user's environment (their own API keys, PATH, HOME) but none of RepoScout's secrets.

/**
 * The environment of every worker and setup command: `base` without RepoScout's secrets
 * (shared/child-env.ts decides which), plus `extra`.
 */
export function workerEnvironment(extra: Readonly<Record<string, string>> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return childEnvironment(extra, base);
}
