import { plural } from '../../../shared/reports/format';
import { RepoScoutError } from '../../../shared/errors';
import { listMemories } from '../../../shared/memory/list';
import { loadMemory, memoryHistory } from '../../../shared/memory/rows';
import { decodeCursor, encodeCursor } from '../cursor';
import { memoryRow } from '../memory-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { listMemoriesContract, type ListMemoriesResult } from '../../../shared/protocol/tools/list-memories';

type Output = ListMemoriesResult;

export const listMemoriesTool = defineTool({
  ...listMemoriesContract,
  run(args, { catalog }) {
    if (args.id !== undefined) return oneMemory(catalog.store.db, args.id);
    const query = { tags: args.tags, link: args.link, since: args.since, until: args.until };
    // The engine pages with its own cursor; ours wraps it so a cursor replayed with other filters is refused.
    const engineCursor = args.cursor === undefined ? undefined : String(decodeCursor('list_memories', query, args.cursor)[0]);
    const page = listMemories(catalog.store, { ...query, limit: args.limit, cursor: engineCursor });
    const structured: Output = {
      memories: page.memories,
      total: page.total,
      nextCursor: page.nextCursor === null ? null : encodeCursor('list_memories', query, [page.nextCursor]),
    };
    const headline =
      page.total === 0
        ? 'No memories' + (query.tags || query.link || query.since || query.until ? ' match these filters.' : ' yet; remember saves one.')
        : `${structured.memories.length} of ${plural(page.total, 'memory', 'memories')}, most recently updated first:`;
    const footer = structured.nextCursor ? [`More: call again with cursor ${JSON.stringify(structured.nextCursor)}.`] : [];
    return { structured, text: textAnswer(headline, structured.memories.map((m) => memoryRow(m, 300)), footer, 'memory') };
  },
});

function oneMemory(db: Parameters<typeof loadMemory>[0], id: number): { structured: Output; text: string } {
  const memory = loadMemory(db, id);
  if (!memory) throw new RepoScoutError('MEMORY_NOT_FOUND', `No memory with id ${id}.`, { remedy: { do: 'list', what: 'memories' } });
  const history = memoryHistory(db, id);
  const structured: Output = { memories: [{ ...memory, history }], total: 1, nextCursor: null };
  const rows = [
    memoryRow(structured.memories[0]!, 2000),
    ...history.map((v) => `   ${v.at} ${v.event}${v.similarity === null ? '' : ` (similarity ${v.similarity.toFixed(2)})`}: ${quote(v.text, 300)}`),
  ];
  return { structured, text: textAnswer(`Memory ${id}, created ${memory.createdAt.slice(0, 10)}, with ${history.length} versions in its history (oldest first):`, rows, [], 'memory') };
}
