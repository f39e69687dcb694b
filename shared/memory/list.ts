import { RepoScoutError } from '../errors';
import type { Store } from '../store/open';
import { normalizeFilters } from './recall';
import { loadMemories, memoryFilterSql } from './rows';
import type { ListMemoriesResult } from '../protocol/tools/list-memories';
import type { Memory, MemoryFilters } from './types';

export interface ListMemoriesInput extends MemoryFilters {
  /** 1..200, default 20. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

/** A page of list_memories' record; `nextCursor`: pass back as `cursor` for the next page, null on the last page. */
export type MemoryPage = Pick<ListMemoriesResult, 'total' | 'nextCursor'> & { memories: Memory[] };

/** Memories newest first (by last update), filtered, one page at a time. */
export function listMemories(store: Store, input: ListMemoriesInput = {}): MemoryPage {
  const limit = input.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new RepoScoutError('INVALID_INPUT', `The limit must be a whole number from 1 to 200, got ${limit}.`);
  }
  const { where, params } = memoryFilterSql(normalizeFilters(input));
  const total = (store.db.prepare(`select count(*) as n from memories m ${where.length ? `where ${where.join(' and ')}` : ''}`).get(params) as { n: number }).n;
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    where.push('(m.updated_at < @cursorAt or (m.updated_at = @cursorAt and m.id < @cursorId))');
    params.cursorAt = after.at;
    params.cursorId = after.id;
  }
  const rows = store.db
    .prepare(`select m.id, m.updated_at from memories m ${where.length ? `where ${where.join(' and ')}` : ''} order by m.updated_at desc, m.id desc limit @limit`)
    .all({ ...params, limit: limit + 1 }) as { id: number; updated_at: string }[];
  const page = rows.slice(0, limit);
  const memories = loadMemories(store.db, page.map((r) => r.id));
  const last = page.at(-1);
  return {
    memories: page.map((r) => memories.get(r.id)!).filter(Boolean),
    total,
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.updated_at, last.id])).toString('base64url') : null,
  };
}

function decodeCursor(cursor: string): { at: string; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && Number.isInteger(id)) return { at, id: id as number };
  } catch {
    // fall through to the error below
  }
  throw new RepoScoutError('INVALID_INPUT', `The cursor "${cursor.slice(0, 40)}" is not one an earlier listing returned; start again without a cursor.`, { remedy: { do: 'fix_input', input: 'cursor' } });
}
