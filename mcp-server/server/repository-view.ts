import { identitySchema, summarySchema } from '../../shared/protocol/records';
import type { z } from 'zod';
import type { RepositoryResearch } from '../../shared/research/types';
import type { RepositoryRow } from '../../shared/store/repositories';

// Minimal projections of stored research that several tools share: what identifies a
// repository, and the headline figures, into the records of shared/protocol.

export function identityOf(row: RepositoryRow): z.output<typeof identitySchema> {
  return { key: row.key, name: row.name, source: row.source, owner: row.owner, path: row.path };
}

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

