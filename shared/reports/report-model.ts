import { reportModelSchema, type ReportModel } from '../protocol/report';
import { githubFactsOf, summaryOf } from '../research/publish';
import type { RepositoryResearch } from '../research/types';

// The one builder of the repository report's model (shared/protocol/report.ts): the CLI's
// HTML report inlines it, the MCP server serves it to the VS Code webview; both render it
// with webview-client/report.ts. Lists are cut to what a report shows; parsing with the
// contract keeps exactly its fields (a stored pull request's files and sha stay behind).

const WEEKS = 52;
const HUMANS = 25;
const BOTS = 10;
const HOTSPOTS = 25;
const PULL_REQUESTS = 25;

/** The report model of one research result; `owner` is the stored repository's owner (GitHub login), if any. */
export function buildReportModel(r: RepositoryResearch, owner: string | null = r.repository.github?.owner ?? null): ReportModel {
  const { weeks, ...activity } = r.activity;
  const byCommits = <T extends { commits: number }>(people: T[]) => [...people].sort((a, b) => b.commits - a.commits);
  return reportModelSchema.parse({
    repository: { key: r.repository.key, name: r.repository.name, source: r.repository.source ?? 'local', owner, path: r.repository.path },
    summary: summaryOf(r),
    github: githubFactsOf(r),
    health: r.health,
    activity: { ...activity, recentWeeks: weeks.slice(-WEEKS) },
    contributors: {
      humans: r.contributors.humans.length,
      bots: r.contributors.bots.length,
      shown: [...byCommits(r.contributors.humans).slice(0, HUMANS), ...byCommits(r.contributors.bots).slice(0, BOTS)],
    },
    busFactor: r.busFactor,
    hotspots: r.hotspots.slice(0, HOTSPOTS),
    languages: [...r.languages].sort((a, b) => b.share - a.share),
    communityFiles: r.communityFiles,
    pullRequests: { ...r.pullRequests, recent: r.pullRequests.recent.slice(0, PULL_REQUESTS) },
    releases: r.releases,
  } satisfies ReportModel);
}
