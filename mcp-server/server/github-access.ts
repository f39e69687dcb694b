import { githubClientFromEnvironment } from '../../shared/github/client-from-env';
import type { GitHubClient, RateLimitWait } from '../../shared/github/client';
import { resolveEndpoints } from '../../shared/github/host';
import type { Store } from '../../shared/store/open';

/** What one tool call asks of the GitHub client it connects. */
export interface GitHubConnectSettings {
  /** Longest rate-limit wait to sit through before stopping with a resume message. */
  maxWaitSeconds: number;
  onRateLimitWait(wait: RateLimitWait): void;
}

/**
 * How the server reaches GitHub: the host whose stored data the tools read and write, and
 * a client per ingest call. Production reads the environment; tests point at a fake GitHub.
 */
export interface GitHubAccess {
  /** 'github.com' or an Enterprise Server host; throws INVALID_INPUT for a bad REPOSCOUT_GITHUB_HOST. */
  host(): string;
  /** A client for one call; `authenticated` false means public data at the anonymous rate. */
  connect(settings: GitHubConnectSettings): GitHubClient;
}

/**
 * The production access: GITHUB_TOKEN, then GH_TOKEN; REPOSCOUT_GITHUB_HOST for Enterprise
 * Server. Read per call, so a server that never ingests never reads a token, and a token
 * set later is picked up without a restart. The token stays inside the client.
 */
export function githubFromEnvironment(store: Store, env: NodeJS.ProcessEnv = process.env): GitHubAccess {
  return {
    host: () => resolveEndpoints(env.REPOSCOUT_GITHUB_HOST || undefined).host,
    connect: (settings) => githubClientFromEnvironment(store, settings, env).client,
  };
}
