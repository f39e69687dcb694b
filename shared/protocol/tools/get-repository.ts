import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { repositoryInput } from '../inputs';
import { githubFactsSchema, identitySchema, summarySchema } from '../records';
import { publishedSectionsShape, repositorySections } from '../research';

const input = z.strictObject({
  repository: repositoryInput,
  sections: z
    .array(z.enum([...repositorySections, 'all']))
    .max(repositorySections.length + 1)
    .default([])
    .describe('Sections besides the summary; ask only for what you need.'),
});

const output = z.object({
  repository: identitySchema,
  summary: summarySchema,
  // Always present for GitHub repositories: what the API says beyond the history.
  github: githubFactsSchema.optional(),
  // The sections asked for: each one analysis's published record (shared/protocol/research.ts).
  ...publishedSectionsShape(),
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

export type GetRepositoryArgs = z.input<typeof input>;
export type GetRepositoryResult = z.output<typeof output>;
