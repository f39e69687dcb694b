import { z } from 'zod';
import { defineContract } from '../contract';
import { linkInput } from '../inputs';
import { MAX_MEMORY_CHARS } from '../limits';
import { memorySchema } from '../records';

const input = z.strictObject({
  text: z
    .string()
    .min(1, 'text is empty; say what to remember')
    .max(MAX_MEMORY_CHARS, `text is longer than ${MAX_MEMORY_CHARS.toLocaleString('en-US')} characters; split it into smaller memories or link to a document instead`)
    .describe('A fact, decision or finding, written for a later reader.'),
  tags: z.array(z.string().min(1).max(64)).max(32).optional().describe('Tags, e.g. "perf", "area/search".'),
  links: z.array(linkInput).max(20).optional().describe('What it is about.'),
  merge: z.boolean().default(true).describe('Merge into a near-duplicate memory if any; false: always a new one.'),
});

const output = z.object({
  outcome: z.enum(['created', 'merged']),
  memory: memorySchema,
  merged: z.object({ similarity: z.number(), previousText: z.string() }).nullable(),
});

export const rememberContract = defineContract({
  name: 'remember',
  toolset: 'memory',
  title: 'Remember',
  description:
    'Save a memory (text, tags, links) that survives restarts and is shared with other agents and VS Code; a near-duplicate is merged into the existing memory, keeping its history.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
});

export type RememberArgs = z.input<typeof input>;
export type RememberResult = z.output<typeof output>;
