// Opens the HTML report in a real Chromium from disk, as a user would, and checks that
// the charts draw, the CSP holds, nothing touches the network and hostile text stays text.
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
const CHART_IDS = ['activity-chart', 'health-chart', 'languages-chart'];

// The few browser globals the page functions touch (the project compiles without the DOM lib).
interface BrowserGlobals {
  document: { getElementById(id: string): { width: number; height: number } | null; querySelectorAll(selector: string): { length: number } };
  Chart?: { getChart(canvas: unknown): { config: { type: string } } | undefined };
}

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

  it('draws all three charts with no errors, no dialogs and no network', async () => {
    const { page, events } = await openReport(browser, url, 'light');
    const charts = await page.evaluate((ids) => {
      const g = globalThis as unknown as BrowserGlobals;
      return {
        hasChart: typeof g.Chart?.getChart === 'function',
        canvases: ids.map((id) => {
          const canvas = g.document.getElementById(id);
          return { id, width: canvas?.width ?? 0, height: canvas?.height ?? 0, type: g.Chart?.getChart(canvas)?.config.type ?? null };
        }),
      };
    }, CHART_IDS);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(events.errors).toEqual([]);
    expect(events.dialogs).toEqual([]);
    expect(events.requests).toEqual([url]);
    expect(charts.hasChart).toBe(true);
    expect(charts.canvases.map((c) => c.type)).toEqual(['bar', 'bar', 'doughnut']);
    for (const canvas of charts.canvases) {
      expect(canvas.width, canvas.id).toBeGreaterThan(0);
      expect(canvas.height, canvas.id).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('shows hostile repository text as visible text, never as elements', async () => {
    const { page, events } = await openReport(browser, url, 'light');
    const text = await page.locator('body').innerText();
    expect(text).toContain(HOSTILE.imgTag);
    expect(text).toContain(HOSTILE.scriptBreakout);
    expect(text).toContain(HOSTILE.injection);
    expect(text).toContain('José Núñez');
    expect(text).toContain('李雷');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(3);
    expect(events.dialogs).toEqual([]);
    await page.close();
  });

  it('renders in dark mode without errors', async () => {
    const { page, events } = await openReport(browser, url, 'dark');
    await page.screenshot({ path: SCREENSHOT_DARK, fullPage: true });
    expect(events.errors).toEqual([]);
    expect(events.requests).toEqual([url]);
    await page.close();
  });
});
