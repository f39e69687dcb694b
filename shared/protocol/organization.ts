import { z } from 'zod';
import { gradeSchema, organizationSummarySchema } from './records';
import { researchOptionsSchema } from './research';

// The organization research record, written once: what `reposcout research <owner>` stores,
// prints with --json and renders into the organization report, and what
// shared/research/org-types.ts names for the engine. The organization tools
// (get_organization, get_collaboration_network, get_topics, get_citations) publish parts of
// it, so each part is declared here as the tool publishes it and extended with what only the
// stored record keeps. Dates are ISO-8601 UTC strings. Nested fields never reach tools/list
// (it lists an output's top-level fields only).

const n = () => z.number();

/** A repository as the organization's best and worst lists show it. */
export const rankedRepositorySchema = z.object({
  name: z.string(),
  key: z.string(),
  health: n(),
  grade: gradeSchema,
  language: z.string().nullable(),
  busFactor: n(),
  contributors: n(),
  pushedAt: z.string().nullable(),
  // The components that earned the most / lost the most points, as sentences.
  strengths: z.array(z.string()),
  weaknesses: z.array(z.string()),
});

/** Every repository of the organization, as the stored record keeps it. */
export const organizationRepositorySchema = rankedRepositorySchema.extend({
  url: z.string().nullable(),
  description: z.string().nullable(),
  license: z.string().nullable(),
  topics: z.array(z.string()),
  stars: n(),
  forks: n(),
  isArchived: z.boolean(),
  isFork: z.boolean(),
  isEmpty: z.boolean(),
  commitsInWindow: n(),
});

// Ten buckets: 0-9, 10-19, ..., 90-100.
export const healthHistogramSchema = z.array(z.object({ bucket: z.string(), count: n() }));
// Component averages over ranked repositories (0..1), weakest first: where the organization as a whole loses points.
export const healthComponentAveragesSchema = z.array(z.object({ id: z.string(), label: z.string(), weight: n(), averageScore: n(), measured: n() }));

export const organizationHealthSchema = organizationSummarySchema.shape.health.extend({
  histogram: healthHistogramSchema,
  best: z.array(organizationRepositorySchema),
  worst: z.array(organizationRepositorySchema),
  components: healthComponentAveragesSchema,
});

/** A language across the organization; `repositories`: where it is the primary language. */
export const organizationLanguageSchema = z.object({ language: z.string(), share: n(), repositories: n() });
export const organizationLanguageRecordSchema = organizationLanguageSchema.extend({ bytes: n() });

export const organizationWeekSchema = z.object({ week: z.string(), commits: n(), repositories: n(), authors: n() });

/** Activity as get_organization publishes it: window totals and the most recent weeks. */
export const organizationActivitySectionSchema = z.object({
  commitsInWindow: n(),
  // Commits GitHub counts in the window; only the newest 100 per repository are read, so the weekly series can be a sample.
  commitsInWindowReported: n(),
  pullRequestsMergedInWindow: n(),
  issuesOpenedInWindow: n(),
  releasesInWindow: n(),
  recentWeeks: z.array(organizationWeekSchema),
});
export const organizationActivitySchema = organizationActivitySectionSchema.omit({ recentWeeks: true }).extend({ weeks: z.array(organizationWeekSchema) });

export const networkPersonSchema = z.object({
  login: z.string(),
  repositories: n(),
  contributions: n(),
  // People this person shares at least one repository with.
  collaborators: n(),
  // Sum of co-contribution weights (shared work) with all collaborators.
  strength: n(),
  // Normalised betweenness centrality on the co-contribution graph, 0..1.
  betweenness: n(),
  pagerank: n(),
  community: n(),
});

export const coContributionEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  // Shared work: over shared repositories, the sum of the smaller of the two contribution counts.
  weight: n(),
  sharedRepositories: n(),
  repositories: z.array(z.string()),
});

export const networkRepositorySchema = z.object({
  name: z.string(),
  key: z.string(),
  contributors: n(),
  // CHAOSS contributor absence factor over all-time contributions; busFactorWindow: the same over the window's commits (null when none were read).
  busFactor: n(),
  busFactorWindow: n().nullable(),
  topContributors: z.array(z.object({ login: z.string(), contributions: n(), share: n() })),
});

/** A community; `repositories`: where its members made most of the contributions. */
export const networkCommunitySchema = z.object({ id: n(), people: z.array(z.string()), repositories: z.array(z.string()) });

const graphAttributes = z.record(z.string(), z.unknown());
/** graphology's serialisation format, ready for graphology.import() or conversion to other tools. */
export const serializedGraphSchema = z.object({
  attributes: graphAttributes,
  options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }),
  nodes: z.array(z.object({ key: z.string(), attributes: graphAttributes })),
  edges: z.array(z.object({ key: z.string().optional(), source: z.string(), target: z.string(), attributes: graphAttributes })),
});

export const collaborationNetworkSchema = z.object({
  owner: z.string(),
  people: z.array(networkPersonSchema),
  repositories: z.array(networkRepositorySchema),
  edges: z.array(coContributionEdgeSchema),
  communities: z.array(networkCommunitySchema),
  // People × repositories (edge weight = contributions) plus co-contribution edges, for visualisation.
  graph: serializedGraphSchema,
  notes: z.array(z.string()),
});

export const topicTermSchema = z.object({ term: z.string(), source: z.enum(['github', 'keyword', 'both']), repositories: n() });
export const topicClusterSchema = z.object({ id: n(), label: z.string(), terms: z.array(z.string()), repositories: z.array(z.string()) });
export const repositoryTopicsSchema = z.object({ name: z.string(), githubTopics: z.array(z.string()), keywords: z.array(z.string()), cluster: n().nullable() });
export const topicsSchema = z.object({ topics: z.array(topicTermSchema), clusters: z.array(topicClusterSchema), perRepository: z.array(repositoryTopicsSchema) });

export const citationKindSchema = z.enum(['doi', 'arxiv', 'zenodo']);

/** What a CITATION.cff says; `problems`: what was wrong while reading it (the file is kept, with what could be read). */
export const cffSummarySchema = z.object({
  title: z.string().nullable(),
  version: z.string().nullable(),
  doi: z.string().nullable(),
  dateReleased: z.string().nullable(),
  authors: z.array(z.string()),
  preferredCitation: z.object({ title: z.string().nullable(), doi: z.string().nullable(), journal: z.string().nullable(), year: z.string().nullable() }).nullable(),
  problems: z.array(z.string()),
});

export const repositoryCitationsSchema = z.object({
  name: z.string(),
  cff: cffSummarySchema.nullable(),
  dois: z.array(z.string()),
  arxiv: z.array(z.string()),
  zenodo: z.array(z.string()),
});

export const citationReferenceSchema = z.object({ kind: citationKindSchema, id: z.string(), url: z.string(), repositories: z.array(z.string()) });
export const citationCountsSchema = z.object({ citationFiles: n(), dois: n(), arxiv: n(), zenodo: n(), repositoriesWithCitations: n() });

export const citationsSchema = z.object({
  repositories: z.array(repositoryCitationsSchema),
  references: z.array(citationReferenceSchema),
  counts: citationCountsSchema,
});

/** The organization research result, as stored and printed with `reposcout research <owner> --json`; published as schemas/organization.schema.json. */
export const organizationResearchSchema = z.object({
  owner: organizationSummarySchema.shape.owner,
  options: researchOptionsSchema,
  analyzedAt: z.string(),
  sync: z.object({ listedAt: z.string().nullable(), syncedAt: z.string().nullable() }),
  totals: organizationSummarySchema.shape.totals,
  health: organizationHealthSchema,
  // Every repository, best health first.
  repositories: z.array(organizationRepositorySchema),
  languages: z.array(organizationLanguageRecordSchema),
  activity: organizationActivitySchema,
  network: collaborationNetworkSchema,
  topics: topicsSchema,
  citations: citationsSchema,
});
