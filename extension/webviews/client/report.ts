/// <reference lib="dom" />
import type { ReportModel } from '../protocol';
import { listen, post, renderError, renderLoading, saveState } from './channel';
import { baseOptions, chartCanvas, destroyCharts, kpi, paletteColor, shorten } from './charts';
import { BAND_VAR, bandOf, date, fmt, h, link, onThemeChange, percent, section, table, themeColor } from './dom';

const root = document.getElementById('app') as HTMLElement;
let current: ReportModel | null = null;

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'report') {
    current = message.model;
    saveState({ kind: 'report', key: message.model.key });
    render(message.model);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) render(current);
});

function render(m: ReportModel): void {
  destroyCharts();
  root.removeAttribute('aria-busy');
  root.replaceChildren(
    header(m),
    kpis(m),
    h('div', { class: 'grid two' }, healthSection(m), activitySection(m)),
    h('div', { class: 'grid two' }, contributorsSection(m), busFactorSection(m)),
    h('div', { class: 'grid two' }, hotspotsSection(m), languagesSection(m)),
    communitySection(m),
    pullRequestsSection(m),
  );
}

function header(m: ReportModel): HTMLElement {
  const s = m.summary;
  const band = bandOf(s.health);
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      {},
      h('h1', {}, m.name),
      h(
        'p',
        { class: 'muted' },
        m.owner ? link(m.owner, () => post({ type: 'openDashboard', owner: m.owner }), `Open the dashboard of ${m.owner}`) : link('Local clones', () => post({ type: 'openDashboard', owner: null }), 'Open the dashboard of local clones'),
        ' · ',
        m.path ?? m.key,
      ),
      m.github?.description ? h('p', { class: 'description' }, m.github.description) : null,
      m.github ? githubLine(m.github) : null,
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
      h('span', { class: `grade-badge band-${band}`, title: `Health ${s.health}/100, grade ${s.grade}`, attrs: { 'data-testid': 'grade' } }, s.grade),
      h('button', { class: 'secondary', onClick: () => post({ type: 'refresh' }) }, 'Refresh'),
      m.source === 'local' ? h('button', { class: 'secondary', onClick: () => post({ type: 'reanalyze', key: m.key }) }, 'Re-analyze') : null,
      h('button', { class: 'secondary', onClick: () => post({ type: 'openMarkdown', key: m.key }) }, 'Open as Markdown'),
    ),
  );
}

function githubLine(g: NonNullable<ReportModel['github']>): HTMLElement {
  return h(
    'p',
    { class: 'github-line' },
    `★ ${fmt.format(g.stars)} · ${fmt.format(g.forks)} forks · ${fmt.format(g.openIssues)} open issues · ${fmt.format(g.openPullRequests)} open pull requests`,
    g.isArchived ? h('span', { class: 'tag warn' }, 'archived') : null,
    g.isFork ? h('span', { class: 'tag' }, 'fork') : null,
    ...g.topics.slice(0, 12).map((t) => h('span', { class: 'tag topic' }, t)),
    g.url ? h('span', {}, ' · ', link('Open on GitHub', () => post({ type: 'openExternal', url: g.url ?? '' }), g.url)) : null,
  );
}

function kpis(m: ReportModel): HTMLElement {
  const s = m.summary;
  return h(
    'div',
    { class: 'kpis' },
    kpi('Health', `${s.health}`, `of 100 · grade ${s.grade}`, `band-${bandOf(s.health)}`),
    kpi('Commits', fmt.format(s.commits), `${fmt.format(s.merges)} merges · last ${date(s.lastCommitAt)}`),
    kpi('Contributors', fmt.format(s.humans), `${s.bots} bots`),
    kpi('Bus factor', `${s.busFactorWindow}`, `last ${s.windowMonths} months · ${s.busFactorAllTime} all time`, s.busFactorWindow <= 1 ? 'band-poor' : ''),
    kpi('Pull requests', fmt.format(s.pullRequests), `${s.pullRequestsInWindow} in window · ${percent(s.reviewedShare)} via PRs`),
    kpi('Releases', fmt.format(s.tags), `${s.releasesLastYear} last year${s.latestRelease ? ` · latest ${s.latestRelease}` : ''}`),
    kpi('Licence', s.license ?? 'none', s.primaryLanguage ? `main language ${s.primaryLanguage}` : 'no main language'),
  );
}

function healthSection(m: ReportModel): HTMLElement {
  const { grid } = baseOptions();
  const measured = m.health.filter((c) => c.score !== null);
  const colors = measured.map((c) => themeColor(...BAND_VAR[bandOf((c.score ?? 0) * 100)]));
  const chart = chartCanvas(`Health breakdown: ${measured.map((c) => `${c.label} ${percent(c.score)}`).join(', ')}`, {
    type: 'bar',
    data: {
      labels: measured.map((c) => c.label),
      datasets: [{ label: 'Score', data: measured.map((c) => Math.round((c.score ?? 0) * 100)), backgroundColor: colors, borderRadius: 3 }],
    },
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { min: 0, max: 100, grid: { color: grid }, ticks: { callback: (v) => `${v}%` } }, y: { grid: { display: false }, ticks: { autoSkip: false, callback: (_v, i) => shorten(measured[i]?.label ?? '', 26) } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (ctx) => `${ctx.parsed.x}%` } } },
    },
  }, 40 + 24 * measured.length);
  const rows = m.health.map((c) => [
    c.label,
    String(c.weight),
    c.score === null ? 'n/a' : percent(c.score),
    c.points.toFixed(1),
    h('span', { class: 'detail' }, c.detail),
  ]);
  return section(
    'Health breakdown',
    'health',
    h('p', { class: 'muted' }, `${m.summary.health}/100 is the weighted sum of the components below; n/a components are left out and their weight is spread over the rest.`),
    chart,
    h('details', {}, h('summary', {}, 'How each component scored'), table(['Component', 'Weight', 'Score', 'Points', 'Why'], rows, { numeric: [1, 2, 3], caption: 'Health components' })),
  );
}

function activitySection(m: ReportModel): HTMLElement {
  const a = m.activity;
  if (!a) return section('Activity', 'activity', h('p', { class: 'muted' }, 'No activity data.'));
  const { grid } = baseOptions();
  const chart = chartCanvas(`Weekly commits over the last ${a.weeks.length} weeks`, {
    type: 'bar',
    data: {
      labels: a.weeks.map((w) => w.week.slice(5)),
      datasets: [
        { type: 'bar', label: 'Commits', data: a.weeks.map((w) => w.commits), backgroundColor: themeColor('charts-blue', '#1a85ff'), borderRadius: 2, order: 2 },
        { type: 'line', label: 'Authors', data: a.weeks.map((w) => w.authors), borderColor: themeColor('charts-orange', '#d18616'), backgroundColor: themeColor('charts-orange', '#d18616'), pointRadius: 2, tension: 0.3, order: 1 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { grid: { display: false } }, y: { beginAtZero: true, grid: { color: grid }, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return section(
    'Activity',
    'activity',
    h('p', { class: 'muted' }, `${a.activeWeeksLast26} of the last 26 weeks had commits · ${fmt.format(a.commitsLast90Days)} commits in the last 90 days · last commit ${a.daysSinceLastCommit} days before the analysis · history since ${date(a.firstCommitAt)}`),
    chart,
  );
}

function person(name: string, email: string): HTMLElement {
  return link(name, () => post({ type: 'openContributor', name, email }), `Repositories ${name} contributed to`);
}

function contributorsSection(m: ReportModel): HTMLElement {
  const busPeople = new Set((m.busFactor?.window.people ?? []).map((p) => p.email.toLowerCase()));
  const rows = m.contributors.map((c) => [
    h('span', { class: 'person' }, person(c.name, c.email), c.isBot ? h('span', { class: 'tag' }, 'bot') : null, busPeople.has(c.email.toLowerCase()) ? h('span', { class: 'tag warn', title: 'Part of the recent bus factor' }, 'key person') : null),
    fmt.format(c.commits),
    fmt.format(c.commitsInWindow),
    h('span', { class: 'diff' }, h('span', { class: 'add' }, `+${fmt.format(c.additions)}`), ' ', h('span', { class: 'del' }, `−${fmt.format(c.deletions)}`)),
    date(c.lastCommitAt),
  ]);
  return section(
    'Contributors',
    'contributors',
    h('p', { class: 'muted' }, `${fmt.format(m.summary.humans)} people and ${m.summary.bots} bots; showing ${m.contributors.length} of ${m.contributorsTotal}. Click a name for the repositories they worked on.`),
    h('div', { class: 'scroll' }, table(['Name', 'Commits', 'Recent', 'Lines', 'Last commit'], rows, { numeric: [1, 2, 3], caption: 'Contributors' })),
  );
}

function busFactorSection(m: ReportModel): HTMLElement {
  const b = m.busFactor;
  if (!b) return section('Bus factor', 'bus-factor', h('p', { class: 'muted' }, 'No bus factor data.'));
  const part = (title: string, p: NonNullable<ReportModel['busFactor']>['window']) =>
    h(
      'div',
      { class: 'bus-part' },
      h('h3', {}, `${title}: ${p.factor}`),
      h('p', { class: 'muted small' }, p.factor === 0 ? 'No human commits.' : `${p.factor === 1 ? 'One person' : `${p.factor} people`} made at least half of ${fmt.format(p.commits)} human commits.`),
      h(
        'ul',
        { class: 'shares' },
        ...p.people.map((x) =>
          h('li', {}, person(x.name, x.email), h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'fill' })), h('span', { class: 'num' }, percent(x.share))),
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

function hotspotsSection(m: ReportModel): HTMLElement {
  const rows = m.hotspots.map((x) => [
    m.source === 'local' ? link(x.path, () => post({ type: 'openFile', key: m.key, path: x.path }), `Open ${x.path}`) : h('code', {}, x.path),
    fmt.format(x.churn),
    fmt.format(x.commits),
    fmt.format(x.authors),
  ]);
  return section(
    'Hotspots',
    'hotspots',
    h('p', { class: 'muted' }, `Files with the most changed lines in the last ${m.summary.windowMonths} months.`),
    rows.length ? h('div', { class: 'scroll' }, table(['File', 'Churn', 'Commits', 'Authors'], rows, { numeric: [1, 2, 3], caption: 'Hotspots' })) : h('p', { class: 'muted' }, 'No changes in the window.'),
  );
}

function languagesSection(m: ReportModel): HTMLElement {
  if (m.languages.length === 0) return section('Languages', 'languages', h('p', { class: 'muted' }, 'No source files recognised.'));
  const top = m.languages.slice(0, 6);
  const rest = m.languages.slice(6).reduce((s, l) => s + l.share, 0);
  const labels = [...top.map((l) => l.language), ...(rest > 0 ? ['Other'] : [])];
  const data = [...top.map((l) => Math.round(l.share * 1000) / 10), ...(rest > 0 ? [Math.round(rest * 1000) / 10] : [])];
  const chart = chartCanvas(`Languages: ${labels.map((l, i) => `${l} ${data[i]}%`).join(', ')}`, {
    type: 'doughnut',
    data: { labels, datasets: [{ data, backgroundColor: labels.map((_, i) => paletteColor(i)), borderWidth: 0 }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (ctx) => `${ctx.label}: ${ctx.parsed}%` } } } },
  }, 200);
  return section('Languages', 'languages', chart, table(['Language', 'Files', 'Share'], m.languages.map((l) => [l.language, fmt.format(l.files), percent(l.share)]), { numeric: [1, 2], caption: 'Languages' }));
}

function communitySection(m: ReportModel): HTMLElement {
  return section(
    'Documentation, community and quality files',
    'community',
    h('ul', { class: 'checklist' }, ...m.community.map((c) => h('li', { class: c.present ? 'yes' : 'no' }, h('span', { class: 'mark', attrs: { 'aria-hidden': 'true' } }, c.present ? '✓' : '✗'), h('strong', {}, c.label), ' ', h('span', { class: 'muted' }, c.detail)))),
  );
}

function pullRequestsSection(m: ReportModel): HTMLElement {
  const p = m.pullRequests;
  const rows = p.items.map((pr) => [
    `#${pr.number}`,
    h('span', { class: 'pr-title' }, pr.title),
    pr.author ? person(pr.author, pr.authorEmail ?? '') : '—',
    date(pr.mergedAt),
    h('span', { class: 'diff' }, h('span', { class: 'add' }, `+${fmt.format(pr.additions)}`), ' ', h('span', { class: 'del' }, `−${fmt.format(pr.deletions)}`)),
    fmt.format(pr.filesChanged),
  ]);
  return section(
    'Pull requests (reconstructed from history)',
    'pull-requests',
    h('p', { class: 'muted' }, `${fmt.format(p.total)} merged pull requests found in the history (${p.merge} merge commits, ${p.squash} squash commits); newest ${p.items.length} shown.`),
    rows.length ? h('div', { class: 'scroll' }, table(['#', 'Title', 'Author', 'Merged', 'Lines', 'Files'], rows, { numeric: [4, 5], caption: 'Pull requests' })) : h('p', { class: 'muted' }, 'No merge or squash commits that name a pull request.'),
  );
}
