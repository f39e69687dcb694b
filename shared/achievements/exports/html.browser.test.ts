// Opens the portfolio HTML in a real Chromium from disk, as a user would: the charts draw,
// nothing touches the network, hostile titles stay text; and prints the PDF with the same
// browser, as `--format pdf` does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolioRepo } from '../../../test/helpers/achievements-fixture';
import { tempDir } from '../../../test/helpers/git-fixture';
import { openStore } from '../../store/open';
import { collectFromGit } from '../collect-git';
import { buildIdentity } from '../identity';
import { portfolioFromStore } from '../index';
import { parseWindow } from '../time';
import { writePortfolio } from './write';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/reposcout-portfolio.png';


describe('portfolio HTML and PDF in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let files: { format: string; path: string }[];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` (as root).`);
    dir = tempDir('reposcout-portfolio-browser-');
    const repo = portfolioRepo();
    const store = openStore(path.join(dir, 'a.db'));
    try {
      const alice = buildIdentity('alice@example.com', ['alice']);
      await collectFromGit(store, [repo.dir], alice, parseWindow(undefined, undefined));
      const portfolio = portfolioFromStore(store, alice, parseWindow(undefined, undefined), { now: new Date('2026-04-01T00:00:00Z') });
      files = (await writePortfolio(portfolio, path.join(dir, 'out'), ['html', 'pdf'], { browser: CHROMIUM })).files;
    } finally {
      store.close();
      repo.remove();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws the three charts with no errors, dialogs or network, and keeps hostile text as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const html = files.find((f) => f.format === 'html')!.path;
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    // Each chart says it drew (webview-client/charts.ts); the renderer is the webview's (see webview-client/portfolio.browser.test.ts).
    await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect({ charts: await page.locator('canvas[data-chart]').count(), injected: await page.locator('img').count() }).toEqual({ charts: 3, injected: 0 });
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(await page.getByText('<img src=x onerror=alert(1)>', { exact: false }).first().isVisible()).toBe(true);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });

  it('prints a PDF from the HTML', () => {
    const pdf = files.find((f) => f.format === 'pdf');
    expect(pdf).toBeDefined();
    const bytes = fs.readFileSync(pdf!.path).toString('latin1');
    expect(bytes.slice(0, 5)).toBe('%PDF-');
    // The page is drawn by its script, charts included: printed before it ran there would be no
    // chart (the text version for readers without scripts has none), and the canvases print as images.
    expect(bytes.match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(bytes.match(/\/Subtype\s*\/Image\b/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  });
});
