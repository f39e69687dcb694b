import path from 'node:path';
import { ingestGitHubOwner } from '../../shared/github/ingest';
import type { GitHubTarget } from '../../shared/github/target';
import { researchGitHubRepositoryByName, researchOrganization, storedGitHubRepositoryResearch, storedOrganizationResearch } from '../../shared/research/org-research';
import type { OrganizationResearch } from '../../shared/research/org-types';
import { writeOrganizationReports } from '../../shared/reports/org-write';
import { writeRepositoryReports } from '../../shared/reports/write';
import type { Store } from '../../shared/store/open';
import type { CommandContext } from './context';
import { githubClientForCli, resolveHost } from './github-client';
import { ingestSummary } from './ingest-command';
import { printJson, printOut, type terminalProgress } from './output';
import { prepareSearchAfterWrite } from './search-ready';
import { reportDirFor } from './report-dir';
import { researchSummary } from './summary';

export interface GitHubResearchOptions {
  json: boolean;
  out?: string | undefined;
  windowMonths: number;
  tokenFile?: string | undefined;
  githubHost?: string | undefined;
  sync: boolean;
}

function outDirFor(target: GitHubTarget, out: string | undefined): string {
  if (out) return path.resolve(out);
  return reportDirFor(target.repo ? `${target.owner}-${target.repo}` : target.owner);
}

/** `reposcout research owner[/repo]`: ingest what changed (unless --no-sync), research, write reports. */
export async function researchGitHubTarget(store: Store, target: GitHubTarget, options: GitHubResearchOptions, context: CommandContext, progress: ReturnType<typeof terminalProgress>): Promise<void> {
  const host = resolveHost(options.githubHost);
  let ingestLine: string | null = null;
  let ingest = null;
  if (options.sync) {
    const { client, note } = githubClientForCli(store, options);
    if (note) process.stderr.write(`${note}\n`);
    ingest = await ingestGitHubOwner(store, client, target.repo ? `${target.owner}/${target.repo}` : target.owner, {
      signal: context.signal,
      onProgress: progress.onProgress,
      windowMonths: options.windowMonths,
    });
    await prepareSearchAfterWrite(store, progress, context.signal);
    ingestLine = ingestSummary(ingest, store.path);
  }
  const outDir = outDirFor(target, options.out);
  if (target.repo) {
    const research = researchGitHubRepositoryByName(store, target.owner, target.repo, { host, windowMonths: options.windowMonths });
    const reports = writeRepositoryReports(research, outDir);
    if (options.json) return printJson({ ingest, reports, database: store.path, research });
    printOut(researchSummary(research, reports));
    if (ingestLine) printOut(ingestLine);
    return;
  }
  const research = researchOrganization(store, target.owner, { host, windowMonths: options.windowMonths });
  const reports = writeOrganizationReports(research, outDir);
  if (options.json) return printJson({ ingest, reports, database: store.path, research });
  printOut(organizationSummary(research, reports));
  if (ingestLine) printOut(ingestLine);
}

/** `reposcout report owner[/repo]`: rewrite the reports from the stored research, no network. */
export function reportGitHubTarget(store: Store, target: GitHubTarget, options: { json: boolean; out?: string | undefined; githubHost?: string | undefined }): void {
  const host = resolveHost(options.githubHost);
  const outDir = outDirFor(target, options.out);
  if (target.repo) {
    const research = storedGitHubRepositoryResearch(store, target.owner, target.repo, host);
    const reports = writeRepositoryReports(research, outDir);
    if (options.json) return printJson({ reports, research });
    printOut(`${target.owner}/${research.repository.name}: health ${research.health.score}/100, analysed ${research.repository.analyzedAt}`);
    printOut(`  report  ${reports.htmlPath}\n          ${reports.markdownPath}`);
    return;
  }
  const research = storedOrganizationResearch(store, target.owner, host);
  const reports = writeOrganizationReports(research, outDir);
  if (options.json) return printJson({ reports, research });
  printOut(organizationSummary(research, reports));
}

function organizationSummary(r: OrganizationResearch, reports: { htmlPath: string; markdownPath: string; graphPath: string }): string {
  const lines = [
    `${r.owner.login}  ${r.totals.repositories} repositories, median health ${r.health.median ?? '–'}/100 (${(['A', 'B', 'C', 'D', 'F'] as const).map((g) => `${g} ${r.health.grades[g]}`).join(', ')})`,
    `  ${r.totals.contributors} contributors in ${r.network.communities.length} communities · ${r.topics.clusters.length} topic clusters · ${r.citations.counts.repositoriesWithCitations} repositories with citations`,
  ];
  const worst = r.health.worst[0];
  if (worst) lines.push(`  weakest ${worst.name} (${worst.health}): ${worst.weaknesses[0] ?? ''}`);
  lines.push(`  report  ${reports.htmlPath}`, `          ${reports.markdownPath}`, `          ${reports.graphPath}`);
  return lines.join('\n');
}
