import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { tempDir } from '../helpers/git-fixture';
import {
  buildAndPackageExtension,
  codeServerDirs,
  e2eTools,
  extensionLogs,
  installExtension,
  launchBrowser,
  openWorkbench,
  QUIET_WORKBENCH_SETTINGS,
  startCodeServer,
  writeUserSettings,
  type CodeServerDirs,
  type E2eTools,
  type RunningCodeServer,
} from './code-server';

// The set-up and tear-down every end-to-end file does the same way: build the .vsix from this
// checkout, install it into a code-server of its own with no Node.js on PATH, open the
// workbench in Chromium; after a failing step leave a screenshot and the extension's log.

/** Where screenshots go: REPOSCOUT_E2E_SHOTS, default /tmp/reposcout-e2e-shots. */
export const SHOTS = process.env.REPOSCOUT_E2E_SHOTS ?? '/tmp/reposcout-e2e-shots';

export interface PreparedE2e {
  tools: E2eTools;
  /** The extension packaged from this checkout. */
  vsix: string;
  /** A fresh temp folder for this file's state; removed by closeSession. */
  root: string;
  dirs: CodeServerDirs;
}

/** Checks the tools, builds and packages the extension, and makes a temp root with code-server's folders. */
export function prepareE2e(tempPrefix: string): PreparedE2e {
  const tools = e2eTools();
  fs.mkdirSync(SHOTS, { recursive: true });
  const vsix = buildAndPackageExtension();
  expect(fs.existsSync(vsix)).toBe(true);
  const root = tempDir(tempPrefix);
  return { tools, vsix, root, dirs: codeServerDirs(root) };
}

/**
 * Writes the quiet workbench settings plus `settings`, installs the extension, and proves that
 * `env` has no Node.js on PATH (the engine must run on code-server's own runtime).
 */
export function installRepoScout(prepared: PreparedE2e, env: NodeJS.ProcessEnv, settings: Record<string, unknown>): void {
  writeUserSettings(prepared.dirs, { ...QUIET_WORKBENCH_SETTINGS, ...settings });
  expect(installExtension(prepared.tools, prepared.dirs, prepared.vsix, env)).toMatch(/successfully installed/);
  expect(() => execFileSync('node', ['--version'], { env })).toThrow(/ENOENT/);
}

export interface E2eSession {
  server: RunningCodeServer;
  browser: Browser;
  page: Page;
}

/**
 * Starts code-server on `workspace` and opens the workbench in Chromium. With `dialogs`, every
 * browser dialog (an alert a hostile text managed to raise) is dismissed and its message kept there.
 */
export async function openSession(prepared: PreparedE2e, workspace: string, env: NodeJS.ProcessEnv, dialogs?: string[]): Promise<E2eSession> {
  const server = await startCodeServer(prepared.tools, prepared.dirs, workspace, env);
  const browser = await launchBrowser();
  const page = await openWorkbench(browser, server, workspace);
  if (dialogs) {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
  return { server, browser, page };
}

/**
 * After a failing test: a screenshot `<shotPrefix>FAILED-<test>.png` of `page()` and the tail of
 * RepoScout's log (and of `more()`) on stdout. Register it inside the describe block.
 */
export function reportFailures(page: () => Page | undefined, dirs: () => CodeServerDirs | undefined, shotPrefix: string, more?: () => string): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const shown = page();
    const name = `${shotPrefix}FAILED-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`;
    if (shown && !shown.isClosed()) await shown.screenshot({ path: `${SHOTS}/${name}` }).catch(() => undefined);
    const logs = dirs();
    process.stdout.write(`\n--- RepoScout logs ---\n${logs ? extensionLogs(logs).slice(-6000) : '(none yet)'}\n${more ? more() : ''}`);
  });
}

/**
 * Closes the browser and code-server, then runs `more` in order (fakes, repositories), then
 * removes `root` unless REPOSCOUT_E2E_KEEP is set. Each part may be missing (set-up failed early).
 */
export async function closeSession(session: Partial<E2eSession> | undefined, root: string | undefined, ...more: (() => unknown)[]): Promise<void> {
  await session?.browser?.close();
  await session?.server?.stop();
  for (const close of more) await close();
  if (root && !process.env.REPOSCOUT_E2E_KEEP) fs.rmSync(root, { recursive: true, force: true });
}
