import { createHash } from 'node:crypto';
import { RepoScoutError } from '../../shared/errors';

// Cursors are opaque to agents: base64url JSON naming the tool, a digest of the query
// (filters and sort) and the last item's position. A cursor replayed with other filters
// or on another tool is refused rather than silently returning a wrong page.

export type CursorPosition = (string | number | null)[];

interface CursorBody {
  t: string;
  q: string;
  after: CursorPosition;
}

/** A short digest of the query a page belongs to. */
export function queryDigest(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 12);
}

export function encodeCursor(tool: string, query: unknown, after: CursorPosition): string {
  const body: CursorBody = { t: tool, q: queryDigest(query), after };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Returns the position a cursor continues after, or throws INVALID_INPUT with what to do. */
export function decodeCursor(tool: string, query: unknown, cursor: string): CursorPosition {
  let body: Partial<CursorBody> | null = null;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = null;
  }
  const valid =
    body !== null && typeof body === 'object' && typeof body.t === 'string' && typeof body.q === 'string' && Array.isArray(body.after) &&
    body.after.every((v) => v === null || typeof v === 'string' || typeof v === 'number');
  if (!valid || body === null) {
    throw new RepoScoutError('INVALID_INPUT', `cursor is not one ${tool} returned; pass the nextCursor value exactly, or leave cursor out to start from the first page.`);
  }
  if (body.t !== tool || body.q !== queryDigest(query)) {
    throw new RepoScoutError('INVALID_INPUT', `cursor belongs to a different query; repeat the same filters and sort as the call that returned it, or leave cursor out to start again.`);
  }
  return body.after as CursorPosition;
}

/** Compares two positions element by element (numbers numerically, strings by code unit, null first). */
export function comparePositions(a: CursorPosition, b: CursorPosition): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * One page of an in-memory list sorted ascending by `position`: the items after the cursor's
 * position, `limit` of them, and the cursor for the next page (null on the last page).
 */
export function pageOf<T>(
  items: readonly T[],
  position: (item: T) => CursorPosition,
  options: { tool: string; query: unknown; cursor: string | undefined; limit: number },
): { page: T[]; nextCursor: string | null } {
  const after = options.cursor === undefined ? null : decodeCursor(options.tool, options.query, options.cursor);
  const start = after === null ? 0 : items.findIndex((item) => comparePositions(position(item), after) > 0);
  const from = start === -1 ? items.length : start;
  const page = items.slice(from, from + options.limit);
  const last = page.at(-1);
  const more = from + page.length < items.length;
  return { page, nextCursor: more && last !== undefined ? encodeCursor(options.tool, options.query, position(last)) : null };
}
