/// <reference lib="dom" />
import type { ReportModel } from '../shared/protocol/report';
import { baseOptions, chartCanvas, destroyCharts, kpi, paletteColor, wrapLabel } from './charts';
import { BAND_VAR, bandOf, bytes, date, facts, fmt, h, link, percent, section, table, themeColor } from './dom';

// The repository report, written once: the VS Code report webview
// (extension/webviews/client/report.ts) and the self-contained HTML report
// (webview-client/report-page.ts, inlined by shared/reports/html.ts) both call renderReport
// with the same model. Every repository string goes in through textContent (dom.ts h()).
// A section is a function below and a place in LAYOUT.

/** What the report's links and buttons do; null in the HTML report, where they are plain text. */
export interface ReportActions {
  refresh(): void;
  reanalyze(key: string): void;
  openMarkdown(key: string): void;
  openDashboard(owner: string | null): void;
  openContributor(name: string, email: string): void;
  openFile(key: string, path: string): void;
  openExternal(url: string): void;
}

type Actions = ReportActions | null;
type Section = (m: ReportModel, actions: Actions) => HTMLElement;

/** Replaces `root`'s content with the report of `m` (charts of an earlier rendering are destroyed). */
export function renderReport(root: HTMLElement, m: ReportModel, actions: Actions): void {
  destroyCharts();
  root.removeAttribute('aria-busy');
  const rows = LAYOUT.map((row) => {
    const cards = row.map((section) => section(m, actions));
    return cards.length === 1 ? (cards[0] as HTMLElement) : h('div', { class: 'grid two' }, ...cards);
  });
  root.replaceChildren(header(m, actions), kpis(m), ...rows);
}

/** A name or action: a link when the report can act on it, plain text otherwise. */
function action(label: string, act: (() => void) | null, title?: string): HTMLElement | string {
  return act ? link(label, act, title) : label;
}

function header(m: ReportModel, a: Actions): HTMLElement {
  const s = m.summary;
  const { key, owner } = m.repository;
  const band = bandOf(s.health.score);
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      {},
      h('h1', {}, m.repository.name),
      h(
        'p',
        { class: 'muted' },
        action(owner ?? 'Local clones', a && (() => a.openDashboard(owner)), `Open the dashboard of ${owner ?? 'local clones'}`),
        ' · ',
        m.repository.path ?? key,
      ),
      m.github?.description ? h('p', { class: 'description' }, m.github.description) : null,
      m.github ? githubLine(m.github, a) : null,
      h(
        'p',
        { class: 'muted small' },
        `Analysed ${s.analyzedAt.slice(0, 16).replace('T', ' ')} at ${s.headSha.slice(0, 12)}`,
        s.defaultBranch ? ` on ${s.defaultBranch}` : '',
        s.isShallow ? ' · shallow clone: partial history' : '',
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('span', { class: `grade-badge band-${band}`, title: `Health ${s.health.score}/100, grade ${s.health.grade}`, attrs: { 'data-testid': 'grade' } }, s.health.grade),
      a ? h('button', { class: 'secondary', onClick: () => a.refresh() }, 'Refresh') : null,
      a && m.repository.source === 'local' ? h('button', { class: 'secondary', onClick: () => a.reanalyze(key) }, 'Re-analyze') : null,
      a ? h('button', { class: 'secondary', onClick: () => a.openMarkdown(key) }, 'Open as Markdown') : null,
    ),
  );
}

function githubLine(g: NonNullable<ReportModel['github']>, a: Actions): HTMLElement {
  const url = g.url;
  return h(
    'p',
    { class: 'github-line' },
    `★ ${fmt.format(g.stars)} · ${fmt.format(g.forks)} forks · ${fmt.format(g.openIssues)} open issues · ${fmt.format(g.openPullRequests)} open pull requests`,
    g.isArchived ? h('span', { class: 'tag warn' }, 'archived') : null,
    g.isFork ? h('span', { class: 'tag' }, 'fork') : null,
    ...g.topics.slice(0, 12).map((t) => h('span', { class: 'tag topic' }, t)),
    url ? h('span', {}, ' · ', a ? link('Open on GitHub', () => a.openExternal(url), url) : url) : null,
  );
}

function kpis(m: ReportModel): HTMLElement {
  const s = m.summary;
  return h(
    'div',
    { class: 'kpis' },
    kpi('Health', `${s.health.score}`, `of 100 · grade ${s.health.grade}`, `band-${bandOf(s.health.score)}`),
    kpi('Commits', fmt.format(s.commits), `${fmt.format(s.merges)} merges · last ${date(s.lastCommitAt)}`),
    kpi('Contributors', fmt.format(s.contributors.humans), `${s.contributors.bots} bots`),
    kpi('Bus factor', `${s.busFactor.window}`, `last ${s.windowMonths} months · ${s.busFactor.allTime} all time`, s.busFactor.window <= 1 ? 'band-poor' : ''),
    kpi('Pull requests', fmt.format(s.pullRequests.total), `${s.pullRequests.inWindow} in window · ${percent(s.pullRequests.reviewedShare)} via PRs`),
    kpi('Releases', fmt.format(s.releases.tags), `${s.releases.last365Days} last year${s.releases.latest ? ` · latest ${s.releases.latest}` : ''}`),
    kpi('Licence', s.license ?? 'none', s.primaryLanguage ? `main language ${s.primaryLanguage}` : 'no main language'),
  );
}

// Characters per line of a health component's name on the chart's axis.
const LABEL_LINE = 20;

function summarySection(m: ReportModel): HTMLElement {
  return section('Summary', 'summary', facts(m.facts.summary));
}

function healthSection(m: ReportModel): HTMLElement {
  const { grid } = baseOptions();
  const components = m.health.components;
  // Long names on two lines, so the axis keeps every one whole in a narrow card (issue #9).
  const labels = components.map((c) => wrapLabel(c.score === null ? `${c.label} (n/a)` : c.label, LABEL_LINE));
  const earned = components.map((c) => c.points);
  const missed = components.map((c) => Math.max(0, Math.round((c.possible - c.points) * 10) / 10));
  const described = components.map((c) => (c.score === null ? `${c.label} n/a` : `${c.label} ${c.points.toFixed(1)} of ${c.possible.toFixed(1)}`));
  const chart = chartCanvas(
    `Health points per component, earned of possible: ${described.join(', ')}`,
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: 'Points earned', data: earned, backgroundColor: components.map((c) => themeColor(...BAND_VAR[bandOf(c.score === null ? null : c.score * 100)])), borderRadius: 2 },
          { label: 'Points missed', data: missed, backgroundColor: themeColor('editorWidget-border', 'rgba(128,128,128,0.3)'), borderRadius: 2 },
        ],
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, beginAtZero: true, grid: { color: grid }, title: { display: true, text: 'points of 100' } },
          // Every component is named: autoSkip would drop every other label (issue #9).
          y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (ctx) => (ctx.datasetIndex === 0 ? `${described[ctx.dataIndex] ?? ''} points (score ${percent(components[ctx.dataIndex]?.score ?? null)})` : `missed ${ctx.parsed.x}`) } },
        },
      },
    },
    60 + 32 * components.length,
  );
  const rows = components.map((c) => [c.label, String(c.weight), c.score === null ? 'n/a' : percent(c.score), c.score === null ? '—' : `${c.points.toFixed(1)} of ${c.possible.toFixed(1)}`, h('span', { class: 'detail' }, c.detail)]);
  return section(
    'Health breakdown',
    'health',
    h(
      'p',
      { class: 'muted' },
      `${m.health.score}/100, grade ${m.health.grade}: the sum of the points each component earned (coloured by its score) of those it could earn (grey).`,
      m.facts.healthNote ? ` ${m.facts.healthNote}` : '',
    ),
    chart,
    h('details', {}, h('summary', {}, 'How each component scored'), table(['Component', 'Weight', 'Score', 'Points', 'Why'], rows, { numeric: [1, 2, 3], caption: 'Health components' })),
  );
}

function activitySection(m: ReportModel): HTMLElement {
  const a = m.activity;
  if (a.recentWeeks.length === 0) return section('Activity', 'activity', h('p', { class: 'muted' }, 'No commits in the window.'), facts(m.facts.activity));
  const { grid } = baseOptions();
  const chart = chartCanvas(`Weekly commits over the last ${a.recentWeeks.length} weeks`, {
    type: 'bar',
    data: {
      labels: a.recentWeeks.map((w) => w.week.slice(5)),
      datasets: [
        { type: 'bar', label: 'Commits', data: a.recentWeeks.map((w) => w.commits), yAxisID: 'commits', backgroundColor: themeColor('charts-blue', '#1a85ff'), borderRadius: 2, order: 2 },
        { type: 'line', label: 'Authors', data: a.recentWeeks.map((w) => w.authors), yAxisID: 'authors', borderColor: themeColor('charts-orange', '#d18616'), backgroundColor: themeColor('charts-orange', '#d18616'), pointRadius: 2, tension: 0.3, order: 1 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      // Authors on their own axis: a handful of people would be a flat line on the commits' scale.
      scales: {
        x: { grid: { display: false } },
        commits: { position: 'left', beginAtZero: true, grid: { color: grid }, ticks: { precision: 0 }, title: { display: true, text: 'commits per week' } },
        authors: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'authors' } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return section('Activity', 'activity', chart, facts(m.facts.activity));
}

function person(name: string, email: string, a: Actions): HTMLElement | string {
  return action(name, a && (() => a.openContributor(name, email)), `Repositories ${name} contributed to`);
}

/** Lines added and deleted, coloured as a diff. */
function lineChange(additions: number, deletions: number): HTMLElement {
  return h('span', { class: 'diff' }, h('span', { class: 'add' }, `+${fmt.format(additions)}`), ' ', h('span', { class: 'del' }, `−${fmt.format(deletions)}`));
}

function contributorsSection(m: ReportModel, a: Actions): HTMLElement {
  const c = m.contributors;
  const busPeople = new Set(m.busFactor.window.people.map((p) => p.email.toLowerCase()));
  const people = c.top.map((p, i) => [
    String(i + 1),
    h('span', { class: 'person' }, person(p.name, p.email, a), busPeople.has(p.email.toLowerCase()) ? h('span', { class: 'tag warn', title: 'Part of the recent bus factor' }, 'key person') : null),
    fmt.format(p.commits),
    fmt.format(p.merges),
    lineChange(p.additions, p.deletions),
    fmt.format(p.activeWeeks),
    fmt.format(p.commitsInWindow),
    date(p.firstCommitAt),
    date(p.lastCommitAt),
  ]);
  const bots = c.botAccounts.map((b) => [h('span', { class: 'person' }, person(b.name, b.email, a), h('span', { class: 'tag' }, 'bot')), fmt.format(b.commits), fmt.format(b.merges), lineChange(b.additions, b.deletions), date(b.lastCommitAt)]);
  return section(
    'Contributors',
    'contributors',
    h('p', { class: 'muted' }, `${fmt.format(c.humans)} people and ${fmt.format(c.bots)} bots; the ${c.top.length} people with the most commits, then every bot.${a ? ' Click a name for the repositories they worked on.' : ''}`),
    h(
      'div',
      { class: 'scroll' },
      table(['#', 'Name', 'Commits', 'Merges', 'Lines', 'Active weeks', `Last ${m.summary.windowMonths} months`, 'First commit', 'Last commit'], people, { numeric: [0, 2, 3, 4, 5, 6], caption: 'People, by commits' }),
    ),
    h('h3', { attrs: { id: 'bots' } }, `Bots (${fmt.format(c.bots)})`),
    bots.length
      ? h('div', { class: 'scroll' }, table(['Bot', 'Commits', 'Merges', 'Lines', 'Last commit'], bots, { numeric: [1, 2, 3], caption: 'Bot accounts, by commits' }))
      : h('p', { class: 'muted' }, 'No bot accounts.'),
  );
}

function busFactorSection(m: ReportModel, a: Actions): HTMLElement {
  const b = m.busFactor;
  const part = (title: string, p: ReportModel['busFactor']['window']) =>
    h(
      'div',
      { class: 'bus-part' },
      h('h3', {}, `${title}: ${p.factor}`),
      h('p', { class: 'muted small' }, p.factor === 0 ? 'No human commits.' : `${p.factor === 1 ? 'One person' : `${p.factor} people`} made at least half of ${fmt.format(p.commits)} human commits.`),
      h(
        'ul',
        { class: 'shares' },
        ...p.people.map((x) =>
          h('li', {}, person(x.name, x.email, a), h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'fill' })), h('span', { class: 'num' }, `${fmt.format(x.commits)} commits`), h('span', { class: 'num' }, percent(x.share))),
        ),
      ),
    );
  const el = section('Bus factor', 'bus-factor', part(`Last ${b.windowMonths} months`, b.window), part('All time', b.allTime));
  // Widths set through CSSOM (allowed by the CSP), not inline style attributes.
  const fills = el.querySelectorAll<HTMLElement>('.fill');
  [...b.window.people, ...b.allTime.people].forEach((x, i) => {
    const fill = fills[i];
    if (fill) fill.style.width = `${Math.round(x.share * 100)}%`;
  });
  return el;
}

function hotspotsSection(m: ReportModel, a: Actions): HTMLElement {
  const { key, source } = m.repository;
  const rows = m.hotspots.map((x) => [
    a && source === 'local' ? link(x.path, () => a.openFile(key, x.path), `Open ${x.path}`) : h('code', {}, x.path),
    fmt.format(x.churn),
    lineChange(x.additions, x.deletions),
    fmt.format(x.commits),
    fmt.format(x.authors),
  ]);
  return section(
    'Hotspots',
    'hotspots',
    h('p', { class: 'muted' }, `Files with the most changed lines in the last ${m.summary.windowMonths} months; churn is lines added plus lines deleted.`),
    rows.length ? h('div', { class: 'scroll' }, table(['File', 'Churn', 'Lines', 'Commits', 'Authors'], rows, { numeric: [1, 2, 3, 4], caption: 'Hotspots' })) : h('p', { class: 'muted' }, 'No changes in the window.'),
  );
}

function languagesSection(m: ReportModel): HTMLElement {
  if (m.languages.length === 0) return section('Languages', 'languages', h('p', { class: 'muted' }, 'No source files recognised.'));
  const top = m.languages.slice(0, 6);
  const rest = m.languages.slice(6).reduce((s, l) => s + l.share, 0);
  const labels = [...top.map((l) => l.language), ...(rest > 0 ? ['Other'] : [])];
  const data = [...top.map((l) => Math.round(l.share * 1000) / 10), ...(rest > 0 ? [Math.round(rest * 1000) / 10] : [])];
  const chart = chartCanvas(
    `Languages: ${labels.map((l, i) => `${l} ${data[i]}%`).join(', ')}`,
    {
      type: 'doughnut',
      data: { labels, datasets: [{ data, backgroundColor: labels.map((_, i) => paletteColor(i)), borderWidth: 0 }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${ctx.parsed}%` } } } },
    },
    200,
  );
  return section('Languages', 'languages', chart, table(['Language', 'Files', 'Size', 'Share'], m.languages.map((l) => [l.language, fmt.format(l.files), bytes(l.bytes), percent(l.share)]), { numeric: [1, 2, 3], caption: 'Languages' }));
}

function listed(items: string[]): string {
  return items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', ');
}

/** The checklist rows: label, found, where. */
function communityItems(f: ReportModel['communityFiles']): [string, boolean, string][] {
  const file = (label: string, path: string | null): [string, boolean, string] => [label, path !== null, path ?? 'not found'];
  const list = (label: string, items: string[]): [string, boolean, string] => [label, items.length > 0, items.length > 0 ? listed(items) : 'not found'];
  return [
    file('README', f.readme),
    ['Licence', f.license !== null, f.license ? `${f.license.spdxId ?? 'unrecognised'} (${f.license.path})` : 'not found'],
    file('Contributing guide', f.contributing),
    file('Code of conduct', f.codeOfConduct),
    file('Security policy', f.security),
    file('Changelog', f.changelog),
    file('Citation', f.citation),
    list('CI', f.ci),
    ['Tests', f.tests.present, f.tests.present ? `${fmt.format(f.tests.files)} test files${f.tests.examples.length ? `, e.g. ${listed(f.tests.examples)}` : ''}` : 'not found'],
    list('Linters', f.linters),
    list('Dependency updates', f.dependencyUpdates),
  ];
}

function communitySection(m: ReportModel): HTMLElement {
  return section(
    'Documentation, community and quality files',
    'community',
    h(
      'ul',
      { class: 'checklist' },
      ...communityItems(m.communityFiles).map(([label, present, detail]) =>
        h('li', { class: present ? 'yes' : 'no' }, h('span', { class: 'mark', attrs: { 'aria-hidden': 'true' } }, present ? '✓' : '✗'), h('strong', {}, label), ' ', h('span', { class: 'muted' }, detail)),
      ),
    ),
  );
}

function pullRequestsSection(m: ReportModel, a: Actions): HTMLElement {
  const p = m.pullRequests;
  const rows = p.recent.map((pr) => [
    `#${pr.number}`,
    h('span', { class: 'pr-title' }, pr.title),
    pr.author ? person(pr.author.name, pr.author.email, a) : '—',
    date(pr.mergedAt),
    lineChange(pr.additions, pr.deletions),
    fmt.format(pr.filesChanged),
  ]);
  const github = m.repository.source === 'github';
  return section(
    github ? 'Pull requests' : 'Pull requests (reconstructed from history)',
    'pull-requests',
    h(
      'p',
      { class: 'muted' },
      github
        ? `${fmt.format(p.total)} merged pull requests; newest ${p.recent.length} shown.`
        : `${fmt.format(p.total)} merged pull requests found in the history (${p.merge} merge commits, ${p.squash} squash commits); newest ${p.recent.length} shown.`,
    ),
    rows.length ? h('div', { class: 'scroll' }, table(['#', 'Title', 'Author', 'Merged', 'Lines', 'Files'], rows, { numeric: [4, 5], caption: 'Pull requests' })) : h('p', { class: 'muted' }, 'No merge or squash commits that name a pull request.'),
  );
}

// The report's sections in reading order, one row each; a row of two is laid out side by side.
const LAYOUT: Section[][] = [[summarySection], [healthSection, activitySection], [contributorsSection], [busFactorSection, languagesSection], [hotspotsSection], [communitySection], [pullRequestsSection]];
