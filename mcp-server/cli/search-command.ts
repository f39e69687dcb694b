import type { Command } from 'commander';
import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../shared/search/documents';
import { searchDocuments, type SearchHit } from '../../shared/search/search';
import type { CommandContext } from './context';
import { parseOptions } from './options';
import { printJson, printOut } from './output';
import { collect } from './parse-list';
import { addEmbedderOptions, embedderOptionsSchema, openSearchSession } from './search-session';

export const searchOptionsSchema = embedderOptionsSchema.extend({
  kind: z.array(z.enum(DOCUMENT_KINDS, { message: `--kind must be one of ${DOCUMENT_KINDS.join(', ')}` })).optional(),
  owner: z.string().min(1, '--owner needs a name').optional(),
  language: z.string().min(1, '--language needs a name').optional(),
  minHealth: z.coerce.number({ message: '--min-health must be a number' }).min(0, '--min-health must be from 0 to 100').max(100, '--min-health must be from 0 to 100').optional(),
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(100, '--limit must be at most 100').default(10),
  mode: z.enum(['hybrid', 'bm25', 'vector'], { message: '--mode must be hybrid, bm25 or vector' }).default('hybrid'),
});

export function registerSearchCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    program
      .command('search')
      .description('Hybrid search (BM25 + vectors, fused by reciprocal rank) over repositories, issues, pull requests and memories.')
      .argument('<query...>', 'words to search for (quote them or not)')
      .option('--kind <kinds>', `only these kinds, comma-separated or repeated: ${DOCUMENT_KINDS.join(', ')}`, collect)
      .option('--owner <owner>', 'only this owner (GitHub user or organization)')
      .option('--language <language>', 'only this primary language')
      .option('--min-health <score>', 'only repositories with a health score at least this (0-100)')
      .option('--limit <n>', 'hits to show (1-100)', '10')
      .option('--mode <mode>', 'hybrid, bm25 or vector', 'hybrid'),
  ).action(async (words: string[], raw: Record<string, unknown>) => {
    const options = parseOptions(searchOptionsSchema, { ...program.opts(), ...raw });
    const session = await openSearchSession(options, context);
    try {
      const result = await searchDocuments(session.store, options.mode === 'bm25' ? null : session.space, {
        query: words.join(' '),
        limit: options.limit,
        mode: options.mode,
        kinds: options.kind,
        owner: options.owner,
        language: options.language,
        minHealth: options.minHealth,
      });
      if (result.notice) process.stderr.write(`reposcout: ${result.notice}\n`);
      if (options.json) return printJson(result);
      if (result.hits.length === 0) return printOut(`No results for "${result.query}".`);
      printOut(result.hits.map(formatHit).join('\n\n'));
    } finally {
      session.close();
    }
  });
}

function formatHit(hit: SearchHit, index: number): string {
  const where = [hit.kind, hit.language, hit.health === null ? null : `health ${hit.health}`].filter(Boolean).join(' · ');
  const scores = [hit.bm25 ? `bm25 #${hit.bm25.rank} ${hit.bm25.score.toFixed(2)}` : null, hit.vector ? `vector #${hit.vector.rank} ${hit.vector.similarity.toFixed(2)}` : null]
    .filter(Boolean)
    .join(', ');
  const matched = hit.expansions.length ? `  matched ${hit.expansions.join(', ')}` : '';
  return `${String(index + 1).padStart(2)}. ${hit.title}  ${hit.refKey}\n    ${where}  [${scores}]${matched}\n    ${hit.snippet}`;
}
