import type { Command } from 'commander';
import { z } from 'zod';
import { similarRepositories } from '../../shared/recommend/similar';
import type { CommandContext } from './context';
import { parseOptions } from './options';
import { printJson, printOut } from './output';
import { formatRepositoryRecommendations } from './recommend-format';
import { addEmbedderOptions, embedderOptionsSchema, openSearchSession } from './search-session';

const similarOptionsSchema = embedderOptionsSchema.extend({
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(50, '--limit must be at most 50').default(10),
  mode: z.enum(['hybrid', 'bm25', 'vector'], { message: '--mode must be hybrid, bm25 or vector' }).default('hybrid'),
  diversity: z.boolean().default(true),
});

export function registerSimilarCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    program
      .command('similar')
      .description('Repositories similar to one in the database, each with a per-factor explanation of its score.')
      .argument('<repo>', 'owner/name, a key (github:owner/name, local:/path), a GitHub URL, a local clone folder, or a unique name')
      .option('--limit <n>', 'results (1-50)', '10')
      .option('--mode <mode>', 'retrieval: hybrid, bm25 or vector', 'hybrid')
      .option('--no-diversity', 'do not push near-copies down'),
  ).action(async (repo: string, raw: Record<string, unknown>) => {
    const options = parseOptions(similarOptionsSchema, { ...program.opts(), ...raw });
    const session = await openSearchSession(options, context);
    try {
      const result = await similarRepositories(session.store, session.space, repo, { limit: options.limit, mode: options.mode, diversity: options.diversity });
      if (options.json) return printJson(result);
      printOut(`Similar to ${result.repository.key.replace(/^github:/, '')} (${result.mode}${result.embedder ? `, ${result.embedder.name}/${result.embedder.model}` : ''}):\n`);
      printOut(result.recommendations.length ? formatRepositoryRecommendations(result.recommendations) : 'No other repositories in the database yet.');
    } finally {
      session.close();
    }
  });
}
