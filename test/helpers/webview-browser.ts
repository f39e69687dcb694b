// A real Chromium for the "one renderer" tests: they open a self-contained HTML report and
// a VS Code webview (its real esbuild bundle in its real page shell and CSP) from disk, feed
// the webview a model as the extension posts it, and record every problem a page shows.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webviewHtml } from '../../extension/webviews/html';
// @ts-expect-error -- a plain .mjs build helper shared with esbuild.config.mjs; no declarations.
import { browserBuild } from '../../webview-client/bundle.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '../..');

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` (as root).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** Writes `webview.html` into `dir`: the webview's page shell with the bundle of `entry` (relative to the repository root) and its stylesheet. */
export async function writeWebview(dir: string, entry: string, title: string): Promise<void> {
  const bundle = await build({ ...browserBuild, entryPoints: [path.join(root, entry)], write: false });
  fs.writeFileSync(path.join(dir, 'webview.js'), bundle.outputFiles?.[0]?.text ?? '');
  fs.copyFileSync(path.join(root, 'media/webview.css'), path.join(dir, 'webview.css'));
  fs.writeFileSync(path.join(dir, 'webview.html'), webviewHtml({ cspSource: 'file:', scriptUri: 'webview.js', styleUri: 'webview.css', title }));
}

/** Opens `dir/file`; page errors, console errors, dialogs and requests that leave the disk go to `problems`. */
export async function openFile(browser: Browser, dir: string, file: string, problems: string[], before?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => problems.push(`${file}: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${file}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`${file}: dialog ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`${file}: request ${r.url()}`);
  });
  await before?.(page);
  await page.goto(pathToFileURL(path.join(dir, file)).href);
  return page;
}

/**
 * Opens `dir/webview.html` with VS Code's webview API as the page gets it (messages to the
 * host recorded, see `posted`) and, once it said "ready", posts `message` as panels.ts does.
 */
export async function openWebview(browser: Browser, dir: string, problems: string[], message: unknown): Promise<Page> {
  const page = await openFile(browser, dir, 'webview.html', problems, (p) =>
    p
      .addInitScript(() => {
        const w = globalThis as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
        w.posted = [];
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(m), getState: () => undefined, setState: () => undefined });
      })
      .then(() => undefined),
  );
  await expect.poll(async () => ((await posted(page)) as { type: string }[]).map((m) => m.type)).toContain('ready');
  await page.evaluate((m) => (globalThis as unknown as { postMessage(message: unknown, origin: string): void }).postMessage(m, '*'), message);
  return page;
}

/** What the webview posted to the host so far. */
export function posted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (globalThis as unknown as { posted: unknown[] }).posted);
}

/** What a report shows as text: every section (textContent: the text nodes themselves, whatever the layout), the headline figures, the title and the header's buttons. */
export interface ShownReport {
  sections: { id: string; text: string }[];
  kpis: string;
  title: string;
  buttons: string[];
}

/** What the report on `page` shows (call once it has drawn). */
export async function shownReport(page: Page): Promise<ShownReport> {
  return {
    sections: await page.locator('section.card').evaluateAll((els) => els.map((el) => ({ id: el.id, text: el.textContent ?? '' }))),
    kpis: (await page.locator('.kpis').textContent()) ?? '',
    title: await page.locator('h1').innerText(),
    buttons: await page.locator('.report-header button').allInnerTexts(),
  };
}
