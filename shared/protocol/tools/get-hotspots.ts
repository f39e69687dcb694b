import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { repositoryInput } from '../inputs';
import { hotspotSchema, identitySchema } from '../records';

const input = z.strictObject({
  repository: repositoryInput,
  pathPrefix: z.string().min(1).max(1024).optional().describe('Only files under this folder or with this path prefix, e.g. "src/".'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(20, 'limit is at most 20: the analysis keeps the top 20 files by churn').default(10).describe('How many files, 1-20.'),
});

const output = z.object({
  repository: identitySchema,
  windowMonths: z.number(),
  windowStart: z.string(),
  hotspots: z.array(hotspotSchema),
});

export const getHotspotsContract = defineContract({
  name: 'get_hotspots',
  toolset: 'research',
  title: 'Change hotspots',
  description:
    'List the files of a stored repository that changed most in the recent window (churn = lines added + deleted by non-merge commits, with commit and author counts), at most the top 20 the analysis keeps. ' +
    'Use it to find risky, fast-moving or central code before a review or refactor; combine with get_contributors to see who knows those files.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetHotspotsArgs = z.input<typeof input>;
export type GetHotspotsResult = z.output<typeof output>;
