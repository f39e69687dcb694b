import type { Command } from 'commander';
import { resolveDbPath } from '../../shared/paths';
import { researchHeadline } from '../../shared/research/stored-research';
import { openStore } from '../../shared/store/open';
import { listRepositories } from '../../shared/store/repositories';
import { globalOptionsSchema, parseOptions } from './options';
import { printJson, printOut } from './output';

export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('List the repositories stored in the database with their health score.')
    .action(() => {
      const options = parseOptions(globalOptionsSchema, program.opts());
      const store = openStore(resolveDbPath(options.db));
      try {
        const rows = listRepositories(store.db).map((row) => {
          const research = researchHeadline(store.db, row.id);
          return {
            key: row.key,
            name: row.name,
            path: row.path,
            health: research?.health ?? null,
            grade: research?.grade ?? null,
            analyzedAt: research?.analyzedAt ?? null,
          };
        });
        if (options.json) return printJson({ database: store.path, repositories: rows });
        if (rows.length === 0) return printOut(`No repositories in ${store.path} yet; run "reposcout research <path>".`);
        for (const r of rows) printOut(`${String(r.health ?? '–').padStart(3)} ${r.grade ?? ' '}  ${r.name.padEnd(30)} ${r.path ?? r.key}`);
      } finally {
        store.close();
      }
    });
}
