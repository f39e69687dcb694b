import type { ReportModel } from '../protocol/report';
import { githubFactsOf, summaryOf } from '../research/publish';
import type { ContributorStats, RepositoryResearch } from '../research/types';

// The one builder of the repository report's model (shared/protocol/report.ts): the CLI's
// HTML report inlines it, the MCP server serves it to the VS Code webview; both render it
// with webview-client/report.ts. Lists are cut to what a report shows.

const WEEKS = 52;
const HUMANS = 25;
const BOTS = 10;
const HOTSPOTS = 25;
const PULL_REQUESTS = 25;

/** The report model of one research result; `owner` is the stored repository's owner (GitHub login), if any. */
export function buildReportModel(r: RepositoryResearch, owner: string | null = r.repository.github?.owner ?? null): ReportModel {
  const { weeks, ...activity } = r.activity;
  const { recent, ...pullRequests } = r.pullRequests;
  const humans = [...r.contributors.humans].sort((a, b) => b.commits - a.commits).slice(0, HUMANS);
  const bots = [...r.contributors.bots].sort((a, b) => b.commits - a.commits).slice(0, BOTS);
  return {
    repository: { key: r.repository.key, name: r.repository.name, source: r.repository.source ?? 'local', owner, path: r.repository.path },
    summary: summaryOf(r),
    github: githubFactsOf(r),
    health: { score: r.health.score, grade: r.health.grade, components: r.health.components.map(({ id, label, weight, score, points, detail }) => ({ id, label, weight, score, points, detail })) },
    activity: { ...activity, recentWeeks: weeks.slice(-WEEKS) },
    contributors: { humans: r.contributors.humans.length, bots: r.contributors.bots.length, shown: [...humans, ...bots].map(person) },
    busFactor: r.busFactor,
    hotspots: r.hotspots.slice(0, HOTSPOTS),
    languages: [...r.languages].sort((a, b) => b.share - a.share),
    communityFiles: r.communityFiles,
    pullRequests: {
      ...pullRequests,
      recent: recent.slice(0, PULL_REQUESTS).map((pr) => ({
        number: pr.number,
        source: pr.source,
        title: pr.title,
        author: pr.author ? { name: pr.author.name, email: pr.author.email } : null,
        mergedAt: pr.mergedAt,
        additions: pr.additions,
        deletions: pr.deletions,
        filesChanged: pr.filesChanged,
      })),
    },
    releases: { tags: r.releases.tags, last365Days: r.releases.last365Days, latest: r.releases.latest },
  };
}

function person(c: ContributorStats): ReportModel['contributors']['shown'][number] {
  return {
    name: c.name,
    email: c.email,
    isBot: c.isBot,
    commits: c.commits,
    merges: c.merges,
    additions: c.additions,
    deletions: c.deletions,
    firstCommitAt: c.firstCommitAt,
    lastCommitAt: c.lastCommitAt,
    activeWeeks: c.activeWeeks,
    commitsInWindow: c.commitsInWindow,
  };
}
