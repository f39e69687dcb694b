import type { Store } from '../store/open';
import { createGitHubClient, type GitHubClient, type RateLimitWait } from './client';
import { resolveEndpoints } from './host';
import { sqliteHttpCache } from './http-cache';
import { resolveToken, type TokenSource } from './token';

export interface ClientSettings {
  /** --token-file; otherwise GITHUB_TOKEN, then GH_TOKEN. */
  tokenFile?: string | undefined;
  /** --github-host; otherwise REPOSCOUT_GITHUB_HOST, then github.com. */
  host?: string | undefined;
  /** Longest rate-limit wait to honour, seconds (default 900). */
  maxWaitSeconds?: number | undefined;
  onRateLimitWait?: (wait: RateLimitWait) => void;
}

/**
 * The client the front doors (CLI, MCP server) use: settings → environment → defaults,
 * with the store's ETag cache. `tokenSource` 'none' means public data only, at GitHub's
 * unauthenticated limit; each front door says how to give it a token.
 * REPOSCOUT_GITHUB_API_URL and REPOSCOUT_GITHUB_RETRY_BASE_MS are test hooks (the loopback
 * fake GitHub), not user settings.
 */
export function githubClientFromEnvironment(store: Store, settings: ClientSettings = {}, env: NodeJS.ProcessEnv = process.env): { client: GitHubClient; tokenSource: TokenSource } {
  const { token, source } = resolveToken(settings.tokenFile, env);
  const hostInput = settings.host ?? (env.REPOSCOUT_GITHUB_HOST || undefined);
  const endpoints = resolveEndpoints(hostInput);
  const baseUrl = env.REPOSCOUT_GITHUB_API_URL || undefined;
  const retryBaseMs = env.REPOSCOUT_GITHUB_RETRY_BASE_MS ? Number(env.REPOSCOUT_GITHUB_RETRY_BASE_MS) : undefined;
  const client = createGitHubClient({
    token,
    ...(baseUrl ? { baseUrl } : { host: hostInput }),
    cache: sqliteHttpCache(store.db),
    maxRateLimitWaitSeconds: settings.maxWaitSeconds ?? 900,
    ...(retryBaseMs !== undefined && Number.isFinite(retryBaseMs) ? { retryBaseMs } : {}),
    ...(settings.onRateLimitWait ? { onRateLimitWait: settings.onRateLimitWait } : {}),
  });
  // With a test base URL, data is still filed under the host the user named.
  if (baseUrl) client.endpoints.host = endpoints.host;
  return { client, tokenSource: source };
}
