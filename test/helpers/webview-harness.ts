// The real-Chromium harness of the "one renderer" tests (webview-client/*.browser.test.ts): a
// VS Code webview as the extension ships it (esbuild's bundle of its entry, in its page shell and
// CSP, with VS Code's webview API stubbed to record what the page posts to the host), opened from
// file:// beside the self-contained HTML page the engine writes for the same model.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webviewHtml } from '../../extension/webviews/html';
import { browserBuild } from '../../webview-client/bundle.mjs';

const CHROMIUM = '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..', '..');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; run \`apt-get install -y chromium\` (as root).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

/** Writes the webview of `entry` (relative to the repository root) into `dir` as `<name>.js` and `webview.html`. */
export async function writeWebview(dir: string, entry: string, name: string): Promise<void> {
  const bundle = await build({ ...browserBuild, entryPoints: [path.join(root, entry)], write: false });
  fs.writeFileSync(path.join(dir, `${name}.js`), bundle.outputFiles?.[0]?.text ?? '');
  fs.copyFileSync(path.join(root, 'media/webview.css'), path.join(dir, 'webview.css'));
  fs.writeFileSync(path.join(dir, 'webview.html'), webviewHtml({ cspSource: 'file:', scriptUri: `${name}.js`, styleUri: 'webview.css', title: `RepoScout: ${name}` }));
}

/** What the pages did that a test holds to nothing: script errors and dialogs, and every request. */
export interface Watch {
  errors: string[];
  requests: string[];
}

/**
 * Opens `dir/file` from disk, recording into `watch`; `before` runs ahead of the page's scripts.
 * Figures are en-US, as tests write them; `javaScriptEnabled: false` reads it as a reader without scripts.
 */
export async function openFile(browser: Browser, dir: string, file: string, watch: Watch, before?: (page: Page) => Promise<void>, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('pageerror', (error) => watch.errors.push(`${file}: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') watch.errors.push(`${file}: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    watch.errors.push(`${file}: dialog ${d.message()}`);
    void d.dismiss();
  });
  await before?.(page);
  await page.goto(pathToFileURL(path.join(dir, file)).href);
  return page;
}

/** Opens the webview written by writeWebview and, once it says "ready", posts it `message` as the host does (panels.ts). */
export async function openWebview(browser: Browser, dir: string, watch: Watch, message: unknown): Promise<Page> {
  const page = await openFile(browser, dir, 'webview.html', watch, (p) =>
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

/** What a rendering shows, to compare both renderings of one model. */
export interface Shown {
  sections: { id: string; text: string }[];
  kpis: string;
  title: string;
  buttons: string[];
  /** every anchor's href */
  anchors: string[];
  /** elements repository text could have smuggled in */
  injected: number;
}

/** Waits for the section `last` and three drawn charts, then reads what the page shows. */
export async function shown(page: Page, last: string): Promise<Shown> {
  await page.locator(`#${last}`).waitFor({ timeout: 15_000 });
  await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 15_000 });
  return {
    // textContent: the text nodes themselves (innerText would also differ by a link's layout).
    sections: await page.locator('section.card').evaluateAll((els) => els.map((el) => ({ id: el.id, text: el.textContent ?? '' }))),
    kpis: (await page.locator('.kpis').textContent()) ?? '',
    // The page's own heading (a self-contained page's text version, hidden here, has one too).
    title: await page.locator('#app h1').innerText(),
    buttons: await page.locator('.report-header button').allInnerTexts(),
    anchors: await page.locator('a').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? '')),
    injected: await page.locator('img, iframe, object, embed').count(),
  };
}

/** Every message the webview posted to the host so far. */
export function posted(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (globalThis as unknown as { posted: unknown[] }).posted);
}

/** The requests for anything but the pages' own files (file:, data:): a self-contained page makes none. */
export function offPage(watch: Watch): string[] {
  return watch.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
}
