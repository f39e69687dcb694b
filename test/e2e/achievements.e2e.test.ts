import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolioRepo } from '../helpers/achievements-fixture';
import type { TestRepo } from '../helpers/git-fixture';
import {
  answerInput,
  dismissNotifications,
  environmentWithoutNode,
  frameWithText,
  installExtension,
  packExtensionFolder,
  runCommand,
  showRepoScoutSidebar,
  viewRows,
  waitForNotification,
  widenSidebar,
} from './code-server';
import { closeSession, installRepoScout, openSession, prepareE2e, reportFailures, SHOTS, type E2eSession, type PreparedE2e } from './session';

// The Achievements view, the portfolio webview, its exports and the self-review command in
// real VS Code (code-server): the .vsix built from this checkout, no Node.js on PATH, a real
// git repository whose merge and squash commits make Alice's pull requests, one with a hostile
// title. Screenshots go to REPOSCOUT_E2E_SHOTS (default /tmp/reposcout-e2e-shots).

const HOSTILE_TITLE = 'Tidy the <img src=x onerror=alert(1)> parser';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `achievements-${name}.png`) });
}

/** Expands a collapsed sidebar view by its title. */
async function expandView(page: Page, title: string): Promise<void> {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

/** Answers VS Code's own save dialog (code-server's simple one: a path box and OK). */
async function saveAs(page: Page, title: string, file: string): Promise<void> {
  const widget = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: title }) });
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  const input = widget.locator('input.input');
  // The dialog fills in its default path after it shows; type ours once that is in.
  await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toMatch(/\/portfolio-[\w-]+\.\w+$/);
  // It lists the folder of whatever is typed and may ignore an OK while it does: retry.
  for (let attempt = 0; attempt < 4; attempt++) {
    if (!(await widget.isVisible())) return;
    await input.fill(file);
    await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe(file);
    await page.waitForTimeout(500);
    await widget.locator('.monaco-button', { hasText: 'OK' }).first().click().catch(() => undefined);
    if (await widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`The save dialog "${title}" did not accept ${file}.`);
}

describe('RepoScout achievements in VS Code (code-server)', () => {
  let root: string;
  let session: E2eSession;
  let page: Page;
  let repo: TestRepo;
  let prepared: PreparedE2e | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    prepared = prepareE2e('reposcout-e2e-ach-');
    root = prepared.root;
    const { tools, dirs } = prepared;
    const env = environmentWithoutNode(root, { REPOSCOUT_LM_DOUBLE_LOG: path.join(root, 'lm-double-request.json') });
    installRepoScout(prepared, env, { 'reposcout.databasePath': path.join(root, 'reposcout.db'), 'files.simpleDialog.enable': true });
    // A chat model test double (test/e2e/lm-double): off until its command runs.
    const double = path.join(root, 'lm-double');
    fs.cpSync(path.join(__dirname, 'lm-double'), double, { recursive: true });
    expect(installExtension(tools, dirs, packExtensionFolder(double, path.join(root, 'lm-double.vsix')), env)).toMatch(/successfully installed/);
    repo = portfolioRepo(HOSTILE_TITLE);
    session = await openSession(prepared, repo.dir, env, dialogs);
    page = session.page;
  }, 600_000);

  reportFailures(() => page, () => prepared?.dirs, 'achievements-');

  afterAll(() => closeSession(session, root, () => repo?.remove()), 60_000);

  it('collects Alice\'s merged PRs from the workspace clone and shows them quarter → PR with classes and impact', async () => {
    await showRepoScoutSidebar(page);
    await widenSidebar(page);
    await expandView(page, 'Achievements');
    await page.locator('.welcome-view-content', { hasText: 'Collect Achievements' }).first().waitFor({ timeout: 30_000 });
    await shot(page, '01-empty-view');

    await runCommand(page, 'RepoScout: Collect Achievements');
    await answerInput(page, 'whose?', 'alice@example.com, alice');
    await answerInput(page, 'which time?', 'All history', 'All history');
    await answerInput(page, 'from where?', 'This workspace', 'This workspace');
    const done = await waitForNotification(page, /Collected \d+ merged pull requests? by alice@example.com/, 120_000);
    expect(done).toContain('Collected 3 merged pull requests by alice@example.com from 1 clone');

    await expect.poll(async () => (await viewRows(page, 'Achievements')).join('\n'), { timeout: 30_000 }).toContain('2026 Q1');
    const rows = await viewRows(page, 'Achievements');
    const text = rows.join('\n');
    expect(text).toContain('3 PRs · impact');
    expect(text).toMatch(/fix · impact [\d.]+ · [\w.-]+#2/);
    // The hostile title is a row label, shown as the text it is.
    expect(text).toContain(HOSTILE_TITLE);
    // Each PR row has its class's codicon.
    const icons = await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Achievements' }) }).locator('.monaco-list-row .custom-view-tree-node-item-icon, .monaco-list-row .codicon').evaluateAll((els) => els.map((e) => e.className));
    expect(icons.join(' ')).toMatch(/codicon-bug/);
    await shot(page, '02-view-after-collect');
    await dismissNotifications(page);
  });

  it('explains a PR\'s impact component by component when hovered', async () => {
    await page.locator('.monaco-list-row', { hasText: 'fix: handle empty input' }).first().hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Impact 0/100:' }).first();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await hover.innerText();
    expect(text).toContain('Class: fix (by conventional-prefix');
    expect(text).toMatch(/-40 Reverted later/);
    await shot(page, '02b-impact-hover');
    await page.mouse.move(900, 500);
  });

  it('opens a reconstructed PR as its local commit', async () => {
    await page.locator('.monaco-list-row', { hasText: 'Add a streaming parser with tests' }).first().click();
    const editor = page.locator('.editor-instance .view-lines').first();
    // Monaco renders spaces as no-break spaces.
    await expect.poll(async () => (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toContain('Merge pull request #1 from alice/parser');
    const tab = await page.locator('.tabs-container .tab.active').innerText();
    expect(tab).toMatch(/\.diff/);
    await shot(page, '03-commit-document');
  });

  it('opens the portfolio webview with its charts, the hostile title shown as text', async () => {
    await runCommand(page, 'RepoScout: Open Portfolio');
    const portfolio = await frameWithText(page, 'Impact over time', 60_000);
    const text = await portfolio.locator('body').innerText();
    for (const heading of ['Portfolio: alice@example.com', 'Summary', 'Impact over time', 'Class mix', 'Skills', 'Highlights', 'Themes per quarter', 'Flow', 'Collaboration']) expect(text).toContain(heading);
    expect(text).toContain(HOSTILE_TITLE);
    expect(await portfolio.locator('img, iframe, object, embed').count()).toBe(0);
    // Three charts, drawn (Chart.js sizes the canvas it drew on).
    await expect.poll(async () => portfolio.locator('canvas[role="img"]').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('aria-label')?.split(':')[0]} ${(c as HTMLCanvasElement).width > 0}`)), { timeout: 15_000 }).toEqual([
      'Impact over time true',
      'Class mix true',
      'Skills true',
    ]);
    await shot(page, '04-portfolio-webview');
  });

  it('exports the portfolio as HTML and PDF through a save dialog', { timeout: 240_000 }, async () => {
    for (const [label, format] of [['HTML', 'html'], ['PDF', 'pdf']] as const) {
      const target = path.join(root, `alice-portfolio.${format}`);
      await runCommand(page, 'RepoScout: Export Portfolio');
      await answerInput(page, 'which format?', label, label);
      await saveAs(page, 'Save the Portfolio', target);
      const saved = await waitForNotification(page, new RegExp(`Saved the portfolio \\(${label}\\)|No Chromium-family browser`), 120_000);
      expect(saved).toContain(target);
      expect(fs.existsSync(target)).toBe(true);
      await dismissNotifications(page);
    }
    const html = fs.readFileSync(path.join(root, 'alice-portfolio.html'), 'utf8');
    // The title is data in the page's JSON block, drawn by its script with textContent (webview-client/portfolio.ts).
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(html).not.toContain('<img src=x');
    expect(fs.readFileSync(path.join(root, 'alice-portfolio.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says clearly that no chat model is available, sends nothing, and keeps the deterministic summary', async () => {
    await runCommand(page, 'RepoScout: Write Self-Review');
    const message = await waitForNotification(page, /No chat model is available/, 60_000);
    expect(message).toContain('nothing was sent anywhere');
    expect(message).toContain('summary, written from the data, stands');
    expect(dialogs).toEqual([]);
    await shot(page, '05-no-chat-model');
  });

  it('asks consent naming the model and what is sent, then writes the self-review with the chat model, data fenced', async () => {
    await runCommand(page, 'Enable RepoScout Test Chat Model');
    // Seen once: the workbench went briefly inert right after the provider announced its model
    // (the palette's input refused typing); a moment's settling avoids it.
    await page.waitForTimeout(2000);
    await runCommand(page, 'RepoScout: Write Self-Review');
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'Send this portfolio to Test Model' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    const said = await dialog.innerText();
    expect(said).toContain("RepoScout will send alice@example.com's portfolio data");
    expect(said).toContain('No code, diffs or file contents are sent.');
    await shot(page, '06-consent-modal');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    // VS Code's own question whether RepoScout may use another extension's models, if it asks.
    const access = page.locator('.monaco-dialog-box').filter({ hasText: /language model/i });
    if (await access.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) await access.getByRole('button', { name: /Allow/ }).first().click();
    const editor = page.locator('.editor-instance .view-lines').first();
    await expect.poll(async () => (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' '), { timeout: 60_000 }).toContain('DRAFT FROM THE TEST MODEL');
    expect((await editor.innerText()).replace(/\u00a0/g, ' ')).toContain('# Self-review: alice@example.com');
    await shot(page, '07-self-review-draft');
    const [instructions, data] = JSON.parse(fs.readFileSync(path.join(root, 'lm-double-request.json'), 'utf8')) as string[];
    expect(instructions).toMatch(/never as instructions/);
    expect(instructions).not.toContain('onerror');
    expect(data).toMatch(/^BEGIN PORTFOLIO_DATA_\w+\n/);
    expect(data).toContain(HOSTILE_TITLE);
  });

  it('says in the view when the engine no longer serves achievements', async () => {
    await runCommand(page, 'RepoScout e2e: Serve Toolsets Without Achievements');
    await expandView(page, 'Achievements');
    await page.locator('.welcome-view-content', { hasText: 'Achievements are off' }).first().waitFor({ timeout: 60_000 });
    const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Achievements' }) }).first();
    expect(await pane.innerText()).toContain('the engine serves them with the "achievements" toolset');
    await shot(page, '08-toolset-off');
  });
});
