// Opens the HTML report in a real Chromium from disk, as a user would, and checks that the
// shared renderer (webview-client/report.ts) draws every section and chart, the CSP holds,
// nothing touches the network and hostile text stays text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRepositoryHtml } from './html';
import { HOSTILE, sampleResearch } from './sample-research';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/reposcout-report.png';
const SCREENSHOT_DARK = '/tmp/reposcout-report-dark.png';
// The sections with a chart, and the chart each draws (webview-client/report.ts).
const CHARTS = [
  ['health', 'bar'],
  ['activity', 'bar'],
  ['languages', 'doughnut'],
];

interface PageEvents {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function openReport(browser: Browser, url: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; events: PageEvents }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const events: PageEvents = { requests: [], errors: [], dialogs: [] };
  page.on('request', (request) => events.requests.push(request.url()));
  page.on('pageerror', (error) => events.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') events.errors.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    events.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, events };
}

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` (as root) so the report can be tested in a real browser.`);
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-browser-'));
    const file = path.join(dir, 'report.html');
    fs.writeFileSync(file, renderRepositoryHtml(sampleResearch()));
    url = pathToFileURL(file).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders every section and draws all three charts with no errors, no dialogs and no network', async () => {
    const { page, events } = await openReport(browser, url, 'light');
    await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 10_000 });
    const ids = await page.locator('section.card').evaluateAll((sections) => sections.map((s) => s.id));
    expect(ids).toEqual(['summary', 'health', 'activity', 'contributors', 'bus-factor', 'languages', 'hotspots', 'community', 'pull-requests']);
    for (const [section, type] of CHARTS) {
      const canvas = page.locator(`#${section} canvas`);
      expect(await canvas.getAttribute('data-chart'), section).toBe(type);
      const size = await canvas.evaluate((c) => ({ width: (c as unknown as { width: number }).width, height: (c as unknown as { height: number }).height }));
      expect(size.width, section).toBeGreaterThan(0);
      expect(size.height, section).toBeGreaterThan(0);
    }
    // Every health component is named on the chart's axis: its label is in the canvas's description.
    expect(await page.locator('#health canvas').getAttribute('aria-label')).toContain('Pull request flow');
    expect(await page.locator('#contributors tbody tr').count()).toBe(27);
    expect(await page.locator('footer').innerText()).toContain('makes no network requests');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(events.errors).toEqual([]);
    expect(events.dialogs).toEqual([]);
    expect(events.requests).toEqual([url]);
    await page.close();
  });

  it('shows hostile repository text as visible text, never as elements', async () => {
    const { page, events } = await openReport(browser, url, 'light');
    await page.locator('#pull-requests').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(HOSTILE.imgTag);
    expect(text).toContain(HOSTILE.scriptBreakout);
    expect(text).toContain(HOSTILE.injection);
    expect(text).toContain('José Núñez');
    expect(text).toContain('李雷');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    // The head's switch that hides the text version, the model, the report's bundle.
    expect(await page.locator('script').count()).toBe(3);
    // The text version is there for readers without scripts, and hidden from this one.
    expect(await page.locator('#text-version').isHidden()).toBe(true);
    // Repository text never became a link or a button: the HTML report has no actions.
    expect(await page.locator('button, a').count()).toBe(0);
    expect(events.dialogs).toEqual([]);
    await page.close();
  });

  it('says so, instead of a blank page, when its data is not a report model', async () => {
    const broken = path.join(dir, 'broken.html');
    fs.writeFileSync(broken, fs.readFileSync(path.join(dir, 'report.html'), 'utf8').replace(/(<script type="application\/json" id="data">)[^<]*/, '$1{"nope":1}'));
    const { page, events } = await openReport(browser, pathToFileURL(broken).href, 'light');
    expect(await page.getByRole('alert').innerText()).toContain('This report cannot be shown');
    // The text version, which scripts hide, is shown instead of the drawn report.
    expect(await page.locator('#text-version').isVisible()).toBe(true);
    expect(await page.locator('#text-version h2', { hasText: 'Contributors' }).isVisible()).toBe(true);
    expect(events.dialogs).toEqual([]);
    await page.close();
  });

  it('renders in dark mode without errors', async () => {
    const { page, events } = await openReport(browser, url, 'dark');
    await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: SCREENSHOT_DARK, fullPage: true });
    expect(events.errors).toEqual([]);
    expect(events.requests).toEqual([url]);
    await page.close();
  });
});
