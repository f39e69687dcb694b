import { keepHeaders, type HttpCache } from './http-cache';

/** Running totals of what the client sent and what it cost against GitHub's limits. */
export interface TransportStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  restRequests: number;
  graphqlRequests: number;
  /** GET answers revalidated with 304 Not Modified and served from the cache (free). */
  notModified: number;
  /** REST answers that count against the primary rate limit (everything but 304). */
  restCost: number;
  /** Sum of the points GitHub charged for GraphQL queries (their rateLimit.cost). */
  graphqlCost: number;
  /** Answers that were refused or broken: 5xx, dropped connections, timeouts, malformed JSON. */
  failures: number;
  /** Latest rate-limit headers seen, per resource ('core', 'graphql', ...). */
  rateLimit: Record<string, RateLimitState>;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Unix seconds when the window resets. */
  reset: number;
}

export function emptyStats(): TransportStats {
  return { requests: 0, restRequests: 0, graphqlRequests: 0, notModified: 0, restCost: 0, graphqlCost: 0, failures: 0, rateLimit: {} };
}

export interface TransportOptions {
  graphqlUrl: string;
  cache: HttpCache | null;
  stats: TransportStats;
  /** Per-request timeout in milliseconds (connect to last byte). */
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * The `fetch` Octokit sends every request through. It adds what Octokit does not do
 * itself: a timeout per request, conditional GETs from the ETag cache (a 304 is turned
 * back into the cached 200, so pagination and callers never see the difference), a
 * malformed-JSON answer turned into a 502 so the retry plugin retries it, and the
 * request / cost / rate-limit ledger.
 */
export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  const { cache, stats, timeoutMs } = options;
  const base = options.fetch ?? globalThis.fetch;
  const graphqlPath = new URL(options.graphqlUrl).pathname;

  return async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const isGraphql = method === 'POST' && new URL(url).pathname === graphqlPath;
    const cacheKey = method === 'GET' && cache ? `GET ${url} ${headers.get('accept') ?? ''}` : null;
    const cached = cacheKey ? cache?.get(cacheKey) : undefined;
    if (cached?.etag) headers.set('if-none-match', cached.etag);
    else if (cached?.lastModified) headers.set('if-modified-since', cached.lastModified);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    stats.requests += 1;
    if (isGraphql) stats.graphqlRequests += 1;
    else stats.restRequests += 1;
    let response: Response;
    try {
      response = await base(url, { ...init, headers, signal });
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason instanceof Error ? init.signal.reason : error;
      stats.failures += 1;
      if (timeout.aborted) throw new TypeError('fetch failed', { cause: new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`) });
      throw error;
    }
    recordRateLimit(stats, response.headers, isGraphql);

    if (response.status === 304 && cached) {
      stats.notModified += 1;
      await response.arrayBuffer().catch(() => undefined);
      return new Response(new Uint8Array(cached.body), { status: cached.status, headers: { ...cached.headers, 'x-reposcout-cache': 'revalidated' } });
    }
    if (!isGraphql) stats.restCost += 1;
    if (response.status >= 500) stats.failures += 1;

    const contentType = response.headers.get('content-type') ?? '';
    if (!/json/i.test(contentType) || response.status === 204) {
      if (response.status >= 200 && response.status < 300 && cacheKey && cache && hasValidator(response.headers)) {
        const body = Buffer.from(await response.arrayBuffer());
        cache.put(cacheKey, validatorEntry(response, body));
        return new Response(new Uint8Array(body), { status: response.status, headers: response.headers });
      }
      return response;
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The connection dropped in the middle of the body.
      stats.failures += 1;
      throw new TypeError('fetch failed', { cause: error });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      stats.failures += 1;
      // A 200 with a broken body must not reach the caller as a string; a 502 is retried.
      return new Response(JSON.stringify({ message: `GitHub sent malformed JSON (${text.length} bytes) for ${method} ${new URL(url).pathname}` }), {
        status: 502,
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
    }
    if (isGraphql) stats.graphqlCost += graphqlCost(parsed);
    if (response.status === 200 && cacheKey && cache && hasValidator(response.headers)) {
      cache.put(cacheKey, validatorEntry(response, Buffer.from(text, 'utf8')));
    }
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function hasValidator(headers: Headers): boolean {
  return headers.has('etag') || headers.has('last-modified');
}

function validatorEntry(response: Response, body: Buffer) {
  return {
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    status: response.status,
    headers: keepHeaders(response.headers),
    body,
  };
}

function graphqlCost(body: unknown): number {
  const cost = (body as { data?: { rateLimit?: { cost?: unknown } } } | null)?.data?.rateLimit?.cost;
  // Queries without a rateLimit field still cost at least one point.
  return typeof cost === 'number' && Number.isFinite(cost) ? cost : 1;
}

function recordRateLimit(stats: TransportStats, headers: Headers, isGraphql: boolean): void {
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  const limit = Number(headers.get('x-ratelimit-limit'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (!headers.has('x-ratelimit-remaining') || !Number.isFinite(remaining)) return;
  const resource = headers.get('x-ratelimit-resource') ?? (isGraphql ? 'graphql' : 'core');
  stats.rateLimit[resource] = { limit: Number.isFinite(limit) ? limit : 0, remaining, reset: Number.isFinite(reset) ? reset : 0 };
}
