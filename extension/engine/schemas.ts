import { z } from 'zod';

// What the extension reads from the engine's tool answers. Objects are loose (unknown keys
// pass) so an engine that adds fields keeps working; only the fields used here are checked.

export const gradeSchema = z.enum(['A', 'B', 'C', 'D', 'F']);
export type Grade = z.output<typeof gradeSchema>;

export const identitySchema = z.looseObject({
  key: z.string(),
  name: z.string(),
  source: z.enum(['local', 'github']),
  owner: z.string().nullable(),
  path: z.string().nullable(),
});
export type RepositoryIdentity = z.output<typeof identitySchema>;

export const repositoryItemSchema = identitySchema.extend({
  researched: z.boolean(),
  health: z.number().nullable(),
  grade: gradeSchema.nullable(),
  primaryLanguage: z.string().nullable(),
  lastCommitAt: z.string().nullable(),
  analyzedAt: z.string().nullable(),
});
export type RepositoryItem = z.output<typeof repositoryItemSchema>;

export const listRepositoriesOutput = z.looseObject({
  repositories: z.array(repositoryItemSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const summarySchema = z.looseObject({
  headSha: z.string(),
  defaultBranch: z.string().nullable(),
  isShallow: z.boolean(),
  analyzedAt: z.string(),
  windowMonths: z.number(),
  health: z.looseObject({ score: z.number(), grade: gradeSchema }),
  commits: z.number(),
  merges: z.number(),
  lastCommitAt: z.string(),
  commitsLast90Days: z.number(),
  contributors: z.looseObject({ humans: z.number(), bots: z.number() }),
  busFactor: z.looseObject({ window: z.number(), allTime: z.number() }),
  pullRequests: z.looseObject({ total: z.number(), inWindow: z.number(), reviewedShare: z.number().nullable() }),
  releases: z.looseObject({ tags: z.number(), last365Days: z.number(), latest: z.string().nullable() }),
  primaryLanguage: z.string().nullable(),
  license: z.string().nullable(),
});
export type RepositorySummary = z.output<typeof summarySchema>;

export const analyzeOutput = z.looseObject({
  repository: identitySchema,
  newCommits: z.number(),
  reused: z.boolean(),
  summary: summarySchema,
});
export type AnalyzeResult = z.output<typeof analyzeOutput>;

export const contributorSchema = z.looseObject({
  name: z.string(),
  email: z.string(),
  commits: z.number(),
  merges: z.number(),
  additions: z.number(),
  deletions: z.number(),
  firstCommitAt: z.string(),
  lastCommitAt: z.string(),
  activeWeeks: z.number(),
  commitsInWindow: z.number(),
  isBot: z.boolean().optional(),
});
export type Contributor = z.output<typeof contributorSchema>;

const busFactorPart = z.looseObject({
  factor: z.number(),
  commits: z.number(),
  people: z.array(z.looseObject({ name: z.string(), email: z.string(), commits: z.number(), share: z.number() })),
});
export const busFactorSchema = z.looseObject({ windowMonths: z.number(), window: busFactorPart, allTime: busFactorPart });

export const hotspotSchema = z.looseObject({
  path: z.string(),
  churn: z.number(),
  additions: z.number(),
  deletions: z.number(),
  commits: z.number(),
  authors: z.number(),
});

export const pullRequestSchema = z.looseObject({
  number: z.number(),
  source: z.string(),
  title: z.string(),
  author: z.looseObject({ name: z.string(), email: z.string() }).nullable(),
  mergedAt: z.string().nullable(),
  additions: z.number(),
  deletions: z.number(),
  filesChanged: z.number(),
});

export const healthSchema = z.looseObject({
  score: z.number(),
  grade: gradeSchema,
  components: z.array(z.looseObject({ id: z.string(), label: z.string(), weight: z.number(), score: z.number().nullable(), points: z.number(), detail: z.string() })),
});

export const getRepositoryOutput = z.looseObject({
  repository: identitySchema,
  summary: summarySchema,
  github: z.lazy(() => githubFactsSchema).optional(),
  health: healthSchema.optional(),
  activity: z
    .looseObject({
      totalCommits: z.number(),
      totalMerges: z.number(),
      firstCommitAt: z.string(),
      lastCommitAt: z.string(),
      daysSinceLastCommit: z.number(),
      commitsLast90Days: z.number(),
      activeWeeksLast26: z.number(),
      recentWeeks: z.array(z.looseObject({ week: z.string(), commits: z.number(), authors: z.number() })),
    })
    .optional(),
  contributors: z.looseObject({ humans: z.number(), bots: z.number(), top: z.array(contributorSchema) }).optional(),
  busFactor: busFactorSchema.optional(),
  hotspots: z.array(hotspotSchema).optional(),
  languages: z.array(z.looseObject({ language: z.string(), files: z.number(), bytes: z.number(), share: z.number() })).optional(),
  communityFiles: z
    .looseObject({
      readme: z.string().nullable(),
      license: z.looseObject({ path: z.string(), spdxId: z.string().nullable() }).nullable(),
      contributing: z.string().nullable(),
      codeOfConduct: z.string().nullable(),
      security: z.string().nullable(),
      citation: z.string().nullable(),
      changelog: z.string().nullable(),
      ci: z.array(z.string()),
      tests: z.looseObject({ present: z.boolean(), files: z.number(), examples: z.array(z.string()) }),
      linters: z.array(z.string()),
      dependencyUpdates: z.array(z.string()),
    })
    .optional(),
  pullRequests: z
    .looseObject({
      total: z.number(),
      merge: z.number(),
      squash: z.number(),
      inWindow: z.number(),
      reviewedShare: z.number().nullable(),
      recent: z.array(pullRequestSchema),
    })
    .optional(),
  releases: z.looseObject({ tags: z.number(), last365Days: z.number(), latest: z.looseObject({ name: z.string(), date: z.string().nullable() }).nullable() }).optional(),
});
export type RepositoryDetails = z.output<typeof getRepositoryOutput>;

export const getContributorsOutput = z.looseObject({
  repository: identitySchema,
  busFactor: busFactorSchema,
  humans: z.number(),
  bots: z.number(),
  contributors: z.array(contributorSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type ContributorsPage = z.output<typeof getContributorsOutput>;

export const listPullRequestsOutput = z.looseObject({
  repository: identitySchema,
  pullRequests: z.array(pullRequestSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const githubFactsSchema = z.looseObject({
  url: z.string().nullable(),
  description: z.string().nullable(),
  stars: z.number(),
  forks: z.number(),
  openIssues: z.number(),
  openPullRequests: z.number(),
  topics: z.array(z.string()),
  isArchived: z.boolean(),
  isFork: z.boolean(),
  pushedAt: z.string().nullable(),
});

export const ingestGitHubOutput = z.looseObject({
  host: z.string(),
  owner: z.string(),
  ownerKind: z.string().nullable(),
  repository: z.string().nullable(),
  authenticated: z.boolean(),
  repositories: z.number(),
  detailed: z.number(),
  unchanged: z.number(),
  research: z.looseObject({ repositories: z.number(), medianHealth: z.number().nullable(), key: z.string().nullable() }).nullable(),
});
export type IngestResult = z.output<typeof ingestGitHubOutput>;

const gradeCounts = z.looseObject({ A: z.number(), B: z.number(), C: z.number(), D: z.number(), F: z.number() });

export const getOrganizationOutput = z.looseObject({
  owner: z.looseObject({ login: z.string(), host: z.string(), kind: z.string().nullable(), name: z.string().nullable(), description: z.string().nullable() }),
  analyzedAt: z.string(),
  windowMonths: z.number(),
  totals: z.looseObject({ repositories: z.number(), ranked: z.number(), archived: z.number(), forks: z.number(), active: z.number(), dormant: z.number(), stars: z.number(), contributors: z.number() }),
  health: z.looseObject({ median: z.number().nullable(), mean: z.number().nullable(), grades: gradeCounts }),
  network: z.looseObject({ people: z.number(), edges: z.number(), communities: z.number() }),
  healthDistribution: z
    .looseObject({
      histogram: z.array(z.looseObject({ bucket: z.string(), count: z.number() })),
      components: z.array(z.looseObject({ id: z.string(), label: z.string(), weight: z.number(), averageScore: z.number(), measured: z.number() })),
    })
    .optional(),
  worst: z.array(z.looseObject({ name: z.string(), key: z.string(), health: z.number(), grade: gradeSchema, busFactor: z.number(), weaknesses: z.array(z.string()) })).optional(),
  best: z.array(z.looseObject({ name: z.string(), key: z.string(), health: z.number(), grade: gradeSchema, busFactor: z.number(), strengths: z.array(z.string()) })).optional(),
  languages: z.array(z.looseObject({ language: z.string(), share: z.number(), repositories: z.number() })).optional(),
});
export type OrganizationDetails = z.output<typeof getOrganizationOutput>;

export const getCollaborationNetworkOutput = z.looseObject({
  owner: z.string(),
  counts: z.looseObject({ people: z.number(), edges: z.number(), repositories: z.number(), communities: z.number() }),
  people: z.array(z.looseObject({ login: z.string(), repositories: z.number(), contributions: z.number(), collaborators: z.number(), betweenness: z.number(), community: z.number() })).optional(),
  repositories: z
    .array(z.looseObject({ name: z.string(), key: z.string(), contributors: z.number(), busFactor: z.number(), topContributors: z.array(z.looseObject({ login: z.string(), contributions: z.number(), share: z.number() })) }))
    .optional(),
  graph: z
    .looseObject({
      nodes: z.array(z.looseObject({ key: z.string(), attributes: z.record(z.string(), z.unknown()) })),
      edges: z.array(z.looseObject({ source: z.string(), target: z.string(), attributes: z.record(z.string(), z.unknown()) })),
      truncated: z.boolean(),
    })
    .optional(),
});
export type CollaborationNetwork = z.output<typeof getCollaborationNetworkOutput>;

export const getTopicsOutput = z.looseObject({
  owner: z.string(),
  clusters: z.array(z.looseObject({ id: z.number(), label: z.string(), terms: z.array(z.string()), repositoryCount: z.number() })),
});

export const getCitationsOutput = z.looseObject({
  owner: z.string(),
  counts: z.looseObject({ citationFiles: z.number(), dois: z.number(), arxiv: z.number(), zenodo: z.number(), repositoriesWithCitations: z.number() }),
  references: z.array(z.looseObject({ kind: z.string(), id: z.string(), url: z.string(), repositoryCount: z.number() })),
});
