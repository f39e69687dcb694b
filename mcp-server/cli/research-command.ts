import path from 'node:path';
import { z } from 'zod';
import type { Command } from 'commander';
import { resolveDbPath } from '../../shared/paths';
import { researchLocalRepository } from '../../shared/research/research-local';
import { writeRepositoryReports } from '../../shared/reports/write';
import { openStore } from '../../shared/store/open';
import { classifyTarget } from './github-target';
import { researchGitHubTarget } from './github-research';
import { githubOptionsSchema, parseOptions, researchOptionsSchema } from './options';
import { printJson, printOut, terminalProgress } from './output';
import { prepareSearchAfterWrite } from './search-ready';
import { reportDirFor } from './report-dir';
import { researchSummary } from './summary';
import type { CommandContext } from './context';

export function registerResearchCommand(program: Command, context: CommandContext): void {
  program
    .command('research')
    .description(
      'Read a local git clone (only new commits on re-runs) or a GitHub owner[/repo] (only what changed), analyse it, store the result, and write Markdown + HTML reports.',
    )
    .argument('<path|owner[/repo]>', 'folder of a local git clone (any folder inside it works), or a GitHub organization, user or owner/repository')
    .option('--out <dir>', 'folder for report.md and report.html (default: ./reposcout-reports/<name>)')
    .option('--window-months <n>', 'recent window for bus factor, hotspots and activity', '12')
    .option('--force', 'recompute even if nothing changed since the last run')
    .option('--token-file <file>', 'GitHub: read the token from this file (default: $GITHUB_TOKEN, then $GH_TOKEN)')
    .option('--github-host <host>', 'GitHub Enterprise Server host (default: $REPOSCOUT_GITHUB_HOST, else github.com)')
    .option('--no-sync', 'GitHub: research what is stored without contacting GitHub')
    .action(async (repoPath: string, raw: Record<string, unknown>) => {
      const options = parseOptions(researchOptionsSchema.merge(githubOptionsSchema).extend({ sync: z.boolean().default(true) }), { ...program.opts(), ...raw });
      const target = classifyTarget(repoPath);
      const store = openStore(resolveDbPath(options.db));
      const progress = terminalProgress(options.progress);
      try {
        if (target.kind === 'github') return await researchGitHubTarget(store, target.target, options, context, progress);
        const outcome = await researchLocalRepository(store, repoPath, {
          windowMonths: options.windowMonths,
          force: options.force,
          signal: context.signal,
          onProgress: progress.onProgress,
        });
        await prepareSearchAfterWrite(store, progress, context.signal);
        const outDir = options.out ? path.resolve(options.out) : reportDirFor(outcome.research.repository.name);
        const reports = writeRepositoryReports(outcome.research, outDir);
        if (options.json) {
          printJson({ newCommits: outcome.newCommits, reused: outcome.reused, reports, database: store.path, research: outcome.research });
        } else {
          printOut(researchSummary(outcome.research, reports));
          printOut(`  ${outcome.reused ? 'unchanged since the last run' : `${outcome.newCommits} new commits read`}; database ${store.path}`);
        }
      } finally {
        progress.clear();
        store.close();
      }
    });
}
