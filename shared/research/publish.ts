import type { z } from 'zod';
import type { githubFactsSchema, summarySchema } from '../protocol/records';
import type { RepositoryResearch } from './types';

// The research record's header projected into the contract's records: get_repository's
// answer and the report model (shared/reports/report-model.ts) both start from these.

/** The headline figures of one research result. */
export function summaryOf(r: RepositoryResearch): z.output<typeof summarySchema> {
  return {
    headSha: r.repository.headSha,
    defaultBranch: r.repository.defaultBranch,
    isShallow: r.repository.isShallow,
    analyzedAt: r.repository.analyzedAt,
    windowMonths: r.options.windowMonths,
    health: { score: r.health.score, grade: r.health.grade },
    commits: r.activity.totalCommits,
    merges: r.activity.totalMerges,
    lastCommitAt: r.activity.lastCommitAt,
    commitsLast90Days: r.activity.commitsLast90Days,
    contributors: { humans: r.contributors.humans.length, bots: r.contributors.bots.length },
    busFactor: { window: r.busFactor.window.factor, allTime: r.busFactor.allTime.factor },
    pullRequests: { total: r.pullRequests.total, inWindow: r.pullRequests.inWindow, reviewedShare: r.pullRequests.reviewedShare },
    releases: { tags: r.releases.tags, last365Days: r.releases.last365Days, latest: r.releases.latest?.name ?? null },
    primaryLanguage: primaryLanguage(r),
    license: r.communityFiles.license ? (r.communityFiles.license.spdxId ?? 'unrecognised') : null,
  };
}

export function primaryLanguage(r: RepositoryResearch): string | null {
  return r.languages.reduce<{ language: string; share: number } | null>((best, l) => (best === null || l.share > best.share ? l : best), null)?.language ?? null;
}

/** What the GitHub API says about a GitHub repository; null for local clones. */
export function githubFactsOf(r: RepositoryResearch): z.output<typeof githubFactsSchema> | null {
  const g = r.repository.github;
  if (!g) return null;
  return {
    url: g.url,
    description: g.description,
    stars: g.stars,
    forks: g.forks,
    openIssues: g.openIssues,
    openPullRequests: g.openPullRequests,
    topics: g.topics,
    isArchived: g.isArchived,
    isFork: g.isFork,
    pushedAt: g.pushedAt,
  };
}
