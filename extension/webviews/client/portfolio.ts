/// <reference lib="dom" />
import type { PortfolioModel } from '../protocol';
import { listen, post, renderError, renderLoading, saveState } from './channel';
import { baseOptions, chartCanvas, destroyCharts, kpi, paletteColor, shorten } from '../../../webview-client/charts';
import { fmt, h, link, onThemeChange, percent, section, table, themeColor } from '../../../webview-client/dom';

// The portfolio webview: a developer's merged work as charts (impact over time, class mix,
// skills) and tables. PR titles, labels and names are repository text: textContent only.

const root = document.getElementById('app') as HTMLElement;
let current: PortfolioModel | null = null;

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'portfolio') {
    current = message.model;
    render(message.model);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) render(current);
});

function render(m: PortfolioModel): void {
  destroyCharts();
  root.removeAttribute('aria-busy');
  if (m.totals.prs === 0) {
    root.replaceChildren(header(m), h('div', { class: 'card' }, ...m.notices.map((n) => h('p', {}, n))));
    return;
  }
  root.replaceChildren(
    header(m),
    kpis(m),
    summarySection(m),
    h('div', { class: 'grid two' }, impactSection(m), classMixSection(m)),
    h('div', { class: 'grid two' }, skillsSection(m), highlightsSection(m)),
    themesSection(m),
    h('div', { class: 'grid two' }, flowSection(m), collaborationSection(m)),
    repositoriesSection(m),
  );
}

function header(m: PortfolioModel): HTMLElement {
  return h(
    'header',
    { class: 'report-header' },
    h('div', {}, h('h1', {}, `Portfolio: ${m.who}`), h('p', { class: 'muted' }, 'Merged pull requests, classified and scored for impact; every figure traces back to the pull requests behind it.')),
    h(
      'div',
      { class: 'actions' },
      h('button', { class: 'secondary', onClick: () => post({ type: 'refresh' }) }, 'Refresh'),
      h('button', { class: 'secondary', onClick: () => post({ type: 'exportPortfolio' }) }, 'Export…'),
      h(
        'button',
        { class: 'secondary', title: m.canWriteProse ? 'Asks your chat model, after your consent' : 'No chat model in this VS Code; the summary below is written from the data', onClick: () => post({ type: 'writeSelfReview' }) },
        'Write Self-Review…',
      ),
    ),
  );
}

function kpis(m: PortfolioModel): HTMLElement {
  const t = m.totals;
  const top = m.classMix[0];
  return h(
    'div',
    { class: 'kpis' },
    kpi('Pull requests', fmt.format(t.prs), `merged, in ${t.repositories} ${t.repositories === 1 ? 'repository' : 'repositories'}`),
    kpi('Impact', fmt.format(Math.round(t.impact)), 'sum of per-PR scores (0–100 each)'),
    kpi('Lines', `+${fmt.format(t.additions)}`, `−${fmt.format(t.deletions)} deleted`),
    top ? kpi('Main class', top.class, `${percent(top.share)} of the PRs`) : null,
    m.skills[0] ? kpi('Top skill', m.skills[0].name, `${m.skills[0].kind} · ${m.skills[0].prs.length} PRs`) : null,
  );
}

function summarySection(m: PortfolioModel): HTMLElement {
  return section('Summary', 'summary', h('p', { class: 'description', attrs: { 'data-testid': 'summary' } }, m.summary), ...m.notices.map((n) => h('p', { class: 'muted small' }, n)));
}

function impactSection(m: PortfolioModel): HTMLElement {
  const { grid } = baseOptions();
  const months = m.impactOverTime;
  const chart = chartCanvas(`Impact over time: ${months.map((p) => `${p.month} impact ${Math.round(p.impact)}, ${p.prs} PRs`).join('; ')}`, {
    type: 'bar',
    data: {
      labels: months.map((p) => p.month),
      datasets: [
        { type: 'bar', label: 'Impact', data: months.map((p) => Math.round(p.impact * 10) / 10), backgroundColor: themeColor('charts-blue', '#1a85ff'), borderRadius: 2, order: 2, yAxisID: 'y' },
        { type: 'line', label: 'PRs', data: months.map((p) => p.prs), borderColor: themeColor('charts-orange', '#d18616'), backgroundColor: themeColor('charts-orange', '#d18616'), pointRadius: 2, tension: 0.3, order: 1, yAxisID: 'y1' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, grid: { color: grid }, title: { display: true, text: 'impact' } },
        y1: { beginAtZero: true, position: 'right', grid: { display: false }, ticks: { precision: 0 }, title: { display: true, text: 'PRs' } },
      },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  return section('Impact over time', 'impact', h('p', { class: 'muted' }, 'Impact of the PRs merged each month, and how many.'), chart);
}

function classMixSection(m: PortfolioModel): HTMLElement {
  const labels = m.classMix.map((c) => c.class);
  const chart = chartCanvas(`Class mix: ${m.classMix.map((c) => `${c.class} ${c.prs}`).join(', ')}`, {
    type: 'doughnut',
    data: { labels, datasets: [{ data: m.classMix.map((c) => c.prs), backgroundColor: labels.map((_, i) => paletteColor(i)), borderWidth: 0 }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
  }, 200);
  return section('Class mix', 'class-mix', chart, table(['Class', 'PRs', 'Share'], m.classMix.map((c) => [c.class, fmt.format(c.prs), percent(c.share)]), { numeric: [1, 2], caption: 'Class mix' }));
}

function skillsSection(m: PortfolioModel): HTMLElement {
  if (m.skills.length === 0) return section('Skills', 'skills', h('p', { class: 'muted' }, 'No languages, frameworks or tools recognised in the changed files.'));
  const { grid } = baseOptions();
  const top = m.skills.slice(0, 12);
  const chart = chartCanvas(`Skills: ${top.map((s) => `${s.name} ${Math.round(s.weight * 10) / 10}`).join(', ')}`, {
    type: 'bar',
    data: { labels: top.map((s) => shorten(s.name, 24)), datasets: [{ label: 'Weight', data: top.map((s) => Math.round(s.weight * 10) / 10), backgroundColor: top.map((s) => paletteColor(['language', 'framework', 'tool', 'platform'].indexOf(s.kind))), borderRadius: 3 }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, scales: { x: { beginAtZero: true, grid: { color: grid } }, y: { grid: { display: false }, ticks: { autoSkip: false } } }, plugins: { legend: { display: false } } },
  }, 40 + 24 * top.length);
  return section(
    'Skills',
    'skills',
    h('p', { class: 'muted' }, 'Languages, frameworks and tools from what the PRs touched, weighted by impact and recency.'),
    chart,
    h('details', {}, h('summary', {}, 'Which PRs show each skill'), table(['Skill', 'Kind', 'PRs'], m.skills.map((s) => [s.name, s.kind, s.prs.slice(0, 8).join(', ') + (s.prs.length > 8 ? ` +${s.prs.length - 8}` : '')]), { caption: 'Skills' })),
  );
}

function highlightsSection(m: PortfolioModel): HTMLElement {
  const rows = m.highlights.map((x) => [
    x.url && /^https?:\/\//.test(x.url) ? link(x.title, () => post({ type: 'openExternal', url: x.url ?? '' }), x.url) : h('span', { class: 'pr-title' }, x.title),
    x.ref,
    x.class,
    fmt.format(Math.round(x.impact * 10) / 10),
    h('span', { class: 'detail' }, x.reason),
  ]);
  return section('Highlights', 'highlights', h('p', { class: 'muted' }, 'The PRs with the most impact, and the component that gave each its points.'), h('div', { class: 'scroll' }, table(['Title', 'PR', 'Class', 'Impact', 'Why'], rows, { numeric: [3], caption: 'Highlights' })));
}

function themesSection(m: PortfolioModel): HTMLElement {
  const rows = m.themes.map((q) => [q.quarter, fmt.format(q.prs), fmt.format(Math.round(q.impact)), q.topClasses.join(', '), q.themes.join(', ')]);
  return section('Themes per quarter', 'themes', table(['Quarter', 'PRs', 'Impact', 'Classes', 'Themes'], rows, { numeric: [1, 2], caption: 'Themes per quarter' }));
}

function hours(stats: { n: number; medianHours: number | null; p75Hours: number | null } | null): string {
  if (!stats || stats.n === 0 || stats.medianHours === null) return '—';
  const f = (x: number) => (x >= 48 ? `${Math.round(x / 24)} d` : `${Math.round(x)} h`);
  return `${f(stats.medianHours)}${stats.p75Hours === null ? '' : ` (p75 ${f(stats.p75Hours)})`}`;
}

function flowSection(m: PortfolioModel): HTMLElement {
  const rows = m.flow.quarters.map((q) => [q.quarter, q.source, fmt.format(q.prs), hours(q.cycleTime), hours(q.pickupTime), hours(q.branchLifetimeInferred), q.medianSizeLines === null ? '—' : fmt.format(q.medianSizeLines)]);
  return section(
    'Flow',
    'flow',
    h('p', { class: 'muted' }, 'Medians per quarter (DevLake definitions). From git alone only the branch lifetime is known, and it is inferred.'),
    h('div', { class: 'scroll' }, table(['Quarter', 'Source', 'PRs', 'Cycle time', 'Pickup', 'Branch lifetime (inferred)', 'Median size'], rows, { numeric: [2, 6], caption: 'Flow metrics' })),
    h('p', { class: 'muted small' }, m.flow.benchmark),
  );
}

function collaborationSection(m: PortfolioModel): HTMLElement {
  const c = m.collaboration;
  const list = (people: { login: string; reviews: number }[]) => (people.length === 0 ? h('p', { class: 'muted' }, 'None recorded.') : table(['Login', 'Reviews'], people.map((p) => [p.login, fmt.format(p.reviews)]), { numeric: [1] }));
  return section('Collaboration', 'collaboration', c.note ? h('p', { class: 'muted' }, c.note) : null, h('h3', {}, 'Reviewed their work'), list(c.reviewedBy), h('h3', {}, 'Whose work they reviewed'), list(c.reviewed));
}

function repositoriesSection(m: PortfolioModel): HTMLElement {
  return section('Repositories', 'repositories', table(['Repository', 'PRs', 'Impact'], m.repositories.map((r) => [r.repository, fmt.format(r.prs), fmt.format(Math.round(r.impact))]), { numeric: [1, 2], caption: 'Repositories' }));
}



