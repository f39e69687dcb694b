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
    "Get the stored research of one repository (a local clone or a GitHub repository): by default a compact summary with health score and grade, commits, last commit, contributors, bus factor, pull requests, releases, main language, licence, and for GitHub the stars, topics and archived state. " +
    'Ask for sections to get more: the health breakdown (why the score is what it is), recent weekly activity, top contributors, bus factor people, hotspots, languages, community files (README, licence, CI, tests, security policy), recent pull requests, releases. ' +
    'Request only the sections you need.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetRepositoryArgs = z.input<typeof input>;
export type GetRepositoryResult = z.output<typeof output>;
