import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, memoryFilterInputs } from '../inputs';
import { memorySchema, memoryVersionSchema } from '../records';

const input = z.strictObject({
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('One memory by id, with its history; other filters ignored.'),
  ...memoryFilterInputs,
  limit: limitInput(),
  cursor: cursorInput('filters'),
});

const output = z.object({
  memories: z.array(memorySchema.extend({ history: z.array(memoryVersionSchema).optional().describe('only when asked for by id') })),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const listMemoriesContract = defineContract({
  name: 'list_memories',
  toolset: 'memory',
  title: 'List memories',
  description:
    'List saved memories, newest first, filtered by tags, link or time; or one memory by id with its history. Paged. Use recall to search them by meaning.',
  input,
  output,
  hints: READ_ONLY,
});

export type ListMemoriesArgs = z.input<typeof input>;
export type ListMemoriesResult = z.output<typeof output>;
