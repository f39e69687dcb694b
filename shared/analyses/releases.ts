import type { Releases } from '../research/types';
import type { AnalysisContext } from './context';
import { isoTime, SECONDS } from './time';

/** Release cadence from tags: how many, how many in the last year, the newest. */
export function releases(ctx: AnalysisContext): Releases {
  const rows = ctx.db
    .prepare('select name, tagged_at from tags where repo_id = ? order by tagged_at desc nulls last, name desc')
    .all(ctx.repoId) as { name: string; tagged_at: number | null }[];
  const yearAgo = ctx.now - 365 * SECONDS.DAY;
  const latest = rows[0];
  return {
    tags: rows.length,
    last365Days: rows.filter((r) => r.tagged_at !== null && r.tagged_at >= yearAgo).length,
    latest: latest ? { name: latest.name, date: latest.tagged_at === null ? null : isoTime(latest.tagged_at) } : null,
  };
}
