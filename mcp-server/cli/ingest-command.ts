import type { Command } from 'commander';
import { ingestGitHubOwner, type GitHubIngestResult } from '../../shared/github/ingest';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import type { CommandContext } from './context';
import { githubClientForCli } from './github-client';
import { ingestOptionsSchema, parseOptions } from './options';
import { printJson, printOut, terminalProgress } from './output';
import { prepareSearchAfterWrite } from './search-ready';

export function registerIngestCommand(program: Command, context: CommandContext): void {
  program
    .command('ingest')
    .description("Fetch a GitHub user's or organization's repositories (or one repository) into the database; re-runs fetch only what changed.")
    .argument('<owner[/repo]>', 'GitHub organization or user, optionally /repository')
    .option('--token-file <file>', 'read the GitHub token from this file (default: $GITHUB_TOKEN, then $GH_TOKEN)')
    .option('--github-host <host>', 'GitHub Enterprise Server host (default: $REPOSCOUT_GITHUB_HOST, else github.com)')
    .option('--concurrency <n>', 'detail requests in flight at once (1-16)', '4')
    .option('--no-detail', 'list repositories only; skip issues, pull requests, releases, READMEs and contributors')
    .option('--window-months <n>', 'how far back to read default-branch commits', '12')
    .option('--max-wait <seconds>', 'longest rate-limit wait to sit through before stopping (resume later)', '900')
    .action(async (target: string, raw: Record<string, unknown>) => {
      const options = parseOptions(ingestOptionsSchema, { ...program.opts(), ...raw });
      const store = openStore(resolveDbPath(options.db));
      const progress = terminalProgress(options.progress);
      try {
        const { client, note } = githubClientForCli(store, options);
        if (note) process.stderr.write(`${note}\n`);
        const result = await ingestGitHubOwner(store, client, target, {
          signal: context.signal,
          onProgress: progress.onProgress,
          concurrency: options.concurrency,
          detail: options.detail,
          windowMonths: options.windowMonths,
        });
        await prepareSearchAfterWrite(store, progress, context.signal);
        if (options.json) printJson({ ...result, database: store.path });
        else printOut(ingestSummary(result, store.path));
      } finally {
        progress.clear();
        store.close();
      }
    });
}

/** Plain-text lines describing an ingest: what changed and what it cost. */
export function ingestSummary(r: GitHubIngestResult, database: string): string {
  const what = r.repository ? `${r.owner}/${r.repository}` : r.owner;
  const c = r.cost;
  const rate = c.rateLimit ? ` · ${c.rateLimit.remaining.toLocaleString('en-US')}/${c.rateLimit.limit.toLocaleString('en-US')} left (${c.rateLimit.resource})` : '';
  return [
    `${what}: ${r.repositories} repositories${r.listed ? '' : ' (listing reused)'}; ${r.detailed} updated, ${r.unchanged} unchanged${r.removed ? `, ${r.removed} gone from GitHub` : ''}`,
    `  ${c.requests} requests (${c.graphqlRequests} GraphQL, ${c.restRequests} REST, ${c.notModified} answered 304 from the cache) · rate-limit cost ${c.rateLimitCost}${rate}`,
    `  database ${database}`,
  ].join('\n');
}
