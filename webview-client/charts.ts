/// <reference lib="dom" />
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { h, themeColor } from './dom';

// The webviews' one chart stack (Chart.js, bundled; no CDN): the report (in VS Code and in
// the HTML report) and the portfolio build their charts with these helpers, themed from
// VS Code's colours (the HTML report defines them in webview-client/report-page.css).

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

let charts: Chart[] = [];

// After every layout (first drawing, resize), the category labels Chart.js kept on the axis
// after its own autoSkip, and the axis's width in CSS pixels, on the canvas: a dropped or
// clipped label can be told without reading pixels.
const recordAxisLabels: Plugin = {
  id: 'reposcout-axis-labels',
  afterLayout(chart) {
    const category = Object.values(chart.scales).find((scale) => scale.type === 'category');
    if (!category) return;
    chart.canvas.dataset.labels = JSON.stringify(category.ticks.map((tick) => tick.label));
    chart.canvas.dataset.axisWidth = String(Math.floor(category.width));
  },
};

/** Destroys the charts of the last rendering (call before rendering again). */
export function destroyCharts(): void {
  for (const chart of charts) chart.destroy();
  charts = [];
}

/** A chart in a sized box; `label` is what a screen reader says for the canvas. */
export function chartCanvas(label: string, config: ChartConfiguration, height = 240): HTMLElement {
  const canvas = h('canvas', { role: 'img', ariaLabel: label });
  const box = h('div', { class: 'chart' }, canvas);
  box.style.height = `${height}px`;
  // Charts need the canvas in the document; build them after this frame's layout.
  requestAnimationFrame(() => {
    if (!canvas.isConnected) return;
    charts.push(new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), recordAxisLabels] }));
    // Says the chart drew (tests and the HTML report's readers can tell a blank canvas apart).
    canvas.dataset.chart = String(config.type);
  });
  return box;
}

/** Theme colours for axes and grid, applied to Chart.js's defaults. */
export function baseOptions(): { fg: string; grid: string } {
  const fg = themeColor('foreground', '#cccccc');
  const grid = themeColor('editorWidget-border', 'rgba(128,128,128,0.3)');
  Chart.defaults.color = fg;
  Chart.defaults.font.family = getComputedStyle(document.body).getPropertyValue('--vscode-font-family') || 'sans-serif';
  return { fg, grid };
}

export const PALETTE: [string, string][] = [
  ['charts-blue', '#1a85ff'],
  ['charts-green', '#388a34'],
  ['charts-orange', '#d18616'],
  ['charts-purple', '#652d90'],
  ['charts-yellow', '#bf8803'],
  ['charts-red', '#e51400'],
];

export function paletteColor(i: number): string {
  return themeColor(...(PALETTE[i % PALETTE.length] ?? PALETTE[0]!));
}

/** One headline figure with its label and detail. */
export function kpi(label: string, value: string, detail: string, extraClass = ''): HTMLElement {
  return h('div', { class: `kpi ${extraClass}${value.length > 9 ? ' long' : ''}`, role: 'group', ariaLabel: `${label}: ${value}` }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label), h('div', { class: 'kpi-detail muted' }, detail));
}

/** `text` in lines of at most `max` characters, broken between words (a longer word keeps its own line): Chart.js draws an array as stacked lines. */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
