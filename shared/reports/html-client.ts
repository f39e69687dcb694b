import { CHART_PRELUDE } from './html-page';

// The browser-side script of the HTML report, kept as text because it is inlined into the
// page under the CSP nonce. It reads only the JSON data block and draws on canvases, so
// repository text reaches the page through Chart.js's canvas text, never through HTML.

/** Returns the inline script that draws the activity, health and language charts from `#data`. */
export function clientScript(): string {
  return CLIENT_SCRIPT;
}

const CLIENT_SCRIPT = String.raw`
(function () {
${CHART_PRELUDE}
  new Chart(document.getElementById('activity-chart'), {
    type: 'bar',
    data: {
      labels: data.activity.weeks,
      datasets: [
        { type: 'line', label: 'Authors', data: data.activity.authors, yAxisID: 'authors',
          borderColor: v('--accent-2'), backgroundColor: v('--accent-2'), borderWidth: 1.5,
          pointRadius: 0, cubicInterpolationMode: 'monotone', order: 1 },
        { type: 'bar', label: 'Commits', data: data.activity.commits, yAxisID: 'commits',
          backgroundColor: v('--accent'), borderRadius: 2, order: 2 }
      ]
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, ticks: { maxTicksLimit: 12, maxRotation: 0 } },
        commits: { position: 'left', beginAtZero: true, ticks: { precision: 0 },
          title: { display: true, text: 'commits per week' } },
        authors: { position: 'right', beginAtZero: true, ticks: { precision: 0 },
          grid: { drawOnChartArea: false }, title: { display: true, text: 'authors' } }
      }
    }
  });

  var health = data.health;
  new Chart(document.getElementById('health-chart'), {
    type: 'bar',
    data: {
      labels: health.labels.map(function (label, i) { return health.measurable[i] ? label : label + ' (n/a)'; }),
      datasets: [
        { label: 'Points earned', data: health.points, backgroundColor: v('--accent'), borderRadius: 2 },
        { label: 'Points missed', data: health.missed, backgroundColor: v('--track'), borderRadius: 2 }
      ]
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { stacked: true, beginAtZero: true, title: { display: true, text: 'points of 100' } },
        // Every component is named: Chart.js skips category labels that would crowd, and
        // twelve components in this chart's height are enough for it to drop every other one.
        y: { stacked: true, grid: { display: false }, ticks: { autoSkip: false } }
      }
    }
  });

  new Chart(document.getElementById('languages-chart'), {
    type: 'doughnut',
    data: {
      labels: data.languages.labels,
      datasets: [{ data: data.languages.shares, backgroundColor: palette, borderColor: v('--surface'), borderWidth: 2 }]
    },
    options: {
      cutout: '60%',
      plugins: {
        legend: { position: 'right' },
        tooltip: { callbacks: { label: function (c) { return c.label + ': ' + c.parsed + '%'; } } }
      }
    }
  });
})();
`;
