import { z } from 'zod';
import {
  activitySectionSchema,
  busFactorsSchema,
  communityFilesSchema,
  contributorSchema,
  contributorsSectionSchema,
  githubFactsSchema,
  healthSchema,
  hotspotSchema,
  identitySchema,
  languageShareSchema,
  pullRequestBriefSchema,
  pullRequestsSectionSchema,
  releasesSchema,
  summarySchema,
  weekSchema,
} from './records';

// The research record of one repository, written once: what `reposcout research` stores,
// prints with --json and renders into reports, and what shared/research/types.ts names for
// the engine. Each part extends the record a tool publishes (./records.ts) with the fields
// only the stored record keeps, so a field is declared in one place. Dates are ISO-8601 UTC
// strings; line counts exclude binary files; "window" is the recent window (default 12
// months). Nothing here is listed by tools/list unless a tool's output schema uses it.

const n = () => z.number();

/** What the GitHub API says about a repository beyond its history (GitHub research only). */
export const githubRepositoryFactsSchema = githubFactsSchema.extend({
  owner: z.string(),
  primaryLanguage: z.string().nullable(),
  license: z.string().nullable(),
  createdAt: z.string().nullable(),
  // Commits GitHub counts on the default branch in the window (only the newest 100 are read).
  commitsInWindow: n(),
});

/** Which repository was researched, at which commit and when. */
export const researchedRepositorySchema = identitySchema.pick({ key: true, name: true, path: true }).extend({
  // 'local' (the default when absent) or 'github'.
  source: identitySchema.shape.source.optional(),
  // GitHub research only: owner login, web URL, description, stars, forks, topics, archived/fork flags.
  github: githubRepositoryFactsSchema.optional(),
  ...summarySchema.pick({ headSha: true, defaultBranch: true, isShallow: true, analyzedAt: true }).shape,
});

export const researchOptionsSchema = z.object({ windowMonths: n(), windowStart: z.string(), now: z.string() });

/** One contributor: `commits` counts non-merge commits; `activeWeeks` distinct ISO weeks with a commit. */
export const contributorStatsSchema = contributorSchema.extend({
  // GitHub login, when the contributor is known by one.
  login: z.string().optional(),
  isBot: z.boolean(),
});

export const contributorsSchema = z.object({ humans: z.array(contributorStatsSchema), bots: z.array(contributorStatsSchema) });

/** Activity over the whole history; `weeks` runs from the first to the last commit in the window, zero weeks included (week: Monday, YYYY-MM-DD). */
export const activitySchema = activitySectionSchema.omit({ recentWeeks: true }).extend({ weeks: z.array(weekSchema) });

/** A merged pull request, from a merge or squash commit or from the GitHub API. */
export const reconstructedPullRequestSchema = pullRequestBriefSchema.extend({
  sha: z.string().nullable(),
  headRef: z.string().nullable(),
  files: z.array(z.string()),
});

/** `reviewedShare`: share of first-parent changes in the window that arrived as a pull request, 0..1; null with no changes. */
export const pullRequestSummarySchema = pullRequestsSectionSchema.extend({ recent: z.array(reconstructedPullRequestSchema) });

/** Releases; `source` says what was counted: git tags (local clones, the default when absent) or GitHub releases. */
export const releasesRecordSchema = releasesSchema.extend({ source: z.enum(['tags', 'github-releases']).optional() });

/** The API-only inputs of the health score, kept with a GitHub research result so reports can explain them. */
export const githubHealthInputsSchema = z.object({
  responsiveness: z.object({ medianHoursToFirstResponse: n().nullable(), sampled: n(), unanswered: n() }).nullable(),
  changeRequests: z.object({ opened: n(), closed: n(), merged: n() }).nullable(),
  maintenance: z.object({ archived: z.boolean(), commitsLast90Days: n(), maintainerActionsLast90Days: n() }).nullable(),
});

/**
 * Every analysis's result in the research record, in the order they run and their fields
 * appear in it (shared/analyses/registry.ts runs them in this order; its test holds the two
 * equal). `published` is how get_repository offers it: the section name and the section's
 * record; null when no tool publishes it on its own. `githubOnly`: local records leave it out.
 * Adding an analysis starts here: one entry, with its result schema.
 */
export const analysisRecords = {
  contributors: { result: contributorsSchema, published: { section: 'contributors', schema: contributorsSectionSchema } },
  busFactor: { result: busFactorsSchema, published: { section: 'bus_factor', schema: busFactorsSchema } },
  activity: { result: activitySchema, published: { section: 'activity', schema: activitySectionSchema } },
  hotspots: { result: z.array(hotspotSchema), published: { section: 'hotspots', schema: z.array(hotspotSchema) } },
  languages: { result: z.array(languageShareSchema), published: { section: 'languages', schema: z.array(languageShareSchema) } },
  communityFiles: { result: communityFilesSchema, published: { section: 'community_files', schema: communityFilesSchema } },
  pullRequests: { result: pullRequestSummarySchema, published: { section: 'pull_requests', schema: pullRequestsSectionSchema } },
  releases: { result: releasesRecordSchema, published: { section: 'releases', schema: releasesSchema } },
  githubInputs: { result: githubHealthInputsSchema, published: null, githubOnly: true },
  health: { result: healthSchema, published: { section: 'health', schema: healthSchema } },
} as const;

type AnalysisRecords = typeof analysisRecords;
export type AnalysisName = keyof AnalysisRecords;
type GitHubOnly = { [K in AnalysisName]: AnalysisRecords[K] extends { githubOnly: true } ? K : never }[AnalysisName];
type Published = { [K in AnalysisName]: AnalysisRecords[K]['published'] extends { section: infer S } ? S : never }[AnalysisName];

/** The names of the get_repository sections: one per published analysis, in record order. */
export type RepositorySection = Published;

/** The analyses in record order. */
export const analysisNames = Object.keys(analysisRecords) as AnalysisName[];

function resultShape() {
  const shape = {} as { [K in Exclude<AnalysisName, GitHubOnly>]: AnalysisRecords[K]['result'] } & {
    [K in GitHubOnly]: z.ZodOptional<AnalysisRecords[K]['result']>;
  };
  const fields = shape as Record<string, z.ZodType>;
  for (const name of analysisNames) {
    const entry: { result: z.ZodType; githubOnly?: boolean } = analysisRecords[name];
    fields[name] = entry.githubOnly ? entry.result.optional() : entry.result;
  }
  return shape;
}

/** The get_repository sections, one per published analysis, in record order. */
export const repositorySections = analysisNames.flatMap((name) => {
  const published: { section: RepositorySection } | null = analysisRecords[name].published;
  return published ? [published.section] : [];
});

type PublishedName = { [K in AnalysisName]: AnalysisRecords[K]['published'] extends null ? never : K }[AnalysisName];
type PublishedSchema<K extends PublishedName> = NonNullable<AnalysisRecords[K]['published']>['schema'];

/** get_repository's optional section fields, each its analysis's published record, in record order. */
export function publishedSectionsShape() {
  const shape = {} as { [K in PublishedName]: z.ZodOptional<PublishedSchema<K>> };
  const fields = shape as Record<string, z.ZodType>;
  for (const name of analysisNames) {
    const published: { schema: z.ZodType } | null = analysisRecords[name].published;
    if (published) fields[name] = published.schema.optional();
  }
  return shape;
}

/** The research result for one repository, as stored and printed (its `research` field) by `reposcout --json research`; published as schemas/research.schema.json. */
export const repositoryResearchSchema = z.object({
  repository: researchedRepositorySchema,
  options: researchOptionsSchema,
  ...resultShape(),
});
