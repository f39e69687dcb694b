// Opens the organization report in a real Chromium from disk: charts and the cytoscape
// graph draw, the CSP holds, nothing touches the network, and hostile repository text
// from the GitHub API (descriptions, topics, READMEs) stays text.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { HOSTILE_TEXT } from '../../test/fake-github/synthetic';
import { ingestGitHubOwner } from '../github/ingest';
import { researchOrganization } from '../research/org-research';
import { writeOrganizationReports } from './org-write';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/reposcout-org-report.png';
const SCREENSHOT_TOP = '/tmp/reposcout-org-report-top.png';
const SCREENSHOT_GRAPH = '/tmp/reposcout-org-graph.png';

interface BrowserGlobals {
  document: { getElementById(id: string): { width: number; height: number } | null; querySelectorAll(selector: string): { length: number } };
  Chart?: { getChart(canvas: unknown): { config: { type: string } } | undefined };
  orgGraph?: { nodes(): { length: number }; edges(): { length: number }; extent(): { w: number; h: number } };
}

describe('organization report in Chromium', () => {
  let world: GitHubWorld;
  let browser: Browser;
  let url: string;
  let htmlPath: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` so the report can be tested in a real browser.`);
    world = await githubWorld({ repositories: 60, hostile: true });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now, batchSize: 30 });
    const research = researchOrganization(world.store, 'acme', { now: world.org.now });
    const paths = writeOrganizationReports(research, path.join(world.dir, 'report'));
    htmlPath = paths.htmlPath;
    url = pathToFileURL(htmlPath).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await world?.dispose();
  });

  it('draws the charts and the collaboration graph with no errors, dialogs or network', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    const state = await page.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      const types = ['org-health-chart', 'org-languages-chart', 'org-activity-chart'].map((id) => g.Chart?.getChart(g.document.getElementById(id))?.config.type ?? null);
      const graph = g.orgGraph;
      return { types, nodes: graph?.nodes().length ?? 0, edges: graph?.edges().length ?? 0, extent: graph?.extent() ?? { w: 0, h: 0 }, canvases: g.document.querySelectorAll('#org-graph canvas').length };
    });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.screenshot({ path: SCREENSHOT_TOP });
    await page.locator('#network').screenshot({ path: SCREENSHOT_GRAPH });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    expect(state.types).toEqual(['bar', 'doughnut', 'bar']);
    expect(state.nodes).toBeGreaterThan(40);
    expect(state.edges).toBeGreaterThan(40);
    expect(state.canvases).toBeGreaterThan(0);
    expect(state.extent.w).toBeGreaterThan(0);
    await page.close();
  });

  it('shows hostile descriptions, topics and README text as text, never as elements', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    const text = await page.locator('body').innerText();
    expect(text).toContain(HOSTILE_TEXT.topic);
    expect(text).toContain(HOSTILE_TEXT.description);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(4);
    expect(dialogs).toEqual([]);
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<img src=x');
    await page.close();
  });
});
