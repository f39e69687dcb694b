// One renderer: the same report model, rendered by the self-contained HTML report (as the CLI
// writes it) and by the VS Code report webview's script (its real bundle, in its real page
// shell and CSP, fed the model as the extension posts it), shows the same sections with the
// same text in a real Chromium. Only the webview's header has buttons the file cannot have.
// Each section's figures are checked in both renderings against values worked out here from
// the sample research (not read back from a rendering), and the file is read once more with
// JavaScript off, as a mail client or a text-only browser reads it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthScore } from '../shared/analyses/health';
import type { ReportModel } from '../shared/protocol/report';
import { SHALLOW_NOTE } from '../shared/reports/facts';
import { renderRepositoryHtml } from '../shared/reports/html';
import { buildReportModel } from '../shared/reports/report-model';
import { HOSTILE, sampleResearch } from '../shared/reports/sample-research';
import type { RepositoryResearch } from '../shared/research/types';
import { launchChromium, offPage, openFile, openWebview, posted, shown, writeWebview, type Watch } from '../test/helpers/webview-harness';

/** Every row of a table as its cells' text. */
function rows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.textContent ?? '')));
}

/** A definition list as [term, description] pairs. */
function factPairs(page: Page, list: string): Promise<string[][]> {
  return page.locator(`${list} dt`).evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
}

// The sample research with the real health formula's twelve components (three n/a for a local
// clone), the list issue #9 saw lose every other label on the chart's axis.
function research(): RepositoryResearch {
  const sample = sampleResearch();
  return { ...sample, health: healthScore(sample) };
}

// What the sections must show, worked out from the input; en-US figures (the pages' locale).
const en = new Intl.NumberFormat('en-US');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');
const lines = (additions: number, deletions: number) => `+${en.format(additions)} −${en.format(deletions)}`;

describe('one report renderer for the HTML report and the VS Code webview', () => {
  let browser: Browser;
  let dir: string;
  let model: ReportModel;
  let input: RepositoryResearch;
  const watch: Watch = { errors: [], requests: [] };
  // The two renderings, opened once and drawn (webview: fed the model as the host posts it).
  const pages: { html?: Page; webview?: Page } = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-one-renderer-'));
    input = research();
    model = buildReportModel(input);
    fs.writeFileSync(path.join(dir, 'report.html'), renderRepositoryHtml(input));
    await writeWebview(dir, 'extension/webviews/client/report.ts', 'report');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Both renderings, drawn; opened on first use and shared by the tests below. */
  async function renderings(): Promise<[string, Page][]> {
    pages.html ??= await openFile(browser, dir, 'report.html', watch);
    pages.webview ??= await openWebview(browser, dir, watch, { type: 'report', model });
    for (const page of [pages.html, pages.webview]) await shown(page, 'pull-requests');
    return [
      ['HTML report', pages.html],
      ['webview', pages.webview],
    ];
  }

  it('shows the same sections with the same text, and the webview alone has actions', async () => {
    const [[, htmlPage], [, webviewPage]] = (await renderings()) as [[string, Page], [string, Page]];
    const html = await shown(htmlPage, 'pull-requests');
    const webview = await shown(webviewPage, 'pull-requests');

    expect(html.sections.map((s) => s.id)).toEqual(['summary', 'health', 'activity', 'contributors', 'bus-factor', 'languages', 'hotspots', 'community', 'pull-requests']);
    expect(html.title).toBe('widget <b>pro</b> | tools');
    expect(webview.title).toBe(html.title);
    expect(webview.kpis).toBe(html.kpis);
    // Every section's text is the same but one sentence: the webview says names can be clicked.
    const clickHint = ' Click a name for the repositories they worked on.';
    expect(webview.sections.find((s) => s.id === 'contributors')?.text).toContain(clickHint);
    expect(webview.sections.map((s) => ({ ...s, text: s.text.replace(clickHint, '') }))).toEqual(html.sections);
    expect(html.sections.find((s) => s.id === 'pull-requests')?.text).toContain(HOSTILE.scriptBreakout);
    expect(html.buttons).toEqual([]);
    expect(webview.buttons).toEqual(['Local clones', 'Refresh', 'Re-analyze', 'Open as Markdown']);

    // In the webview a name is a link back to the host.
    await webviewPage.locator('#contributors button.link', { hasText: 'José Núñez' }).first().click();
    expect(await posted(webviewPage)).toContainEqual({ type: 'openContributor', name: 'José Núñez', email: 'jose@example.com' });
    expect(watch.errors).toEqual([]);
  });

  it('shows the summary facts in both renderings', async () => {
    const { options, releases, pullRequests, health, repository } = input;
    for (const [name, page] of await renderings()) {
      expect(await factPairs(page, '#summary'), name).toEqual([
        ['Health', `${health.score}/100, grade ${health.grade}`],
        ['Path', repository.path],
        ['Head', `${repository.headSha.slice(0, 7)} on ${repository.defaultBranch}`],
        ['History', SHALLOW_NOTE],
        ['Analysed', day(repository.analyzedAt)],
        ['Window', `Last ${options.windowMonths} months, since ${day(options.windowStart)}`],
        ['Releases', `${releases.tags} tags, ${releases.last365Days} in the last 365 days; latest ${releases.latest?.name} (${day(releases.latest?.date ?? null)})`],
        [
          'Pull requests',
          `${pullRequests.total} reconstructed (${pullRequests.merge} merge, ${pullRequests.squash} squash), ${pullRequests.inWindow} in the window; ${Math.round((pullRequests.reviewedShare ?? 0) * 100)}% of changes in the window arrived through one`,
        ],
      ]);
      // The KPI tiles stay.
      expect(await page.locator('.kpi').count(), name).toBe(7);
    }
  });

  it('lists the people with merges, active weeks and first commits, and every bot in a table of its own', async () => {
    const byCommits = <T extends { commits: number }>(list: T[]) => [...list].sort((a, b) => b.commits - a.commits);
    const keyPeople = new Set(input.busFactor.window.people.map((p) => p.email));
    const people = byCommits(input.contributors.humans)
      .slice(0, 25)
      .map((c, i) => [String(i + 1), `${c.name}${keyPeople.has(c.email) ? 'key person' : ''}`, en.format(c.commits), en.format(c.merges), lines(c.additions, c.deletions), en.format(c.activeWeeks), en.format(c.commitsInWindow), day(c.firstCommitAt), day(c.lastCommitAt)]);
    const bots = byCommits(input.contributors.bots).map((b) => [`${b.name}bot`, en.format(b.commits), en.format(b.merges), lines(b.additions, b.deletions), day(b.lastCommitAt)]);
    expect(bots).toHaveLength(2);
    for (const [name, page] of await renderings()) {
      const headers = await page.locator('#contributors table').first().locator('th').allTextContents();
      expect(headers, name).toEqual(['#', 'Name', 'Commits', 'Merges', 'Lines', 'Active weeks', 'Last 12 months', 'First commit', 'Last commit']);
      expect(await rows(page.locator('#contributors table').nth(0)), name).toEqual(people);
      expect(await page.locator('#bots').textContent(), name).toBe(`Bots (${input.contributors.bots.length})`);
      expect(await rows(page.locator('#contributors table').nth(1)), name).toEqual(bots);
      // No bot among the people, no person among the bots.
      expect(people.some(([, who]) => who?.includes('[bot]')), name).toBe(false);
    }
  });

  it('shows the hotspots’ lines added and deleted, the bus factor’s commits and the languages’ sizes', async () => {
    const hotspots = input.hotspots.map((x) => [x.path, en.format(x.churn), lines(x.additions, x.deletions), en.format(x.commits), en.format(x.authors)]);
    // 1,800,000 B = 1.7 MB; 350,000 B = 341.8 KB; 200,000 B = 195.3 KB; 100,000 B = 97.7 KB; 50,000 B = 48.8 KB (1024-based).
    const languages = [
      ['TypeScript', '210', '1.7 MB', '72%'],
      ['JavaScript', '40', '341.8 KB', '14%'],
      ['CSS', '25', '195.3 KB', '8%'],
      ['Shell', '8', '97.7 KB', '4%'],
      ['Markdown', '30', '48.8 KB', '2%'],
    ];
    const shares = (part: 'window' | 'allTime') => input.busFactor[part].people.map((p) => `${p.name}${en.format(p.commits)} commits${Math.round(p.share * 100)}%`);
    for (const [name, page] of await renderings()) {
      expect(await page.locator('#hotspots th').allTextContents(), name).toEqual(['File', 'Churn', 'Lines', 'Commits', 'Authors']);
      expect(await rows(page.locator('#hotspots table')), name).toEqual(hotspots);
      expect(await rows(page.locator('#languages table')), name).toEqual(languages);
      const parts = await page.locator('#bus-factor ul.shares').evaluateAll((uls) => uls.map((ul) => Array.from(ul.children, (li) => li.textContent ?? '')));
      expect(parts, name).toEqual([shares('window'), shares('allTime')]);
    }
  });

  it('charts health points earned against possible per component, every component named whole on the axis', async () => {
    const components = input.health.components;
    expect(components.length).toBeGreaterThanOrEqual(12);
    const measuredWeight = components.reduce((sum, c) => sum + (c.score === null ? 0 : c.weight), 0);
    const possible = (weight: number) => Math.round((1000 * weight) / measuredWeight) / 10;
    const labels = components.map((c) => (c.score === null ? `${c.label} (n/a)` : c.label));
    const points = components.map((c) => [c.label, c.score === null ? '—' : `${c.points.toFixed(1)} of ${possible(c.weight).toFixed(1)}`]);
    for (const [name, page] of await renderings()) {
      const canvas = page.locator('#health canvas');
      expect(await canvas.getAttribute('data-chart'), name).toBe('bar');
      expect(await canvas.getAttribute('aria-label'), name).toContain(`${components[0]?.label} ${components[0]?.points.toFixed(1)} of ${possible(components[0]?.weight ?? 0).toFixed(1)}`);
      expect((await rows(page.locator('#health table'))).map((r) => [r[0], r[3]]), name).toEqual(points);
      const missing = components.filter((c) => c.score === null).map((c) => c.label);
      expect(await page.locator('#health > p').first().textContent(), name).toContain(`(${missing.join(', ')}) cannot be measured for a local repository`);
    }
    // Wide, and in a narrow VS Code panel: no label dropped, none wider than the axis (clipped).
    const webview = pages.webview as Page;
    for (const [name, page, width] of [...(await renderings()).map(([n, p]) => [n, p, 1280] as const), ['webview beside the sidebar', webview, 880] as const, ['narrow webview', webview, 420] as const]) {
      await page.setViewportSize({ width, height: 900 });
      const axis = async () => {
        const canvas = page.locator('#health canvas');
        const recorded = JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]') as (string | string[])[];
        const lines = recorded.flatMap((l) => (Array.isArray(l) ? l : [l]));
        // The widest line as Chart.js draws it (12 px in the report's font) and its 3 px tick padding, against the axis's width.
        const widest = await page.evaluate((texts) => {
          const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
          ctx.font = `12px ${getComputedStyle(document.body).getPropertyValue('--vscode-font-family') || 'sans-serif'}`;
          return Math.max(...texts.map((t) => ctx.measureText(t).width));
        }, lines);
        const lineCount = Math.max(...recorded.map((l) => (Array.isArray(l) ? l.length : 1)));
        return { labels: recorded.map((l) => (Array.isArray(l) ? l.join(' ') : l)), lineCount, fits: widest + 4 <= Number(await canvas.getAttribute('data-axis-width')), rowHeight: (await canvas.evaluate((c) => c.clientHeight)) / recorded.length };
      };
      await expect.poll(axis, { timeout: 5_000 }).toMatchObject({ labels, fits: true });
      // Each component has a row its name, on at most two lines, can be read in.
      const { rowHeight, lineCount } = await axis();
      expect(lineCount, name).toBeLessThanOrEqual(2);
      expect(rowHeight, name).toBeGreaterThanOrEqual(28);
    }
    await webview.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the activity facts under the chart, the whole window charted', async () => {
    const weeks = input.activity.weeks;
    const busiest = weeks.reduce((best, w) => (w.commits > best.commits ? w : best));
    const last12 = weeks.slice(-12).reduce((sum, w) => sum + w.commits, 0);
    for (const [name, page] of await renderings()) {
      const facts = Object.fromEntries(await factPairs(page, '#activity'));
      expect(facts, name).toMatchObject({
        Commits: `${en.format(input.activity.totalCommits)} (plus ${input.activity.totalMerges} merges)`,
        'Active weeks': `${input.activity.activeWeeksLast26} of the last 26`,
        'Last 12 weeks': `${last12} commits`,
        'Busiest week': `${busiest.week}: ${busiest.commits} commits by ${busiest.authors} authors`,
      });
      expect(await page.locator('#activity canvas').getAttribute('aria-label'), name).toBe(`Weekly commits over the last ${weeks.length} weeks`);
    }
  });

  it('keeps hostile repository text as text in both renderings', async () => {
    for (const [name, page] of await renderings()) {
      const text = await page.locator('#app').innerText();
      for (const hostile of [HOSTILE.imgTag, HOSTILE.scriptBreakout, HOSTILE.injection, 'renovate[bot] <b>bold</b>', 'src/<script>alert(1)</script>.ts']) expect(text, name).toContain(hostile);
      expect(await page.locator('#app img, #app b, #app script, #app iframe, #app [onerror]').count(), name).toBe(0);
    }
    expect(watch.errors).toEqual([]);
  });

  it('with JavaScript off, shows the report’s text version: the key facts, every table, hostile text as text', async () => {
    const page = await openFile(browser, dir, 'report.html', watch, undefined, { javaScriptEnabled: false });
    expect(await page.locator('#app').innerHTML()).toBe('');
    expect(await page.locator('#text-version').isVisible()).toBe(true);
    const text = await page.locator('body').innerText();
    const { health, contributors, busFactor, hotspots, pullRequests } = input;
    expect(text).toContain(`RepoScout report: ${input.repository.name}`);
    expect(text).toContain(`Health: ${health.score}/100, grade ${health.grade}`);
    expect(text).toContain(`Window: Last ${input.options.windowMonths} months, since ${day(input.options.windowStart)}`);
    expect(text).toContain(`Last ${busFactor.windowMonths} months: ${busFactor.window.factor}`);
    expect(text).toContain(`Bots (${contributors.bots.length})`);
    // Tables, not text: José's row and a bot's row with their merges, a hotspot with its lines.
    const jose = contributors.humans[0];
    const row = (cells: string[]) => page.locator('#text-version tr', { has: page.locator('td', { hasText: cells[0] }) }).first().locator('td').allTextContents();
    expect((await row([jose?.name ?? ''])).slice(1, 4)).toEqual([jose?.name, en.format(jose?.commits ?? 0), en.format(jose?.merges ?? 0)]);
    const dependabot = contributors.bots[0];
    expect((await row([dependabot?.name ?? ''])).slice(0, 3)).toEqual([dependabot?.name, en.format(dependabot?.commits ?? 0), en.format(dependabot?.merges ?? 0)]);
    const hotspot = hotspots[1];
    expect(await row([hotspot?.path ?? ''])).toEqual([hotspot?.path, en.format(hotspot?.churn ?? 0), `+${en.format(hotspot?.additions ?? 0)} / −${en.format(hotspot?.deletions ?? 0)}`, en.format(hotspot?.commits ?? 0), en.format(hotspot?.authors ?? 0)]);
    for (const c of health.components) expect(text).toContain(c.label);
    // Hostile text shows literally and makes no element; nothing can be followed or fetched.
    for (const hostile of [HOSTILE.imgTag, HOSTILE.injection, pullRequests.recent[0]?.title ?? '', 'renovate[bot] <b>bold</b>']) expect(text).toContain(hostile);
    expect(await page.locator('#text-version img, #text-version a, #text-version b, #text-version script, #text-version [onerror]').count()).toBe(0);
    await page.close();
    expect(watch.errors).toEqual([]);
    expect(offPage(watch)).toEqual([]);
  });
});
