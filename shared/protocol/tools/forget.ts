import { z } from 'zod';
import { defineContract } from '../contract';

const input = z.strictObject({
  ids: z
    .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
    .min(1, 'ids is empty; pass the ids of the memories to forget (list_memories or recall show them)')
    .max(100)
    .describe('Memory ids to delete.'),
});

const output = z.object({ forgotten: z.array(z.number()) });

export const forgetContract = defineContract({
  name: 'forget',
  toolset: 'memory',
  title: 'Forget memories',
  description:
    'Delete memories by id, with history, links and index entries; cannot be undone, all or nothing. Confirm with the user before forgetting what they saved.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
});

export type ForgetArgs = z.input<typeof input>;
export type ForgetResult = z.output<typeof output>;
