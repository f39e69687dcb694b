import type { Portfolio } from '../../protocol/achievements';
import { PORTFOLIO_PULL_REQUESTS_SHOWN } from '../../protocol/portfolio-report';
import type { ReportTable } from '../../reports/tables';
import { collaborationPeople } from '../report-model';

// The portfolio's tables as plain, unescaped text; Markdown and HTML each escape every
// cell for their own format, so a section is written once for both.

const day = (iso: string) => iso.slice(0, 10);
const hours = (h: number | null | undefined) => (h == null ? '—' : `${h} h`);

export function highlightsTable(p: Portfolio): ReportTable {
  const columns: ReportTable['columns'] = [{ label: 'PR', kind: 'text' }, { label: 'title', kind: 'text' }, { label: 'merged', kind: 'date' }, { label: 'impact', kind: 'number' }, { label: 'why', kind: 'text' }];
  const rows = p.highlights.map((h) => [h.ref, h.title, day(h.mergedAt), String(Math.round(h.impact)), h.reason]);
  if (!p.prose || p.prose.highlightReasons.length === 0) return { columns, rows, omitted: 0 };
  // the model's reasons sit beside the computed ones, labelled with the model, never instead of them
  const byRef = new Map(p.prose.highlightReasons.map((r) => [r.ref, r.reason]));
  return {
    columns: [...columns, { label: `in the words of ${p.prose.model} (model-written)`, kind: 'text' }],
    rows: rows.map((row, i) => [...row, byRef.get(p.highlights[i]!.ref) ?? '—']),
    omitted: 0,
  };
}

/** The line that marks prose as a language model's, naming provider and model. */
export function proseLabel(p: Portfolio): string | null {
  if (!p.prose) return null;
  return `Written by a language model (${p.prose.provider}, ${p.prose.model}) from this portfolio's data; check it against the tables. The summary RepoScout wrote from the data follows.`;
}

export function classMixTable(p: Portfolio): ReportTable {
  return {
    columns: [{ label: 'class', kind: 'text' }, { label: 'PRs', kind: 'number' }, { label: 'share', kind: 'number' }],
    rows: p.classMix.map((c) => [c.class, String(c.prs), `${Math.round(c.share * 100)}%`]),
    omitted: 0,
  };
}

export function themesTable(p: Portfolio): ReportTable {
  return {
    columns: [{ label: 'quarter', kind: 'text' }, { label: 'PRs', kind: 'number' }, { label: 'impact', kind: 'number' }, { label: 'mostly', kind: 'text' }, { label: 'themes', kind: 'text' }],
    rows: p.themes.map((t) => [t.quarter, String(t.prs), String(Math.round(t.impact)), t.topClasses.join(', '), t.themes.join(', ')]),
    omitted: 0,
  };
}

export function skillsTable(p: Portfolio, limit = 15): ReportTable {
  return {
    columns: [{ label: 'skill', kind: 'text' }, { label: 'kind', kind: 'text' }, { label: 'weight', kind: 'number' }, { label: 'shown by', kind: 'text' }],
    rows: p.skills.slice(0, limit).map((s) => [s.name, s.kind, String(s.weight), s.prs.slice(0, 4).join(', ') + (s.prs.length > 4 ? ` +${s.prs.length - 4}` : '')]),
    omitted: Math.max(0, p.skills.length - limit),
  };
}

export function flowTable(p: Portfolio): ReportTable {
  return {
    columns: [
      { label: 'quarter', kind: 'text' }, { label: 'source', kind: 'text' }, { label: 'PRs', kind: 'number' },
      { label: 'coding (median / p75)', kind: 'number' }, { label: 'pickup', kind: 'number' }, { label: 'review', kind: 'number' },
      { label: 'cycle', kind: 'number' }, { label: 'branch lifetime (inferred)', kind: 'number' }, { label: 'median size', kind: 'number' },
    ],
    rows: p.flow.quarters.map((q) => [
      q.quarter, q.source, String(q.prs),
      pair(q.codingTime), pair(q.pickupTime), pair(q.reviewTime), pair(q.cycleTime), pair(q.branchLifetimeInferred),
      q.medianSizeLines == null ? '—' : `${Math.round(q.medianSizeLines)} line${Math.round(q.medianSizeLines) === 1 ? '' : 's'}`,
    ]),
    omitted: 0,
  };
}

function pair(s: { medianHours: number | null; p75Hours: number | null } | null): string {
  return s === null ? 'n/a' : `${hours(s.medianHours)} / ${hours(s.p75Hours)}`;
}

/** One row per person, both directions (collaborationPeople); a direction not collected reads "n/a". */
export function collaborationTable(p: Portfolio): ReportTable {
  const count = (n: number | null) => (n === null ? 'n/a' : String(n));
  return {
    columns: [
      { label: 'person', kind: 'text' },
      { label: 'reviews of this work', kind: 'number' },
      { label: 'their PRs reviewed', kind: 'number' },
      { label: 'reviews given', kind: 'number' },
    ],
    rows: collaborationPeople(p).map((r) => [`@${r.login}`, count(r.reviewsOfThisWork), count(r.theirPrsReviewed), count(r.reviewsGiven)]),
    omitted: 0,
  };
}

/** The most recent PRs of others this person reviewed, as links (GitHub URLs only). */
export function reviewedLinks(p: Portfolio): { text: string; url: string | null }[] {
  return p.collaboration.reviewed.flatMap((r) => r.pullRequests.map((pr) => ({ text: `${pr.ref} by @${r.login}: ${pr.title}`, url: pr.url })));
}

export function pullRequestsTable(p: Portfolio, limit = PORTFOLIO_PULL_REQUESTS_SHOWN): ReportTable {
  return {
    columns: [{ label: 'PR', kind: 'text' }, { label: 'title', kind: 'text' }, { label: 'merged', kind: 'date' }, { label: 'class', kind: 'text' }, { label: 'decided by', kind: 'text' }, { label: 'impact', kind: 'number' }],
    rows: p.pullRequests.slice(0, limit).map((r) => [r.ref, r.title, day(r.mergedAt), r.class, r.rule, String(Math.round(r.impact))]),
    omitted: Math.max(0, p.pullRequests.length - limit),
  };
}

export interface PortfolioSection {
  id: string;
  title: string;
  table: ReportTable;
  note?: string;
  /** a list of links under the table, with its heading */
  links?: { heading: string; items: { text: string; url: string | null }[] };
}

/** The sections in reading order: id, heading, table. */
export function portfolioSections(p: Portfolio): PortfolioSection[] {
  const reviewed = reviewedLinks(p);
  return [
    { id: 'highlights', title: 'Highlights', table: highlightsTable(p) },
    { id: 'themes', title: 'Themes per quarter', table: themesTable(p) },
    { id: 'classes', title: 'Class mix', table: classMixTable(p) },
    { id: 'skills', title: 'Skills and technologies', table: skillsTable(p) },
    { id: 'flow', title: 'Flow', table: flowTable(p), note: p.flow.benchmark },
    {
      id: 'collaboration',
      title: 'Collaboration',
      table: collaborationTable(p),
      ...(p.collaboration.note ? { note: p.collaboration.note } : {}),
      ...(reviewed.length > 0 ? { links: { heading: 'Pull requests by others they reviewed (most recent per person)', items: reviewed } } : {}),
    },
    { id: 'pull-requests', title: 'All pull requests', table: pullRequestsTable(p) },
  ];
}
