import { runGitHubAnalyses } from '../analyses/registry';
import { gitHubSource, type GitHubRepositoryRow } from '../analyses/sources';
import { isoTime, monthsBefore } from '../analyses/time';
import type { Db } from '../store/open';
import type { RepositoryResearch } from './types';

export type { GitHubRepositoryRow } from '../analyses/sources';

export const GITHUB_REPOSITORY_COLUMNS = `r.id, r.key, r.owner, r.name, r.description, r.default_branch, g.head_oid, g.url, g.is_fork, g.is_archived,
  g.stars, g.forks, g.open_issues, g.open_pull_requests, g.merged_pull_requests, g.releases, g.primary_language, g.license_spdx,
  g.gh_created_at, g.pushed_at, g.topics_json, g.languages_json, g.community_json`;

/**
 * The research result of one GitHub repository, computed from what the ingest stored by the
 * same analyses as a local clone's (shared/analyses/registry.ts): the same shape and health
 * formula, with the API-only components measured and history-only parts (hotspots, merge
 * reconstruction) left empty.
 */
export function researchGitHubRepository(db: Db, row: GitHubRepositoryRow, { now, windowMonths }: { now: number; windowMonths: number }): RepositoryResearch {
  const windowStart = monthsBefore(now, windowMonths);
  const source = gitHubSource(db, row, { now, windowMonths, windowStart });
  const spdx = row.license_spdx && row.license_spdx !== 'NOASSERTION' ? row.license_spdx : null;
  const commitsTotal = Number(source.sql(`select value from sync_state where repo_id = ? and kind = 'github.commits.total'`).pluck().get(row.id) ?? source.commits.length);
  const header: Pick<RepositoryResearch, 'repository' | 'options'> = {
    repository: {
      source: 'github',
      key: row.key,
      name: row.name,
      path: row.url,
      headSha: row.head_oid ?? '',
      defaultBranch: row.default_branch,
      isShallow: false,
      analyzedAt: isoTime(now),
      github: {
        owner: row.owner,
        url: row.url,
        description: row.description,
        stars: row.stars,
        forks: row.forks,
        openIssues: row.open_issues,
        openPullRequests: row.open_pull_requests,
        topics: JSON.parse(row.topics_json) as string[],
        primaryLanguage: row.primary_language,
        license: spdx,
        isArchived: row.is_archived === 1,
        isFork: row.is_fork === 1,
        createdAt: row.gh_created_at,
        pushedAt: row.pushed_at,
        commitsInWindow: commitsTotal,
      },
    },
    options: { windowMonths, windowStart: isoTime(windowStart), now: isoTime(now) },
  };
  return runGitHubAnalyses(header, source);
}
