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
    .describe('What to remember: a fact, decision or finding, in a sentence or a few. Written for a later reader without today\'s context.'),
  tags: z.array(z.string().min(1).max(64)).max(32).optional().describe('Tags to find it by: letters, digits and . _ : / - (e.g. "perf", "area/search"); case-insensitive.'),
  links: z.array(linkInput).max(20).optional().describe('Repositories, pull requests or jobs this memory is about.'),
  merge: z.boolean().default(true).describe('Merge into a near-duplicate memory when there is one (its text becomes this wording, tags and links are united, the history is kept). false: always store a new memory.'),
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
    'Save a memory (text, tags, links to repositories, pull requests or jobs) that survives restarts and is shared with other agents and VS Code. A near-duplicate is merged into the existing memory (new wording, tags and links united, history kept).',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
});

export type RememberArgs = z.input<typeof input>;
export type RememberResult = z.output<typeof output>;
