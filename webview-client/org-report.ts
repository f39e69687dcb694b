/// <reference lib="dom" />
import type { OrgReportModel } from '../shared/protocol/org-report';
import { baseOptions, chartCanvas, destroyCharts, kpi, paletteColor, shorten } from './charts';
import { BAND_VAR, bandOf, date, fmt, h, link, percent, section, table, themeColor } from './dom';
import { communityColor, destroyGraph, drawGraph } from './org-graph';

// The organization report, written once: the VS Code dashboard
// (extension/webviews/client/dashboard.ts) and the self-contained HTML organization report
// (webview-client/org-page.ts, inlined by shared/reports/org-html.ts) both call
// renderOrgReport with the same model. Every repository and person string goes in through
// textContent (dom.ts h()). A section is a function below and a line in renderOrgReport.

/** What the report's links and buttons do; null in the HTML report, where they are plain text. */
export interface OrgReportActions {
  refresh(): void;
  openRepository(key: string): void;
  openContributor(name: string, email: string): void;
  openExternal(url: string): void;
}

type Actions = OrgReportActions | null;
type Row = (HTMLElement | string)[];

/** Replaces `root`'s content with the report of `m` (charts and graph of an earlier rendering are destroyed). */
export function renderOrgReport(root: HTMLElement, m: OrgReportModel, actions: Actions): void {
  destroyCharts();
  destroyGraph();
  root.removeAttribute('aria-busy');
  const pair = (a: HTMLElement | null, b: HTMLElement | null) => (a && b ? h('div', { class: 'grid two' }, a, b) : (a ?? b));
  const parts = [
    header(m, actions),
    kpis(m),
    m.overview.length ? section('Overview', 'overview', facts(m.overview)) : null,
    pair(healthSection(m), languagesSection(m)),
    pair(componentsSection(m), rankedSection(m, 'worst', actions)),
    rankedSection(m, 'best', actions),
    activitySection(m),
    networkSection(m, actions),
    topicsSection(m),
    citationsSection(m, actions),
    repositoriesSection(m, actions),
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt.format(n)} ${n === 1 ? one : many}`;
}

/** A repository name: a link to its report when the report can act, plain text otherwise. */
function repository(name: string, key: string | null, a: Actions): HTMLElement | string {
  return a && key ? link(name, () => a.openRepository(key), `Open the report of ${name}`) : name;
}

/** "…and N more" under a list cut short. */
function more(shown: number, total: number): HTMLElement | null {
  return total > shown ? h('p', { class: 'muted small' }, `…and ${fmt.format(total - shown)} more.`) : null;
}

function facts(list: OrgReportModel['overview']): HTMLElement {
  return h('dl', { class: 'facts' }, ...list.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]));
}

function chip(health: number | null, grade: string | null): HTMLElement {
  return h('span', { class: `grade-chip band-${bandOf(health)}` }, health === null ? 'n/a' : `${health} ${grade ?? ''}`.trim());
}

function header(m: OrgReportModel, a: Actions): HTMLElement {
  const o = m.owner;
  const k = m.kpis;
  const health = k.medianHealth !== null ? ` · median health ${k.medianHealth}` : k.averageHealth !== null ? ` · average health ${k.averageHealth}` : '';
  const origin = [o.kind ? o.kind.toLowerCase() : null, o.host ? `on ${o.host}` : null, m.analyzedAt ? `researched ${date(m.analyzedAt)}` : null].filter(Boolean).join(' ');
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      {},
      h('h1', {}, o.title),
      o.description ? h('p', { class: 'description' }, o.description) : null,
      h('p', { class: 'muted' }, `${plural(k.repositories, 'repository', 'repositories')} · ${plural(m.network.people, 'person', 'people')}${health}`, origin ? ` · ${origin}` : ''),
    ),
    a ? h('div', { class: 'actions' }, h('button', { class: 'secondary', onClick: () => a.refresh() }, 'Refresh')) : null,
  );
}

function kpis(m: OrgReportModel): HTMLElement {
  const k = m.kpis;
  const health = k.medianHealth ?? k.averageHealth;
  const state = [k.active === null ? null : `${k.active} active`, k.dormant === null ? null : `${k.dormant} dormant`, k.archived === null ? null : `${k.archived} archived`].filter(Boolean).join(' · ');
  return h(
    'div',
    { class: 'kpis' },
    kpi(k.medianHealth !== null || k.averageHealth === null ? 'Median health' : 'Average health', health === null ? 'n/a' : String(health), 'of 100', `band-${bandOf(health)}`),
    kpi('Repositories', fmt.format(k.repositories), state || `${m.repositories.filter((r) => r.health !== null).length} with a health score`),
    kpi('Contributors', fmt.format(k.contributors), k.communities === null ? 'people in the graph' : plural(k.communities, 'community', 'communities')),
    k.stars === null ? null : kpi('Stars', fmt.format(k.stars), 'across repositories'),
    k.pullRequestsMerged === null ? null : kpi('Pull requests', fmt.format(k.pullRequestsMerged), 'merged in the window'),
    k.repositoriesWithCitations === null ? null : kpi('Citations', fmt.format(k.repositoriesWithCitations), 'repositories cite research'),
  );
}

// Score buckets 0-9 … 90-100 coloured by the grade they fall in (A from 80, B 65, C 50, D 35).
const BUCKET_BAND: [string, string][] = [BAND_VAR.poor, BAND_VAR.poor, BAND_VAR.poor, ['charts-orange', '#d18616'], ['charts-orange', '#d18616'], BAND_VAR.weak, BAND_VAR.fair, BAND_VAR.fair, BAND_VAR.good, BAND_VAR.good];
const GRADE_BAND: Record<string, [string, string]> = { A: BAND_VAR.good, B: BAND_VAR.fair, C: BAND_VAR.weak, D: ['charts-orange', '#d18616'], F: BAND_VAR.poor, 'n/a': BAND_VAR.unknown };

function healthSection(m: OrgReportModel): HTMLElement {
  const { grid } = baseOptions();
  const hh = m.health;
  const grades = hh.grades.map((g) => `${g.grade} ${g.count}`).join(', ');
  const scale = (title: string) => ({ beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid }, title: { display: true, text: title } });
  const chart = hh.histogram.length
    ? chartCanvas(`Repositories per health score bucket: ${hh.histogram.map((b) => `${b.bucket} ${b.count}`).join(', ')}`, {
        type: 'bar',
        data: { labels: hh.histogram.map((b) => b.bucket), datasets: [{ label: 'Repositories', data: hh.histogram.map((b) => b.count), backgroundColor: hh.histogram.map((_, i) => themeColor(...(BUCKET_BAND[i] ?? BAND_VAR.unknown))), borderRadius: 2 }] },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { grid: { display: false }, title: { display: true, text: 'health score' } }, y: scale('repositories') } },
      })
    : chartCanvas(`Repositories per health grade: ${grades}`, {
        type: 'bar',
        data: { labels: hh.grades.map((g) => g.grade), datasets: [{ label: 'Repositories', data: hh.grades.map((g) => g.count), backgroundColor: hh.grades.map((g) => themeColor(...(GRADE_BAND[g.grade] ?? BAND_VAR.unknown))), borderRadius: 3 }] },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { grid: { display: false } }, y: scale('repositories') } },
      });
  const scope = hh.ranked === null ? '' : `Health of the ${plural(hh.ranked, 'ranked repository', 'ranked repositories')} (archived, forks and empty ones are listed below but not ranked). `;
  return section('Health distribution', 'health', h('p', { class: 'muted' }, `${scope}Grades: ${grades}.`), chart);
}

function languagesSection(m: OrgReportModel): HTMLElement {
  if (m.languages.length === 0) return section('Language mix', 'languages', h('p', { class: 'muted' }, 'No main languages recorded.'));
  const byCode = m.languages.some((l) => l.share !== null);
  const value = (l: OrgReportModel['languages'][number]) => (byCode ? Math.round((l.share ?? 0) * 1000) / 10 : l.repositories);
  // The six largest and the rest as "Other": the palette has six colours.
  const sorted = [...m.languages].sort((a, b) => value(b) - value(a)).filter((l) => value(l) > 0);
  const rest = Math.round(sorted.slice(6).reduce((s, l) => s + value(l), 0) * 10) / 10;
  const labels = [...sorted.slice(0, 6).map((l) => l.language), ...(rest > 0 ? ['Other'] : [])];
  const data = [...sorted.slice(0, 6).map(value), ...(rest > 0 ? [rest] : [])];
  const unit = byCode ? '%' : '';
  const chart = chartCanvas(
    `${byCode ? 'Share of code by language' : 'Main language of each repository'}: ${labels.map((l, i) => `${l} ${data[i]}${unit}`).join(', ')}`,
    {
      type: 'doughnut',
      data: { labels, datasets: [{ data, backgroundColor: labels.map((_, i) => (i < 6 ? paletteColor(i) : themeColor('disabledForeground', '#888888'))), borderWidth: 0 }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${ctx.parsed}${unit}` } } } },
    },
    220,
  );
  const shown = m.languages.slice(0, 15);
  const rows = shown.map((l) => [l.language, ...(byCode ? [percent(l.share)] : []), plural(l.repositories, 'repository', 'repositories')]);
  return section(
    'Language mix',
    'languages',
    chart,
    table(['Language', ...(byCode ? ['Share of code'] : []), 'Primary in'], rows, { numeric: byCode ? [1, 2] : [1], caption: 'Languages' }),
    more(shown.length, m.languages.length),
  );
}

function componentsSection(m: OrgReportModel): HTMLElement | null {
  const components = m.health.components;
  if (components.length === 0) return null;
  const bars = h(
    'ul',
    { class: 'shares' },
    ...components.map((c) => {
      const fill = h('span', { class: 'fill' });
      // Widths set through CSSOM (allowed by the CSP), not inline style attributes.
      fill.style.width = `${Math.round(c.averageScore * 100)}%`;
      return h('li', {}, h('span', {}, c.label), h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, fill), h('span', { class: 'num' }, percent(c.averageScore)));
    }),
  );
  const rows = components.map((c) => [c.label, fmt.format(c.weight), percent(c.averageScore), fmt.format(c.measured)]);
  return section(
    'Where health points are lost',
    'components',
    h('p', { class: 'muted' }, 'Average score of each health component across the ranked repositories, weakest first.'),
    bars,
    h('details', {}, h('summary', {}, 'Weights and how many repositories were measured'), table(['Component', 'Weight', 'Average score', 'Repositories measured'], rows, { numeric: [1, 2, 3], caption: 'Health components' })),
  );
}

function rankedSection(m: OrgReportModel, which: 'best' | 'worst', a: Actions): HTMLElement | null {
  const list = m.health[which];
  if (list.length === 0 && m.health.components.length === 0) return null;
  const [title, id, none] = which === 'worst' ? ['Needs attention', 'worst', 'Nothing stands out.'] : ['Best repositories', 'best', 'No ranked repositories.'];
  return section(
    title,
    id,
    list.length === 0
      ? h('p', { class: 'muted' }, none)
      : h(
          'ul',
          { class: 'plain' },
          ...list.map((r) =>
            h(
              'li',
              {},
              repository(r.name, r.key, a),
              ' ',
              chip(r.health, r.grade),
              h('span', { class: 'muted small' }, ` bus factor ${r.busFactor}`),
              r.reasons.length ? h('div', { class: 'muted small' }, r.reasons.join(' · ')) : null,
            ),
          ),
        ),
  );
}

function activitySection(m: OrgReportModel): HTMLElement | null {
  const act = m.activity;
  if (!act) return null;
  const { grid } = baseOptions();
  const weeks = act.weeks;
  const chart = weeks.length
    ? chartCanvas(`Weekly commits and active repositories over the last ${weeks.length} weeks`, {
        type: 'bar',
        data: {
          labels: weeks.map((w) => w.week.slice(5)),
          datasets: [
            { type: 'bar', label: 'Commits', data: weeks.map((w) => w.commits), yAxisID: 'commits', backgroundColor: themeColor('charts-blue', '#1a85ff'), borderRadius: 2, order: 2 },
            { type: 'line', label: 'Active repositories', data: weeks.map((w) => w.repositories), yAxisID: 'repos', borderColor: themeColor('charts-orange', '#d18616'), backgroundColor: themeColor('charts-orange', '#d18616'), pointRadius: 0, borderWidth: 1.5, tension: 0.3, order: 1 },
          ],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { grid: { display: false }, ticks: { maxTicksLimit: 12, maxRotation: 0 } },
            commits: { position: 'left', beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid }, title: { display: true, text: 'commits per week' } },
            repos: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: 'repositories' } },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      })
    : h('p', { class: 'muted' }, 'No commits in the window.');
  return section('Activity', 'activity', chart, facts(act.facts));
}

function networkSection(m: OrgReportModel, a: Actions): HTMLElement {
  const net = m.network;
  const container = h('div', { class: 'graph', role: 'img', ariaLabel: `Collaboration network: ${net.shownRepositories} repositories and ${net.shownPeople} people; a line joins a person to each repository they contributed to.` });
  const hint = a ? 'Click a repository to open its report, a person to see their repositories; drag to rearrange, scroll to zoom.' : 'Click a node to highlight its neighbours; drag to rearrange, scroll to zoom.';
  const selection = h('p', { class: 'muted small', attrs: { 'aria-live': 'polite' } }, hint);
  drawGraph(container, net, selection, a);
  const shown =
    net.shownPeople < net.people || net.shownRepositories < net.repositories
      ? ` Showing the ${fmt.format(net.shownPeople)} most connected of ${plural(net.people, 'person', 'people')} and ${fmt.format(net.shownRepositories)} of ${plural(net.repositories, 'repository', 'repositories')}.`
      : '';
  const communities = net.communities.slice(0, 8);
  const legend = communities.length
    ? h(
        'p',
        { class: 'legend muted small' },
        ...communities.map((c) => {
          const dot = h('span', { class: 'dot', attrs: { 'aria-hidden': 'true' } });
          dot.style.background = communityColor(c.id);
          return h('span', {}, dot, `community ${c.id + 1} (${c.people.length})`);
        }),
        h('span', {}, h('span', { class: 'dot square', attrs: { 'aria-hidden': 'true' } }), 'repository, coloured by health'),
      )
    : null;
  const researched = m.overview.length > 0;
  const sub = (title: string, items: unknown[], build: () => HTMLElement, total: number) =>
    researched || items.length ? [h('h3', {}, title), items.length ? build() : h('p', { class: 'muted' }, 'None found.'), more(items.length, total)] : [];
  return section(
    'Collaboration network',
    'network',
    h('p', { class: 'muted' }, `People (circles${communities.length ? ', coloured by community' : ''}) linked to the repositories (squares, coloured by health) they contributed to; bigger means more shared work.${shown}${net.notes.length ? ` ${net.notes.join(' ')}` : ''}`),
    container,
    selection,
    legend,
    ...sub('Most central people', net.central, () => centralTable(net.central, a), net.people),
    ...sub('Communities', net.communities, () => communityTable(net.communities), m.kpis.communities ?? net.communities.length),
    ...sub('Bus factor risk', net.busFactorRisk, () => riskTable(net.busFactorRisk), net.atRisk),
  );
}

function person(login: string, a: Actions): HTMLElement | string {
  return a ? link(login, () => a.openContributor(login, login), `Repositories ${login} contributed to`) : login;
}

function centralTable(people: OrgReportModel['network']['central'], a: Actions): HTMLElement {
  const rows: Row[] = people.map((p) => [person(p.login, a), fmt.format(p.repositories), fmt.format(p.contributions), fmt.format(p.collaborators), fmt.format(p.strength), (p.betweenness * 100).toFixed(1), fmt.format(p.community + 1)]);
  return h('div', { class: 'scroll' }, table(['Person', 'Repositories', 'Contributions', 'Collaborators', 'Shared work', 'Betweenness', 'Community'], rows, { numeric: [1, 2, 3, 4, 5, 6], caption: 'Most central people' }));
}

function listed(items: string[], limit: number): string {
  if (items.length === 0) return '—';
  return items.length > limit ? `${items.slice(0, limit).join(', ')} and ${items.length - limit} more` : items.join(', ');
}

function communityTable(communities: OrgReportModel['network']['communities']): HTMLElement {
  const rows = communities.map((c) => [fmt.format(c.id + 1), listed(c.people, 8), listed(c.repositories, 8)]);
  return h('div', { class: 'scroll' }, table(['Community', 'People', 'Repositories it mostly works on'], rows, { numeric: [0], caption: 'Communities' }));
}

function riskTable(risky: OrgReportModel['network']['busFactorRisk']): HTMLElement {
  const rows = risky.map((x) => [x.name, fmt.format(x.busFactor), x.busFactorWindow === null ? '—' : fmt.format(x.busFactorWindow), x.topContributor ?? '—', percent(x.share)]);
  return h('div', { class: 'scroll' }, table(['Repository', 'Bus factor (all time)', 'Bus factor (window)', 'Top contributor', 'Their share'], rows, { numeric: [1, 2, 4], caption: 'Bus factor risk' }));
}

function topicsSection(m: OrgReportModel): HTMLElement | null {
  const t = m.topics;
  if (!t) return null;
  const source = { github: 'GitHub topic', keyword: 'keyword', both: 'topic and keyword' } as const;
  return section(
    'Topics',
    'topics',
    h('p', { class: 'muted' }, `${plural(t.clusterCount, 'cluster')} of terms that occur together: GitHub topics plus keywords from descriptions and READMEs.`),
    t.clusters.length === 0
      ? h('p', { class: 'muted' }, 'No clusters: too few shared terms.')
      : h(
          'ul',
          { class: 'plain' },
          ...t.clusters.map((c) =>
            h(
              'li',
              {},
              h('strong', {}, c.label),
              h('span', { class: 'muted small' }, ` ${plural(c.repositories.length, 'repository', 'repositories')}`),
              h('div', {}, ...c.terms.map((term) => h('span', { class: 'tag topic' }, term))),
              h('div', { class: 'muted small' }, `e.g. ${listed(c.repositories, 6)}`),
            ),
          ),
        ),
    more(t.clusters.length, t.clusterCount),
    h('h3', {}, 'Most common terms'),
    t.terms.length ? h('div', { class: 'scroll' }, table(['Term', 'Source', 'Repositories'], t.terms.map((x) => [x.term, source[x.source], fmt.format(x.repositories)]), { numeric: [2], caption: 'Most common terms' })) : h('p', { class: 'muted' }, 'None found.'),
    more(t.terms.length, t.termCount),
  );
}

function citationsSection(m: OrgReportModel, a: Actions): HTMLElement | null {
  const c = m.citations;
  if (!c) return null;
  const n = c.counts;
  const kind = { doi: 'DOI', arxiv: 'arXiv', zenodo: 'Zenodo' } as const;
  const files = c.files.map((x) => [x.name, x.title ?? '—', listed(x.authors, 4), x.version ?? '—', x.doi ?? '—', x.problems.join('; ') || '—']);
  const references: Row[] = c.references.map((r) => [kind[r.kind], a ? link(r.id, () => a.openExternal(r.url), r.url) : r.id, h('span', { class: 'detail' }, r.url), listed(r.repositories, 6)]);
  return section(
    'Citations',
    'citations',
    h(
      'p',
      { class: 'muted' },
      `${plural(n.repositoriesWithCitations, 'repository cites', 'repositories cite')} research: ${plural(n.citationFiles, 'CITATION.cff file')}; ${plural(n.dois, 'DOI')}, ${plural(n.arxiv, 'arXiv reference')} and ${plural(n.zenodo, 'Zenodo record')} found in READMEs and citation files.`,
    ),
    h('h3', {}, 'Citation files'),
    files.length ? h('div', { class: 'scroll' }, table(['Repository', 'Title', 'Authors', 'Version', 'DOI', 'Problems'], files, { caption: 'Citation files' })) : h('p', { class: 'muted' }, 'None found.'),
    more(files.length, n.citationFiles),
    h('h3', {}, 'References'),
    references.length ? h('div', { class: 'scroll' }, table(['Kind', 'Identifier', 'Link', 'Cited by'], references, { caption: 'References' })) : h('p', { class: 'muted' }, 'None found.'),
    more(references.length, n.dois + n.arxiv + n.zenodo),
  );
}

function repositoriesSection(m: OrgReportModel, a: Actions): HTMLElement {
  type R = OrgReportModel['repositories'][number];
  const known = (pick: (r: R) => unknown) => m.repositories.some((r) => pick(r) !== null && pick(r) !== '');
  const count = (n: number | null) => (n === null ? '—' : fmt.format(n));
  // Only the columns the source knows: the local clones have no stars or push dates.
  type Column = { label: string; cell: (r: R) => HTMLElement | string; numeric?: boolean; shown?: boolean };
  const all: Column[] = [
    { label: 'Repository', cell: (r) => repository(r.name, r.key, a) },
    { label: 'Description', cell: (r) => shorten(r.description ?? '—', 120), shown: known((r) => r.description) },
    { label: 'Health', cell: (r) => chip(r.health, r.grade) },
    { label: 'Language', cell: (r) => r.language ?? '—' },
    { label: 'Stars', cell: (r) => count(r.stars), numeric: true, shown: known((r) => r.stars) },
    { label: 'Contributors', cell: (r) => count(r.contributors), numeric: true, shown: known((r) => r.contributors) },
    { label: 'Bus factor', cell: (r) => count(r.busFactor), numeric: true },
    { label: 'Last push', cell: (r) => date(r.pushedAt), shown: known((r) => r.pushedAt) },
    { label: 'Last commit', cell: (r) => date(r.lastCommitAt), shown: known((r) => r.lastCommitAt) },
    { label: 'Notes', cell: (r) => r.notes, shown: known((r) => r.notes) },
  ];
  const columns = all.filter((c) => c.shown !== false);
  const numeric = columns.flatMap((c, i) => (c.numeric ? [i] : []));
  return section(
    'Repositories',
    'repositories',
    h('div', { class: 'scroll' }, table(columns.map((c) => c.label), m.repositories.map((r) => columns.map((c) => c.cell(r))), { numeric, caption: 'Repositories' })),
    more(m.repositories.length, m.kpis.repositories),
  );
}
