import { reportModelSchema, type ReportModel } from '../protocol/report';
import { githubFactsOf, summaryOf } from '../research/publish';
import type { HealthScore, RepositoryResearch } from '../research/types';
import { activityFacts, healthNote, summaryFacts } from './facts';

// The one builder of the repository report's model (shared/protocol/report.ts): the CLI's
// HTML report inlines it, the MCP server serves it to the VS Code webview; both render it
// with webview-client/report.ts. Lists are cut to what a report shows; parsing with the
// contract keeps exactly its fields (a stored pull request's files and sha stay behind).
// Sentences come from facts.ts, as in the Markdown report, so every rendering words them alike.

const HUMANS = 25;
const HOTSPOTS = 25;
const PULL_REQUESTS = 25;

/** The report model of one research result; `owner` is the stored repository's owner (GitHub login), if any. */
export function buildReportModel(r: RepositoryResearch, owner: string | null = r.repository.github?.owner ?? null): ReportModel {
  const { weeks: recentWeeks, ...activity } = r.activity;
  const byCommits = <T extends { commits: number }>(people: T[]) => [...people].sort((a, b) => b.commits - a.commits);
  return reportModelSchema.parse({
    repository: { key: r.repository.key, name: r.repository.name, source: r.repository.source ?? 'local', owner, path: r.repository.path },
    summary: summaryOf(r),
    facts: { summary: summaryFacts(r), activity: activityFacts(r.activity), healthNote: healthNote(r.health, r.repository.source) },
    github: githubFactsOf(r),
    health: withPossiblePoints(r.health),
    // The window's weeks (the analyses bound the series by the window): the whole chart the report drew before.
    activity: { ...activity, recentWeeks },
    contributors: {
      humans: r.contributors.humans.length,
      bots: r.contributors.bots.length,
      top: byCommits(r.contributors.humans).slice(0, HUMANS),
      botAccounts: byCommits(r.contributors.bots),
    },
    busFactor: r.busFactor,
    hotspots: r.hotspots.slice(0, HOTSPOTS),
    languages: [...r.languages].sort((a, b) => b.share - a.share),
    communityFiles: r.communityFiles,
    pullRequests: { ...r.pullRequests, recent: r.pullRequests.recent.slice(0, PULL_REQUESTS) },
    releases: r.releases,
  } satisfies ReportModel);
}

/**
 * Each component's possible points: its weight renormalised over the measured components
 * (the score's own rule, to one decimal as `points`), so earned + missed reads as points of 100; 0 for
 * a component not measured.
 */
function withPossiblePoints(health: HealthScore): ReportModel['health'] {
  const measuredWeight = health.components.reduce((sum, c) => sum + (c.score === null ? 0 : c.weight), 0);
  const possible = (c: HealthScore['components'][number]) => (c.score === null || measuredWeight === 0 ? 0 : Math.round((1000 * c.weight) / measuredWeight) / 10);
  return { ...health, components: health.components.map((c) => ({ ...c, possible: possible(c) })) };
}
