import type { OrganizationResearch } from '../research/org-types';
import { chartJsSource } from './chart-bundle';
import { cytoscapeSource } from './cytoscape-bundle';
import { escapeHtml } from './escape';
import type { Fact } from './facts';
import { formatDay, formatInteger, plural } from './format';
import { renderHtmlPage } from './html-page';
import { renderHtmlTable } from './html-table';
import { reportCss } from './html-style';
import { orgClientScript } from './org-client';
import { activityFactsOrg, organizationFacts } from './org-facts';
import { orgGraphData } from './org-graph-data';
import {
  busFactorRiskTable,
  centralPeopleTable,
  citationFileTable,
  citationTable,
  clusterTable,
  communityTable,
  componentTable,
  orgLanguageTable,
  rankedTable,
  repositoryTable,
  topicTable,
} from './org-tables';

const ORG_CSS = `
#org-graph { height: 620px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; color: var(--muted); margin: 8px 0 0; }
.legend span::before { content: ''; display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; background: var(--dot); vertical-align: -1px; }
.legend span.repo::before { border-radius: 2px; background: var(--track); border: 1px solid var(--muted); }
.clusters { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; margin-bottom: 12px; }
.cluster { border: 1px solid var(--border); border-radius: 10px; padding: 10px 12px; }
.cluster h3 { margin: 0 0 6px; font-size: 14px; color: var(--text); overflow-wrap: anywhere; }
.cluster p { margin: 0; font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
`;

function card(id: string, title: string, body: string): string {
  return `<section class="card" id="${id}">\n<h2>${escapeHtml(title)}</h2>\n${body}\n</section>`;
}

function facts(list: Fact[]): string {
  return `<dl class="facts">\n${list.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('\n')}\n</dl>`;
}

const note = (text: string) => `<p class="note">${escapeHtml(text)}</p>`;
const chart = (id: string, label: string) => `<div class="chart"><canvas id="${id}" role="img" aria-label="${escapeHtml(label)}"></canvas></div>`;

function stats(r: OrganizationResearch): string {
  const items: [string, string][] = [
    [formatInteger(r.totals.repositories), 'repositories'],
    [r.health.median === null ? '—' : formatInteger(r.health.median), 'median health'],
    [formatInteger(r.totals.contributors), 'human contributors'],
    [formatInteger(r.totals.active), 'active in 90 days'],
    [formatInteger(r.activity.pullRequestsMergedInWindow), 'PRs merged in window'],
    [formatInteger(r.citations.counts.repositoriesWithCitations), 'repositories with citations'],
  ];
  return `<div class="stats" id="overview">\n${items.map(([v, l]) => `<div class="stat"><span class="value">${escapeHtml(v)}</span><span class="label">${escapeHtml(l)}</span></div>`).join('\n')}\n</div>`;
}

function clusterCards(r: OrganizationResearch): string {
  if (r.topics.clusters.length === 0) return note('No clusters: too few shared terms.');
  const cards = r.topics.clusters.slice(0, 12).map(
    (c) => `<div class="cluster"><h3>${escapeHtml(c.label)}</h3><p>${escapeHtml(plural(c.repositories.length, 'repository', 'repositories'))}: ${escapeHtml(c.repositories.slice(0, 6).join(', '))}${c.repositories.length > 6 ? '…' : ''}</p><p>terms: ${escapeHtml(c.terms.slice(0, 8).join(', '))}</p></div>`,
  );
  return `<div class="clusters">\n${cards.join('\n')}\n</div>`;
}

/**
 * Returns the organization report as one self-contained HTML document: tables rendered
 * here, charts by inlined Chart.js, the collaboration graph by inlined cytoscape (see
 * renderHtmlPage for the CSP).
 */
export function renderOrganizationHtml(r: OrganizationResearch): string {
  const graph = orgGraphData(r);
  const weeks = r.activity.weeks.slice(-52);
  const data = {
    health: { labels: r.health.histogram.map((b) => b.bucket), counts: r.health.histogram.map((b) => b.count) },
    languages: { labels: r.languages.slice(0, 8).map((l) => l.language), shares: r.languages.slice(0, 8).map((l) => Math.round(l.share * 1000) / 10) },
    activity: { weeks: weeks.map((w) => w.week), commits: weeks.map((w) => w.commits), repositories: weeks.map((w) => w.repositories) },
    graph,
  };
  const communities = r.network.communities.slice(0, 8).map((c, i) => `<span style="--dot: var(--c${(i % 8) + 1})">community ${i + 1} (${c.people.length})</span>`).join('');
  const sections = [
    card('summary', 'Overview', facts(organizationFacts(r))),
    card(
      'health',
      'Health distribution',
      [
        note(`Health of the ${plural(r.totals.ranked, 'ranked repository', 'ranked repositories')} (archived, forks and empty ones are listed below but not ranked). Grades: ${(['A', 'B', 'C', 'D', 'F'] as const).map((g) => `${g} ${r.health.grades[g]}`).join(', ')}.`),
        chart('org-health-chart', 'Repositories per health score bucket'),
        '<h3>Best repositories</h3>',
        renderHtmlTable(rankedTable(r.health.best, 'strengths')),
        '<h3>Worst repositories</h3>',
        renderHtmlTable(rankedTable(r.health.worst, 'weaknesses')),
        '<h3>Where the organization loses points</h3>',
        renderHtmlTable(componentTable(r)),
      ].join('\n'),
    ),
    card('languages', 'Languages', `<div class="split chart-first">${chart('org-languages-chart', 'Share of code by language')}<div>${renderHtmlTable(orgLanguageTable(r))}</div></div>`),
    card('activity', 'Activity', `${chart('org-activity-chart', 'Weekly commits and active repositories')}\n${facts(activityFactsOrg(r))}`),
    card('topics', 'Topic clusters', `${note('GitHub topics plus keywords from descriptions and READMEs, grouped by how often they occur together.')}\n${clusterCards(r)}\n${renderHtmlTable(clusterTable(r))}\n<h3>Most common terms</h3>\n${renderHtmlTable(topicTable(r))}`),
    card(
      'network',
      'Collaboration network',
      [
        note(
          `People (circles, coloured by community, sized by shared work) and the repositories they contribute to (squares). Showing the ${graph.shownPeople} most connected of ${graph.totalPeople} people and ${graph.shownRepositories} of ${graph.totalRepositories} repositories; the full graph is in graph.json. ${r.network.notes.join(' ')}`,
        ),
        '<div id="org-graph" role="img" aria-label="Collaboration graph"></div>',
        `<p class="legend">${communities}<span class="repo">repository</span></p>`,
        '<h3>Most central people</h3>',
        renderHtmlTable(centralPeopleTable(r)),
        '<h3>Communities</h3>',
        renderHtmlTable(communityTable(r)),
        '<h3>Bus factor risk</h3>',
        renderHtmlTable(busFactorRiskTable(r)),
      ].join('\n'),
    ),
    card(
      'citations',
      'Citations',
      [
        note(
          `${plural(r.citations.counts.citationFiles, 'CITATION.cff file')}; ${plural(r.citations.counts.dois, 'DOI')}, ${plural(r.citations.counts.arxiv, 'arXiv reference')} and ${plural(r.citations.counts.zenodo, 'Zenodo record')} found in READMEs and citation files.`,
        ),
        '<h3>Citation files</h3>',
        renderHtmlTable(citationFileTable(r)),
        '<h3>References</h3>',
        renderHtmlTable(citationTable(r)),
      ].join('\n'),
    ),
    card('repositories', 'All repositories', renderHtmlTable(repositoryTable(r))),
  ];
  return renderHtmlPage({
    title: `RepoScout · ${r.owner.login}`,
    css: reportCss() + ORG_CSS,
    body: `<header class="top">
<div>
<p class="eyebrow">RepoScout organization report</p>
<h1>${escapeHtml(r.owner.login)}</h1>
<p class="meta">${escapeHtml([r.owner.name, r.owner.description, `${r.owner.host}`, `researched ${formatDay(r.analyzedAt)}`].filter((x): x is string => Boolean(x)).join(' · '))}</p>
</div>
</header>
<main>
${stats(r)}
${sections.join('\n')}
</main>
<footer>Generated by RepoScout from the GitHub API on ${escapeHtml(formatDay(r.analyzedAt))}. This file is self-contained and makes no network requests.</footer>`,
    data,
    scripts: [chartJsSource(), cytoscapeSource(), orgClientScript()],
  });
}
