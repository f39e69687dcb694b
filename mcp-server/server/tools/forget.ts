import { forgetMemories } from '../../../shared/memory/forget';
import { defineTool } from '../tool';
import { forgetContract } from '../../../shared/protocol/tools/forget';

export const forgetTool = defineTool({
  ...forgetContract,
  async run(args, { catalog, signal }) {
    const result = await catalog.exclusive(signal, async () => forgetMemories(catalog.store, args.ids));
    const n = result.forgotten.length;
    return { structured: result, text: `Forgot ${n === 1 ? 'memory' : `${n} memories`} ${result.forgotten.join(', ')}, with ${n === 1 ? 'its' : 'their'} history.` };
  },
});
