// The report tables as plain, unescaped text. Markdown and HTML render the same tables,
// each escaping every cell for its own format; nothing here is safe to print as-is.
import type {
  BusFactorResult,
  CommunityFiles,
  ContributorStats,
  HealthScore,
  Hotspot,
  LanguageShare,
  ReconstructedPullRequest,
} from '../research/types';
import { formatBytes, formatDay, formatDecimal, formatInteger, formatLineChange, formatPercent } from './format';

export interface ReportColumn {
  label: string;
  /** number: right-aligned figures; date: a YYYY-MM-DD day, never wrapped; status: a ✓/✗ cell. */
  kind: 'text' | 'number' | 'date' | 'status';
}

export interface ReportTable {
  columns: ReportColumn[];
  /** One string per column in every row. */
  rows: string[][];
  /** Rows left out by a display limit. */
  omitted: number;
}

export const NOT_MEASURABLE = 'n/a — not measurable for local repositories';
export const CHECK = '✓';
export const CROSS = '✗';

const text = (label: string): ReportColumn => ({ label, kind: 'text' });
const num = (label: string): ReportColumn => ({ label, kind: 'number' });
const day = (label: string): ReportColumn => ({ label, kind: 'date' });

function limited<T>(items: T[], limit: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, limit), omitted: Math.max(0, items.length - limit) };
}

/** Returns the health breakdown: one row per component; unmeasurable components say so instead of a score. */
export function healthTable(health: HealthScore): ReportTable {
  return {
    columns: [text('Component'), num('Weight'), num('Score'), num('Points'), text('Detail')],
    rows: health.components.map((c) => [
      c.label,
      formatInteger(c.weight),
      c.score === null ? NOT_MEASURABLE : formatPercent(c.score),
      c.score === null ? '—' : formatDecimal(c.points),
      c.detail,
    ]),
    omitted: 0,
  };
}

/** Returns the top `limit` human contributors by commits (ties keep research order). */
export function contributorTable(humans: ContributorStats[], limit = 25): ReportTable {
  const sorted = [...humans].sort((a, b) => b.commits - a.commits);
  const { shown, omitted } = limited(sorted, limit);
  return {
    columns: [num('Rank'), text('Name'), num('Commits'), num('Merges'), num('Lines'), num('Active weeks'), num('In window'), day('First'), day('Last')],
    rows: shown.map((c, i) => [
      String(i + 1),
      c.name,
      formatInteger(c.commits),
      formatInteger(c.merges),
      formatLineChange(c.additions, c.deletions),
      formatInteger(c.activeWeeks),
      formatInteger(c.commitsInWindow),
      formatDay(c.firstCommitAt),
      formatDay(c.lastCommitAt),
    ]),
    omitted,
  };
}

/** Returns every bot account, by commits. */
export function botTable(bots: ContributorStats[]): ReportTable {
  const sorted = [...bots].sort((a, b) => b.commits - a.commits);
  return {
    columns: [text('Bot'), num('Commits'), num('Merges'), num('Lines'), day('Last')],
    rows: sorted.map((b) => [b.name, formatInteger(b.commits), formatInteger(b.merges), formatLineChange(b.additions, b.deletions), formatDay(b.lastCommitAt)]),
    omitted: 0,
  };
}

/** Returns the people who make up a bus factor, with their share of the counted commits. */
export function busFactorTable(result: BusFactorResult): ReportTable {
  return {
    columns: [text('Person'), num('Commits'), num('Share')],
    rows: result.people.map((p) => [p.name, formatInteger(p.commits), formatPercent(p.share)]),
    omitted: 0,
  };
}

/** Returns the first `limit` hotspots in research order (highest churn first). */
export function hotspotTable(hotspots: Hotspot[], limit = 25): ReportTable {
  const { shown, omitted } = limited(hotspots, limit);
  return {
    columns: [text('Path'), num('Churn'), num('Lines'), num('Commits'), num('Authors')],
    rows: shown.map((h) => [h.path, formatInteger(h.churn), formatLineChange(h.additions, h.deletions), formatInteger(h.commits), formatInteger(h.authors)]),
    omitted,
  };
}

/** Returns every language by share of classified bytes. */
export function languageTable(languages: LanguageShare[]): ReportTable {
  const sorted = [...languages].sort((a, b) => b.share - a.share);
  return {
    columns: [text('Language'), num('Files'), num('Size'), num('Share')],
    rows: sorted.map((l) => [l.language, formatInteger(l.files), formatBytes(l.bytes), formatPercent(l.share)]),
    omitted: 0,
  };
}

function listed(items: string[], max = 3): string {
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return items.slice(0, max).join(', ') + more;
}

function licenceText(license: CommunityFiles['license']): string {
  if (!license) return '';
  return `${license.path} (${license.spdxId ?? 'licence not recognised'})`;
}

/** Returns the community-files checklist: ✓/✗, the item, and where it was found. */
export function communityTable(files: CommunityFiles): ReportTable {
  const items: [string, boolean, string][] = [
    ['README', files.readme !== null, files.readme ?? ''],
    ['Licence', files.license !== null, licenceText(files.license)],
    ['Contributing guide', files.contributing !== null, files.contributing ?? ''],
    ['Code of conduct', files.codeOfConduct !== null, files.codeOfConduct ?? ''],
    ['Security policy', files.security !== null, files.security ?? ''],
    ['Citation', files.citation !== null, files.citation ?? ''],
    ['Changelog', files.changelog !== null, files.changelog ?? ''],
    ['Continuous integration', files.ci.length > 0, listed(files.ci)],
    ['Tests', files.tests.present, files.tests.present ? `${formatInteger(files.tests.files)} files, e.g. ${listed(files.tests.examples)}` : ''],
    ['Linters', files.linters.length > 0, listed(files.linters)],
    ['Dependency updates', files.dependencyUpdates.length > 0, listed(files.dependencyUpdates)],
  ];
  return {
    columns: [{ label: 'Found', kind: 'status' }, text('Item'), text('Where')],
    rows: items.map(([label, present, where]) => [present ? CHECK : CROSS, label, where]),
    omitted: 0,
  };
}

/** Returns the reconstructed pull requests, in research order (most recent first). */
export function pullRequestTable(pullRequests: ReconstructedPullRequest[]): ReportTable {
  return {
    columns: [num('PR'), text('Title'), text('Author'), day('Merged'), num('Lines'), num('Files')],
    rows: pullRequests.map((pr) => [
      String(pr.number),
      pr.title,
      pr.author?.name ?? 'unknown',
      formatDay(pr.mergedAt),
      formatLineChange(pr.additions, pr.deletions),
      formatInteger(pr.filesChanged),
    ]),
    omitted: 0,
  };
}
