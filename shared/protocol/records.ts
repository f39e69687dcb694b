import { z } from 'zod';
import { MEMORY_LINK_KINDS } from './limits';

// The records tools carry, written once: the MCP server projects engine results into them,
// the extension parses answers with them. Output numbers carry no bounds: bounds would only
// add bytes to every tools/list.
const n = () => z.number();

export const gradeSchema = z.enum(['A', 'B', 'C', 'D', 'F']);
export type Grade = z.output<typeof gradeSchema>;

/** What identifies a stored repository. */
export const identitySchema = z.object({
  key: z.string(),
  name: z.string(),
  source: z.enum(['local', 'github']),
  owner: z.string().nullable(),
  path: z.string().nullable(),
});
export type RepositoryIdentity = z.output<typeof identitySchema>;

/** The headline figures of one repository's research. */
export const summarySchema = z.object({
  headSha: z.string(),
  defaultBranch: z.string().nullable(),
  isShallow: z.boolean(),
  analyzedAt: z.string(),
  windowMonths: n(),
  health: z.object({ score: n(), grade: gradeSchema }),
  commits: n(),
  merges: n(),
  lastCommitAt: z.string(),
  commitsLast90Days: n(),
  contributors: z.object({ humans: n(), bots: n() }),
  busFactor: z.object({ window: n(), allTime: n() }),
  pullRequests: z.object({ total: n(), inWindow: n(), reviewedShare: n().nullable() }),
  releases: z.object({ tags: n(), last365Days: n(), latest: z.string().nullable() }),
  primaryLanguage: z.string().nullable(),
  license: z.string().nullable(),
});
export type RepositorySummary = z.output<typeof summarySchema>;

export const personSchema = z.object({ name: z.string(), email: z.string() });

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
export type Contributor = z.output<typeof contributorSchema>;

/** Contributors as get_repository returns them: counts and the humans with the most commits. */
export const contributorsSectionSchema = z.object({ humans: n(), bots: n(), top: z.array(contributorSchema) });

/** CHAOSS contributor absence factor: fewest people covering >= 50% of human commits. */
export const busFactorSchema = z.object({
  factor: n(),
  commits: n(),
  people: z.array(z.object({ name: z.string(), email: z.string(), commits: n(), share: n() })),
});
export type BusFactor = z.output<typeof busFactorSchema>;

export const busFactorsSchema = z.object({ windowMonths: n(), window: busFactorSchema, allTime: busFactorSchema });

export const hotspotSchema = z.object({ path: z.string(), churn: n(), additions: n(), deletions: n(), commits: n(), authors: n() });
export type Hotspot = z.output<typeof hotspotSchema>;

export const languageShareSchema = z.object({ language: z.string(), files: n(), bytes: n(), share: n() });

export const healthComponentSchema = z.object({ id: z.string(), label: z.string(), weight: n(), score: n().nullable(), points: n(), detail: z.string() });
export const healthSchema = z.object({ score: n(), grade: gradeSchema, components: z.array(healthComponentSchema) });
export type HealthBreakdown = z.output<typeof healthSchema>;

export const weekSchema = z.object({ week: z.string(), commits: n(), authors: n() });

/** Activity as get_repository returns it: totals and the most recent weeks. */
export const activitySectionSchema = z.object({
  totalCommits: n(),
  totalMerges: n(),
  firstCommitAt: z.string(),
  lastCommitAt: z.string(),
  daysSinceLastCommit: n(),
  commitsLast90Days: n(),
  activeWeeksLast26: n(),
  recentWeeks: z.array(weekSchema),
});

export const releasesSchema = z.object({ tags: n(), last365Days: n(), latest: z.object({ name: z.string(), date: z.string().nullable() }).nullable() });

export const communityFilesSchema = z.object({
  readme: z.string().nullable(),
  license: z.object({ path: z.string(), spdxId: z.string().nullable() }).nullable(),
  contributing: z.string().nullable(),
  codeOfConduct: z.string().nullable(),
  security: z.string().nullable(),
  citation: z.string().nullable(),
  changelog: z.string().nullable(),
  ci: z.array(z.string()),
  tests: z.object({ present: z.boolean(), files: n(), examples: z.array(z.string()) }),
  linters: z.array(z.string()),
  dependencyUpdates: z.array(z.string()),
});
export type CommunityFilesRecord = z.output<typeof communityFilesSchema>;

export const githubFactsSchema = z.object({
  url: z.string().nullable(),
  description: z.string().nullable(),
  stars: n(),
  forks: n(),
  openIssues: n(),
  openPullRequests: n(),
  topics: z.array(z.string()),
  isArchived: z.boolean(),
  isFork: z.boolean(),
  pushedAt: z.string().nullable(),
});
export type GitHubFacts = z.output<typeof githubFactsSchema>;

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
export type PullRequestBrief = z.output<typeof pullRequestBriefSchema>;

/** Pull request counts and the most recent ones, as get_repository returns them. */
export const pullRequestsSectionSchema = z.object({
  total: n(),
  merge: n(),
  squash: n(),
  inWindow: n(),
  reviewedShare: n().nullable(),
  recent: z.array(pullRequestBriefSchema),
});

/** The compact view of an organization every organization answer can carry. */
export const organizationSummarySchema = z.object({
  owner: z.object({ login: z.string(), host: z.string(), kind: z.string().nullable(), name: z.string().nullable(), description: z.string().nullable() }),
  analyzedAt: z.string(),
  windowMonths: n(),
  syncedAt: z.string().nullable(),
  totals: z.object({
    repositories: n(),
    // Not archived, not a fork, not empty: the repositories the health ranking compares.
    ranked: n(),
    archived: n(),
    forks: n(),
    empty: n(),
    // Pushed to within the last 90 days; dormant: no push for more than a year.
    active: n(),
    dormant: n(),
    stars: n(),
    openIssues: n(),
    openPullRequests: n(),
    // Distinct human contributors (GitHub logins) across the repositories.
    contributors: n(),
  }),
  health: z.object({ median: n().nullable(), mean: n().nullable(), grades: z.object({ A: n(), B: n(), C: n(), D: n(), F: n() }) }),
  network: z.object({ people: n(), edges: n(), communities: n() }),
  topics: z.object({ terms: n(), clusters: n() }),
  citations: z.object({ repositories: n(), references: n() }),
});

export const embedderSchema = z.object({ name: z.string(), model: z.string() }).nullable();

/** A repository as recommendations and search show it: a small projection of its search document. */
export const cardSchema = z.object({
  key: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  description: z.string(),
  language: z.string().nullable(),
  topics: z.array(z.string()),
  health: n().nullable(),
  stars: n().nullable(),
  url: z.string().nullable(),
});
export type RepositoryCardRecord = z.output<typeof cardSchema>;

/** The factors rankings are explained by: repositories, issues and people to ask. */
export const FACTOR_IDS = ['relevance', 'stack', 'health', 'activity', 'popularity', 'expertise', 'diversity', 'ownership', 'recency', 'breadth', 'reviews'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];

/** One factor of a ranking score, with why it has its value. */
export const factorSchema = z.object({
  id: z.enum(FACTOR_IDS),
  label: z.string(),
  // 0..1, or null when the factor cannot be measured for this pair (it is then left out).
  value: n().nullable().describe('0-1; null: not measurable, left out'),
  // Nominal weight before renormalising over the measurable factors.
  weight: n(),
  // Points this factor added to the 0..1 score (negative for the diversity penalty).
  contribution: n().describe('points added to the 0-1 score'),
  detail: z.string(),
});
export type Factor = z.output<typeof factorSchema>;

// score: 0..1 after the diversity penalty; results are sorted by it.
export const recommendationSchema = z.object({ rank: n(), score: n(), repository: cardSchema, factors: z.array(factorSchema) });
export type Recommendation = z.output<typeof recommendationSchema>;

// target: 'github:owner/name' or 'local:/path'; '<repository>#<number>' for a PR; a job id.
export const memoryLinkSchema = z.object({ kind: z.enum(MEMORY_LINK_KINDS), target: z.string() });

export const memorySchema = z.object({
  id: n(),
  text: z.string(),
  tags: z.array(z.string()),
  links: z.array(memoryLinkSchema),
  timesRemembered: n().describe('1 + near-duplicates merged into it'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemoryRecord = z.output<typeof memorySchema>;

export const memoryVersionSchema = z.object({
  event: z.enum(['created', 'merged']),
  text: z.string(),
  tags: z.array(z.string()),
  // Similarity to the memory it was merged into (cosine in the embedder's space), for merges.
  similarity: n().nullable(),
  at: z.string(),
});
