// Opens the organization report in a real Chromium from disk, as the CLI writes it: the
// bundled renderer (webview-client/org-report.ts) draws its charts and the cytoscape graph,
// the CSP holds, nothing touches the network, and hostile repository text from the GitHub API
// (descriptions, topics, READMEs) stays text. webview-client/org-report.browser.test.ts
// compares it with the VS Code dashboard.
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
    await page.locator('.graph[data-nodes]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('canvas[data-chart]').count(), { timeout: 15_000 }).toBe(3);
    const graph = page.locator('.graph');
    const state = {
      types: await page.locator('canvas[data-chart]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.chart)),
      nodes: Number(await graph.getAttribute('data-nodes')),
      edges: Number(await graph.getAttribute('data-edges')),
      canvases: await graph.locator('canvas').count(),
      box: await graph.boundingBox(),
    };
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
    expect(state.box?.height).toBeGreaterThan(100);
    // Every section of the report is there, titled.
    expect(await page.locator('section.card h2').allInnerTexts()).toEqual([
      'Overview',
      'Health distribution',
      'Language mix',
      'Where health points are lost',
      'Needs attention',
      'Best repositories',
      'Activity',
      'Collaboration network',
      'Topics',
      'Citations',
      'Repositories',
    ]);
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
    await page.locator('#repositories').waitFor({ timeout: 15_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain(HOSTILE_TEXT.topic);
    expect(text).toContain(HOSTILE_TEXT.description);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);
    // The head's one-liner that hides the text version, the JSON model block and the bundled script: nothing the data added.
    expect(await page.locator('script').count()).toBe(3);
    expect(dialogs).toEqual([]);
    const html = fs.readFileSync(htmlPath, 'utf8');
    expect(html).not.toContain('<b>bold</b>');
    expect(html).not.toContain('<img src=x');
    await page.close();
  });

  it('shows readers without scripts the text version: the Markdown report as plain HTML, hostile text still text', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(url, { waitUntil: 'load' });
    const text = await page.locator('body').innerText();
    for (const heading of ['Overview', 'Health', 'Languages', 'Activity', 'Topics', 'Collaboration network', 'Citations', 'All repositories']) {
      expect(await page.locator('#text-version h2', { hasText: heading }).count(), heading).toBeGreaterThan(0);
    }
    expect(text).toContain(HOSTILE_TEXT.description);
    expect(await page.locator('img, b, a').count()).toBe(0);
    await page.close();
  });
});
