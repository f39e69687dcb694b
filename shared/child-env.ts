// Trust boundary: RepoScout holds secrets (a GitHub token, the MCP bearer token) in its own
// environment. Child processes (git, orchestration workers) do not need them, and a child
// that is hostile or merely chatty (a git hook, a credential helper, a worker's log) must not
// receive them.

/** Variables that hold a secret of RepoScout's, by exact name (compared case-insensitively). */
export const SECRET_ENV_NAMES: readonly string[] = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'REPOSCOUT_MCP_TOKEN',
  'HF_TOKEN',
  'HUGGING_FACE_HUB_TOKEN',
];

// Anything RepoScout- or GitHub-prefixed that names a credential, e.g. REPOSCOUT_FOO_TOKEN or
// GITHUB_APP_PRIVATE_KEY: new secrets are dropped without anyone remembering to list them.
const SECRET_PATTERN = /^(REPOSCOUT|GITHUB|GH)_\w*(TOKEN|SECRET|PASSWORD|PRIVATE_KEY|PAT)$/i;

/** True when a child process must not inherit the variable `name`. */
export function isSecretEnvName(name: string): boolean {
  const upper = name.toUpperCase();
  return SECRET_ENV_NAMES.includes(upper) || SECRET_PATTERN.test(upper);
}

/**
 * The environment for a child process RepoScout spawns: `base` (default this process's)
 * without RepoScout's secrets, plus `extra`. Every spawn of git or of a worker uses it.
 */
export function childEnvironment(extra: Readonly<Record<string, string>> = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !isSecretEnvName(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
