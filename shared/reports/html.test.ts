import { describe, expect, it } from 'vitest';
import { chartJsSource } from './chart-bundle';
import { chartData } from './chart-data';
import { renderRepositoryHtml } from './html';
import { HOSTILE, sampleResearch } from './sample-research';

/** The HTML with the inlined Chart.js source cut out, so assertions see only our own markup. */
function ownMarkup(html: string): string {
  return html.replace(chartJsSource(), '');
}

function tableRows(html: string, sectionId: string, nth = 0): number {
  const section = html.slice(html.indexOf(`id="${sectionId}"`));
  const table = section.split('<tbody>')[nth + 1]?.split('</tbody>')[0] ?? '';
  return (table.match(/<tr>/g) ?? []).length;
}

describe('renderRepositoryHtml', () => {
  const research = sampleResearch();
  const html = renderRepositoryHtml(research);
  const own = ownMarkup(html);

  it('inlines Chart.js and allows only nonce scripts and no network through the CSP', () => {
    const nonce = html.match(/script-src 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:">`);
    const scripts = own.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toEqual(['<script type="application/json" id="data">', `<script nonce="${nonce}">`, `<script nonce="${nonce}">`]);
    expect(html).toContain('Chart.js v4');
  });

  it('uses a fresh nonce for every render', () => {
    const nonceOf = (page: string) => page.match(/'nonce-([^']+)'/)?.[1];
    expect(nonceOf(renderRepositoryHtml(research))).not.toBe(nonceOf(html));
  });

  it('refers to no external URL', () => {
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    // Chart.js keeps its licence header URLs in a comment; our own markup has none at all.
    expect(own).not.toMatch(/https?:\/\//);
  });

  it('carries the chart data as inert JSON', () => {
    const json = html.match(/<script type="application\/json" id="data">([^<]*)<\/script>/)?.[1];
    expect(JSON.parse(json ?? '')).toEqual(chartData(research));
  });

  it('shows the name, a score badge coloured by grade and the shallow-clone notice', () => {
    expect(own).toContain('<h1>widget &lt;b&gt;pro&lt;/b&gt; | tools</h1>');
    expect(own).toMatch(/<div class="badge grade-C"[^>]*><span class="score">69<\/span><span class="grade">grade C<\/span>/);
    expect(own).toContain('<p class="notice">Shallow clone');
  });

  it('renders every section with its tables', () => {
    for (const id of ['overview', 'summary', 'activity', 'health', 'contributors', 'bus-factor', 'hotspots', 'languages', 'community', 'pull-requests']) {
      expect(own).toContain(`id="${id}"`);
    }
    for (const id of ['activity-chart', 'health-chart', 'languages-chart']) expect(own).toContain(`<canvas id="${id}"`);
    expect(tableRows(own, 'health')).toBe(6);
    expect(tableRows(own, 'contributors', 0)).toBe(25);
    expect(tableRows(own, 'contributors', 1)).toBe(2);
    expect(tableRows(own, 'bus-factor', 0)).toBe(2);
    expect(tableRows(own, 'bus-factor', 1)).toBe(3);
    expect(tableRows(own, 'hotspots')).toBe(4);
    expect(tableRows(own, 'languages')).toBe(5);
    expect(tableRows(own, 'community')).toBe(11);
    expect(tableRows(own, 'pull-requests')).toBe(5);
    expect(own).toContain('<td class="number na">n/a — not measurable for local repositories</td>');
    expect(own).toContain('<td class="status yes">✓</td><td class="text">Licence</td><td class="text">LICENSE (MIT)</td>');
  });

  it('escapes every hostile string', () => {
    expect(own).not.toMatch(/<(img|b)\b/i);
    expect(own).not.toContain(HOSTILE.scriptBreakout);
    expect(own).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(own).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(own).toContain('<td class="text">José Núñez</td>');
    expect(own).toContain('<td class="text">李雷</td>');
    expect(own).toContain(`<td class="text">${HOSTILE.injection}</td>`);
  });
});

describe('chartData', () => {
  it('gives renormalised points available per measurable component and none for the rest', () => {
    const data = chartData(sampleResearch());
    expect(data.activity.weeks).toHaveLength(60);
    expect(data.health.measurable).toEqual([true, true, true, true, true, false]);
    // Recent activity: weight 25 of 90 measurable → 27.8 available, 25.0 earned.
    expect(data.health.points[0]).toBe(25);
    expect(data.health.missed[0]).toBe(2.8);
    expect(data.health.points[5]).toBe(0);
    expect(data.languages.labels).toEqual(['TypeScript', 'JavaScript', 'CSS', 'Shell', 'Markdown']);
  });

  it('groups languages beyond the top seven as Other', () => {
    const r = sampleResearch();
    r.languages = Array.from({ length: 10 }, (_, i) => ({ language: `L${i}`, files: 1, bytes: 10, share: 0.1 }));
    const { labels, shares } = chartData(r).languages;
    expect(labels).toHaveLength(8);
    expect(labels.at(-1)).toBe('Other');
    expect(shares.at(-1)).toBe(30);
  });
});
