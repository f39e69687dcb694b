import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, repositoryInput } from '../inputs';
import { busFactorsSchema, contributorSchema, identitySchema } from '../records';

const input = z.strictObject({
  repository: repositoryInput,
  sort: z.enum(['commits', 'recent', 'lines']).default('commits').describe('Most first: all-time commits, recent commits, or lines.'),
  includeBots: z.boolean().default(false).describe('Also list bot accounts (dependabot, renovate, ...). They never count towards the bus factor.'),
  match: z.string().min(1).max(200).optional().describe('Name or e-mail contains this.'),
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
    'List a stored repository\'s contributors (commits, lines, dates, recent commits) and its bus factor, recent and all time. Identities after .mailmap; bots if asked. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetContributorsArgs = z.input<typeof input>;
export type GetContributorsResult = z.output<typeof output>;
