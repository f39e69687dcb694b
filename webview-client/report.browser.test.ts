// One renderer: the same report model, rendered by the self-contained HTML report (as the CLI
// writes it) and by the VS Code report webview's script (its real bundle, in its real page
// shell and CSP, fed the model as the extension posts it), shows the same sections with the
// same text in a real Chromium. Only the webview's header has buttons the file cannot have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webviewHtml } from '../extension/webviews/html';
import type { ReportModel } from '../shared/protocol/report';
import { renderRepositoryHtml } from '../shared/reports/html';
import { buildReportModel } from '../shared/reports/report-model';
import { HOSTILE, sampleResearch } from '../shared/reports/sample-research';
import { browserBuild } from './bundle.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');

interface Shown {
  sections: { id: string; text: string }[];
  kpis: string;
  title: string;
  buttons: string[];
}

async function shown(page: Page): Promise<Shown> {
  await page.locator('#pull-requests').waitFor({ timeout: 15_000 });
  await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 15_000 });
  return {
    // textContent: the text nodes themselves (innerText would also differ by a link's layout).
    sections: await page.locator('section.card').evaluateAll((els) => els.map((el) => ({ id: el.id, text: el.textContent ?? '' }))),
    kpis: (await page.locator('.kpis').textContent()) ?? '',
    title: await page.locator('h1').innerText(),
    buttons: await page.locator('.report-header button').allInnerTexts(),
  };
}

describe('one report renderer for the HTML report and the VS Code webview', () => {
  let browser: Browser;
  let dir: string;
  let model: ReportModel;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` (as root).`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-one-renderer-'));
    const research = sampleResearch();
    model = buildReportModel(research);
    fs.writeFileSync(path.join(dir, 'report.html'), renderRepositoryHtml(research));
    // The webview as the extension ships it: esbuild's bundle of its entry, its page shell and stylesheet.
    const bundle = await build({ ...browserBuild, entryPoints: [path.join(root, 'extension/webviews/client/report.ts')], write: false });
    fs.writeFileSync(path.join(dir, 'report.js'), bundle.outputFiles?.[0]?.text ?? '');
    fs.copyFileSync(path.join(root, 'media/webview.css'), path.join(dir, 'webview.css'));
    fs.writeFileSync(path.join(dir, 'webview.html'), webviewHtml({ cspSource: 'file:', scriptUri: 'report.js', styleUri: 'webview.css', title: 'RepoScout: report' }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string, before?: (page: Page) => Promise<void>): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(`${file}: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${file}: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      errors.push(`${file}: dialog ${d.message()}`);
      void d.dismiss();
    });
    await before?.(page);
    await page.goto(pathToFileURL(path.join(dir, file)).href);
    return page;
  }

  it('shows the same sections with the same text, and the webview alone has actions', async () => {
    const html = await shown(await open('report.html'));
    const webviewPage = await open('webview.html', (page) =>
      // VS Code's webview API, as the page gets it: messages to the host are recorded.
      page
        .addInitScript(() => {
          const w = globalThis as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
          w.posted = [];
          w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => undefined });
        })
        .then(() => undefined),
    );
    // The host answers the webview's "ready" with the model, as panels.ts does.
    await expect.poll(() => webviewPage.evaluate(() => (globalThis as unknown as { posted: { type: string }[] }).posted.map((m) => m.type))).toContain('ready');
    await webviewPage.evaluate((m) => (globalThis as unknown as { postMessage(message: unknown, origin: string): void }).postMessage({ type: 'report', model: m }, '*'), model);
    const webview = await shown(webviewPage);

    expect(html.sections.map((s) => s.id)).toEqual(['health', 'activity', 'contributors', 'bus-factor', 'hotspots', 'languages', 'community', 'pull-requests']);
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
    const posted = await webviewPage.evaluate(() => (globalThis as unknown as { posted: unknown[] }).posted);
    expect(posted).toContainEqual({ type: 'openContributor', name: 'José Núñez', email: 'jose@example.com' });
    expect(errors).toEqual([]);
  });
});
