import { isBot } from '../analyses/bots';
import { RepoScoutError } from '../errors';

/**
 * One person across the names git and GitHub give them: logins, e-mail addresses and
 * names. Built from `<who>` plus an `--as` list; git's .mailmap is already applied when
 * history is read, so a mapped address arrives here as the canonical one.
 */
export interface Identity {
  /** what the user typed, for display */
  who: string;
  logins: Set<string>;
  emails: Set<string>;
  names: Set<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i;
// GitHub's noreply forms: "12345+login@users.noreply.github.com" and the older "login@users.noreply.github.com".
const NOREPLY = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/** Parses `<who>` and the `--as` aliases; each is an e-mail, a GitHub login or a name as git records it. */
export function buildIdentity(who: string, aliases: readonly string[] = []): Identity {
  const identity: Identity = { who: who.trim(), logins: new Set(), emails: new Set(), names: new Set() };
  for (const raw of [who, ...aliases]) {
    const value = raw.trim();
    if (value === '') continue;
    if (value.length > 320) throw new RepoScoutError('INVALID_INPUT', `"${value.slice(0, 40)}…" is too long for a login, e-mail or name; pass at most 320 characters.`);
    if (EMAIL.test(value)) {
      const email = value.toLowerCase();
      identity.emails.add(email);
      const noreply = NOREPLY.exec(email);
      if (noreply?.[1]) identity.logins.add(noreply[1]);
    } else if (LOGIN.test(value)) {
      identity.logins.add(value.toLowerCase());
      // a single word can be a login or a git name ("alice"): accept both
      identity.names.add(value.toLowerCase());
    } else {
      identity.names.add(value.toLowerCase().replace(/\s+/g, ' '));
    }
  }
  if (identity.logins.size + identity.emails.size + identity.names.size === 0) {
    throw new RepoScoutError('INVALID_INPUT', 'Name the developer: a GitHub login, an e-mail address, or a name as git records it.');
  }
  return identity;
}

/** True when a git or GitHub actor is this person (and not a bot wearing their name). */
export function matchesIdentity(identity: Identity, actor: { login?: string | null; email?: string | null; name?: string | null }): boolean {
  const email = actor.email?.trim().toLowerCase() ?? '';
  const name = actor.name?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  const login = actor.login?.trim().toLowerCase() ?? '';
  if (isBot(actor.name ?? actor.login ?? '', email) || login.endsWith('[bot]')) return false;
  if (login !== '' && identity.logins.has(login)) return true;
  if (email !== '') {
    if (identity.emails.has(email)) return true;
    const noreply = NOREPLY.exec(email);
    if (noreply?.[1] && identity.logins.has(noreply[1])) return true;
  }
  return name !== '' && identity.names.has(name);
}

/** The identity's values, for display and for the portfolio's record of whom it covers. */
export function identityValues(identity: Identity): string[] {
  return [...identity.logins].map((l) => `@${l}`).concat([...identity.emails], [...identity.names].filter((n) => !identity.logins.has(n)));
}

/** A stable key for storing collection state per person. */
export function identityKey(identity: Identity): string {
  return identityValues(identity).sort().join(',');
}
