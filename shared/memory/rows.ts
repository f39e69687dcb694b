import type { Db } from '../store/open';
import type { Memory, MemoryFilters, MemoryLink, MemoryVersion } from './types';

interface MemoryRow {
  id: number;
  text: string;
  tags_json: string;
  times_remembered: number;
  created_at: string;
  updated_at: string;
}

export function loadMemories(db: Db, ids: readonly number[]): Map<number, Memory> {
  const out = new Map<number, Memory>();
  const row = db.prepare('select * from memories where id = ?');
  const links = db.prepare('select kind, target from memory_links where memory_id = ? order by kind, target');
  for (const id of ids) {
    const r = row.get(id) as MemoryRow | undefined;
    if (!r) continue;
    out.set(id, {
      id: r.id,
      text: r.text,
      tags: JSON.parse(r.tags_json) as string[],
      links: links.all(id) as MemoryLink[],
      timesRemembered: r.times_remembered,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    });
  }
  return out;
}

export function loadMemory(db: Db, id: number): Memory | undefined {
  return loadMemories(db, [id]).get(id);
}

/** Every version of a memory, oldest first. */
export function memoryHistory(db: Db, id: number): MemoryVersion[] {
  const rows = db.prepare('select event, text, tags_json, similarity, at from memory_history where memory_id = ? order by id').all(id) as {
    event: 'created' | 'merged';
    text: string;
    tags_json: string;
    similarity: number | null;
    at: string;
  }[];
  return rows.map((r) => ({ event: r.event, text: r.text, tags: JSON.parse(r.tags_json) as string[], similarity: r.similarity, at: r.at }));
}

export function memoryRefKey(id: number): string {
  return `memory:${id}`;
}

/** SQL conditions on `m` (memories) for the filters; every condition must hold. */
export function memoryFilterSql(filters: MemoryFilters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  (filters.tags ?? []).forEach((tag, i) => {
    where.push(`exists (select 1 from json_each(m.tags_json) where value = @tag${i})`);
    params[`tag${i}`] = tag;
  });
  if (filters.link) {
    where.push('exists (select 1 from memory_links l where l.memory_id = m.id and l.kind = @linkKind and l.target = @linkTarget)');
    params.linkKind = filters.link.kind;
    params.linkTarget = filters.link.target;
  }
  if (filters.since) {
    where.push('m.updated_at >= @since');
    params.since = filters.since;
  }
  if (filters.until) {
    where.push('m.updated_at < @until');
    params.until = filters.until;
  }
  return { where, params };
}
