import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, repositoryInput } from '../inputs';
import { busFactorsSchema, contributorSchema, identitySchema } from '../records';

const input = z.strictObject({
  repository: repositoryInput,
  sort: z.enum(['commits', 'recent', 'lines']).default('commits').describe('commits (all time), recent (commits in the recent window) or lines (added + deleted); most first.'),
  includeBots: z.boolean().default(false).describe('Also list bot accounts (dependabot, renovate, ...). They never count towards the bus factor.'),
  match: z.string().min(1).max(200).optional().describe('Only people whose name or e-mail contains this text, case-insensitive.'),
  limit: limitInput(),
  cursor: cursorInput('repository, sort and filters'),
});

const output = z.object({
  repository: identitySchema,
  busFactor: busFactorsSchema,
  humans: z.number(),
  bots: z.number(),
  contributors: z.array(contributorSchema.extend({ isBot: z.boolean() })),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const getContributorsContract = defineContract({
  name: 'get_contributors',
  toolset: 'research',
  title: 'Contributors and bus factor',
  description:
    'List a stored repository\'s contributors (commits, lines, first/last commit, commits in the window) and its bus factor: the fewest people who made half the human commits, recent and all time. Identities after .mailmap; bots only if asked. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetContributorsArgs = z.input<typeof input>;
export type GetContributorsResult = z.output<typeof output>;
