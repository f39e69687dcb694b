import type { Command } from 'commander';
import { z } from 'zod';
import { recommendForDeveloper } from '../../shared/recommend/for-developer';
import type { CommandContext } from './context';
import { parseOptions } from './options';
import { printJson, printOut } from './output';
import { formatFactors, formatRepositoryRecommendations } from './recommend-format';
import { addEmbedderOptions, embedderOptionsSchema, openSearchSession } from './search-session';

const recommendOptionsSchema = embedderOptionsSchema.extend({
  for: z.string({ message: '--for is required: an e-mail address, a name or a GitHub login' }).trim().min(1, '--for needs an e-mail address, a name or a GitHub login'),
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(50, '--limit must be at most 50').default(10),
  issues: z.coerce.number({ message: '--issues must be a number' }).int('--issues must be a whole number').min(0, '--issues must be at least 0').max(50, '--issues must be at most 50').default(10),
});

export function registerRecommendCommand(program: Command, context: CommandContext): void {
  addEmbedderOptions(
    program
      .command('recommend')
      .description('Repositories and good-first-issues for a developer, from their commits, PRs, languages and topics.')
      .option('--for <person>', 'e-mail address, name, or GitHub login of someone in the stored commit history')
      .option('--limit <n>', 'repositories (1-50)', '10')
      .option('--issues <n>', 'good-first-issues (0-50)', '10'),
  ).action(async (raw: Record<string, unknown>) => {
    const options = parseOptions(recommendOptionsSchema, { ...program.opts(), ...raw });
    const session = await openSearchSession(options, context);
    try {
      const result = await recommendForDeveloper(session.store, session.space, options.for, { limit: options.limit, issues: options.issues });
      if (options.json) return printJson(result);
      const p = result.profile;
      printOut(`${p.name} <${p.email}>: ${p.commits} commits in ${p.repositories.length} repositories, ${p.pullRequests} PRs`);
      if (p.languages.length) printOut(`  languages ${p.languages.map((l) => `${l.language} ${Math.round(l.share * 100)}%`).join(', ')}`);
      printOut('\nRepositories to contribute to:\n');
      printOut(result.repositories.length ? formatRepositoryRecommendations(result.repositories) : '  none yet: import or research more repositories.');
      if (options.issues > 0) {
        printOut('\nGood first issues:\n');
        printOut(
          result.issues.length
            ? result.issues.map((i) => `${String(i.rank).padStart(2)}. ${i.title}  ${i.key.replace(/^github:/, '')}  score ${i.score.toFixed(3)}\n    labels: ${i.labels.join(', ')}\n${formatFactors(i.factors)}`).join('\n\n')
            : '  none: no open issue with a good-first-issue or help-wanted label is stored.',
        );
      }
    } finally {
      session.close();
    }
  });
}
