/// <reference lib="dom" />
import type { PortfolioReportModel } from '../shared/protocol/portfolio-report';
import { baseOptions, chartCanvas, destroyCharts, kpi, paletteColor, shorten } from './charts';
import { date, fmt, h, link, percent, section, table, themeColor } from './dom';

// The portfolio, written once: the VS Code portfolio webview
// (extension/webviews/client/portfolio.ts) and the self-contained HTML export and its PDF
// (webview-client/portfolio-page.ts, inlined by shared/achievements/exports/html.ts) both
// call renderPortfolio with the same model. PR titles, repository names, logins and the
// model's prose are untrusted: every string goes in through textContent (dom.ts h()).

/** What the portfolio's buttons and links do; null in the HTML export, where links are plain anchors. */
export interface PortfolioActions {
  /** Whether a chat model is at hand (the Write Self-Review button says so either way). */
  canWriteProse: boolean;
  refresh(): void;
  exportPortfolio(): void;
  writeSelfReview(): void;
  openExternal(url: string): void;
}

type M = PortfolioReportModel;
type Actions = PortfolioActions | null;

/** Replaces `root`'s content with the portfolio of `m` (charts of an earlier rendering are destroyed). */
export function renderPortfolio(root: HTMLElement, m: M, actions: Actions): void {
  destroyCharts();
  root.removeAttribute('aria-busy');
  if (m.totals.prs === 0) {
    root.replaceChildren(header(m, actions), summarySection(m));
    return;
  }
  root.replaceChildren(
    header(m, actions),
    kpis(m),
    summarySection(m),
    h('div', { class: 'grid two' }, impactSection(m), classMixSection(m)),
    h('div', { class: 'grid two' }, skillsSection(m), themesSection(m)),
    highlightsSection(m, actions),
    flowSection(m),
    h('div', { class: 'grid two' }, collaborationSection(m, actions), repositoriesSection(m)),
    pullRequestsSection(m, actions),
  );
}

/**
 * A pull request's link: in VS Code a button that asks the host to open it, in the HTML
 * export an anchor; plain text when the URL is not http(s) (the engine keeps only those).
 */
function prLink(text: string, url: string | null, a: Actions): HTMLElement {
  if (!url || !/^https?:\/\//i.test(url)) return h('span', { class: 'pr-title' }, text);
  if (a) return link(text, () => a.openExternal(url), url);
  return h('a', { class: 'pr-title', attrs: { href: url, rel: 'noopener noreferrer' } }, text);
}

function windowText(m: M): string {
  return `${m.window.since ? date(m.window.since) : 'the start'} – ${m.window.until ? date(m.window.until) : 'now'}`;
}

function header(m: M, a: Actions): HTMLElement {
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      {},
      h('h1', {}, `Portfolio: ${m.who}`),
      h('p', { class: 'muted' }, 'Merged pull requests, classified and scored for impact; every figure traces back to the pull requests behind it.'),
      h(
        'p',
        { class: 'muted small' },
        `${windowText(m)} · ${fmt.format(m.totals.prs)} merged pull requests · ${fmt.format(m.totals.repositories)} ${m.totals.repositories === 1 ? 'repository' : 'repositories'} · sources: ${m.sources.join(', ') || 'none'}`,
      ),
    ),
    a
      ? h(
          'div',
          { class: 'actions' },
          h('button', { class: 'secondary', onClick: () => a.refresh() }, 'Refresh'),
          h('button', { class: 'secondary', onClick: () => a.exportPortfolio() }, 'Export…'),
          h(
            'button',
            { class: 'secondary', title: a.canWriteProse ? 'Asks your chat model, after your consent' : 'No chat model in this VS Code; the summary below is written from the data', onClick: () => a.writeSelfReview() },
            'Write Self-Review…',
          ),
        )
      : null,
  );
}

function kpis(m: M): HTMLElement {
  const t = m.totals;
  const top = m.classMix[0];
  const skill = m.skills[0];
  return h(
    'div',
    { class: 'kpis' },
    kpi('Pull requests', fmt.format(t.prs), `merged, in ${t.repositories} ${t.repositories === 1 ? 'repository' : 'repositories'}`),
    kpi('Impact', fmt.format(Math.round(t.impact)), 'sum of per-PR scores (0–100 each)'),
    kpi('Lines', `+${fmt.format(t.additions)}`, `−${fmt.format(t.deletions)} deleted`),
    top ? kpi('Main class', top.class, `${percent(top.share)} of the PRs`) : null,
    skill ? kpi('Top skill', skill.name, `${skill.kind} · ${skill.prs.length} PRs`) : null,
  );
}

function summarySection(m: M): HTMLElement {
  const prose = m.prose;
  return section(
    'Summary',
    'summary',
    // A language model's words are marked as such, beside (never instead of) the summary written from the data.
    prose ? h('p', { class: 'description model-prose', dataset: { writtenBy: prose.model } }, prose.summary) : null,
    prose
      ? h('p', { class: 'muted small' }, `Written by a language model (${prose.provider}, ${prose.model}) from this portfolio's data; check it against the tables. The summary RepoScout wrote from the data follows.`)
      : null,
    h('p', { class: 'description', attrs: { 'data-testid': 'summary' } }, m.summary),
    ...m.notices.map((n) => h('p', { class: 'notice' }, n)),
  );
}

function impactSection(m: M): HTMLElement {
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

function classMixSection(m: M): HTMLElement {
  const labels = m.classMix.map((c) => c.class);
  const chart = chartCanvas(
    `Class mix: ${m.classMix.map((c) => `${c.class} ${c.prs}`).join(', ')}`,
    {
      type: 'doughnut',
      data: { labels, datasets: [{ data: m.classMix.map((c) => c.prs), backgroundColor: labels.map((_, i) => paletteColor(i)), borderWidth: 0 }] },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
    },
    200,
  );
  return section('Class mix', 'class-mix', chart, table(['Class', 'PRs', 'Share'], m.classMix.map((c) => [c.class, fmt.format(c.prs), percent(c.share)]), { numeric: [1, 2], caption: 'Class mix' }));
}

function prList(refs: string[], max: number): string {
  return refs.slice(0, max).join(', ') + (refs.length > max ? ` +${refs.length - max}` : '');
}

function skillsSection(m: M): HTMLElement {
  if (m.skills.length === 0) return section('Skills', 'skills', h('p', { class: 'muted' }, 'No languages, frameworks or tools recognised in the changed files.'));
  const { grid } = baseOptions();
  const top = m.skills.slice(0, 12);
  const chart = chartCanvas(
    `Skills: ${top.map((s) => `${s.name} ${Math.round(s.weight * 10) / 10}`).join(', ')}`,
    {
      type: 'bar',
      data: { labels: top.map((s) => shorten(s.name, 24)), datasets: [{ label: 'Weight', data: top.map((s) => Math.round(s.weight * 10) / 10), backgroundColor: top.map((s) => paletteColor(['language', 'framework', 'tool', 'platform'].indexOf(s.kind))), borderRadius: 3 }] },
      options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, scales: { x: { beginAtZero: true, grid: { color: grid } }, y: { grid: { display: false }, ticks: { autoSkip: false } } }, plugins: { legend: { display: false } } },
    },
    40 + 24 * top.length,
  );
  const rows = m.skills.map((s) => [s.name, s.kind, fmt.format(Math.round(s.weight * 10) / 10), prList(s.prs, 8)]);
  return section(
    'Skills',
    'skills',
    h('p', { class: 'muted' }, 'Languages, frameworks and tools from what the PRs touched, weighted by impact and recency.'),
    chart,
    h('details', { attrs: { open: '' } }, h('summary', {}, 'Which PRs show each skill'), h('div', { class: 'scroll' }, table(['Skill', 'Kind', 'Weight', 'Shown by'], rows, { numeric: [2], caption: 'Skills' }))),
  );
}

function highlightsSection(m: M, a: Actions): HTMLElement {
  // The model's reasons sit beside the computed ones, labelled with the model, never instead of them.
  const modelReasons = m.prose && m.prose.highlightReasons.length > 0 ? new Map(m.prose.highlightReasons.map((r) => [r.ref, r.reason])) : null;
  const rows = m.highlights.map((x) => [
    prLink(x.title, x.url, a),
    x.ref,
    date(x.mergedAt),
    x.class,
    fmt.format(Math.round(x.impact * 10) / 10),
    h('span', { class: 'detail' }, x.reason),
    ...(modelReasons ? [h('span', { class: 'detail' }, modelReasons.get(x.ref) ?? '—')] : []),
  ]);
  const headers = ['Title', 'PR', 'Merged', 'Class', 'Impact', 'Why', ...(m.prose && modelReasons ? [`In the words of ${m.prose.model} (model-written)`] : [])];
  return section(
    'Highlights',
    'highlights',
    h('p', { class: 'muted' }, 'The PRs with the most impact, and the component that gave each its points.'),
    h('div', { class: 'scroll' }, table(headers, rows, { numeric: [4], caption: 'Highlights' })),
  );
}

function themesSection(m: M): HTMLElement {
  const rows = m.themes.map((q) => [q.quarter, fmt.format(q.prs), fmt.format(Math.round(q.impact)), q.topClasses.join(', '), q.themes.join(', ')]);
  return section('Themes per quarter', 'themes', h('div', { class: 'scroll' }, table(['Quarter', 'PRs', 'Impact', 'Mostly', 'Themes'], rows, { numeric: [1, 2], caption: 'Themes per quarter' })));
}

type Duration = { n: number; medianHours: number | null; p75Hours: number | null } | null;

function hours(stats: Duration): string {
  if (!stats || stats.n === 0 || stats.medianHours === null) return '—';
  const f = (x: number) => (x >= 48 ? `${Math.round(x / 24)} d` : `${Math.round(x)} h`);
  return `${f(stats.medianHours)}${stats.p75Hours === null ? '' : ` (p75 ${f(stats.p75Hours)})`}`;
}

function flowSection(m: M): HTMLElement {
  const rows = m.flow.quarters.map((q) => [
    q.quarter,
    q.source,
    fmt.format(q.prs),
    hours(q.codingTime),
    hours(q.pickupTime),
    hours(q.reviewTime),
    hours(q.cycleTime),
    hours(q.branchLifetimeInferred),
    q.medianSizeLines === null ? '—' : `${fmt.format(Math.round(q.medianSizeLines))} ${Math.round(q.medianSizeLines) === 1 ? 'line' : 'lines'}`,
  ]);
  return section(
    'Flow',
    'flow',
    h('p', { class: 'muted' }, 'Medians per quarter (DevLake definitions), with the 75th percentile. From git alone only the branch lifetime is known, and it is inferred.'),
    h('div', { class: 'scroll' }, table(['Quarter', 'Source', 'PRs', 'Coding', 'Pickup', 'Review', 'Cycle time', 'Branch lifetime (inferred)', 'Median size'], rows, { numeric: [2], caption: 'Flow metrics' })),
    h('p', { class: 'muted small' }, m.flow.benchmark),
  );
}

function collaborationSection(m: M, a: Actions): HTMLElement {
  const c = m.collaboration;
  const count = (n: number | null) => (n === null ? 'n/a' : fmt.format(n));
  const reviewed = c.reviewed.flatMap((r) => r.pullRequests.map((pr) => h('li', {}, prLink(`${pr.ref} by @${r.login}: ${pr.title}`, pr.url, a))));
  return section(
    'Collaboration',
    'collaboration',
    c.note ? h('p', { class: 'muted' }, c.note) : null,
    c.people.length === 0
      ? h('p', { class: 'muted' }, 'No reviews recorded.')
      : h('div', { class: 'scroll' }, table(['Person', 'Reviews of this work', 'Their PRs reviewed', 'Reviews given'], c.people.map((p) => [`@${p.login}`, count(p.reviewsOfThisWork), count(p.theirPrsReviewed), count(p.reviewsGiven)]), { numeric: [1, 2, 3], caption: 'Collaboration' })),
    reviewed.length > 0 ? h('h3', {}, 'Pull requests by others they reviewed (most recent per person)') : null,
    reviewed.length > 0 ? h('ul', { class: 'plain' }, ...reviewed) : null,
  );
}

function repositoriesSection(m: M): HTMLElement {
  return section('Repositories', 'repositories', table(['Repository', 'PRs', 'Impact'], m.repositories.map((r) => [r.repository, fmt.format(r.prs), fmt.format(Math.round(r.impact))]), { numeric: [1, 2], caption: 'Repositories' }));
}

function pullRequestsSection(m: M, a: Actions): HTMLElement {
  const { shown, total } = m.pullRequests;
  const rows = shown.map((r) => [r.ref, prLink(r.title, r.url, a), date(r.mergedAt), r.class, r.rule, fmt.format(Math.round(r.impact))]);
  return section(
    'All pull requests',
    'pull-requests',
    h('p', { class: 'muted' }, total > shown.length ? `The newest ${fmt.format(shown.length)} of ${fmt.format(total)}; the JSON export has them all.` : `${fmt.format(total)} merged pull requests, newest first, with the rule that decided each class.`),
    h('div', { class: 'scroll' }, table(['PR', 'Title', 'Merged', 'Class', 'Decided by', 'Impact'], rows, { numeric: [5], caption: 'All pull requests' })),
  );
}
