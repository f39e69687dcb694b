import { RepoScoutError, type RepoScoutErrorCode } from '../errors';
import type { Remedy } from '../protocol/errors';
import type { GitHubClient } from './client';

/** What was being done when a request failed, for a message that says how to carry on. */
export interface FailureContext {
  /** e.g. 'listing the repositories of acme' */
  doing: string;
  /** How to carry on where it stopped: the same ingest again, or the same call again. */
  resume: ResumeRemedy;
}

type ResumeRemedy = Extract<Remedy, { do: 'ingest' | 'retry' }>;

interface HttpishError {
  name?: string;
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  errors?: { type?: string; message?: string; path?: unknown[] }[];
  cause?: unknown;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
};

/** True when a GraphQL or REST failure says the thing asked for does not exist. */
export function isNotFound(error: unknown): boolean {
  const e = error as HttpishError;
  return e?.status === 404 || (Array.isArray(e?.errors) && e.errors.some((x) => x.type === 'NOT_FOUND'));
}

/**
 * Turns an Octokit failure into a RepoScoutError with a code, one sentence naming the cause,
 * and the next step as a remedy (a token that can read it, or carrying on where it stopped)
 * that each front door words for itself. Server text is passed through `client.redact`, so
 * the token never reaches the message even if a proxy echoes it.
 */
export function translateGitHubError(error: unknown, client: GitHubClient, context: FailureContext): Error {
  if (error instanceof RepoScoutError) return error;
  const e = (error ?? {}) as HttpishError;
  const api = client.endpoints.host === 'github.com' ? 'GitHub' : `GitHub at ${client.endpoints.host}`;
  const resume = context.resume;
  const token: Remedy = { do: 'github_token', then: resume };
  const make = (code: RepoScoutErrorCode, sentence: string, remedy: Remedy | undefined = resume) =>
    new RepoScoutError(code, client.redact(sentence), { cause: error, ...(remedy ? { remedy } : {}) });
  const headers = e.response?.headers ?? {};
  const serverMessage = shortMessage(e);

  const graphqlTypes = new Set((e.errors ?? []).map((x) => x.type ?? ''));
  if (graphqlTypes.has('INSUFFICIENT_SCOPES') || graphqlTypes.has('FORBIDDEN')) {
    return make('GITHUB_SCOPE', `The token is not allowed to read what ${context.doing} needs (${serverMessage}); it needs a token with the "repo" and "read:org" scopes (or read access to the organization's repositories).`, token);
  }
  if (graphqlTypes.has('RATE_LIMITED')) return rateLimited(make, headers, api, context, 'primary');
  if (graphqlTypes.has('NOT_FOUND')) {
    return make('GITHUB_NOT_FOUND', `${api} found nothing while ${context.doing} (${serverMessage}); check the spelling, or use a token that can see it.`, undefined);
  }
  switch (e.status) {
    case 401:
      return client.authenticated
        ? make('GITHUB_AUTH', `${api} rejected the token (401 ${serverMessage}): it is wrong, expired or revoked; it needs a new token.`, token)
        : make('GITHUB_AUTH', `${api} requires authentication for ${context.doing} (401), and RepoScout has no GitHub token.`, token);
    case 403:
    case 429: {
      if (headers['x-ratelimit-remaining'] === '0') return rateLimited(make, headers, api, context, 'primary');
      if (/secondary rate|abuse/i.test(e.message ?? '') || e.status === 429) return rateLimited(make, headers, api, context, 'secondary');
      const scopes = headers['x-accepted-oauth-scopes'];
      const permissions = headers['x-accepted-github-permissions'];
      const needed = [scopes ? `the "${scopes}" scope` : '', permissions ? `the ${permissions} permission` : ''].filter(Boolean).join(' or ');
      return make(
        'GITHUB_SCOPE',
        `The token may not read what ${context.doing} needs (403 ${serverMessage})${needed ? `; it needs: ${needed}` : ''}; grant the token read access (classic tokens: "repo" and "read:org").`,
        token,
      );
    }
    case 404:
      return make('GITHUB_NOT_FOUND', `${api} found nothing while ${context.doing} (404); check the spelling, or use a token that can see private repositories.`, undefined);
    default:
      break;
  }
  const network = networkCause(error);
  if (network) {
    return make('GITHUB_UNREACHABLE', `Cannot reach the ${api} API at ${client.endpoints.restUrl} (${network}) while ${context.doing}; check the network and the GitHub host.`);
  }
  if (typeof e.status === 'number' && e.status >= 500) {
    return make('GITHUB_FAILED', `${api} kept failing (${e.status} ${serverMessage}) after retries while ${context.doing}; everything finished so far is stored.`);
  }
  return make('GITHUB_FAILED', `${api} request failed while ${context.doing} (${serverMessage}); everything finished so far is stored.`);
}

function rateLimited(
  make: (code: RepoScoutErrorCode, sentence: string) => RepoScoutError,
  headers: Record<string, string | undefined>,
  api: string,
  context: FailureContext,
  kind: 'primary' | 'secondary',
): RepoScoutError {
  if (kind === 'secondary') {
    const after = Number(headers['retry-after']);
    const wait = Number.isFinite(after) && after > 0 ? `${after} s` : 'a minute or more';
    return make('GITHUB_RATE_LIMITED', `${api} asked RepoScout to slow down (secondary rate limit) while ${context.doing}; everything finished so far is stored; carry on after ${wait}.`);
  }
  const reset = Number(headers['x-ratelimit-reset']);
  const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : 'the top of the hour';
  return make('GITHUB_RATE_LIMITED', `${api}'s rate limit is used up until ${when} while ${context.doing}; everything finished so far is stored; carry on after that time.`);
}

function shortMessage(e: HttpishError): string {
  const first = e.errors?.[0]?.message ?? e.message ?? 'unknown error';
  // Octokit appends " - https://docs.github.com/..." to REST messages; keep the sentence.
  const text = first.replace(/\s+-\s+https?:\/\/\S+$/, '').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function networkCause(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES[code]) return NETWORK_CODES[code];
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string') {
      const m = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT)\b/.exec(message);
      if (m?.[1]) return NETWORK_CODES[m[1]] ?? m[1];
      if (/no answer within/.test(message)) return message;
      if (/other side closed|socket hang up|terminated/i.test(message)) return 'connection closed by the server';
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
