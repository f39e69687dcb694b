import type { PullRequestSummary, ReconstructedPullRequest } from '../research/types';
import type { Db } from '../store/open';
import { defineAnalysis, PUBLISHED_TOP } from './analysis';
import type { AnalysisContext } from './context';
import type { GitHubSource } from './sources';
import { isoTime } from './time';

/** A pull_requests row joined with its author and commit, as the research and the paged listing read it. */
export interface PullRequestRow {
  number: number;
  source: 'merge' | 'squash' | 'github';
  title: string;
  author_name: string | null;
  author_email: string | null;
  merged_at: number | null;
  sha: string | null;
  commit_id: number | null;
  head_ref: string | null;
  additions: number;
  deletions: number;
  files_changed: number;
}

/** The record of a pull request row, without its files (the caller adds them when it wants them). */
export function pullRequestFromRow(row: PullRequestRow): Omit<ReconstructedPullRequest, 'files'> {
  return {
    number: row.number,
    source: row.source,
    title: row.title,
    author: row.author_email === null && row.author_name === null ? null : { name: row.author_name ?? '', email: row.author_email ?? '' },
    mergedAt: row.merged_at === null ? null : isoTime(row.merged_at),
    sha: row.sha,
    headRef: row.head_ref,
    additions: row.additions,
    deletions: row.deletions,
    filesChanged: row.files_changed,
  };
}

/**
 * Pull requests reconstructed from merge and squash commits: counts, the most recent
 * ones with their size and files, and the share of first-parent changes in the window
 * that arrived through a PR (a local stand-in for Scorecard's Code-Review check).
 */
export function pullRequests(ctx: AnalysisContext, headSha: string, recentLimit = 30): PullRequestSummary {
  const { db, repoId, windowStart } = ctx;
  const counts = db
    .prepare(
      `select count(*) as total, sum(source = 'merge') as merge, sum(source = 'squash') as squash,
              sum(merged_at >= ?) as in_window
         from pull_requests where repo_id = ?`,
    )
    .get(windowStart, repoId) as { total: number; merge: number | null; squash: number | null; in_window: number | null };
  const rows = db
    .prepare(
      `select pr.number, pr.source, pr.title, p.name as author_name, p.email as author_email, pr.merged_at,
              c.sha, pr.commit_id, pr.head_ref, pr.additions, pr.deletions, pr.files_changed
         from pull_requests pr
         left join people p on p.id = pr.author_id
         left join commits c on c.id = pr.commit_id
        where pr.repo_id = ?
        order by pr.merged_at desc, pr.number desc
        limit ?`,
    )
    .all(repoId, recentLimit) as PullRequestRow[];
  const filesOf = pullRequestFilesQuery(db);
  const recent = rows.map((row): ReconstructedPullRequest => ({ ...pullRequestFromRow(row), files: row.commit_id === null ? [] : filesOf(row.commit_id) }));
  return {
    total: counts.total,
    merge: counts.merge ?? 0,
    squash: counts.squash ?? 0,
    inWindow: counts.in_window ?? 0,
    reviewedShare: reviewedShare(ctx, headSha),
    recent,
  };
}

/**
 * Walks the first-parent chain from head back to the window start: each step is one
 * change to the main line, either a PR (merge or squash) or a direct push.
 */
function reviewedShare(ctx: AnalysisContext, headSha: string): number | null {
  const rows = ctx.db
    .prepare(
      `select c.sha, c.first_parent, exists(select 1 from pull_requests pr where pr.commit_id = c.id) as is_pr
         from commits c where c.repo_id = ? and c.committed_at >= ?`,
    )
    .all(ctx.repoId, ctx.windowStart) as { sha: string; first_parent: string | null; is_pr: number }[];
  const bySha = new Map(rows.map((r) => [r.sha, r]));
  let steps = 0;
  let viaPr = 0;
  for (let sha: string | null = headSha; sha !== null; ) {
    const row = bySha.get(sha);
    if (!row) break;
    bySha.delete(sha); // guards against a cycle in corrupt data
    steps += 1;
    viaPr += row.is_pr;
    sha = row.first_parent;
  }
  return steps === 0 ? null : viaPr / steps;
}

/** The up-to-20 files a pull request's commit changed most, by churn: (commitId) => paths. */
export function pullRequestFilesQuery(db: Db): (commitId: number) => string[] {
  const statement = db
    .prepare(
      `select p.path from file_changes f join paths p on p.id = f.path_id
        where f.commit_id = ? order by coalesce(f.additions, 0) + coalesce(f.deletions, 0) desc, p.path limit 20`,
    )
    .pluck();
  return (commitId) => statement.all(commitId) as string[];
}

/** Merged pull requests as GitHub lists them: counts, the ten most recent, and how many someone other than the author answered. */
export function pullRequestsFromGitHub({ sql, row, windowStart }: GitHubSource): PullRequestSummary {
  const rows = sql(
    `select p.number, p.title, p.merged_at, p.head_ref, p.additions, p.deletions, p.files_changed, p.first_response_at, a.login
       from pull_requests p left join github_accounts a on a.id = p.author_account_id
      where p.repo_id = ? and p.source = 'github' and p.merged_at is not null order by p.merged_at desc`,
  ).all(row.id) as { number: number; title: string; merged_at: number; head_ref: string | null; additions: number; deletions: number; files_changed: number; first_response_at: number | null; login: string | null }[];
  const mergedInWindow = rows.filter((p) => p.merged_at >= windowStart);
  return {
    total: Math.max(row.merged_pull_requests, rows.length),
    merge: 0,
    squash: 0,
    inWindow: mergedInWindow.length,
    // Scorecard Code-Review on GitHub: merged pull requests that someone other than the author answered or reviewed.
    reviewedShare: mergedInWindow.length === 0 ? null : mergedInWindow.filter((p) => p.first_response_at !== null).length / mergedInWindow.length,
    recent: rows.slice(0, 10).map((p) => ({
      number: p.number,
      source: 'github' as const,
      title: p.title,
      author: p.login ? { name: p.login, email: '' } : null,
      mergedAt: isoTime(p.merged_at),
      sha: null,
      headRef: p.head_ref,
      additions: p.additions,
      deletions: p.deletions,
      filesChanged: p.files_changed,
      files: [],
    })),
  };
}

export const pullRequestsAnalysis = defineAnalysis({
  name: 'pullRequests',
  publish: ({ recent, ...counts }) => ({ ...counts, recent: recent.slice(0, PUBLISHED_TOP).map(({ sha: _sha, headRef: _headRef, files: _files, ...brief }) => brief) }),
  needs: 'both',
  local: ({ ctx, headSha }) => pullRequests(ctx, headSha),
  github: pullRequestsFromGitHub,
});
