// SQLite result codes 5 (SQLITE_BUSY: another connection holds the write lock past the busy
// timeout) and 6 (SQLITE_LOCKED), with their extended codes (the low byte is the primary code).
const BUSY = 5;
const LOCKED = 6;

/**
 * True when `error` is SQLite's "database is locked" from either driver: better-sqlite3 sets
 * `code` to 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', …; node:sqlite sets
 * `errcode` to the number (shared/store/node-sqlite.ts also gives it better-sqlite3's `code`).
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, errcode } = error as { code?: unknown; errcode?: unknown };
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return true;
  return typeof errcode === 'number' && ((errcode & 0xff) === BUSY || (errcode & 0xff) === LOCKED);
}
