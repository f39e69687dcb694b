import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';

const input = z.strictObject({
  owner: ownerInput,
  repository: z.string().min(1).max(100).optional().describe("Also one repository\'s topics and cluster (its name)."),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner'),
});

const n = () => z.number();
const output = z.object({
  owner: z.string(),
  clusters: z.array(z.object({ id: n(), label: z.string(), terms: z.array(z.string()), repositories: z.array(z.string()), repositoryCount: n() })),
  terms: z.array(z.object({ term: z.string(), source: z.enum(['github', 'keyword', 'both']), repositories: n() })),
  total: n(),
  nextCursor: z.string().nullable(),
  repository: z.object({ name: z.string(), githubTopics: z.array(z.string()), keywords: z.array(z.string()), cluster: n().nullable() }).optional(),
});

export const getTopicsContract = defineContract({
  name: 'get_topics',
  toolset: 'research',
  title: "An organization's topics",
  description:
    'Read what a researched organization\'s repositories are about: topic clusters with their repositories and the most common terms (GitHub topics and README keywords). Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetTopicsArgs = z.input<typeof input>;
export type GetTopicsResult = z.output<typeof output>;
