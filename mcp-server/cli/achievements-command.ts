import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { collectFromGit, EXPORT_FORMATS, identityFrom, parseWindow, portfolioFromStore, writePortfolio, type ExportFormat } from '../../shared/achievements/index';
import { RepoScoutError } from '../../shared/errors';
import { collectFromGitHub } from '../../shared/achievements/collect-github';
import { githubClientForCli } from './github-client';
import { resolveDbPath } from '../../shared/paths';
import { openStore } from '../../shared/store/open';
import type { CommandContext } from './context';
import { githubOptionsSchema, parseOptions } from './options';
import { printJson, printOut, terminalProgress } from './output';
import { addLlmOptions, proseSettingsFrom } from './llm-options';
import { addPortfolioProse } from '../../shared/achievements/prose/prose';
import { collect } from './parse-list';
import { reportDirFor } from './report-dir';

const achievementsOptionsSchema = githubOptionsSchema.extend({
  since: z.string().optional(),
  until: z.string().optional(),
  owner: z.string().min(1, '--owner needs a GitHub user or organization').optional(),
  repos: z.array(z.string()).optional(),
  local: z.array(z.string()).optional(),
  as: z.array(z.string()).optional(),
  format: z.array(z.string()).default(['md', 'html']),
  out: z.string().min(1, '--out needs a folder path').optional(),
  browser: z.string().min(1, '--browser needs the path of a browser executable').optional(),
  github: z.boolean().default(false),
});

export function registerAchievementsCommand(program: Command, context: CommandContext): void {
  const command = program
    .command('achievements')
    .description("A developer's merged pull requests as a portfolio: classified, scored for impact, flow metrics, skills; Markdown, HTML, JSON and PDF.")
    .argument('<who>', 'a GitHub login, an e-mail address, or a name as git records it')
    .option('--since <date>', 'merged on or after (YYYY-MM-DD or ISO time)')
    .option('--until <date>', 'merged on or before (YYYY-MM-DD means the end of that day)')
    .option('--local <paths>', 'local clones to read (comma-separated or repeated)', collect)
    .option('--owner <owner>', 'GitHub user or organization to search in')
    .option('--repos <owner/name,...>', 'GitHub repositories to search in', collect)
    .option('--github', 'search all of GitHub for the login (no --owner or --repos needed)')
    .option('--as <aliases>', 'other e-mails, logins or names of the same person (comma-separated)', collect)
    .option('--format <formats>', `output formats: ${EXPORT_FORMATS.join(',')} (default md,html)`, collect)
    .option('--out <dir>', 'output folder (default ./reposcout-reports/portfolio-<who>)')
    .option('--browser <path>', 'Chromium-family browser that prints the PDF (default: found on the machine)')
    .option('--token-file <file>', 'file holding a GitHub token (default $GITHUB_TOKEN or $GH_TOKEN)')
    .option('--github-host <host>', 'GitHub Enterprise Server host');
  addLlmOptions(command).action(async (who: string, raw: Record<string, unknown>) => {
    const options = parseOptions(achievementsOptionsSchema, { ...program.opts(), ...raw });
    const prose = proseSettingsFrom(raw);
    const formats = parseFormats(options.format);
    const window = parseWindow(options.since, options.until);
    const identity = identityFrom(who, options.as ?? []);
    if (options.owner !== undefined && options.repos !== undefined) {
      throw new RepoScoutError('INVALID_INPUT', 'Pass either --owner or --repos, not both; --repos alone searches only those repositories.');
    }
    for (const repo of options.repos ?? []) {
      if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new RepoScoutError('INVALID_INPUT', `--repos "${repo}" is not owner/name; write it as octo-org/hello-world.`);
    }
    const store = openStore(resolveDbPath(options.db));
    const progress = terminalProgress(options.progress && !options.json);
    try {
      const notices: string[] = [];
      let collected: Awaited<ReturnType<typeof collectFromGit>> | null = null;
      const fromGitHub = options.owner !== undefined || options.repos !== undefined || options.github;
      if (options.local && options.local.length > 0) {
        collected = await collectFromGit(store, options.local, identity, window, { signal: context.signal, onProgress: progress.onProgress });
      }
      if (fromGitHub) {
        const { client, note } = githubClientForCli(store, { tokenFile: options.tokenFile, githubHost: options.githubHost });
        if (note) process.stderr.write(`${note}\n`);
        const gh = await collectFromGitHub(store, client, identity, { owner: options.owner, repos: options.repos }, window, { signal: context.signal, onProgress: progress.onProgress });
        progress.clear();
        if (!options.json) printOut(`GitHub: ${gh.prs} merged PRs by ${who} and ${gh.reviewed} by others they reviewed, new or updated, collected in ${gh.requests} requests${gh.resumed ? ' (resumed an interrupted run)' : ''}`);
        notices.push("Private repositories the token cannot read do not appear in GitHub's search results.");
      }
      if (!fromGitHub && !(options.local && options.local.length > 0)) {
        notices.push('Nothing was collected in this run (no --local, --owner, --repos or --github): the portfolio uses the records already stored.');
      }
      progress.clear();
      let portfolio = portfolioFromStore(store, identity, window, { notices });
      let proseNotice: string | null = null;
      if (prose) {
        const outcome = await addPortfolioProse(store, portfolio, prose, context.signal);
        portfolio = outcome.portfolio;
        proseNotice = outcome.notice;
        // on stderr as well as in the exports: a script reading stdout should not miss it
        if (proseNotice) process.stderr.write(`note: ${proseNotice}\n`);
      }
      const outDir = path.resolve(options.out ?? reportDirFor(`portfolio-${who}`));
      const written = await writePortfolio(portfolio, outDir, formats, { browser: options.browser, signal: context.signal });
      if (options.json) {
        printJson({ database: store.path, collected: collected?.repositories ?? [], summary: portfolio.summary, prose: portfolio.prose, totals: portfolio.totals, notices: [...portfolio.notices, ...written.notices], files: written.files });
        return;
      }
      for (const repo of collected?.repositories ?? []) printOut(`${repo.name}: ${repo.prs} merged PRs by ${who}${repo.newCommits > 0 ? ` (${repo.newCommits} new commits read)` : ''}`);
      if (portfolio.prose) printOut(`${portfolio.prose.summary}\n(written by ${portfolio.prose.provider} ${portfolio.prose.model}; from the data:)`);
      printOut(portfolio.summary);
      for (const notice of [...portfolio.notices, ...written.notices]) if (notice !== proseNotice) printOut(`note: ${notice}`);
      for (const file of written.files) printOut(`${file.format.padEnd(4)} ${file.path}`);
    } finally {
      progress.clear();
      store.close();
    }
  });
}

function parseFormats(values: readonly string[]): ExportFormat[] {
  const formats = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  for (const f of formats) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new RepoScoutError('INVALID_INPUT', `Unknown format "${f}" in --format; choose from ${EXPORT_FORMATS.join(', ')}.`);
  }
  return formats.length === 0 ? ['md', 'html'] : (formats as ExportFormat[]);
}
