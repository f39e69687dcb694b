import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { repositoryInput } from '../inputs';
import { activitySectionSchema, busFactorsSchema, communityFilesSchema, contributorSchema, githubFactsSchema, healthSchema, hotspotSchema, identitySchema, languageShareSchema, pullRequestsSectionSchema, releasesSchema, summarySchema } from '../records';

export const repositorySections = ['health', 'activity', 'contributors', 'bus_factor', 'hotspots', 'languages', 'community_files', 'pull_requests', 'releases'] as const;

const input = z.strictObject({
  repository: repositoryInput,
  sections: z
    .array(z.enum([...repositorySections, 'all']))
    .max(10)
    .default([])
    .describe('Extra sections besides the summary: health (per-component breakdown), activity (last 26 weeks), contributors (top 10), bus_factor, hotspots (top 10), languages, community_files, pull_requests (10 most recent), releases; or "all".'),
});

const output = z.object({
  repository: identitySchema,
  summary: summarySchema,
  // Always present for GitHub repositories: what the API says beyond the history.
  github: githubFactsSchema.optional(),
  health: healthSchema.optional(),
  activity: activitySectionSchema.optional(),
  contributors: z.object({ humans: z.number(), bots: z.number(), top: z.array(contributorSchema) }).optional(),
  busFactor: busFactorsSchema.optional(),
  hotspots: z.array(hotspotSchema).optional(),
  languages: z.array(languageShareSchema).optional(),
  communityFiles: communityFilesSchema.optional(),
  pullRequests: pullRequestsSectionSchema.optional(),
  releases: releasesSchema.optional(),
});

export const getRepositoryContract = defineContract({
  name: 'get_repository',
  toolset: 'research',
  title: "Get a repository's research",
  description:
    'Get one stored repository\'s research: a summary (health, commits, contributors, bus factor, pull requests, releases, licence; GitHub facts), plus only the sections you ask for (health breakdown, activity, contributors, bus factor, hotspots, languages, community files, pull requests, releases).',
  input,
  output,
  hints: READ_ONLY,
});

export type GetRepositoryArgs = z.input<typeof input>;
export type GetRepositoryResult = z.output<typeof output>;
