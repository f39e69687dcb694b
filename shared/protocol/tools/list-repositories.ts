import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput } from '../inputs';
import { gradeSchema, identitySchema } from '../records';

const input = z.strictObject({
  owner: z.string().min(1).max(100).optional().describe('Only repositories of this GitHub owner (user or organization), case-insensitive, as stored by ingest_github. Local clones have no owner.'),
  language: z.string().min(1).max(50).optional().describe('Only repositories where this language is at least 10% of the code, case-insensitive, e.g. "TypeScript".'),
  minHealth: z.number().int().min(0).max(100).optional().describe('Only repositories with a health score of at least this (0-100).'),
  activeWithinDays: z.number().int().min(1).max(3650).optional().describe('Only repositories whose last commit is at most this many days old.'),
  source: z.enum(['local', 'github']).optional().describe('Only local clones or only GitHub repositories.'),
  sort: z.enum(['health', 'name', 'last_commit']).default('health').describe('health (best first), name (A-Z) or last_commit (most recent first).'),
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
    'List stored repositories with health, grade, main language and last commit; filter by owner, language, minimum health, recent activity or source. Gives the keys other tools take. Not fully analysed ones show researched=false. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type ListRepositoriesArgs = z.input<typeof input>;
export type ListRepositoriesResult = z.output<typeof output>;
