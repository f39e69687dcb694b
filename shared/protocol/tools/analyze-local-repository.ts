import { z } from 'zod';
import { defineContract } from '../contract';
import { identitySchema, summarySchema } from '../records';

const input = z.strictObject({
  path: z
    .string()
    .min(1, 'path is empty; pass the folder of a local git clone')
    .max(4096)
    .describe('A folder in a local git clone; absolute is safest.'),
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for bus factor, hotspots and activity.'),
  force: z.boolean().default(false).describe('Recompute even if unchanged.'),
});

const output = z.object({
  repository: identitySchema,
  newCommits: z.number(),
  reused: z.boolean(),
  summary: summarySchema,
});

export const analyzeLocalRepositoryContract = defineContract({
  name: 'analyze_local_repository',
  toolset: 'research',
  title: 'Analyse a local git clone',
  description:
    'Analyse a local git clone offline (only new commits) and store the result: health, contributors, bus factor, activity, hotspots, languages, community files, pull requests, releases. Returns the key and headline figures.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
});

export type AnalyzeLocalRepositoryArgs = z.input<typeof input>;
export type AnalyzeLocalRepositoryResult = z.output<typeof output>;
