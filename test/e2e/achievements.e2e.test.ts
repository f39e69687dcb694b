import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { portfolioRepo } from '../helpers/achievements-fixture';
import { tempDir, type TestRepo } from '../helpers/git-fixture';
import {
  answerInput,
  codeServerDirs,
  dismissNotifications,
  e2eTools,
  installExtension,
  launchBrowser,
  openWorkbench,
  pathWithoutNode,
  plainLoginShell,
  runCommand,
  showRepoScoutSidebar,
  startCodeServer,
  viewRows,
  waitForNotification,
  widenSidebar,
  writeUserSettings,
  type CodeServerDirs,
  type RunningCodeServer,
} from './code-server';

// The Achievements view, the portfolio webview, its exports and the self-review command in
// real VS Code (code-server): the .vsix built from this checkout, no Node.js on PATH, a real
// git repository whose merge and squash commits make Alice's pull requests, one with a hostile
// title. Screenshots go to REPOSCOUT_E2E_SHOTS (default /tmp/reposcout-e2e-shots).

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = process.env.REPOSCOUT_E2E_SHOTS ?? '/tmp/reposcout-e2e-shots';
const HOSTILE_TITLE = 'Tidy the <img src=x onerror=alert(1)> parser';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `achievements-${name}.png`) });
}

function extensionLogs(dirs: CodeServerDirs): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'RepoScout.log') parts.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(dirs.userData, 'logs'));
  return parts.join('\n');
}

/** Expands a collapsed sidebar view by its title. */
async function expandView(page: Page, title: string): Promise<void> {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

describe('RepoScout achievements in VS Code (code-server)', () => {
  let root: string;
  let dirs: CodeServerDirs;
  let server: RunningCodeServer;
  let browser: Browser;
  let page: Page;
  let repo: TestRepo;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const tools = e2eTools();
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
    const vsix = execFileSync(process.execPath, ['extension/package-vsix.mjs'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop() ?? '';
    expect(fs.existsSync(vsix)).toBe(true);
    root = tempDir('reposcout-e2e-ach-');
    dirs = codeServerDirs(root);
    const env: NodeJS.ProcessEnv = {
      PATH: pathWithoutNode(root),
      SHELL: plainLoginShell(root),
      HOME: path.join(root, 'home'),
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      LANG: 'C.UTF-8',
    };
    fs.mkdirSync(env.HOME as string, { recursive: true });
    writeUserSettings(dirs, {
      'reposcout.databasePath': path.join(root, 'reposcout.db'),
      'workbench.startupEditor': 'none',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'git.openRepositoryInParentFolders': 'never',
      'chat.commandCenter.enabled': false,
      'window.commandCenter': false,
      'files.simpleDialog.enable': true,
    });
    expect(installExtension(tools, dirs, vsix, env)).toMatch(/successfully installed/);
    expect(() => execFileSync('node', ['--version'], { env })).toThrow(/ENOENT/);
    repo = portfolioRepo(HOSTILE_TITLE);
    server = await startCodeServer(tools, dirs, repo.dir, env);
    browser = await launchBrowser();
    page = await openWorkbench(browser, server, repo.dir);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 600_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      if (page && !page.isClosed()) await shot(page, `FAILED-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
      process.stdout.write(`\n--- RepoScout logs ---\n${extensionLogs(dirs).slice(-6000)}\n`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    repo?.remove();
    if (root && !process.env.REPOSCOUT_E2E_KEEP) fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

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

  it('opens a reconstructed PR as its local commit', async () => {
    await page.locator('.monaco-list-row', { hasText: 'Add a streaming parser with tests' }).first().click();
    const editor = page.locator('.editor-instance .view-lines').first();
    // Monaco renders spaces as no-break spaces.
    await expect.poll(async () => (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toContain('Merge pull request #1 from alice/parser');
    const tab = await page.locator('.tabs-container .tab.active').innerText();
    expect(tab).toMatch(/\.diff/);
    await shot(page, '03-commit-document');
  });
});
