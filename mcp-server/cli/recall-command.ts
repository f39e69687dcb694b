import type { Command } from 'commander';
import { z } from 'zod';
import { RepoScoutError } from '../../shared/errors';
import { recall } from '../../shared/memory/recall';
import type { CommandContext } from './context';
import { addLinkOptions, addTimeOptions, filtersFrom, memoryFilterOptions } from './memory-options';
import { parseOptions } from './options';
import { printJson, printOut } from './output';
import { addEmbedderOptions, embedderOptionsSchema, openSearchSession } from './search-session';

const recallOptionsSchema = embedderOptionsSchema.extend({
  ...memoryFilterOptions,
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(100, '--limit must be at most 100').default(10),
  mode: z.enum(['hybrid', 'bm25', 'vector'], { message: '--mode must be hybrid, bm25 or vector' }).default('hybrid'),
});

export function registerRecallCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    addTimeOptions(
      addLinkOptions(program.command('recall').description('Find memories relevant to a question (hybrid keyword + semantic search).').argument('<query...>', 'what you want to recall'), 'only memories with these'),
    )
      .option('--limit <n>', 'memories (1-100)', '10')
      .option('--mode <mode>', 'hybrid, bm25 or vector', 'hybrid'),
  ).action(async (words: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(recallOptionsSchema, { ...program.opts(), ...raw });
    const filters = oneLink(options);
    const session = await openSearchSession(options, context);
    try {
      const result = await recall(session.store, options.mode === 'bm25' ? null : session.space, { query: words.join(' '), limit: options.limit, mode: options.mode, ...filters });
      if (result.notice) process.stderr.write(`reposcout: ${result.notice}\n`);
      if (options.json) return printJson(result);
      if (result.memories.length === 0) return printOut(`No memories match "${result.query}".`);
      printOut(
        result.memories
          .map((m) => `${String(m.id).padStart(4)}  ${m.updatedAt.slice(0, 10)}  ${m.tags.length ? `[${m.tags.join(', ')}] ` : ''}${m.text.length > 300 ? `${m.text.slice(0, 299)}…` : m.text}`)
          .join('\n'),
      );
    } finally {
      session.close();
    }
  });
}

export function oneLink(options: Parameters<typeof filtersFrom>[0]) {
  try {
    return filtersFrom(options);
  } catch {
    throw new RepoScoutError('INVALID_INPUT', 'Give at most one of --repo, --pr and --job when filtering memories.');
  }
}
