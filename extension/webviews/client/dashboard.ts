/// <reference lib="dom" />
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';
import cytoscape from 'cytoscape';
import type { DashboardModel } from '../protocol';
import { listen, post, renderError, renderLoading, saveState } from './channel';
import { paletteColor } from '../../../webview-client/charts';
import { BAND_VAR, bandOf, date, fmt, h, link, onThemeChange, section, table, themeColor } from '../../../webview-client/dom';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip);

const root = document.getElementById('app') as HTMLElement;
let current: DashboardModel | null = null;
let charts: Chart[] = [];
let graph: cytoscape.Core | null = null;

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'dashboard') {
    current = message.model;
    saveState({ kind: 'dashboard', owner: message.model.owner });
    render(message.model);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) render(current);
});

const GRADE_BAND: Record<string, [string, string]> = {
  A: BAND_VAR.good,
  B: BAND_VAR.fair,
  C: BAND_VAR.weak,
  D: ['charts-orange', '#d18616'],
  F: BAND_VAR.poor,
  'n/a': BAND_VAR.unknown,
};

function render(m: DashboardModel): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  graph?.destroy();
  graph = null;
  root.removeAttribute('aria-busy');
  const scored = m.repositories.filter((r) => r.health !== null);
  const average = scored.length ? Math.round(scored.reduce((s, r) => s + (r.health ?? 0), 0) / scored.length) : null;
  const o = m.organization;
  const parts: (HTMLElement | null)[] = [
    h(
      'header',
      { class: 'report-header' },
      h(
        'div',
        {},
        h('h1', {}, m.title),
        o?.description ? h('p', { class: 'description' }, o.description) : null,
        h(
          'p',
          { class: 'muted' },
          `${plural(m.repositories.length, 'repository', 'repositories')} · ${plural(m.network.people, 'person', 'people')}${average === null ? '' : ` · average health ${average}`}`,
          o ? ` · ${o.kind ?? 'owner'} researched ${o.analyzedAt.slice(0, 10)}` : '',
        ),
      ),
      h('div', { class: 'actions' }, h('button', { class: 'secondary', onClick: () => post({ type: 'refresh' }) }, 'Refresh')),
    ),
    o ? organizationKpis(o) : null,
    h('div', { class: 'grid two' }, gradesSection(m), languagesSection(m)),
    m.components.length || m.worst.length ? h('div', { class: 'grid two' }, componentsSection(m), worstSection(m)) : null,
    networkSection(m),
    repositoriesSection(m),
    m.topics.length || m.citations ? h('div', { class: 'grid two' }, topicsSection(m), citationsSection(m)) : null,
  ];
  root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
}

function plural(n: number, one: string, many: string): string {
  return `${fmt.format(n)} ${n === 1 ? one : many}`;
}

function organizationKpis(o: NonNullable<DashboardModel['organization']>): HTMLElement {
  const kpi = (label: string, value: string, detail: string) =>
    h('div', { class: 'kpi', role: 'group', ariaLabel: `${label}: ${value}` }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-detail muted' }, detail));
  return h(
    'div',
    { class: 'kpis' },
    kpi('Median health', o.medianHealth === null ? 'n/a' : String(o.medianHealth), 'of 100'),
    kpi('Repositories', fmt.format(o.repositories), `${o.active} active · ${o.dormant} dormant · ${o.archived} archived`),
    kpi('Contributors', fmt.format(o.contributors), `${o.communities} communities`),
    kpi('Stars', fmt.format(o.stars), 'across repositories'),
  );
}

function componentsSection(m: DashboardModel): HTMLElement {
  return section(
    'Where health points are lost',
    'components',
    h('p', { class: 'muted' }, 'Average score of each health component across the repositories, weakest first.'),
    h(
      'ul',
      { class: 'shares' },
      ...m.components.map((c) => {
        const fill = h('span', { class: 'fill' });
        fill.style.width = `${Math.round(c.averageScore * 100)}%`;
        return h('li', {}, h('span', {}, c.label), h('span', { class: 'bar', attrs: { 'aria-hidden': 'true' } }, fill), h('span', { class: 'num' }, `${Math.round(c.averageScore * 100)}%`));
      }),
    ),
  );
}

function worstSection(m: DashboardModel): HTMLElement {
  return section(
    'Needs attention',
    'worst',
    m.worst.length === 0
      ? h('p', { class: 'muted' }, 'Nothing stands out.')
      : h(
          'ul',
          { class: 'plain' },
          ...m.worst.map((w) =>
            h(
              'li',
              {},
              link(w.name, () => post({ type: 'openRepository', key: w.key }), `Open the report of ${w.name}`),
              ' ',
              h('span', { class: `grade-chip band-${bandOf(w.health)}` }, `${w.health} ${w.grade}`),
              h('span', { class: 'muted small' }, ` bus factor ${w.busFactor}`),
              w.reasons.length ? h('div', { class: 'muted small' }, w.reasons.join(' · ')) : null,
            ),
          ),
        ),
  );
}

function topicsSection(m: DashboardModel): HTMLElement {
  return section(
    'Topics',
    'topics',
    m.topics.length === 0
      ? h('p', { class: 'muted' }, 'No topic clusters.')
      : h('ul', { class: 'plain' }, ...m.topics.map((t) => h('li', {}, h('strong', {}, t.label), h('span', { class: 'muted small' }, ` ${plural(t.repositories, 'repository', 'repositories')}`), h('div', {}, ...t.terms.map((term) => h('span', { class: 'tag topic' }, term)))))),
  );
}

function citationsSection(m: DashboardModel): HTMLElement {
  const c = m.citations;
  if (!c) return section('Citations', 'citations', h('p', { class: 'muted' }, 'Citations are not available from this engine.'));
  return section(
    'Citations',
    'citations',
    h('p', { class: 'muted' }, `${plural(c.repositories, 'repository cites', 'repositories cite')} research: ${c.dois} DOIs, ${c.arxiv} arXiv, ${c.zenodo} Zenodo.`),
    c.references.length
      ? h('ul', { class: 'plain' }, ...c.references.slice(0, 15).map((r) => h('li', {}, h('span', { class: 'tag' }, r.kind), ' ', link(r.id, () => post({ type: 'openExternal', url: r.url }), r.url), h('span', { class: 'muted small' }, ` in ${plural(r.repositories, 'repository', 'repositories')}`))))
      : null,
  );
}

function canvasChart(label: string, build: (canvas: HTMLCanvasElement) => Chart): HTMLElement {
  const canvas = h('canvas', { role: 'img', ariaLabel: label });
  const box = h('div', { class: 'chart' }, canvas);
  box.style.height = '220px';
  requestAnimationFrame(() => {
    if (canvas.isConnected) charts.push(build(canvas));
  });
  return box;
}

function gradesSection(m: DashboardModel): HTMLElement {
  Chart.defaults.color = themeColor('foreground', '#cccccc');
  const grid = themeColor('editorWidget-border', 'rgba(128,128,128,0.3)');
  return section(
    'Health distribution',
    'grades',
    canvasChart(`Repositories per health grade: ${m.grades.map((g) => `${g.grade} ${g.count}`).join(', ')}`, (canvas) =>
      new Chart(canvas, {
        type: 'bar',
        data: { labels: m.grades.map((g) => g.grade), datasets: [{ label: 'Repositories', data: m.grades.map((g) => g.count), backgroundColor: m.grades.map((g) => themeColor(...(GRADE_BAND[g.grade] ?? BAND_VAR.unknown))), borderRadius: 3 }] },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid } } } },
      }),
    ),
  );
}

function languagesSection(m: DashboardModel): HTMLElement {
  if (m.languages.length === 0) return section('Language mix', 'languages', h('p', { class: 'muted' }, 'No main languages recorded.'));
  return section(
    'Language mix',
    'languages',
    canvasChart(`Main language of each repository: ${m.languages.map((l) => `${l.language} ${l.repositories}`).join(', ')}`, (canvas) =>
      new Chart(canvas, {
        type: 'doughnut',
        data: {
          labels: m.languages.map((l) => l.language),
          datasets: [{ data: m.languages.map((l) => l.repositories), backgroundColor: m.languages.map((_, i) => paletteColor(i)), borderWidth: 0 }],
        },
        options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
      }),
    ),
  );
}

function networkSection(m: DashboardModel): HTMLElement {
  const container = h('div', { class: 'graph', role: 'img', ariaLabel: `Collaboration network: ${m.repositories.length} repositories and ${m.network.people} people; a line joins a person to each repository they committed to.` });
  const selection = h('p', { class: 'muted small', attrs: { 'aria-live': 'polite' } }, 'Click a repository to open its report, a person to see their repositories; drag to rearrange, scroll to zoom.');
  requestAnimationFrame(() => {
    if (container.isConnected) graph = drawGraph(container, m, selection);
  });
  return section(
    'Collaboration network',
    'network',
    h('p', { class: 'muted' }, `People (circles) linked to the repositories (squares) they committed to; bigger means more commits.${m.network.truncated ? ' The busiest contributors of each repository are shown.' : ''}`),
    container,
    selection,
  );
}

function drawGraph(container: HTMLElement, m: DashboardModel, selection: HTMLElement): cytoscape.Core {
  const maxWeight = Math.max(1, ...m.network.nodes.map((n) => n.weight));
  const size = (w: number) => 16 + Math.round(34 * Math.sqrt(w / maxWeight));
  const fg = themeColor('foreground', '#cccccc');
  const edge = themeColor('editorWidget-border', '#888888');
  const person = themeColor('charts-purple', '#652d90');
  const focus = themeColor('focusBorder', '#007fd4');
  const cy = cytoscape({
    container,
    elements: [
      ...m.network.nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.label,
          kind: n.kind,
          size: size(n.weight),
          color: n.kind === 'repository' ? themeColor(...BAND_VAR[bandOf(n.health)]) : person,
          key: n.key ?? '',
          email: n.email ?? '',
        },
      })),
      ...m.network.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(color)',
          color: fg,
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '110px',
        },
      },
      { selector: 'node[kind = "repository"]', style: { shape: 'round-rectangle', 'font-weight': 'bold', 'font-size': 11 } },
      { selector: 'edge', style: { width: 1, 'line-color': edge, opacity: 0.7, 'curve-style': 'haystack' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': focus } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70, padding: 20 } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
  });
  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    const neighbourhood = node.closedNeighborhood();
    cy.elements().addClass('faded');
    neighbourhood.removeClass('faded');
    if (node.data('kind') === 'repository') {
      const key = String(node.data('key'));
      selection.textContent = `${String(node.data('label'))}: ${node.neighborhood('node').length} people.${key ? ' Opening its report…' : ''}`;
      if (key) post({ type: 'openRepository', key });
    } else {
      selection.textContent = `${String(node.data('label'))} worked on ${node.neighborhood('node').length} of these repositories.`;
      post({ type: 'openContributor', name: String(node.data('label')), email: String(node.data('email')) });
    }
  });
  cy.on('tap', (event) => {
    if (event.target === cy) cy.elements().removeClass('faded');
  });
  return cy;
}

function repositoriesSection(m: DashboardModel): HTMLElement {
  const rows = [...m.repositories]
    .sort((a, b) => (b.health ?? -1) - (a.health ?? -1) || a.name.localeCompare(b.name))
    .map((r) => [
      link(r.name, () => post({ type: 'openRepository', key: r.key }), `Open the report of ${r.name}`),
      h('span', { class: `grade-chip band-${bandOf(r.health)}` }, r.health === null ? 'n/a' : `${r.health} ${r.grade ?? ''}`),
      r.busFactor === null ? '—' : fmt.format(r.busFactor),
      r.primaryLanguage ?? '—',
      date(r.lastCommitAt),
    ]);
  return section('Repositories', 'repositories', h('div', { class: 'scroll' }, table(['Repository', 'Health', 'Bus factor', 'Language', 'Last commit'], rows, { numeric: [2], caption: 'Repositories' })));
}
