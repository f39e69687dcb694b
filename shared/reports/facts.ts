// The prose parts of a report as plain, unescaped label/value pairs, shared by the
// Markdown and HTML renderers; each escapes the values for its own format.
import type { Activity, BusFactorResult, HealthScore, RepositoryResearch } from '../research/types';
import { formatDay, formatInteger, formatPercent, plural, shortSha } from './format';

export interface Fact {
  label: string;
  value: string;
}

export const SHALLOW_NOTE =
  'Shallow clone: history stops at the clone depth, so commit counts, contributors and the bus factor cover only the fetched history.';

/** Returns the headline facts: health, commit, clone depth, analysis date, window, releases and pull requests. */
export function summaryFacts(r: RepositoryResearch): Fact[] {
  const { repository, options, releases, pullRequests, health } = r;
  const latest = releases.latest ? `; latest ${releases.latest.name} (${formatDay(releases.latest.date)})` : '';
  const reviewed = pullRequests.reviewedShare === null ? '' : `; ${formatPercent(pullRequests.reviewedShare)} of changes in the window arrived through one`;
  const facts: Fact[] = [
    { label: 'Health', value: `${formatInteger(health.score)}/100, grade ${health.grade}` },
    { label: 'Head', value: `${shortSha(repository.headSha)}${repository.defaultBranch ? ` on ${repository.defaultBranch}` : ''}` },
    { label: 'History', value: repository.isShallow ? SHALLOW_NOTE : 'Full clone.' },
    { label: 'Analysed', value: formatDay(repository.analyzedAt) },
    { label: 'Window', value: `Last ${plural(options.windowMonths, 'month')}, since ${formatDay(options.windowStart)}` },
    { label: 'Releases', value: `${plural(releases.tags, 'tag')}, ${formatInteger(releases.last365Days)} in the last 365 days${latest}` },
    {
      label: 'Pull requests',
      value: `${formatInteger(pullRequests.total)} reconstructed (${formatInteger(pullRequests.merge)} merge, ${formatInteger(pullRequests.squash)} squash), ${formatInteger(pullRequests.inWindow)} in the window${reviewed}`,
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
export function healthNote(health: HealthScore): string | null {
  const missing = health.components.filter((c) => c.score === null);
  if (missing.length === 0) return null;
  const names = missing.map((c) => c.label).join(', ');
  return `${plural(missing.length, 'component')} (${names}) cannot be measured for a local repository, so ${missing.length === 1 ? 'it was' : 'they were'} left out and the remaining weights were renormalised to 100.`;
}

/** Returns one sentence stating a bus factor and how many commits it was computed over. */
export function busFactorSentence(result: BusFactorResult): string {
  if (result.factor === 0 || result.commits === 0) return 'No human commits to count.';
  return `${plural(result.factor, 'person covers', 'people cover')} at least half of ${plural(result.commits, 'human commit')}.`;
}
