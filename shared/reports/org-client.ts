import { CHART_PRELUDE } from './html-page';

// The browser-side script of the organization report, inlined under the CSP nonce. It reads
// only the JSON data block; repository text reaches the page as canvas text drawn by
// Chart.js and cytoscape, never as HTML.

/** Returns the inline script that draws the org charts and the collaboration graph from `#data`. */
export function orgClientScript(): string {
  return ORG_CLIENT_SCRIPT;
}

const ORG_CLIENT_SCRIPT = String.raw`
(function () {
${CHART_PRELUDE}
  new Chart(document.getElementById('org-health-chart'), {
    type: 'bar',
    data: { labels: data.health.labels, datasets: [{ label: 'Repositories', data: data.health.counts,
      backgroundColor: data.health.labels.map(function (_, i) { return i >= 8 ? v('--grade-a') : i >= 6 ? v('--grade-b') : i >= 5 ? v('--grade-c') : i >= 3 ? v('--grade-d') : v('--grade-f'); }),
      borderRadius: 2 }] },
    options: { plugins: { legend: { display: false } },
      scales: { x: { grid: { display: false }, title: { display: true, text: 'health score' } },
                y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'repositories' } } } }
  });

  new Chart(document.getElementById('org-languages-chart'), {
    type: 'doughnut',
    data: { labels: data.languages.labels, datasets: [{ data: data.languages.shares, backgroundColor: palette, borderColor: v('--surface'), borderWidth: 2 }] },
    options: { cutout: '60%', plugins: { legend: { position: 'right' },
      tooltip: { callbacks: { label: function (c) { return c.label + ': ' + c.parsed + '%'; } } } } }
  });

  new Chart(document.getElementById('org-activity-chart'), {
    type: 'bar',
    data: { labels: data.activity.weeks, datasets: [
      { type: 'line', label: 'Active repositories', data: data.activity.repositories, yAxisID: 'repos',
        borderColor: v('--accent-2'), backgroundColor: v('--accent-2'), borderWidth: 1.5, pointRadius: 0, cubicInterpolationMode: 'monotone', order: 1 },
      { type: 'bar', label: 'Commits', data: data.activity.commits, yAxisID: 'commits', backgroundColor: v('--accent'), borderRadius: 2, order: 2 } ] },
    options: { interaction: { mode: 'index', intersect: false },
      scales: { x: { grid: { display: false }, ticks: { maxTicksLimit: 12, maxRotation: 0 } },
        commits: { position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'commits per week' } },
        repos: { position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: 'repositories' } } } }
  });

  var graph = data.graph;
  var elements = [];
  graph.nodes.forEach(function (n) {
    elements.push({ group: 'nodes', data: { id: n.id, label: n.label, kind: n.kind, size: n.size,
      color: n.kind === 'person' ? palette[((n.community % palette.length) + palette.length) % palette.length] : v('--track') } });
  });
  graph.edges.forEach(function (e) {
    elements.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, weight: e.weight } });
  });
  window.orgGraph = cytoscape({
    container: document.getElementById('org-graph'),
    elements: elements,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)',
        label: 'data(label)', 'font-size': 10, color: v('--text'), 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-outline-color': v('--surface'), 'text-outline-width': 2 } },
      { selector: 'node[kind = "repository"]', style: { shape: 'round-rectangle', 'border-width': 1, 'border-color': v('--muted'),
        color: v('--muted'), 'font-size': 8, 'min-zoomed-font-size': 9 } },
      { selector: 'edge', style: { width: 'mapData(weight, 0, 4, 0.5, 4)', 'line-color': v('--border'), 'curve-style': 'haystack', opacity: 0.8 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': v('--accent') } }
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: function () { return 9000; }, idealEdgeLength: function () { return 60; }, numIter: 1500, padding: 20 }
  });
})();
`;
