import { z } from 'zod';
import { defineContract } from '../contract';
import { identitySchema, summarySchema } from '../records';

const input = z.strictObject({
  path: z
    .string()
    .min(1, 'path is empty; pass the folder of a local git clone')
    .max(4096)
    .describe('Folder of a local git clone, or any folder inside it. Absolute paths are safest; a relative path or ~ is resolved against the server\'s working folder or home.'),
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for bus factor, hotspots and activity.'),
  force: z.boolean().default(false).describe('Recompute even when nothing changed since the last analysis.'),
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
    'Analyse a local git clone offline (only commits new since the last run) and store the result: health score, contributors, bus factor, activity, hotspots, languages, community files, pull requests from merge/squash commits, releases. Returns the key and headline figures; reports progress.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
});

export type AnalyzeLocalRepositoryArgs = z.input<typeof input>;
export type AnalyzeLocalRepositoryResult = z.output<typeof output>;
