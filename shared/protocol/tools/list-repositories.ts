import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput } from '../inputs';
import { gradeSchema, identitySchema } from '../records';

const input = z.strictObject({
  owner: z.string().min(1).max(100).optional().describe('Only this GitHub owner\'s.'),
  language: z.string().min(1).max(50).optional().describe('Only with this language at >= 10% of the code.'),
  minHealth: z.number().int().min(0).max(100).optional().describe('Minimum health, 0-100.'),
  activeWithinDays: z.number().int().min(1).max(3650).optional().describe('Last commit at most this many days ago.'),
  source: z.enum(['local', 'github']).optional().describe('Only local or only GitHub.'),
  sort: z.enum(['health', 'name', 'last_commit']).default('health').describe('health and last_commit: best/newest first.'),
  limit: limitInput(),
  cursor: cursorInput('filters and sort'),
});

export const repositoryItemSchema = identitySchema.extend({
  researched: z.boolean(),
  health: z.number().nullable(),
  grade: gradeSchema.nullable(),
  primaryLanguage: z.string().nullable(),
  lastCommitAt: z.string().nullable(),
  analyzedAt: z.string().nullable(),
});

const output = z.object({
  repositories: z.array(repositoryItemSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const listRepositoriesContract = defineContract({
  name: 'list_repositories',
  toolset: 'research',
  title: 'List stored repositories',
  description:
    'List stored repositories with health, grade, language and last commit, filtered by owner, language, health, activity or source. Gives the keys other tools take. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type ListRepositoriesArgs = z.input<typeof input>;
export type ListRepositoriesResult = z.output<typeof output>;
