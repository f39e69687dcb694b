// The prose parts of a report as plain, unescaped label/value pairs, shared by the
// Markdown and HTML renderers; each escapes the values for its own format.
// The report model carries them too (shared/protocol/report.ts), so the HTML report and the
// VS Code webview word them as the Markdown report does.
import type { ReportFact } from '../protocol/report';
import type { Activity, BusFactorResult, HealthScore, RepositoryResearch } from '../research/types';
import { formatDay, formatInteger, formatPercent, plural, shortSha } from './format';

export type Fact = ReportFact;

export const SHALLOW_NOTE =
  'Shallow clone: history stops at the clone depth, so commit counts, contributors and the bus factor cover only the fetched history.';

/** Returns the headline facts: health, commit, clone depth, analysis date, window, releases and pull requests. */
export function summaryFacts(r: RepositoryResearch): Fact[] {
  const { repository, options, releases, pullRequests, health } = r;
  const latest = releases.latest ? `; latest ${releases.latest.name} (${formatDay(releases.latest.date)})` : '';
  const reviewed = pullRequests.reviewedShare === null ? '' : `; ${formatPercent(pullRequests.reviewedShare)} of changes in the window arrived through one`;
  // A GitHub repository is read from the API: no clone, releases rather than tags, pull requests as GitHub lists them.
  const github = repository.source === 'github';
  const counted = releases.source === 'github-releases' ? 'release' : 'tag';
  const facts: Fact[] = [
    { label: 'Health', value: `${formatInteger(health.score)}/100, grade ${health.grade}` },
    { label: 'Head', value: `${repository.headSha ? shortSha(repository.headSha) : 'unknown commit'}${repository.defaultBranch ? ` on ${repository.defaultBranch}` : ''}` },
    { label: 'History', value: github ? 'Read from the GitHub API.' : repository.isShallow ? SHALLOW_NOTE : 'Full clone.' },
    { label: 'Analysed', value: formatDay(repository.analyzedAt) },
    { label: 'Window', value: `Last ${plural(options.windowMonths, 'month')}, since ${formatDay(options.windowStart)}` },
    { label: 'Releases', value: `${plural(releases.tags, counted)}, ${formatInteger(releases.last365Days)} in the last 365 days${latest}` },
    {
      label: 'Pull requests',
      value: github
        ? `${formatInteger(pullRequests.total)} merged, ${formatInteger(pullRequests.inWindow)} in the window${reviewed}`
        : `${formatInteger(pullRequests.total)} reconstructed (${formatInteger(pullRequests.merge)} merge, ${formatInteger(pullRequests.squash)} squash), ${formatInteger(pullRequests.inWindow)} in the window${reviewed}`,
    },
  ];
  if (repository.path) facts.splice(1, 0, { label: 'Path', value: repository.path });
  return facts;
}

/** Returns the recent-activity facts: totals, recency, the last 90 days, 26 and 12 weeks. */
export function activityFacts(activity: Activity): Fact[] {
  const last12 = activity.weeks.slice(-12);
  const last12Commits = last12.reduce((sum, w) => sum + w.commits, 0);
  const busiest = activity.weeks.reduce<Activity['weeks'][number] | null>((best, w) => (best === null || w.commits > best.commits ? w : best), null);
  return [
    { label: 'Commits', value: `${formatInteger(activity.totalCommits)} (plus ${plural(activity.totalMerges, 'merge')})` },
    { label: 'First and last commit', value: `${formatDay(activity.firstCommitAt)} to ${formatDay(activity.lastCommitAt)}, ${plural(activity.daysSinceLastCommit, 'day')} ago` },
    { label: 'Last 90 days', value: plural(activity.commitsLast90Days, 'commit') },
    { label: 'Active weeks', value: `${formatInteger(activity.activeWeeksLast26)} of the last 26` },
    { label: `Last ${last12.length} weeks`, value: plural(last12Commits, 'commit') },
    { label: 'Busiest week', value: busiest && busiest.commits > 0 ? `${busiest.week}: ${plural(busiest.commits, 'commit')} by ${plural(busiest.authors, 'author')}` : 'none' },
  ];
}

/** Returns the sentence explaining renormalised weights, or null when every component was measured. */
export function healthNote(health: HealthScore, source: 'local' | 'github' = 'local'): string | null {
  const missing = health.components.filter((c) => c.score === null);
  if (missing.length === 0) return null;
  const names = missing.map((c) => c.label).join(', ');
  const why = source === 'github' ? 'had nothing to measure in the window' : 'cannot be measured for a local repository';
  return `${plural(missing.length, 'component')} (${names}) ${why}, so ${missing.length === 1 ? 'it was' : 'they were'} left out and the remaining weights were renormalised to 100.`;
}

/** Returns one sentence stating a bus factor and how many commits it was computed over. */
export function busFactorSentence(result: BusFactorResult): string {
  if (result.factor === 0 || result.commits === 0) return 'No human commits to count.';
  return `${plural(result.factor, 'person covers', 'people cover')} at least half of ${plural(result.commits, 'human commit')}.`;
}
