// Limits and closed lists that both a tool's input schema and the engine enforce. They live
// here so the contract needs no engine import; the engine imports them from here.

/** Kinds of searchable documents. */
export const DOCUMENT_KINDS = ['repository', 'issue', 'pull_request', 'memory', 'person'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Queries are cut to this many characters (with a notice). */
export const MAX_QUERY_CHARS = 1_000;

export const MEMORY_LINK_KINDS = ['repository', 'pull_request', 'job'] as const;
export type MemoryLinkKind = (typeof MEMORY_LINK_KINDS)[number];

export const MAX_MEMORY_CHARS = 20_000;

// GitHub logins: 1-39 letters, digits or single hyphens, not starting or ending with a
// hyphen. Enterprise managed users add "_<shortcode>", so one underscore suffix is allowed.
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:_[A-Za-z0-9]{1,20})?$/;

/** True when `login` is a valid GitHub user or organization name. */
export function isValidLogin(login: string): boolean {
  return LOGIN.test(login);
}
