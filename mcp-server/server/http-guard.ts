import { createHash, timingSafeEqual } from 'node:crypto';

// DNS rebinding defence: a web page on evil.example can make the browser send requests to
// 127.0.0.1 by re-pointing its own name, but the browser still says "Host: evil.example"
// and "Origin: http://evil.example". Only loopback names are accepted for either.
const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

const show = (value: string) => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

/** Returns null when `host` names this server by a loopback name and its port, else why not. */
export function hostProblem(host: string | undefined, port: number): string | null {
  if (host === undefined || host === '') return 'The request has no Host header; send one naming 127.0.0.1, localhost or [::1].';
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  const hostname = match?.[1]?.toLowerCase();
  const hostPort = match?.[2] === undefined ? 80 : Number(match[2]);
  if (hostname === undefined || !LOOPBACK_HOSTNAMES.has(hostname)) {
    return `Host ${show(host)} is not allowed: RepoScout's MCP server answers only to localhost, 127.0.0.1 and [::1] (a guard against DNS rebinding).`;
  }
  if (hostPort !== port) return `Host ${show(host)} names port ${hostPort}, but this server listens on ${port}.`;
  return null;
}

/** Returns null when there is no Origin (not a browser) or it is a loopback http(s) origin, else why not. */
export function originProblem(origin: string | undefined): string | null {
  if (origin === undefined) return null;
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTNAMES.has(url.hostname.toLowerCase())) {
    return `Origin ${show(origin)} is not allowed: RepoScout's MCP server accepts browser requests only from pages served by localhost, 127.0.0.1 or [::1].`;
  }
  return null;
}

/** Compares an Authorization header with the expected bearer token in constant time. */
export function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(expected));
}
