// One renderer: the same report model, rendered by the self-contained HTML report (as the CLI
// writes it) and by the VS Code report webview's script (its real bundle, in its real page
// shell and CSP, fed the model as the extension posts it), shows the same sections with the
// same text in a real Chromium. Only the webview's header has buttons the file cannot have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../shared/protocol/report';
import { renderRepositoryHtml } from '../shared/reports/html';
import { buildReportModel } from '../shared/reports/report-model';
import { HOSTILE, sampleResearch } from '../shared/reports/sample-research';
import { launchChromium, openFile, openWebview, posted, shownReport, writeWebview, type ShownReport } from '../test/helpers/webview-browser';

async function shown(page: Page): Promise<ShownReport> {
  await page.locator('#pull-requests').waitFor({ timeout: 15_000 });
  await page.locator('canvas[data-chart]').nth(2).waitFor({ timeout: 15_000 });
  return shownReport(page);
}

describe('one report renderer for the HTML report and the VS Code webview', () => {
  let browser: Browser;
  let dir: string;
  let model: ReportModel;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-one-renderer-'));
    const research = sampleResearch();
    model = buildReportModel(research);
    fs.writeFileSync(path.join(dir, 'report.html'), renderRepositoryHtml(research));
    await writeWebview(dir, 'extension/webviews/client/report.ts', 'RepoScout: report');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same sections with the same text, and the webview alone has actions', async () => {
    const html = await shown(await openFile(browser, dir, 'report.html', errors));
    const webviewPage = await openWebview(browser, dir, errors, { type: 'report', model });
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
    expect(await posted(webviewPage)).toContainEqual({ type: 'openContributor', name: 'José Núñez', email: 'jose@example.com' });
    expect(errors).toEqual([]);
  });
});
