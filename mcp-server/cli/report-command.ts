import path from 'node:path';
import type { Command } from 'commander';
import { inspectRepository } from '../../shared/git/repository';
import { resolveDbPath } from '../../shared/paths';
import { storedLocalResearch } from '../../shared/research/research-local';
import { writeRepositoryReports } from '../../shared/reports/write';
import { openStore } from '../../shared/store/open';
import { classifyTarget } from './github-target';
import { reportGitHubTarget } from './github-research';
import { githubOptionsSchema, parseOptions, researchOptionsSchema } from './options';
import { printJson, printOut } from './output';
import { reportDirFor } from './report-dir';

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('Write the Markdown + HTML reports of an already researched local clone or GitHub owner[/repo] from the database, without reading git history or GitHub again.')
    .argument('<path|owner[/repo]>', 'folder of a local git clone, or a GitHub owner[/repo], that "reposcout research" has seen')
    .option('--out <dir>', 'folder for report.md and report.html (default: ./reposcout-reports/<name>)')
    .option('--github-host <host>', 'GitHub Enterprise Server host the owner lives on (default: $REPOSCOUT_GITHUB_HOST, else github.com)')
    .action(async (repoPath: string, raw: Record<string, unknown>) => {
      const options = parseOptions(researchOptionsSchema.pick({ db: true, json: true, out: true }).merge(githubOptionsSchema.pick({ githubHost: true })), { ...program.opts(), ...raw });
      const target = classifyTarget(repoPath);
      if (target.kind === 'github') {
        const githubStore = openStore(resolveDbPath(options.db));
        try {
          return reportGitHubTarget(githubStore, target.target, options);
        } finally {
          githubStore.close();
        }
      }
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
