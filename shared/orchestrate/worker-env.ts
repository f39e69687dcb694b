// Trust boundary: workers run code we did not write (an AI CLI, any command). They get the
// user's environment (their own API keys, PATH, HOME) but none of RepoScout's secrets.

const REPOSCOUT_SECRETS = ['GITHUB_TOKEN', 'GH_TOKEN', 'REPOSCOUT_MCP_TOKEN'];

/**
 * The environment of every worker and setup command: `base` without RepoScout's secrets,
 * plus `extra`. The one place worker environments are made, so a stricter rule applies to all.
 */
export function workerEnvironment(extra: Readonly<Record<string, string>> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !REPOSCOUT_SECRETS.includes(name.toUpperCase())) env[name] = value;
  }
  return { ...env, ...extra };
}
