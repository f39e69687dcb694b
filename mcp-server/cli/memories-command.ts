import type { Command } from 'commander';
import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { listMemories } from '../../shared/memory/list';
import { loadMemory, memoryHistory } from '../../shared/memory/rows';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import { addLinkOptions, addTimeOptions, memoryFilterOptions } from './memory-options';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';
import { oneLink } from './recall-command';

const memoriesOptionsSchema = globalOptionsSchema.extend({
  ...memoryFilterOptions,
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(200, '--limit must be at most 200').default(20),
  cursor: z.string().min(1).optional(),
  show: z.coerce.number({ message: '--show must be a memory id' }).int('--show must be a memory id').positive('--show must be a memory id').optional(),
});

export function registerMemoriesCommand(program: Command): void {
  addTimeOptions(addLinkOptions(program.command('memories').description('List memories, newest first, or show one with its history (--show <id>).'), 'only memories with these'))
    .option('--limit <n>', 'memories per page (1-200)', '20')
    .option('--cursor <cursor>', 'continue from the cursor a previous page printed')
    .option('--show <id>', 'one memory with every version merged into it')
    .action((raw: Record<string, unknown>) => {
      const options = parseOptions(memoriesOptionsSchema, { ...program.opts(), ...raw });
      const store = openStore(resolveDbPath(options.db));
      try {
        if (options.show !== undefined) {
          const memory = loadMemory(store.db, options.show);
          if (!memory) throw new RepoScoutError('MEMORY_NOT_FOUND', `No memory with id ${options.show}; list ids with "reposcout memories".`);
          const history = memoryHistory(store.db, memory.id);
          if (options.json) return printJson({ memory, history });
          printOut(`memory ${memory.id}  created ${memory.createdAt}  updated ${memory.updatedAt}  remembered ${memory.timesRemembered}×`);
          if (memory.tags.length) printOut(`tags ${memory.tags.join(', ')}`);
          for (const l of memory.links) printOut(`link ${l.kind} ${l.target}`);
          printOut(`\n${memory.text}\n\nhistory:`);
          for (const v of history) printOut(`  ${v.at}  ${v.event}${v.similarity === null ? '' : ` (similarity ${v.similarity.toFixed(2)})`}: ${v.text.replace(/\s+/g, ' ').slice(0, 200)}`);
          return;
        }
        const page = listMemories(store, { limit: options.limit, cursor: options.cursor, ...oneLink(options) });
        if (options.json) return printJson(page);
        if (page.memories.length === 0) return printOut('No memories yet; add one with "reposcout remember <text>".');
        for (const m of page.memories) {
          const text = m.text.replace(/\s+/g, ' ');
          printOut(`${String(m.id).padStart(4)}  ${m.updatedAt.slice(0, 10)}  ${m.tags.length ? `[${m.tags.join(', ')}] ` : ''}${text.length > 200 ? `${text.slice(0, 199)}…` : text}`);
        }
        printOut(`\n${page.memories.length} of ${page.total}${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ''}`);
      } finally {
        store.close();
      }
    });
}
