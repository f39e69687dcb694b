import path from 'node:path';
import type { Command } from 'commander';
import { inspectRepository } from '../../shared/git/repository';
import { resolveDbPath } from '../../shared/paths';
import { storedLocalResearch } from '../../shared/research/research-local';
import { writeRepositoryReports } from '../../shared/reports/write';
import { openStore } from '../../shared/store/open';
import { parseOptions, researchOptionsSchema } from './options';
import { printJson, printOut } from './output';
import { reportDirFor } from './report-dir';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the Markdown + HTML reports of an already researched local clone from the database, without reading git history again.')
    .argument('<path>', 'folder of a local git clone that "reposcout research" has seen')
    .option('--out <dir>', 'folder for report.md and report.html (default: ./reposcout-reports/<name>)')
    .action(async (repoPath: string, raw: Record<string, unknown>) => {
      const options = parseOptions(researchOptionsSchema.pick({ db: true, json: true, out: true }), { ...program.opts(), ...raw });
      const repo = await inspectRepository(repoPath);
      const store = openStore(resolveDbPath(options.db));
      try {
        const research = storedLocalResearch(store, repo.root);
        const outDir = options.out ? path.resolve(options.out) : reportDirFor(research.repository.name);
        const reports = writeRepositoryReports(research, outDir);
        if (options.json) printJson({ reports, research });
        else {
          const stale = research.repository.headSha !== repo.headSha ? ` (head has moved since; run "reposcout research ${repo.root}" to update)` : '';
          printOut(`${research.repository.name}: health ${research.health.score}/100, analysed ${research.repository.analyzedAt}${stale}`);
          printOut(`  report  ${reports.htmlPath}\n          ${reports.markdownPath}`);
        }
      } finally {
        store.close();
      }
    });
}
