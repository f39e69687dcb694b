// One portfolio renderer: the same portfolio, rendered by the self-contained HTML export (as
// the CLI writes it, opened from file://) and by the VS Code portfolio webview's script (its
// real bundle, in its real page shell and CSP, fed the model as the extension posts it), shows
// the same sections with the same text in a real Chromium. Hostile PR titles, logins and model
// prose stay text both ways; only the webview has buttons, and its links post to the host.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFromGit } from '../shared/achievements/collect-git';
import { renderPortfolioHtml } from '../shared/achievements/exports/html';
import { buildIdentity } from '../shared/achievements/identity';
import { portfolioFromStore } from '../shared/achievements/index';
import { buildPortfolioReportModel } from '../shared/achievements/report-model';
import { parseWindow } from '../shared/achievements/time';
import type { Portfolio } from '../shared/protocol/achievements';
import type { PortfolioReportModel } from '../shared/protocol/portfolio-report';
import { openStore } from '../shared/store/open';
import { portfolioRepo } from '../test/helpers/achievements-fixture';
import { launchChromium, offPage, openFile, openWebview, posted, shown, writeWebview, type Watch } from '../test/helpers/webview-harness';

const IMG = '<img src=x onerror=alert(1)>';
const SECTIONS = ['summary', 'impact', 'class-mix', 'skills', 'themes', 'highlights', 'flow', 'collaboration', 'repositories', 'pull-requests'];

/**
 * The fixture's portfolio (git records, one PR titled with an img tag) with what git cannot
 * show added as GitHub would give it: model prose, reviews both ways, links to reviewed PRs,
 * one of them a javascript: URL that must never become a link. All of it hostile text.
 */
function everySection(p: Portfolio): Portfolio {
  const first = p.highlights[0]!;
  return {
    ...p,
    sources: ['git', 'github'],
    prose: { writtenBy: 'language-model', provider: 'anthropic', model: 'claude-test', promptVersion: 1, summary: `Great work ${IMG}`, highlightReasons: [{ ref: first.ref, reason: `Because ${IMG}` }] },
    highlights: p.highlights.map((x, i) => (i === 0 ? { ...x, url: 'https://github.com/acme/demo/pull/1' } : x)),
    collaboration: {
      ...p.collaboration,
      reviewedBy: [{ login: `bob${IMG}`, reviews: 3 }],
      reviewed: [
        { login: 'carol', prs: 2, reviews: 4, pullRequests: [{ ref: 'acme/web#7', title: `Carol's ${IMG}`, url: 'https://github.com/acme/web/pull/7' }, { ref: 'acme/web#8', title: 'Sneaky', url: 'javascript:alert(1)' }] },
      ],
      reviewedTotals: { prs: 2, people: 1 },
    },
  };
}

describe('one portfolio renderer for the HTML export and the VS Code webview', () => {
  let browser: Browser;
  let dir: string;
  let model: PortfolioReportModel;
  const watch: Watch = { errors: [], requests: [] };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-one-portfolio-'));
    const repo = portfolioRepo();
    const store = openStore(path.join(dir, 'a.db'));
    let portfolio: Portfolio;
    try {
      const alice = buildIdentity('alice@example.com', ['alice']);
      await collectFromGit(store, [repo.dir], alice, parseWindow(undefined, undefined));
      portfolio = everySection(portfolioFromStore(store, alice, parseWindow(undefined, undefined), { now: new Date('2026-04-01T00:00:00Z') }));
    } finally {
      store.close();
      repo.remove();
    }
    model = buildPortfolioReportModel(portfolio);
    fs.writeFileSync(path.join(dir, 'portfolio.html'), renderPortfolioHtml(portfolio));
    await writeWebview(dir, 'extension/webviews/client/portfolio.ts', 'portfolio');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the same sections with the same text, hostile text as text, and the webview alone has actions', async () => {
    const htmlPage = await openFile(browser, dir, 'portfolio.html', watch);
    const html = await shown(htmlPage, 'pull-requests');
    const webviewPage = await openWebview(browser, dir, watch, { type: 'portfolio', model, canWriteProse: false });
    const webview = await shown(webviewPage, 'pull-requests');
    await htmlPage.screenshot({ path: '/tmp/reposcout-portfolio-export.png', fullPage: true });
    await webviewPage.screenshot({ path: '/tmp/reposcout-portfolio-webview.png', fullPage: true });

    expect(html.sections.map((s) => s.id)).toEqual(SECTIONS);
    expect(webview.sections).toEqual(html.sections);
    expect(webview.kpis).toBe(html.kpis);
    expect(html.title).toBe('Portfolio: alice@example.com');
    expect(webview.title).toBe(html.title);
    // Hostile text is text: a PR title, a login, a reviewed PR's title, the model's prose and reason.
    const text = (id: string) => html.sections.find((s) => s.id === id)?.text ?? '';
    expect(text('pull-requests')).toContain(`Tidy the ${IMG} parser`);
    expect(text('collaboration')).toContain(`@bob${IMG}`);
    expect(text('collaboration')).toContain(`acme/web#7 by @carol: Carol's ${IMG}`);
    expect(text('summary')).toContain(`Great work ${IMG}`);
    expect(text('summary')).toContain('Written by a language model (anthropic, claude-test)');
    expect(text('highlights')).toContain(`Because ${IMG}`);
    expect(text('flow')).toContain('Branch lifetime (inferred)');
    expect(html.injected).toBe(0);
    expect(webview.injected).toBe(0);
    // The export links only http(s) URLs, as anchors; the webview has no anchors, only buttons to the host.
    expect(html.anchors).toEqual(['https://github.com/acme/demo/pull/1', 'https://github.com/acme/web/pull/7']);
    expect(webview.anchors).toEqual([]);
    expect(html.buttons).toEqual([]);
    expect(webview.buttons).toEqual(['Refresh', 'Export…', 'Write Self-Review…']);
    expect(await htmlPage.locator('footer').innerText()).toContain('Generated by RepoScout on 2026-04-01. This file is self-contained');

    // In the webview a PR title is a link that asks the host to open it; its header buttons post too.
    await webviewPage.locator('#collaboration button.link', { hasText: 'acme/web#7' }).click();
    await webviewPage.locator('.report-header button', { hasText: 'Export…' }).click();
    expect(await posted(webviewPage)).toContainEqual({ type: 'openExternal', url: 'https://github.com/acme/web/pull/7' });
    expect(await posted(webviewPage)).toContainEqual({ type: 'exportPortfolio' });
    expect(watch.errors).toEqual([]);
    expect(offPage(watch)).toEqual([]);
  });

  it('says so, instead of a blank page, when its data is not a portfolio model', async () => {
    const broken = path.join(dir, 'broken.html');
    fs.writeFileSync(broken, fs.readFileSync(path.join(dir, 'portfolio.html'), 'utf8').replace(/(<script type="application\/json" id="data">)[^<]*/, '$1{"nope":1}'));
    const page = await openFile(browser, dir, 'broken.html', watch);
    expect(await page.getByRole('alert').innerText()).toContain('This portfolio cannot be shown');
    expect(await page.getByRole('alert').innerText()).toContain('export it again with `reposcout achievements`. Its text version follows.');
    expect(await page.locator('#text-version').isVisible()).toBe(true);
  });

  it('with JavaScript off (or in a mail client), shows the portfolio as its Markdown export, every table, hostile text as text', async () => {
    const page = await openFile(browser, dir, 'portfolio.html', watch, undefined, { javaScriptEnabled: false });
    expect(await page.locator('#app').innerHTML()).toBe('');
    expect(await page.locator('#text-version').isVisible()).toBe(true);
    const text = await page.locator('#text-version').innerText();
    expect(text).toContain('This is the text version of the portfolio');
    for (const heading of ['Portfolio: alice@example.com', 'Summary', 'Highlights', 'Themes per quarter', 'Class mix', 'Skills and technologies', 'Flow', 'Collaboration', 'All pull requests']) {
      expect(await page.locator('#text-version').getByRole('heading', { name: heading, exact: true }).count(), heading).toBe(1);
    }
    expect(text).toContain(`Tidy the ${IMG} parser`);
    expect(text).toContain(`Great work ${IMG}`);
    expect(await page.locator('#text-version table').count()).toBe(7);
    expect(await page.locator('img, iframe, object, embed, a').count()).toBe(0);
  });
});
