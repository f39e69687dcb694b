import { remember } from '../../../shared/memory/remember';
import { memoryRow } from '../memory-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { rememberContract } from '../../../shared/protocol/tools/remember';

export const rememberTool = defineTool({
  ...rememberContract,
  async run(args, { catalog, signal, progress, log }) {
    const result = await catalog.search.write({ signal, progress, log }, (space) =>
      remember(catalog.store, space, { text: args.text, tags: args.tags, links: args.links, merge: args.merge }),
    );
    const { memory } = result;
    const structured = { outcome: result.outcome, memory, merged: result.merged };
    const headline =
      result.outcome === 'merged'
        ? `Merged into memory ${memory.id}, a near-duplicate (similarity ${result.merged?.similarity.toFixed(2)}); remembered ${memory.timesRemembered} times, earlier wording kept in its history (list_memories with id ${memory.id}).`
        : `Remembered as memory ${memory.id}.`;
    const rows = [memoryRow(memory), ...(result.merged ? [`   previous text ${quote(result.merged.previousText, 300)}`] : [])];
    return { structured, text: textAnswer(headline, rows, [], 'memory') };
  },
});
