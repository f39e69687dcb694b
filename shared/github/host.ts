import { RepoScoutError } from '../errors';
import { isLoopbackHostname } from '../net/loopback';
import type { Remedy } from '../protocol/errors';

const FIX_HOST: { remedy: Remedy } = { remedy: { do: 'fix_input', input: 'githubHost' } };

/** Where the GitHub API of a host lives. */
export interface GitHubEndpoints {
  /** 'github.com' or the Enterprise Server host name. */
  host: string;
  /** REST base URL: https://api.github.com or https://HOST/api/v3. */
  restUrl: string;
  /** GraphQL URL: https://api.github.com/graphql or https://HOST/api/graphql. */
  graphqlUrl: string;
}

const DOTCOM = new Set(['github.com', 'www.github.com', 'api.github.com']);

/**
 * Resolves the API endpoints for a host given as a name ("github.example.com"), with a
 * port, or as a URL ("https://github.example.com/"); undefined means github.com.
 */
export function resolveEndpoints(hostInput: string | undefined): GitHubEndpoints {
  const raw = (hostInput ?? '').trim();
  if (raw === '') return { host: 'github.com', restUrl: 'https://api.github.com', graphqlUrl: 'https://api.github.com/graphql' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    throw new RepoScoutError('INVALID_INPUT', `The GitHub host "${raw}" is not a host name; pass something like github.example.com.`, FIX_HOST);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RepoScoutError('INVALID_INPUT', `The GitHub host "${raw}" must be an http(s) host, e.g. github.example.com.`, FIX_HOST);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && !/^\/api\/v3\/?$/.test(url.pathname))) {
    throw new RepoScoutError('INVALID_INPUT', `The GitHub host "${raw}" must be just the host name of your GitHub Enterprise Server, e.g. github.example.com.`, FIX_HOST);
  }
  // The token travels in a header on every request: over plain http anyone on the path reads it.
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    throw new RepoScoutError('INVALID_INPUT', `The GitHub host "${raw}" uses plain http, which would send your GitHub token unencrypted; use https://${url.host} (http is allowed only for loopback addresses such as 127.0.0.1).`, FIX_HOST);
  }
  const host = url.host.toLowerCase();
  if (DOTCOM.has(host)) return resolveEndpoints(undefined);
  const origin = `${url.protocol}//${host}`;
  return { host, restUrl: `${origin}/api/v3`, graphqlUrl: `${origin}/api/graphql` };
}

/**
 * Endpoints for an explicit API base (tests point at a loopback fake GitHub). A base that
 * ends in /api/v3 is treated like Enterprise Server; anything else like api.github.com.
 * Not a user-facing setting.
 */
export function endpointsForBaseUrl(baseUrl: string, host = 'github.com'): GitHubEndpoints {
  // A test hook must not become a way to send the token elsewhere: loopback only.
  let parsed: URL | null = null;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = null;
  }
  if (!parsed || !isLoopbackHostname(parsed.hostname) || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new RepoScoutError('INVALID_INPUT', `REPOSCOUT_GITHUB_API_URL "${baseUrl.slice(0, 200)}" is refused: it is a test hook honoured only for loopback http(s) URLs such as http://127.0.0.1:8080; unset it, and give the host of a GitHub Enterprise Server as the GitHub host instead.`, FIX_HOST);
  }
  const rest = baseUrl.replace(/\/+$/, '');
  const graphqlUrl = /\/api\/v3$/.test(rest) ? rest.replace(/\/api\/v3$/, '/api/graphql') : `${rest}/graphql`;
  return { host, restUrl: rest, graphqlUrl };
}
