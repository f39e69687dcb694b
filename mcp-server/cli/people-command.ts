import type { Command } from 'commander';
import { z } from 'zod';
import { resolveDbPath } from '../../shared/paths';
import { peopleToAsk } from '../../shared/recommend/people';
import { indexStoredRepositories } from '../../shared/search/index-repositories';
import { openStore } from '../../shared/store/open';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';
import { formatFactors } from './recommend-format';

const peopleOptionsSchema = globalOptionsSchema.extend({
  path: z.string().min(1, '--path needs a file or folder relative to the repository root').optional(),
  limit: z.coerce.number({ message: '--limit must be a number' }).int('--limit must be a whole number').min(1, '--limit must be at least 1').max(50, '--limit must be at most 50').default(10),
});

export function registerPeopleCommand(program: Command): void {
  program
    .command('people')
    .description('People to ask about a repository or a path in it, from its commit history, with the reasons.')
    .argument('<repo>', 'a researched repository: local clone folder, key, or unique name')
    .option('--path <path>', 'a file or folder relative to the repository root')
    .option('--limit <n>', 'people (1-50)', '10')
    .action((repo: string, raw: Record<string, unknown>) => {
      const options = parseOptions(peopleOptionsSchema, { ...program.opts(), ...raw });
      const store = openStore(resolveDbPath(options.db));
      try {
        indexStoredRepositories(store);
        const result = peopleToAsk(store, repo, { path: options.path, limit: options.limit });
        if (options.json) return printJson(result);
        printOut(`People to ask about ${result.path ? `${result.path} in ` : ''}${result.repository}:\n`);
        if (result.people.length === 0) return printOut('  nobody: the history has no human commits.');
        printOut(
          result.people
            .map((p) => `${String(p.rank).padStart(2)}. ${p.name} <${p.email}>  score ${p.score.toFixed(3)}\n${formatFactors(p.factors)}`)
            .join('\n\n'),
        );
      } finally {
        store.close();
      }
    });
}
