import { Octokit } from '@octokit/rest';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { endpointsForBaseUrl, resolveEndpoints, type GitHubEndpoints } from './host';
import type { HttpCache } from './http-cache';
import { createTransport, emptyStats, type TransportStats } from './transport';

const GitHubOctokit = Octokit.plugin(retry, throttling, paginateGraphQL);
export type GitHubOctokitClient = InstanceType<typeof GitHubOctokit>;

/** A wait GitHub asked for (rate limit) that the client is honouring or refusing. */
export interface RateLimitWait {
  kind: 'primary' | 'secondary';
  seconds: number;
  /** True when the client waits and retries; false when the wait is longer than allowed. */
  waiting: boolean;
}

export interface GitHubClientOptions {
  token: string | null;
  /** --github-host / REPOSCOUT_GITHUB_HOST; undefined means github.com. */
  host?: string;
  /** Explicit API base URL (tests: the loopback fake GitHub). Not a user-facing setting. */
  baseUrl?: string;
  /** Conditional-request cache; the store's http_cache table in production. */
  cache?: HttpCache | null;
  /** Per-request timeout, default 30 s. */
  timeoutMs?: number;
  /** Longest rate-limit wait honoured before stopping with a resume message, default 15 minutes. */
  maxRateLimitWaitSeconds?: number;
  /** Multiplier of the retry plugin's 1, 4, 9 s back-off, default 1000 ms (tests shorten it). */
  retryBaseMs?: number;
  /** How many times a failed request (5xx, dropped connection, malformed JSON) is retried, default 3. */
  retries?: number;
  onRateLimitWait?: (wait: RateLimitWait) => void;
  fetch?: typeof globalThis.fetch;
}

/** An authenticated (or anonymous) GitHub API client with throttling, retries and an ETag cache. */
export interface GitHubClient {
  endpoints: GitHubEndpoints;
  authenticated: boolean;
  octokit: GitHubOctokitClient;
  stats: TransportStats;
  /** Replaces the token in any text that might quote it (error messages from servers). */
  redact(text: string): string;
}

const USER_AGENT = 'RepoScout/0.1 (+https://github.com/reposcout)';

/**
 * Creates the client: @octokit/rest with the retry and throttling plugins (GitHub's
 * recommended handling of 5xx, primary and secondary rate limits) and GraphQL pagination.
 * Rate-limit waits are done here, abortably, instead of inside the throttling plugin,
 * so Ctrl-C during a long wait stops at once.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const endpoints = options.baseUrl ? endpointsForBaseUrl(options.baseUrl) : resolveEndpoints(options.host);
  const stats = emptyStats();
  const maxWait = options.maxRateLimitWaitSeconds ?? 900;
  const token = options.token;
  const redact = (text: string) => (token && token.length >= 4 ? text.split(token).join('[token]') : text);
  const onWait = async (kind: RateLimitWait['kind'], seconds: number, requestOptions: { request?: { signal?: AbortSignal } }, retryCount: number) => {
    const waiting = seconds <= maxWait && retryCount < 4;
    options.onRateLimitWait?.({ kind, seconds, waiting });
    if (!waiting) return false;
    return sleep(seconds * 1000, requestOptions.request?.signal);
  };
  const octokit = new GitHubOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl: endpoints.restUrl,
    userAgent: USER_AGENT,
    request: {
      fetch: createTransport({ graphqlUrl: endpoints.graphqlUrl, cache: options.cache ?? null, stats, timeoutMs: options.timeoutMs ?? 30_000, ...(options.fetch ? { fetch: options.fetch } : {}) }),
    },
    // Octokit's own log would print to the console; stdout belongs to the CLI and MCP.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: {
      retries: options.retries ?? 3,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      // 429 is a secondary rate limit: the throttling plugin honours its retry-after.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    throttle: {
      // The wait itself happens in onWait (abortable); the plugin then retries at once.
      retryAfterBaseValue: 0,
      onRateLimit: (retryAfter: number, requestOptions: object, _octokit: unknown, retryCount: number) => onWait('primary', retryAfter, requestOptions, retryCount),
      onSecondaryRateLimit: (retryAfter: number, requestOptions: object, _octokit: unknown, retryCount: number) => onWait('secondary', retryAfter, requestOptions, retryCount),
    },
  });
  return { endpoints, authenticated: token !== null, octokit, stats, redact };
}

/** Resolves true after `ms`, or false at once if `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The remaining requests/points of the scarcer of the core and GraphQL limits, for progress lines. */
export function remainingRateLimit(stats: TransportStats): { remaining: number; limit: number; resource: string } | null {
  const entries = Object.entries(stats.rateLimit).filter(([resource]) => resource === 'core' || resource === 'graphql');
  if (entries.length === 0) return null;
  const [resource, state] = entries.reduce((low, next) => (next[1].remaining / Math.max(1, next[1].limit) < low[1].remaining / Math.max(1, low[1].limit) ? next : low));
  return { remaining: state.remaining, limit: state.limit, resource };
}
