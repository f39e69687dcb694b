import type { ContributorStats } from '../research/types';
import type { AnalysisContext } from './context';
import { isoTime, SECONDS } from './time';

interface ContributorRow {
  name: string;
  email: string;
  is_bot: number;
  commits: number;
  merges: number;
  additions: number;
  deletions: number;
  first_at: number;
  last_at: number;
  active_weeks: number;
  in_window: number;
}

/**
 * Per-author totals after .mailmap, most commits first. Commits and lines count
 * non-merge commits only (a merge's diff is its branch's work, already counted).
 */
export function contributors(ctx: AnalysisContext): { humans: ContributorStats[]; bots: ContributorStats[] } {
  const rows = ctx.db
    .prepare(
      `select p.name, p.email, p.is_bot,
              sum(c.parent_count <= 1) as commits,
              sum(c.parent_count > 1) as merges,
              sum(case when c.parent_count <= 1 then c.additions else 0 end) as additions,
              sum(case when c.parent_count <= 1 then c.deletions else 0 end) as deletions,
              min(c.authored_at) as first_at,
              max(c.authored_at) as last_at,
              count(distinct (c.authored_at + ${3 * SECONDS.DAY}) / ${SECONDS.WEEK}) as active_weeks,
              sum(c.parent_count <= 1 and c.authored_at >= ?) as in_window
         from commits c join people p on p.id = c.author_id
        where c.repo_id = ?
        group by p.id
        order by commits desc, p.email`,
    )
    .all(ctx.windowStart, ctx.repoId) as ContributorRow[];
  const all = rows.map(
    (row): ContributorStats => ({
      name: row.name,
      email: row.email,
      isBot: row.is_bot === 1,
      commits: row.commits,
      merges: row.merges,
      additions: row.additions,
      deletions: row.deletions,
      firstCommitAt: isoTime(row.first_at),
      lastCommitAt: isoTime(row.last_at),
      activeWeeks: row.active_weeks,
      commitsInWindow: row.in_window,
    }),
  );
  return { humans: all.filter((c) => !c.isBot), bots: all.filter((c) => c.isBot) };
}
