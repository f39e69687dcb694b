import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { repositoryInput } from '../inputs';
import { activitySectionSchema, busFactorsSchema, communityFilesSchema, contributorsSectionSchema, githubFactsSchema, healthSchema, hotspotSchema, identitySchema, languageShareSchema, pullRequestsSectionSchema, releasesSchema, summarySchema } from '../records';

/** The sections get_repository offers: each is one analysis's published record (shared/analyses/registry.ts). */
export const repositorySections = ['health', 'activity', 'contributors', 'bus_factor', 'hotspots', 'languages', 'community_files', 'pull_requests', 'releases'] as const;

const input = z.strictObject({
  repository: repositoryInput,
  sections: z
    .array(z.enum([...repositorySections, 'all']))
    .max(10)
    .default([])
    .describe('Sections besides the summary; ask only for what you need.'),
});

const output = z.object({
  repository: identitySchema,
  summary: summarySchema,
  // Always present for GitHub repositories: what the API says beyond the history.
  github: githubFactsSchema.optional(),
  health: healthSchema.optional(),
  activity: activitySectionSchema.optional(),
  contributors: contributorsSectionSchema.optional(),
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
    'Get one stored repository\'s research: a summary (health, commits, contributors, bus factor, PRs, releases, licence, GitHub facts) plus the sections you ask for.',
  input,
  output,
  hints: READ_ONLY,
});

export type RepositorySection = (typeof repositorySections)[number];
export type GetRepositoryArgs = z.input<typeof input>;
export type GetRepositoryResult = z.output<typeof output>;
