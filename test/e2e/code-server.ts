import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');

// Real VS Code for tests: code-server (VS Code's workbench and Node extension host) from the
// tools folder test/e2e/setup-code-server.sh fills, driven through Debian's Chromium.

export interface E2eTools {
  folder: string;
  /** Node 24: code-server 4.139 (VS Code 1.139) needs it. */
  node: string;
  /** code-server's entry script, run with `node`. */
  entry: string;
}

/** The tools folder, or an error that says how to make it; the e2e tests fail (never skip) without it. */
export function e2eTools(): E2eTools {
  const folder = process.env.REPOSCOUT_E2E_TOOLS ?? path.join(os.homedir(), '.cache', 'reposcout-e2e');
  const node = path.join(folder, 'node24', 'bin', 'node');
  const entry = path.join(folder, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const missing = [node, entry, '/usr/bin/chromium'].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`The VS Code end-to-end tests need code-server, Node 24 and Chromium (missing: ${missing.join(', ')}). Run "bash test/e2e/setup-code-server.sh" first (it installs them into ${folder}).`);
  }
  return { folder, node, entry };
}

/** Folders one code-server instance keeps its state in, under `root`. */
export interface CodeServerDirs {
  userData: string;
  extensions: string;
  config: string;
}

export function codeServerDirs(root: string): CodeServerDirs {
  const dirs = { userData: path.join(root, 'user-data'), extensions: path.join(root, 'extensions'), config: path.join(root, 'config.yaml') };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(dirs.config, 'auth: none\n');
  return dirs;
}

export function writeUserSettings(dirs: CodeServerDirs, settings: Record<string, unknown>): void {
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

export function installExtension(tools: E2eTools, dirs: CodeServerDirs, vsix: string, env: NodeJS.ProcessEnv): string {
  return execFileSync(tools.node, [tools.entry, '--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--config', dirs.config], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
}

/**
 * Packs an extension folder (package.json + plain JS, no build) into a .vsix with vsce, for
 * `installExtension`: code-server's --install-extension takes a .vsix or an id, not a folder.
 */
export function packExtensionFolder(folder: string, vsix: string): string {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-update-package-json', '--no-git-tag-version', '--out', vsix], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 60_000,
  });
  return vsix;
}

/** The text of every RepoScout output channel log (one per window) in this user-data folder. */
export function extensionLogs(dirs: CodeServerDirs): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'RepoScout.log') parts.push(`# ${full}\n${fs.readFileSync(full, 'utf8')}`);
    }
  };
  walk(path.join(dirs.userData, 'logs'));
  return parts.join('\n');
}

export interface RunningCodeServer {
  url: string;
  port: number;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server on a free loopback port and resolves once it listens. */
export async function startCodeServer(tools: E2eTools, dirs: CodeServerDirs, workspace: string, env: NodeJS.ProcessEnv): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    tools.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', dirs.config,
    workspace,
  ];
  // Its own process group: code-server's extension hosts outlive a plain SIGTERM of the server
  // (they wait hours for the browser to reconnect), so stop() signals the whole group.
  const child: ChildProcess = spawn(tools.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        const group = (signal: NodeJS.Signals) => {
          try {
            if (child.pid !== undefined) process.kill(-child.pid, signal);
          } catch {
            // The group is gone already.
          }
        };
        const finish = () => {
          // Whatever of the group is still there (extension hosts, engines) goes too.
          group('SIGKILL');
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        child.once('exit', () => setTimeout(finish, 500));
        group('SIGTERM');
        setTimeout(() => group('SIGKILL'), 5000).unref();
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A PATH with every program of `dirs` except Node.js and its package managers: the machine as a
 * user without Node.js has it (git and the rest still there). Symlinks in a folder under `root`.
 */
export function pathWithoutNode(root: string, dirs = ['/usr/local/bin', '/usr/bin']): string {
  const bin = path.join(root, 'bin-without-node');
  fs.mkdirSync(bin, { recursive: true });
  const hidden = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (hidden.has(name) || fs.existsSync(path.join(bin, name))) continue;
      fs.symlinkSync(path.join(dir, name), path.join(bin, name));
    }
  }
  return bin;
}

/**
 * The environment code-server runs in: no Node.js on PATH, a login shell that keeps it that way,
 * and its own home and config folders under `root` (created). `extra` adds test hooks.
 */
export function environmentWithoutNode(root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: pathWithoutNode(root),
    SHELL: plainLoginShell(root),
    HOME: path.join(root, 'home'),
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    LANG: 'C.UTF-8',
    ...extra,
  };
  fs.mkdirSync(env.HOME as string, { recursive: true });
  return env;
}

/** Workbench settings that keep tips, walkthroughs, chat and telemetry off the screen the tests read. */
export const QUIET_WORKBENCH_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

/** Builds and packages the extension from this checkout exactly as `npm run package` does; returns the .vsix path. */
export function buildAndPackageExtension(): string {
  execFileSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const out = execFileSync(process.execPath, ['extension/package-vsix.mjs'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim().split('\n').pop() ?? '';
}

/**
 * A login shell whose profile adds nothing to PATH. VS Code takes the extension host's
 * environment from `$SHELL -i -l -c …`, and Debian's /etc/profile would put /usr/bin (with the
 * machine's node) back; this one runs the command with the environment it was given.
 */
export function plainLoginShell(root: string): string {
  const dir = path.join(root, 'shell');
  fs.mkdirSync(dir, { recursive: true });
  const shell = path.join(dir, 'sh');
  fs.writeFileSync(shell, '#!/bin/sh\nwhile [ $# -gt 0 ]; do\n  if [ "$1" = -c ]; then shift; exec /bin/sh -c "$1"; fi\n  shift\ndone\nexec /bin/sh\n', { mode: 0o755 });
  return shell;
}

/** Opens the workbench on `folder` (null: an empty window) and waits until it is interactive. */
export async function openWorkbench(browser: Browser, server: RunningCodeServer, folder: string | null): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(folder === null ? `${server.url}/?ew=true` : `${server.url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
  // The status bar appears once the workbench has restored its parts.
  await page.waitForSelector('.statusbar', { timeout: 60_000 });
  return page;
}

/**
 * Runs a command through the Command Palette by its title. A window that has just opened may
 * not list extension commands yet (its extension host is still starting), so it retries.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${title}`);
    // The row whose label is exactly the title (with or without a trailing "…"), not a longer
    // command that merely starts with it ("RepoScout: Search" vs "…: Focus on Search Results View").
    const labels = page.locator('.quick-input-list .monaco-list-row .quick-input-list-label .label-name');
    try {
      await labels.first().waitFor({ state: 'visible', timeout: 5_000 });
      const texts = await labels.allInnerTexts();
      const index = texts.findIndex((t) => t.trim() === title || t.trim() === `${title}…`);
      if (index >= 0) {
        await labels.nth(index).click();
        return;
      }
      throw new Error(`no command titled "${title}" among ${JSON.stringify(texts)}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/**
 * Types into the input box or quick pick a command opened, found by its title (the palette
 * that started the command has none, so it cannot be mistaken for it), and accepts.
 */
export async function answerInput(page: Page, title: string, value: string, pickRow?: string): Promise<void> {
  const widget = page.locator('.quick-input-widget').filter({ has: page.locator('.quick-input-title', { hasText: title }) });
  await widget.waitFor({ state: 'visible', timeout: 30_000 });
  await widget.locator('input.input').fill(value);
  if (pickRow) await widget.locator('.quick-input-list .monaco-list-row', { hasText: pickRow }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

/** Texts of the rows of the quick pick that is open. */
export async function quickPickRows(page: Page): Promise<string[]> {
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 15_000 });
  return page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
}

/** Shows the RepoScout view container in the sidebar. */
export async function showRepoScoutSidebar(page: Page): Promise<void> {
  const icon = page.locator('.activitybar .action-item a[aria-label^="RepoScout"]').first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  const selected = await page.locator('.activitybar .action-item.checked a[aria-label^="RepoScout"]').count();
  if (selected === 0) await icon.click();
  await page.locator('.pane-header', { hasText: 'Repositories' }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** Drags the sidebar's edge to `width` pixels, so tree descriptions are readable in screenshots. */
export async function widenSidebar(page: Page, width = 460): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width - 5) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** The rows of one sidebar view, as "aria-label | visible text". */
export async function viewRows(page: Page, title: string): Promise<string[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} | ${(r as HTMLElement).innerText.replace(/\s+/g, ' ')}`));
}

/** The aria-labels of the Repositories view's rows ("name, description, grade X"). */
export async function repositoryRows(page: Page): Promise<string[]> {
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Repositories' }) }).first();
  return pane.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('aria-label') ?? ''} | ${(r as HTMLElement).innerText.replace(/\s+/g, ' ')}`));
}

/** The webview frame whose document contains `text` (webviews nest two iframes deep). */
export async function frameWithText(page: Page, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const body = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
      if (body.includes(text)) return frame;
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`No webview frame shows "${text}" within ${timeoutMs} ms.`);
}

/** The webview frame whose `selector` shows exactly `text`, when other views show that text elsewhere. */
export async function frameWhere(page: Page, selector: string, text: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const shown = await frame.locator(selector).first().innerText({ timeout: 1000 }).catch(() => null);
      if (shown === text) return frame;
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`No webview frame shows "${text}" in ${selector} within ${timeoutMs} ms.`);
}

/** Text of the visible notification toasts. */
export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator('.notification-toast').allInnerTexts().catch(() => []);
}

export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const hit = (await notificationTexts(page)).find((t) => pattern.test(t));
    if (hit) return hit;
    await page.waitForTimeout(200);
  }
  throw new Error(`No notification matching ${pattern} within ${timeoutMs} ms; showing: ${JSON.stringify(await notificationTexts(page))}`);
}

export async function dismissNotifications(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const close = page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++) await close.first().click().catch(() => undefined);
}
