import { z } from 'zod';
import type { RepositoryResearch } from '../../shared/research/types';
import type { RepositoryRow } from '../../shared/store/repositories';

// Minimal projections of stored research that several tools share: what identifies a
// repository, and the headline figures. Output schemas mirror these functions exactly.

export const repositoryInput = z
  .string()
  .min(1, 'repository is empty; pass a key from list_repositories or the absolute path of a researched clone')
  .max(4096)
  .describe('Which stored repository: its key from list_repositories (e.g. "local:/home/me/src/app"), the path of an analysed local clone (absolute, or relative to the server\'s working folder), or its name when that is unique.');

const grade = z.enum(['A', 'B', 'C', 'D', 'F']);
// Output numbers carry no bounds: they would only add bytes to every tools/list.
const n = () => z.number();

export const identitySchema = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(['local', 'github']),
  owner: z.string().nullable(),
  path: z.string().nullable(),
});

export function identityOf(row: RepositoryRow): z.output<typeof identitySchema> {
  return { key: row.key, name: row.name, source: row.source, owner: row.owner, path: row.path };
}

export const summarySchema = z.object({
  headSha: z.string(),
  defaultBranch: z.string().nullable(),
  isShallow: z.boolean(),
  analyzedAt: z.string(),
  windowMonths: n(),
  health: z.object({ score: n(), grade }),
  commits: n(),
  merges: n(),
  lastCommitAt: z.string(),
  commitsLast90Days: n(),
  contributors: z.object({ humans: n(), bots: n() }),
  busFactor: z.object({ window: n(), allTime: n() }),
  pullRequests: z.object({ total: n(), inWindow: n(), reviewedShare: z.number().min(0).max(1).nullable() }),
  releases: z.object({ tags: n(), last365Days: n(), latest: z.string().nullable() }),
  primaryLanguage: z.string().nullable(),
  license: z.string().nullable(),
});

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

export const personSchema = z.object({ name: z.string(), email: z.string() });
export { grade as gradeSchema };

export const contributorSchema = z.object({
  name: z.string(),
  email: z.string(),
  commits: n(),
  merges: n(),
  additions: n(),
  deletions: n(),
  firstCommitAt: z.string(),
  lastCommitAt: z.string(),
  activeWeeks: n(),
  commitsInWindow: n(),
});

export const busFactorSchema = z.object({
  factor: n(),
  commits: n(),
  people: z.array(z.object({ name: z.string(), email: z.string(), commits: n(), share: z.number().min(0).max(1) })),
});

export const hotspotSchema = z.object({
  path: z.string(),
  churn: n(),
  additions: n(),
  deletions: n(),
  commits: n(),
  authors: n(),
});

export const pullRequestBriefSchema = z.object({
  number: n(),
  source: z.enum(['merge', 'squash', 'github']),
  title: z.string(),
  author: personSchema.nullable(),
  mergedAt: z.string().nullable(),
  additions: n(),
  deletions: n(),
  filesChanged: n(),
});
