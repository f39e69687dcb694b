// A loopback fake GitHub for tests and the benchmark: REST and GraphQL in GitHub's shapes,
// served from SyntheticOrgs, with ETags and 304s, Link pagination, rate-limit headers,
// optional latency, recorded @octokit/fixtures replay, and injectable faults.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGraphql } from './graphql';
import type { SyntheticOrg } from './synthetic';

export type FaultKind =
  | 'primary-rate-limit'
  | 'secondary-rate-limit'
  | 'server-error'
  | 'slow'
  | 'drop'
  | 'malformed-json'
  | 'bad-token'
  | 'no-scope'
  | 'not-found';

export interface Fault {
  kind: FaultKind;
  /** Which requests: 'graphql', 'graphql:<Operation>', 'rest', a RegExp on the path, or any (default). */
  match?: string | RegExp;
  /** How many matching requests it hits (default 1; Infinity for all). */
  times?: number;
  /** Matching requests to let through first (default 0). */
  skip?: number;
  /** server-error and secondary-rate-limit status (default 502 / 403). */
  status?: number;
  /** secondary-rate-limit: retry-after seconds (default 1). primary-rate-limit: seconds until reset (default 2). */
  seconds?: number;
  /** slow: delay in milliseconds (default 1500). */
  delayMs?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  operation: string | null;
  status: number;
  cost: number;
  fault: FaultKind | null;
  authorization: string | null;
  ifNoneMatch: string | null;
  /** GraphQL only: the query text and variables. */
  query?: string;
  variables?: Record<string, unknown>;
  at: number;
}

export interface FakeGitHubOptions {
  orgs?: SyntheticOrg[];
  /** When set, requests with another token get 401 Bad credentials; requests with none are anonymous. */
  token?: string;
  /** With `token`: requests without a token get 401 too (GitHub's answer where data needs a sign-in). */
  requireToken?: boolean;
  /** Added to every answer, milliseconds. */
  latencyMs?: number;
  /** Recorded scenarios from @octokit/fixtures to replay, e.g. 'api.github.com/get-repository'. */
  fixtures?: FixtureRoute[];
}

export interface FixtureRoute {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[]>;
  response: unknown;
}

export interface FakeGitHub {
  /** REST base URL (GraphQL at `${url}/graphql`); `${url}/api/v3` works too, with GraphQL at `${url}/api/graphql`. */
  url: string;
  port: number;
  log: RequestRecord[];
  orgs: SyntheticOrg[];
  faults: Fault[];
  inject(fault: Fault): void;
  /** Points and requests counted against the primary limits so far. */
  spent(): { requests: number; rest: number; graphql: number; notModified: number; points: number };
  close(): Promise<void>;
}

interface FaultState extends Fault {
  hits: number;
  seen: number;
}

const RATE_LIMIT = 5000;
const ANON_LIMIT = 60;

/** Starts the fake on 127.0.0.1 and an ephemeral port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const orgs = options.orgs ?? [];
  const log: RequestRecord[] = [];
  const faults: FaultState[] = [];
  const used = { core: 0, graphql: 0 };
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const fixtures = options.fixtures ?? [];
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { message: `fake GitHub crashed: ${(error as Error).message}` });
      });
    });
  });

  function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  }

  function rateHeaders(resource: 'core' | 'graphql', anonymous: boolean): Record<string, string> {
    const limit = anonymous ? ANON_LIMIT : RATE_LIMIT;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used[resource])),
      'x-ratelimit-used': String(used[resource]),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-resource': resource,
    };
  }

  function takeFault(path: string, operation: string | null): FaultState | null {
    for (const fault of faults) {
      const m = fault.match;
      const matches =
        m === undefined ||
        (m instanceof RegExp ? m.test(path) : m === 'graphql' ? operation !== null : m === 'rest' ? operation === null : m.startsWith('graphql:') ? operation === m.slice(8) : path.startsWith(m));
      if (!matches) continue;
      fault.seen += 1;
      if (fault.seen <= (fault.skip ?? 0)) continue;
      if (fault.hits >= (fault.times ?? 1)) continue;
      fault.hits += 1;
      return fault;
    }
    return null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    // GitHub Enterprise Server layout: /api/v3/... and /api/graphql.
    let path = url.pathname.replace(/^\/api\/v3(?=\/|$)/, '') || '/';
    if (path === '/api/graphql') path = '/graphql';
    const restBase = url.pathname.startsWith('/api/') ? `${base}/api/v3` : base;
    const isGraphql = req.method === 'POST' && path === '/graphql';
    let parsed: { query?: string; variables?: Record<string, unknown> } = {};
    if (isGraphql) {
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return send(res, 400, { message: 'Problems parsing JSON' });
      }
    }
    const operation = isGraphql ? (/query\s+(\w+)/.exec(parsed.query ?? '')?.[1] ?? 'anonymous') : null;
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : null;
    const ifNoneMatch = typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : null;
    const record: RequestRecord = { method: req.method ?? 'GET', path: url.pathname + url.search, operation, status: 0, cost: 0, fault: null, authorization, ifNoneMatch, at: Date.now() };
    if (isGraphql) {
      record.query = parsed.query ?? '';
      record.variables = parsed.variables ?? {};
    }
    log.push(record);
    const resource = isGraphql ? 'graphql' : 'core';
    const anonymous = authorization === null;

    const fault = takeFault(path, operation);
    record.fault = fault?.kind ?? null;
    if (fault?.kind === 'drop') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    const delay = (options.latencyMs ?? 0) + (fault?.kind === 'slow' ? (fault.delayMs ?? 1500) : 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const finish = (status: number, payload: unknown, headers: Record<string, string> = {}, cost = 0) => {
      record.status = status;
      record.cost = cost;
      if (!res.destroyed) send(res, status, payload, { ...rateHeaders(resource, anonymous), ...headers });
    };

    if (options.token && authorization !== null && authorization !== `token ${options.token}` && authorization !== `bearer ${options.token}` && authorization !== `Bearer ${options.token}`) {
      return finish(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    if (options.token && options.requireToken && anonymous) {
      return finish(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    switch (fault?.kind) {
      case 'bad-token':
        return finish(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      case 'primary-rate-limit': {
        const reset = Math.floor(Date.now() / 1000) + (fault.seconds ?? 2);
        const headers = { ...rateHeaders(resource, anonymous), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) };
        if (isGraphql) {
          record.status = 200;
          return send(res, 200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }, headers);
        }
        record.status = 403;
        return send(res, 403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' }, headers);
      }
      case 'secondary-rate-limit':
        return finish(
          fault.status ?? 403,
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
          { 'retry-after': String(fault.seconds ?? 1) },
        );
      case 'server-error':
        return finish(fault.status ?? 502, { message: 'Server Error' });
      case 'malformed-json': {
        record.status = 200;
        const text = '{"data": {"repositoryOwner": {"login": "acm';
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders(resource, anonymous) });
        return void res.end(text);
      }
      case 'no-scope':
        if (isGraphql) {
          return finish(200, {
            errors: [
              {
                type: 'INSUFFICIENT_SCOPES',
                locations: [{ line: 3, column: 3 }],
                message: "Your token has not been granted the required scopes to execute this query. The 'repositoryOwner' field requires one of the following scopes: ['read:org'], but your token has only been granted the: ['public_repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.",
              },
            ],
          });
        }
        return finish(403, { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest' }, { 'x-accepted-github-permissions': 'contents=read', 'x-accepted-oauth-scopes': 'repo' });
      case 'not-found':
        return finish(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      default:
        break;
    }

    if (isGraphql) {
      const answer = answerGraphql(orgs, parsed.query ?? '', parsed.variables ?? {}, RATE_LIMIT - used.graphql);
      if (!answer) return finish(200, { errors: [{ message: `The fake GitHub does not know the operation ${operation}.` }] });
      used.graphql += answer.cost;
      return finish(200, answer.body, {}, answer.cost);
    }
    return rest(req, res, url, path, restBase, finish, ifNoneMatch, anonymous);
  }

  function rest(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    path: string,
    restBase: string,
    finish: (status: number, payload: unknown, headers?: Record<string, string>, cost?: number) => void,
    ifNoneMatch: string | null,
    anonymous: boolean,
  ): void {
    // Recordings keep a trailing slash ("/contents/") that today's Octokit leaves off.
    const bare = (p: string) => p.replace(/\/+(?=\?|$)/, '');
    const fixture = fixtures.find((f) => f.method.toUpperCase() === req.method && bare(f.path) === bare(path + url.search));
    let status = 200;
    let payload: unknown;
    let headers: Record<string, string> = {};
    if (fixture) {
      status = fixture.status;
      // Recorded links point at api.github.com; point them here.
      headers = Object.fromEntries(
        Object.entries(fixture.headers)
          .filter(([k]) => !['content-length', 'connection', 'transfer-encoding', 'content-encoding'].includes(k.toLowerCase()))
          .map(([k, v]) => [k, (Array.isArray(v) ? v.join(', ') : String(v)).split('https://api.github.com').join(restBase)]),
      );
      payload = JSON.parse(JSON.stringify(fixture.response).split('https://api.github.com').join(restBase));
    } else {
      const contributors = /^\/repos\/([^/]+)\/([^/]+)\/contributors$/.exec(path);
      const rateLimit = path === '/rate_limit';
      if (rateLimit) {
        payload = { resources: { core: { limit: RATE_LIMIT, remaining: RATE_LIMIT - used.core, reset: resetAt }, graphql: { limit: RATE_LIMIT, remaining: RATE_LIMIT - used.graphql, reset: resetAt } } };
      } else if (contributors) {
        const org = orgs.find((o) => o.login.toLowerCase() === decodeURIComponent(contributors[1] ?? '').toLowerCase());
        const repo = org?.repo(decodeURIComponent(contributors[2] ?? ''));
        if (!repo) return finish(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#list-repository-contributors' }, {}, 1);
        if (repo.isEmpty) {
          record204(finish);
          return;
        }
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const all = repo.contributors.map((c, i) => ({ login: c.login, id: 1000 + i, type: c.type, site_admin: false, contributions: c.contributions }));
        payload = all.slice((page - 1) * perPage, page * perPage);
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number) => `<${restBase}/repos/${repo.name === contributors[2] ? contributors[1] : contributors[1]}/${contributors[2]}/contributors?per_page=${perPage}&page=${p}>`;
        const rels: string[] = [];
        if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
        if (page > 1) rels.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
        if (rels.length) headers.link = rels.join(', ');
      } else {
        return finish(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }, {}, 1);
      }
    }
    const text = JSON.stringify(payload);
    const etag = headers.etag ?? `"${createHash('sha1').update(text).digest('hex')}"`;
    if (status === 200 && ifNoneMatch && ifNoneMatch === etag) {
      // Conditional requests answered 304 do not count against an authenticated client's limit.
      if (anonymous) used.core += 1;
      return finish(304, '', { etag }, 0);
    }
    used.core += 1;
    return finish(status, payload, { ...headers, etag }, 1);
  }

  function record204(finish: (status: number, payload: unknown, headers?: Record<string, string>, cost?: number) => void): void {
    used.core += 1;
    finish(204, '', {}, 1);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    log,
    orgs,
    faults,
    inject(fault) {
      faults.push({ ...fault, hits: 0, seen: 0 });
    },
    spent() {
      const answered = log.filter((r) => r.status > 0);
      return {
        requests: log.length,
        rest: log.filter((r) => r.operation === null).length,
        graphql: log.filter((r) => r.operation !== null).length,
        notModified: answered.filter((r) => r.status === 304).length,
        points: log.reduce((sum, r) => sum + r.cost, 0),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
