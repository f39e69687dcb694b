import { plural } from '../../../shared/reports/format';
import { recall } from '../../../shared/memory/recall';
import { memoryRow } from '../memory-view';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';
import { recallContract } from '../../../shared/protocol/tools/recall';

export const recallTool = defineTool({
  ...recallContract,
  async run(args, { catalog, signal, progress, log }) {
    const space = await catalog.search.ready({ signal, progress, log }, args.mode !== 'bm25');
    const result = await recall(catalog.store, space, { query: args.query, limit: args.limit, mode: args.mode, tags: args.tags, link: args.link, since: args.since, until: args.until });
    const { memories } = result;
    const structured = { query: result.query, notice: result.notice, memories };
    const headline = (result.notice ? `${result.notice} ` : '') + (memories.length === 0 ? 'No memory matches.' : `${plural(memories.length, 'memory', 'memories')}, most relevant first:`);
    const footer = memories.length === 0 ? ['Try other words or fewer filters; list_memories shows every memory, newest first.'] : [];
    return { structured, text: textAnswer(headline, memories.map((m) => memoryRow(m)), footer, 'memory') };
  },
});
