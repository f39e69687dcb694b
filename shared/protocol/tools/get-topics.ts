import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';
import { repositoryTopicsSchema, topicClusterSchema, topicTermSchema } from '../organization';

const input = z.strictObject({
  owner: ownerInput,
  repository: z.string().min(1).max(100).optional().describe("Also one repository\'s topics and cluster (its name)."),
  limit: limitInput(100, 20),
  cursor: cursorInput('owner'),
});

// Parts of the stored organization record (shared/protocol/organization.ts).
const n = () => z.number();
const output = z.object({
  owner: z.string(),
  clusters: z.array(topicClusterSchema.extend({ repositoryCount: n() })),
  terms: z.array(topicTermSchema),
  total: n(),
  nextCursor: z.string().nullable(),
  repository: repositoryTopicsSchema.optional(),
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
