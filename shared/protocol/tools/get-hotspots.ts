import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { repositoryInput } from '../inputs';
import { hotspotSchema, identitySchema } from '../records';

const input = z.strictObject({
  repository: repositoryInput,
  pathPrefix: z.string().min(1).max(1024).optional().describe('Only paths starting with this, e.g. "src/".'),
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
    'List the files of a stored repository with the most churn (lines added + deleted) in the recent window, with commit and author counts; top 20 at most.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetHotspotsArgs = z.input<typeof input>;
export type GetHotspotsResult = z.output<typeof output>;
