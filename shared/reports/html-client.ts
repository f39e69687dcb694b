// The browser-side script of the HTML report, kept as text because it is inlined into the
// page under the CSP nonce. It reads only the JSON data block and draws on canvases, so
// repository text reaches the page through Chart.js's canvas text, never through HTML.

/** Returns the inline script that draws the activity, health and language charts from `#data`. */
export function clientScript(): string {
  return CLIENT_SCRIPT;
}

const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var css = getComputedStyle(document.documentElement);
  function v(name) { return css.getPropertyValue(name).trim(); }
  var palette = [v('--c1'), v('--c2'), v('--c3'), v('--c4'), v('--c5'), v('--c6'), v('--c7'), v('--c8')];

  Chart.defaults.color = v('--muted');
  Chart.defaults.borderColor = v('--grid');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  // A report is read, not watched: draw the final state at once (also keeps screenshots stable).
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.labels.boxWidth = 12;

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
        y: { stacked: true, grid: { display: false } }
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
