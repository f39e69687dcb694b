import type { Releases } from '../research/types';
import { defineAnalysis } from './analysis';
import type { AnalysisContext } from './context';
import type { GitHubSource } from './sources';
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

/** Release cadence from GitHub releases (not tags): how many, how many in the last year, the newest. */
export function releasesFromGitHub({ sql, row, now }: GitHubSource): Releases {
  const rows = sql('select tag_name, published_at from github_releases where repo_id = ? order by published_at desc nulls last, tag_name desc').all(row.id) as {
    tag_name: string;
    published_at: number | null;
  }[];
  const latest = rows[0];
  return {
    source: 'github-releases',
    tags: Math.max(row.releases, rows.length),
    last365Days: rows.filter((r) => r.published_at !== null && r.published_at >= now - 365 * SECONDS.DAY).length,
    latest: latest ? { name: latest.tag_name, date: latest.published_at === null ? null : isoTime(latest.published_at) } : null,
  };
}

export const releasesAnalysis = defineAnalysis({
  name: 'releases',
  publish: (r) => r,
  needs: 'both',
  local: ({ ctx }) => releases(ctx),
  github: releasesFromGitHub,
});
