// The organization report's tables as plain text; Markdown and HTML escape every cell.
import type { OrganizationRepository, OrganizationResearch } from '../research/org-types';
import { formatDay, formatDecimal, formatInteger, formatPercent } from './format';
import type { ReportColumn, ReportTable } from './tables';

const text = (label: string): ReportColumn => ({ label, kind: 'text' });
const num = (label: string): ReportColumn => ({ label, kind: 'number' });
const day = (label: string): ReportColumn => ({ label, kind: 'date' });

function limited<T>(items: T[], limit: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, limit), omitted: Math.max(0, items.length - limit) };
}

function flags(r: OrganizationRepository): string {
  return [r.isArchived ? 'archived' : '', r.isFork ? 'fork' : '', r.isEmpty ? 'empty' : ''].filter(Boolean).join(', ');
}

/** Best or worst repositories with the reasons behind their score. */
export function rankedTable(list: OrganizationRepository[], reasons: 'strengths' | 'weaknesses'): ReportTable {
  return {
    columns: [text('Repository'), num('Health'), text('Grade'), text(reasons === 'strengths' ? 'Why it scores well' : 'Where it loses points')],
    rows: list.map((r) => [r.name, formatInteger(r.health), r.grade, (r[reasons].length ? r[reasons] : ['—']).join(' · ')]),
    omitted: 0,
  };
}

export function repositoryTable(r: OrganizationResearch, limit = 1000): ReportTable {
  const { shown, omitted } = limited(r.repositories, limit);
  return {
    columns: [text('Repository'), text('Description'), num('Health'), text('Grade'), text('Language'), num('Stars'), num('Contributors'), num('Bus factor'), day('Last push'), text('Notes')],
    rows: shown.map((x) => [x.name, clip(x.description ?? '—', 120), formatInteger(x.health), x.grade, x.language ?? '—', formatInteger(x.stars), formatInteger(x.contributors), formatInteger(x.busFactor), formatDay(x.pushedAt), [flags(x), x.topics.length ? `topics: ${x.topics.slice(0, 5).join(', ')}` : ''].filter(Boolean).join('; ')]),
    omitted,
  };
}

export function componentTable(r: OrganizationResearch): ReportTable {
  return {
    columns: [text('Component'), num('Weight'), num('Average score'), num('Repositories measured')],
    rows: r.health.components.map((c) => [c.label, formatInteger(c.weight), formatPercent(c.averageScore), formatInteger(c.measured)]),
    omitted: 0,
  };
}

export function orgLanguageTable(r: OrganizationResearch, limit = 15): ReportTable {
  const { shown, omitted } = limited(r.languages, limit);
  return {
    columns: [text('Language'), num('Share of code'), num('Primary in')],
    rows: shown.map((l) => [l.language, formatPercent(l.share), `${formatInteger(l.repositories)} repositories`]),
    omitted,
  };
}

export function centralPeopleTable(r: OrganizationResearch, limit = 20): ReportTable {
  const { shown, omitted } = limited(r.network.people, limit);
  return {
    columns: [text('Person'), num('Repositories'), num('Contributions'), num('Collaborators'), num('Shared work'), num('Betweenness'), num('Community')],
    rows: shown.map((p) => [p.login, formatInteger(p.repositories), formatInteger(p.contributions), formatInteger(p.collaborators), formatInteger(p.strength), formatDecimal(p.betweenness * 100), formatInteger(p.community + 1)]),
    omitted,
  };
}

/** Repositories whose work rests on the fewest people: bus factor 1 first, most contributions first. */
export function busFactorRiskTable(r: OrganizationResearch, limit = 15): ReportTable {
  const risky = [...r.network.repositories]
    .filter((x) => x.contributors > 0)
    .sort((a, b) => a.busFactor - b.busFactor || (b.topContributors[0]?.share ?? 0) - (a.topContributors[0]?.share ?? 0) || a.name.localeCompare(b.name));
  const { shown, omitted } = limited(risky, limit);
  return {
    columns: [text('Repository'), num('Bus factor (all time)'), num('Bus factor (window)'), text('Top contributor'), num('Their share')],
    rows: shown.map((x) => [x.name, formatInteger(x.busFactor), x.busFactorWindow === null ? '—' : formatInteger(x.busFactorWindow), x.topContributors[0]?.login ?? '—', formatPercent(x.topContributors[0]?.share ?? 0)]),
    omitted,
  };
}

export function communityTable(r: OrganizationResearch, limit = 12): ReportTable {
  const { shown, omitted } = limited(r.network.communities, limit);
  return {
    columns: [num('Community'), text('People'), text('Repositories it mostly works on')],
    rows: shown.map((c) => [formatInteger(c.id + 1), listed(c.people, 8), listed(c.repositories, 8)]),
    omitted,
  };
}

export function clusterTable(r: OrganizationResearch, limit = 20): ReportTable {
  const { shown, omitted } = limited(r.topics.clusters, limit);
  return {
    columns: [text('Cluster'), text('Terms'), num('Repositories'), text('Examples')],
    rows: shown.map((c) => [c.label, c.terms.slice(0, 8).join(', '), formatInteger(c.repositories.length), listed(c.repositories, 5)]),
    omitted,
  };
}

export function topicTable(r: OrganizationResearch, limit = 25): ReportTable {
  const { shown, omitted } = limited(r.topics.topics, limit);
  const source = { github: 'GitHub topic', keyword: 'keyword', both: 'topic and keyword' } as const;
  return { columns: [text('Term'), text('Source'), num('Repositories')], rows: shown.map((t) => [t.term, source[t.source], formatInteger(t.repositories)]), omitted };
}

export function citationTable(r: OrganizationResearch, limit = 40): ReportTable {
  const { shown, omitted } = limited(r.citations.references, limit);
  const kind = { doi: 'DOI', arxiv: 'arXiv', zenodo: 'Zenodo' } as const;
  return { columns: [text('Kind'), text('Identifier'), text('Link'), text('Cited by')], rows: shown.map((c) => [kind[c.kind], c.id, c.url, listed(c.repositories, 6)]), omitted };
}

export function citationFileTable(r: OrganizationResearch, limit = 40): ReportTable {
  const withCff = r.citations.repositories.filter((x) => x.cff !== null);
  const { shown, omitted } = limited(withCff, limit);
  return {
    columns: [text('Repository'), text('Title'), text('Authors'), text('Version'), text('DOI'), text('Problems')],
    rows: shown.map((x) => [x.name, x.cff?.title ?? '—', listed(x.cff?.authors ?? [], 4), x.cff?.version ?? '—', x.cff?.doi ?? '—', (x.cff?.problems ?? []).join('; ') || '—']),
    omitted,
  };
}

function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function listed(items: string[], limit: number): string {
  if (items.length === 0) return '—';
  return items.length > limit ? `${items.slice(0, limit).join(', ')} and ${items.length - limit} more` : items.join(', ');
}
