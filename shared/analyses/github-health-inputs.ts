import type { GitHubHealthInputs } from '../research/types';
import { defineAnalysis, earlierResult, type Earlier } from './analysis';
import type { GitHubSource } from './sources';
import { SECONDS } from './time';

const HOUR = 3600;

/**
 * The API-only health inputs: responsiveness, change-request closure and maintenance, from
 * stored issues and pull requests. Kept in the record so reports can explain those components.
 */
export function githubHealthInputs({ sql, row, now, windowStart }: GitHubSource, earlier: Earlier): GitHubHealthInputs {
  const items = sql(
    `select i.created_at, i.closed_at, i.first_response_at from github_issues i left join github_accounts a on a.id = i.author_account_id
      where i.repo_id = ? and i.created_at >= ? and coalesce(a.is_bot, 0) = 0
     union all
     select p.created_at, p.closed_at, p.first_response_at from pull_requests p left join github_accounts a on a.id = p.author_account_id
      where p.repo_id = ? and p.source = 'github' and p.created_at >= ? and coalesce(a.is_bot, 0) = 0`,
  ).all(row.id, windowStart, row.id, windowStart) as { created_at: number; closed_at: number | null; first_response_at: number | null }[];
  // CHAOSS time to first response: the first answer or closing by someone else; an unanswered
  // item counts at its age so far, so silence makes the median worse rather than invisible.
  let unanswered = 0;
  const hours = items.map((i) => {
    const answered = [i.first_response_at, i.closed_at].filter((t): t is number => t !== null);
    if (answered.length === 0) unanswered += 1;
    const at = answered.length > 0 ? Math.min(...answered) : now;
    return Math.max(0, at - i.created_at) / HOUR;
  });
  const prs = sql(`select created_at, closed_at, merged_at from pull_requests where repo_id = ? and source = 'github' and (created_at >= ? or closed_at >= ?)`).all(
    row.id,
    windowStart,
    windowStart,
  ) as { created_at: number; closed_at: number | null; merged_at: number | null }[];
  const since90 = now - 90 * SECONDS.DAY;
  const actions = (
    sql(
      `select (select count(*) from github_issues where repo_id = @repo and (closed_at >= @since or first_response_at >= @since))
            + (select count(*) from pull_requests where repo_id = @repo and source = 'github' and (closed_at >= @since or first_response_at >= @since)) as n`,
    ).get({ repo: row.id, since: since90 }) as { n: number }
  ).n;
  return {
    responsiveness: hours.length === 0 ? null : { medianHoursToFirstResponse: median(hours), sampled: hours.length, unanswered },
    changeRequests: {
      opened: prs.filter((p) => p.created_at >= windowStart).length,
      closed: prs.filter((p) => p.closed_at !== null && p.closed_at >= windowStart).length,
      merged: prs.filter((p) => p.merged_at !== null && p.merged_at >= windowStart).length,
    },
    maintenance: { archived: row.is_archived === 1, commitsLast90Days: earlierResult(earlier, 'activity').commitsLast90Days, maintainerActionsLast90Days: actions },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** No tool publishes these on their own: the health components carry their effect. */
export const githubInputsAnalysis = defineAnalysis({
  name: 'githubInputs',
  publish: null,
  needs: 'github',
  github: githubHealthInputs,
});
