import type { Activity, WeeklyActivity } from '../research/types';
import { defineAnalysis, earlierResult, type Earlier } from './analysis';
import type { AnalysisContext } from './context';
import { unixOf, type GitHubCommit, type GitHubSource } from './sources';
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

/**
 * Activity of a GitHub repository: totals from the contributors' all-time counts, the
 * weekly series and recency from the window's commits (the API has no merges to count).
 */
export function activityFromGitHub({ row, now, windowStart, commits }: GitHubSource, earlier: Earlier): Activity {
  const { humans, bots } = earlierResult(earlier, 'contributors');
  const lastCommit = commits.at(-1)?.committed_at ?? unixOf(row.pushed_at) ?? unixOf(row.gh_created_at) ?? now;
  const last26 = weekIndex(now) - 25;
  return {
    totalCommits: [...humans, ...bots].reduce((s, c) => s + c.commits, 0),
    totalMerges: 0,
    firstCommitAt: row.gh_created_at ?? '',
    lastCommitAt: isoTime(lastCommit),
    daysSinceLastCommit: Math.max(0, Math.floor((now - lastCommit) / SECONDS.DAY)),
    commitsLast90Days: commits.filter((c) => c.committed_at >= now - 90 * SECONDS.DAY).length,
    activeWeeksLast26: new Set(commits.filter((c) => weekIndex(c.committed_at) >= last26).map((c) => weekIndex(c.committed_at))).size,
    weeks: weeklySeries(commits, now, windowStart),
  };
}

function weeklySeries(commits: GitHubCommit[], now: number, windowStart: number): WeeklyActivity[] {
  const start = weekIndex(windowStart);
  const end = weekIndex(now);
  const byWeek = new Map<number, { commits: number; authors: Set<string> }>();
  for (const c of commits) {
    const w = weekIndex(c.committed_at);
    const entry = byWeek.get(w) ?? { commits: 0, authors: new Set<string>() };
    entry.commits += 1;
    entry.authors.add(c.who);
    byWeek.set(w, entry);
  }
  const weeks: WeeklyActivity[] = [];
  for (let w = start; w <= end; w++) weeks.push({ week: weekStart(w), commits: byWeek.get(w)?.commits ?? 0, authors: byWeek.get(w)?.authors.size ?? 0 });
  return weeks;
}

// get_repository carries the latest half year of the weekly series.
const PUBLISHED_WEEKS = 26;

export const activityAnalysis = defineAnalysis({
  name: 'activity',
  publish: ({ weeks, ...rest }) => ({ ...rest, recentWeeks: weeks.slice(-PUBLISHED_WEEKS) }),
  needs: 'both',
  local: ({ ctx }) => activity(ctx),
  github: activityFromGitHub,
});
