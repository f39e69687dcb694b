import type { Activity, WeeklyActivity } from '../research/types';
import type { AnalysisContext } from './context';
import { isoTime, SECONDS, weekIndex, weekStart } from './time';

/**
 * Commit activity: totals, recency, and a zero-filled weekly series (commits and
 * distinct authors, merges excluded) over the recent window ending now — or, for a
 * repository silent during the window, over the same span ending at its last commit.
 */
export function activity(ctx: AnalysisContext): Activity {
  const { db, repoId, now } = ctx;
  const totals = db
    .prepare(
      `select sum(parent_count <= 1) as commits, sum(parent_count > 1) as merges,
              min(authored_at) as first_at, max(authored_at) as last_at,
              sum(parent_count <= 1 and authored_at >= ?) as last90
         from commits where repo_id = ?`,
    )
    .get(now - 90 * SECONDS.DAY, repoId) as { commits: number | null; merges: number | null; first_at: number | null; last_at: number | null; last90: number | null };
  const firstAt = totals.first_at ?? now;
  const lastAt = totals.last_at ?? now;

  const spanWeeks = Math.max(1, Math.round((now - ctx.windowStart) / SECONDS.WEEK));
  const endWeek = weekIndex(lastAt >= ctx.windowStart ? Math.max(now, lastAt) : lastAt);
  const startWeek = Math.max(weekIndex(firstAt), endWeek - spanWeeks + 1);
  const rows = db
    .prepare(
      `select (authored_at + ${3 * SECONDS.DAY}) / ${SECONDS.WEEK} as week, count(*) as commits, count(distinct author_id) as authors
         from commits
        where repo_id = ? and parent_count <= 1 and authored_at >= ? and authored_at < ?
        group by week`,
    )
    .all(repoId, startWeek * SECONDS.WEEK - 3 * SECONDS.DAY, (endWeek + 1) * SECONDS.WEEK - 3 * SECONDS.DAY) as { week: number; commits: number; authors: number }[];
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  const weeks: WeeklyActivity[] = [];
  for (let w = startWeek; w <= endWeek; w++) {
    const row = byWeek.get(w);
    weeks.push({ week: weekStart(w), commits: row?.commits ?? 0, authors: row?.authors ?? 0 });
  }
  const last26 = weekIndex(now) - 25;
  const activeWeeksLast26 = (
    db
      .prepare(
        `select count(distinct (authored_at + ${3 * SECONDS.DAY}) / ${SECONDS.WEEK}) as n
           from commits where repo_id = ? and parent_count <= 1 and authored_at >= ?`,
      )
      .get(repoId, last26 * SECONDS.WEEK - 3 * SECONDS.DAY) as { n: number }
  ).n;
  return {
    totalCommits: totals.commits ?? 0,
    totalMerges: totals.merges ?? 0,
    firstCommitAt: isoTime(firstAt),
    lastCommitAt: isoTime(lastAt),
    daysSinceLastCommit: Math.max(0, Math.floor((now - lastAt) / SECONDS.DAY)),
    commitsLast90Days: totals.last90 ?? 0,
    activeWeeksLast26,
    weeks,
  };
}
