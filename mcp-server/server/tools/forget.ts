import { z } from 'zod';
import { forgetMemories } from '../../../shared/memory/forget';
import { defineTool } from '../tool';

const input = z.strictObject({
  ids: z
    .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
    .min(1, 'ids is empty; pass the ids of the memories to forget (list_memories or recall show them)')
    .max(100)
    .describe('Ids of the memories to delete, as list_memories and recall show them.'),
});

const output = z.object({ forgotten: z.array(z.number()) });

export const forgetTool = defineTool({
  name: 'forget',
  toolset: 'memory',
  title: 'Forget memories',
  description:
    'Delete memories by id, with their history, links and search index entries; this cannot be undone. All or nothing: if any id is unknown, nothing is deleted and the unknown ids are named. ' +
    'Confirm with the user before forgetting something they saved.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, signal }) {
    const result = await catalog.exclusive(signal, async () => forgetMemories(catalog.store, args.ids));
    const n = result.forgotten.length;
    return { structured: result, text: `Forgot ${n === 1 ? 'memory' : `${n} memories`} ${result.forgotten.join(', ')}, with ${n === 1 ? 'its' : 'their'} history.` };
  },
});
