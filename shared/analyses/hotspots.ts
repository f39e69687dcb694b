import type { Hotspot } from '../research/types';
import { defineAnalysis, PUBLISHED_TOP } from './analysis';
import type { AnalysisContext } from './context';

/**
 * Files with the most churn (lines added + removed) in the recent window, from
 * non-merge commits; falls back to all history when the window is empty.
 */
export function hotspots(ctx: AnalysisContext, limit = 20): Hotspot[] {
  const query = ctx.db.prepare(
    `select p.path, sum(coalesce(f.additions, 0)) as additions, sum(coalesce(f.deletions, 0)) as deletions,
            count(*) as commits, count(distinct c.author_id) as authors
       from file_changes f
       join commits c on c.id = f.commit_id
       join paths p on p.id = f.path_id
      where c.repo_id = ? and c.parent_count <= 1 and c.authored_at >= ?
      group by f.path_id
      order by sum(coalesce(f.additions, 0)) + sum(coalesce(f.deletions, 0)) desc, count(*) desc, p.path
      limit ?`,
  );
  let rows = query.all(ctx.repoId, ctx.windowStart, limit) as Omit<Hotspot, 'churn'>[];
  if (rows.length === 0) rows = query.all(ctx.repoId, 0, limit) as Omit<Hotspot, 'churn'>[];
  return rows.map((row) => ({ ...row, churn: row.additions + row.deletions }));
}

/** Needs line counts per file, which only a clone's history has. */
export const hotspotsAnalysis = defineAnalysis({
  name: 'hotspots',
  publish: (h) => h.slice(0, PUBLISHED_TOP),
  needs: 'local',
  local: ({ ctx }) => hotspots(ctx),
  onGitHub: () => [],
});
