import type { ReconstructedPullRequest } from '../research/types';
import type { Db } from '../store/open';
import { pullRequestFilesQuery, pullRequestFromRow, type PullRequestRow } from './pull-requests';

// A research result keeps only the 30 most recent pull requests; paging through all of
// them (MCP list_pull_requests) reads the pull_requests table directly, read-only.

export interface PullRequestFilter {
  repoId: number;
  /** Lower-case text the author's name or e-mail must contain (ASCII case folding). */
  author?: string;
  /** Lower-case text the title must contain. */
  title?: string;
  source?: 'merge' | 'squash' | 'github';
  /** Unix seconds, inclusive. */
  since?: number;
  /** Unix seconds, exclusive. */
  until?: number;
}

/** A pull request as listed: files only when asked for. */
export type PullRequestRecord = Omit<ReconstructedPullRequest, 'files'> & { files?: string[] };

/** Position of a pull request in the listing order (newest merge first, then highest number). */
export type PullRequestPosition = [mergedAt: number, number: number];

// GitHub pull requests include open and closed ones; like reconstructed ones, only merged ones are listed.
// Their author is a GitHub login (github_accounts), not a git identity (people).
const FILTER = `pr.repo_id = @repoId
  and (pr.source <> 'github' or pr.merged_at is not null)
  and (@source is null or pr.source = @source)
  and (@since is null or pr.merged_at >= @since)
  and (@until is null or pr.merged_at < @until)
  and (@author is null or instr(lower(coalesce(p.name, ga.login, '')), @author) > 0 or instr(lower(coalesce(p.email, '')), @author) > 0)
  and (@title is null or instr(lower(pr.title), @title) > 0)`;

/** One page of pull requests after `after`, newest first, and how many match in all. */
export function queryPullRequests(
  db: Db,
  filter: PullRequestFilter,
  page: { after: PullRequestPosition | null; limit: number; withFiles: boolean },
): { items: PullRequestRecord[]; positions: PullRequestPosition[]; total: number; more: boolean } {
  const params = {
    repoId: filter.repoId,
    source: filter.source ?? null,
    since: filter.since ?? null,
    until: filter.until ?? null,
    author: filter.author ?? null,
    title: filter.title ?? null,
  };
  const total = db.prepare(`select count(*) from pull_requests pr left join people p on p.id = pr.author_id left join github_accounts ga on ga.id = pr.author_account_id where ${FILTER}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `select pr.number, pr.source, pr.title, coalesce(p.name, ga.login) as author_name, p.email as author_email, pr.merged_at,
              c.sha, pr.commit_id, pr.head_ref, pr.additions, pr.deletions, pr.files_changed
         from pull_requests pr
         left join people p on p.id = pr.author_id
         left join github_accounts ga on ga.id = pr.author_account_id
         left join commits c on c.id = pr.commit_id
        where ${FILTER}
          and (@afterAt is null or coalesce(pr.merged_at, -1) < @afterAt or (coalesce(pr.merged_at, -1) = @afterAt and pr.number < @afterNumber))
        order by coalesce(pr.merged_at, -1) desc, pr.number desc
        limit @limit`,
    )
    .all({ ...params, afterAt: page.after?.[0] ?? null, afterNumber: page.after?.[1] ?? null, limit: page.limit + 1 }) as PullRequestRow[];
  const more = rows.length > page.limit;
  const kept = rows.slice(0, page.limit);
  const filesOf = pullRequestFilesQuery(db);
  const items = kept.map((row): PullRequestRecord => {
    const record: PullRequestRecord = pullRequestFromRow(row);
    if (page.withFiles) record.files = row.commit_id === null ? [] : filesOf(row.commit_id);
    return record;
  });
  const positions = kept.map((row): PullRequestPosition => [row.merged_at ?? -1, row.number]);
  return { items, positions, total, more };
}
