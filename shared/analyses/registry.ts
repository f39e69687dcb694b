import type { RepositoryResearch } from '../research/types';
import { activityAnalysis } from './activity';
import type { AnyAnalysis, Earlier } from './analysis';
import { busFactorAnalysis } from './bus-factor';
import { communityFilesAnalysis } from './community-files';
import { contributorsAnalysis } from './contributors';
import { githubInputsAnalysis } from './github-health-inputs';
import { healthAnalysis } from './health';
import { hotspotsAnalysis } from './hotspots';
import { languagesAnalysis } from './languages';
import { pullRequestsAnalysis } from './pull-requests';
import { releasesAnalysis } from './releases';
import type { GitHubSource, LocalSource } from './sources';

/**
 * Every analysis, in the order they run and their fields appear in the research record.
 * An analysis reads the results of those above it; health reads them all and comes last.
 * Adding an analysis: its file in shared/analyses/ declaring it, and one line here.
 */
export const analyses: readonly AnyAnalysis[] = [
  contributorsAnalysis,
  busFactorAnalysis,
  activityAnalysis,
  hotspotsAnalysis,
  languagesAnalysis,
  communityFilesAnalysis,
  pullRequestsAnalysis,
  releasesAnalysis,
  githubInputsAnalysis,
  healthAnalysis,
];

type Header = Pick<RepositoryResearch, 'repository' | 'options'>;

/** Runs every analysis a local clone can feed, after the header, in registry order. */
export async function runLocalAnalyses(header: Header, source: LocalSource): Promise<RepositoryResearch> {
  const record: Earlier = { ...header };
  const fields = record as Record<string, unknown>;
  for (const analysis of analyses) {
    if (analysis.needs === 'github') continue;
    fields[analysis.name] = analysis.needs === 'earlier' ? analysis.fromEarlier(record) : await analysis.local(source, record);
  }
  return record as RepositoryResearch;
}

/** Runs every analysis for a GitHub repository, after the header, in registry order (synchronous: it runs inside the organization's transaction). */
export function runGitHubAnalyses(header: Header, source: GitHubSource): RepositoryResearch {
  const record: Earlier = { ...header };
  const fields = record as Record<string, unknown>;
  for (const analysis of analyses) {
    fields[analysis.name] =
      analysis.needs === 'earlier' ? analysis.fromEarlier(record) : analysis.needs === 'local' ? analysis.onGitHub() : analysis.github(source, record);
  }
  return record as RepositoryResearch;
}
