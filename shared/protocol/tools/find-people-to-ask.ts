import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { recommendRepositoryInput } from '../inputs';
import { factorSchema } from '../records';

const input = z.strictObject({
  repository: recommendRepositoryInput,
  path: z.string().min(1).max(1000).optional().describe('A file or folder relative to the repository root, e.g. "src/search" or "README.md" (default: the whole repository).'),
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
    'Who knows a repository, or a file or folder in it, best: ranked from its history by ownership of changed lines, recency, breadth and merges, each explained. Bots left out. Needs a local clone analysed with analyze_local_repository.',
  input,
  output,
  hints: READ_ONLY,
});

export type FindPeopleToAskArgs = z.input<typeof input>;
export type FindPeopleToAskResult = z.output<typeof output>;
