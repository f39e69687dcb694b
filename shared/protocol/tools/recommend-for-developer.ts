import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { factorSchema, recommendationSchema } from '../records';

const input = z.strictObject({
  person: z
    .string()
    .min(1, 'person is empty; pass an e-mail address, a name or a GitHub login')
    .max(200)
    .describe('E-mail, name or GitHub login of someone in a stored history.'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Repositories to return, 1-50.'),
  issues: z.number().int().min(0).max(50, 'issues is at most 50').default(10).describe('Good-first-issues to return, 0-50.'),
});

const issue = z.object({
  rank: z.number(),
  score: z.number(),
  key: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  labels: z.array(z.string()),
  repository: z.string().nullable(),
  factors: z.array(factorSchema),
});

const output = z.object({
  profile: z.object({
    name: z.string(),
    email: z.string(),
    commits: z.number(),
    pullRequests: z.number(),
    repositories: z.array(z.object({ key: z.string(), commits: z.number() })),
    languages: z.array(z.object({ language: z.string(), share: z.number() })),
    topics: z.array(z.string()),
  }),
  repositories: z.array(recommendationSchema),
  issues: z.array(issue),
});

export const recommendForDeveloperContract = defineContract({
  name: 'recommend_for_developer',
  toolset: 'recommend',
  title: 'Recommend contributions for a developer',
  description:
    'Repositories a developer could contribute to next, and good-first-issues, from their commits and pull requests in stored repositories; each result explained factor by factor.',
  input,
  output,
  hints: READ_ONLY,
});

export type RecommendForDeveloperArgs = z.input<typeof input>;
export type RecommendForDeveloperResult = z.output<typeof output>;
