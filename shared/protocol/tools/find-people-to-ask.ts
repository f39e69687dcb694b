import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { recommendRepositoryInput } from '../inputs';
import { factorSchema } from '../records';

const input = z.strictObject({
  repository: recommendRepositoryInput,
  path: z.string().min(1).max(1000).optional().describe('File or folder under the root, e.g. "src/search"; default: all.'),
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('People to return, 1-50.'),
});

const person = z.object({
  rank: z.number(),
  name: z.string(),
  email: z.string(),
  score: z.number(),
  commits: z.number(),
  linesChanged: z.number(),
  files: z.number(),
  lastTouched: z.string(),
  factors: z.array(factorSchema),
});

const output = z.object({ repository: z.string(), path: z.string().nullable(), people: z.array(person) });

export const findPeopleToAskContract = defineContract({
  name: 'find_people_to_ask',
  toolset: 'recommend',
  title: 'Find people to ask',
  description:
    'Who knows a repository, or a path in it, best: ranked from its history by ownership, recency, breadth and merges, each explained. Needs a clone analysed with analyze_local_repository.',
  input,
  output,
  hints: READ_ONLY,
});

export type FindPeopleToAskArgs = z.input<typeof input>;
export type FindPeopleToAskResult = z.output<typeof output>;
