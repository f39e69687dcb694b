// Least privilege: the engine only reads GitHub. GitHub has no read-only scope for private
// repositories, so `repo` (read and write) is asked for only when the user opts in.

/** What the extension asks GitHub for, and the sentence shown on the sign-in prompt. */
export interface GitHubScopeRequest {
  scopes: string[];
  why: string;
}

/** The scopes for a sign-in: read-only by default, `repo` only with reposcout.githubPrivateRepositories. */
export function githubScopeRequest(config: { githubPrivateRepositories: boolean }): GitHubScopeRequest {
  if (config.githubPrivateRepositories) {
    return {
      scopes: ['repo', 'read:org'],
      why: 'You turned on reposcout.githubPrivateRepositories. GitHub\'s only scope that can read private repositories is "repo", which also allows writing; RepoScout only reads. Turn the setting off to sign in with read-only access to public data.',
    };
  }
  return {
    scopes: ['read:org', 'read:user'],
    why: 'RepoScout reads public repositories and organization membership (read-only scopes). To include private repositories, turn on reposcout.githubPrivateRepositories.',
  };
}
