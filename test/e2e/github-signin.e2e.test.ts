import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../shared/store/open';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { SyntheticOrg } from '../fake-github/synthetic';
import { AUTH_DOUBLE_ACCOUNT, AUTH_DOUBLE_ID, AUTH_DOUBLE_SIGN_OUT, authDoubleCalls, writeAuthDouble } from './auth-double';
import {
  answerInput,
  dismissNotifications,
  extensionLogs,
  installExtension,
  packExtensionFolder,
  runCommand,
  waitForNotification,
  type CodeServerDirs,
  environmentWithoutNode,
} from './code-server';
import { closeSession, installRepoScout, openSession, prepareE2e, reportFailures, SHOTS, type E2eSession } from './session';

// The GitHub sign-in path of the extension in real VS Code (code-server): no token in the
// environment; VS Code's own consent prompt, clicked like a person; a test double of the
// "github" authentication provider hands out the token; the loopback fake GitHub answers only
// requests that carry it. Screenshots go to REPOSCOUT_E2E_SHOTS (default /tmp/reposcout-e2e-shots).

// Deliberately not shaped like a real GitHub token (no gho_/ghp_ prefix), so no secret scanner mistakes it for one.
const TOKEN = 'signin-double-session-0123456789';
// code-server ships VS Code's built-in GitHub sign-in (vscode.github-authentication), which
// registers the same provider id in the same extension host. Left on, it wins the id (the
// double's registration is refused) and starts an OAuth flow that needs github.com. The
// server ignores --disable-extension (even through --vscode-option); it honours
// VSCODE_SKIP_BUILTIN_EXTENSIONS, so the double is the "github" provider RepoScout asks.
const BUILT_IN_GITHUB_AUTH = 'vscode.github-authentication';

describe('GitHub sign-in in VS Code (code-server, authentication provider test double)', () => {
  let root: string;
  let dirs: CodeServerDirs;
  let session: E2eSession;
  let page: Page;
  let github: FakeGitHub;
  let dbPath: string;
  let recordFile: string;

  beforeAll(async () => {
    const prepared = prepareE2e('reposcout-signin-e2e-');
    ({ root, dirs } = prepared);
    dbPath = path.join(root, 'reposcout.db');
    recordFile = path.join(root, 'auth-double-calls.jsonl');
    const doubleVsix = packExtensionFolder(writeAuthDouble(path.join(root, 'auth-double'), { token: TOKEN, recordFile }), path.join(root, 'auth-double.vsix'));
    github = await startFakeGitHub({ orgs: [new SyntheticOrg({ login: 'acme', repositories: 4 })], token: TOKEN, requireToken: true });
    // Built from nothing: no GITHUB_TOKEN / GH_TOKEN from this process reaches VS Code.
    const env = environmentWithoutNode(root, { REPOSCOUT_GITHUB_API_URL: github.url, VSCODE_SKIP_BUILTIN_EXTENSIONS: BUILT_IN_GITHUB_AUTH });
    installRepoScout(prepared, env, { 'reposcout.databasePath': dbPath });
    expect(installExtension(prepared.tools, dirs, doubleVsix, env)).toMatch(/successfully installed/);

    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(workspace);
    session = await openSession(prepared, workspace, env);
    page = session.page;
  }, 600_000);

  reportFailures(() => page, () => dirs, 'signin-', () => `--- auth double calls ---\n${JSON.stringify(authDoubleCalls(recordFile))}\n`);

  afterAll(() => closeSession(session, root, () => github?.close()), 60_000);

  /** Runs "Ingest GitHub Owner" for acme and answers the "Without signing in" question with `choice`. */
  async function ingestAcme(choice: 'Sign in to GitHub' | 'Continue Without'): Promise<void> {
    await runCommand(page, 'RepoScout: Ingest GitHub Owner');
    await answerInput(page, 'Ingest from GitHub', 'acme');
    await waitForNotification(page, /Without signing in to GitHub, RepoScout reads public data only/, 60_000);
    await page.locator('.notification-toast').filter({ hasText: 'Without signing in' }).getByRole('button', { name: choice }).click();
  }

  /** VS Code's own consent prompt for an extension's sign-in, answered with `button`. */
  async function answerConsent(button: 'Allow' | 'Cancel', shotName: string): Promise<string> {
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'wants to sign in' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    await page.screenshot({ path: path.join(SHOTS, `${shotName}.png`) });
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    return text;
  }

  it('declining the consent prompt says what to do, fetches nothing and stores no token', async () => {
    await ingestAcme('Sign in to GitHub');
    const prompt = await answerConsent('Cancel', 'signin-01-consent-prompt');
    expect(prompt).toMatch(/The extension 'RepoScout' wants to sign in using GitHub/);
    // The detail RepoScout passes: why it asks, and for which (read-only) access.
    expect(prompt).toMatch(/read-only scopes/);

    const message = await waitForNotification(page, /GitHub sign-in was cancelled/, 30_000);
    expect(message).toMatch(/fetched nothing and keeps no token/);
    expect(message).toMatch(/"RepoScout: Sign in to GitHub"/);
    expect(message).toMatch(/Sign in to GitHub/);
    await page.screenshot({ path: path.join(SHOTS, 'signin-02-declined.png') });
    await dismissNotifications(page);

    expect(authDoubleCalls(recordFile).filter((c) => c.call === 'createSession')).toEqual([]);
    expect(github.log).toEqual([]);
    expect(storedGitHubRepositories(dbPath)).toBe(0);
    expect(extensionLogs(dirs)).toMatch(/GitHub sign-in declined \(User did not consent to login\.\)/);
  }, 240_000);

  it('signs in through the consent prompt, ingests with the session token, and keeps the token out of every log and file', async () => {
    await ingestAcme('Sign in to GitHub');
    await answerConsent('Allow', 'signin-03-consent-allow');
    const done = await waitForNotification(page, /Ingested acme: 4 repositories/, 240_000);
    expect(done).toMatch(/Open Dashboard/);
    await page.screenshot({ path: path.join(SHOTS, 'signin-04-ingested.png') });

    // The double (not a built-in provider) handed out the session, once, for the read-only
    // scopes RepoScout asks by default.
    const created = authDoubleCalls(recordFile).filter((c) => c.call === 'createSession');
    expect(created).toEqual([{ call: 'createSession', scopes: ['read:org', 'read:user'] }]);
    expect(extensionHostLog(dirs)).not.toMatch(/authentication provider with id 'github' is already registered/);
    expect(extensionHostLog(dirs)).not.toMatch(/_doActivateExtension vscode\.github-authentication/);
    // Every request reached the fake GitHub with the session's token, none without.
    expect(github.log.length).toBeGreaterThan(0);
    expect(github.log.filter((r) => r.authorization !== `token ${TOKEN}`).map((r) => `${r.method} ${r.path} ${r.authorization === null ? 'anonymous' : 'other token'}`)).toEqual([]);
    expect(github.log.every((r) => r.status === 200 || r.status === 304)).toBe(true);
    expect(storedGitHubRepositories(dbPath)).toBe(4);

    const log = extensionLogs(dirs);
    expect(log).toMatch(new RegExp(`signed in to GitHub as ${AUTH_DOUBLE_ACCOUNT}`));
    expect(log.match(/ingest acme from github\.com \(\w[^)]*\)/g)).toEqual(['ingest acme from github.com (signed in)']);

    // How the token travels: in the engine's environment, never on its command line.
    const pid = enginePid(log);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    expect(cmdline).toMatch(/reposcout\.mjs mcp/);
    expect(cmdline).not.toContain(TOKEN);
    expect(fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')).toContain(`GITHUB_TOKEN=${TOKEN}`);

    // Nowhere at rest: not in the output channel (which carries the engine's stderr), the
    // database and its WAL, VS Code's state and logs, or code-server's own output.
    expect(log).not.toContain(TOKEN);
    expect(session.server.output()).not.toContain(TOKEN);
    expect(fs.readFileSync(dbPath).includes(TOKEN)).toBe(false);
    expect(filesContaining(root, TOKEN)).toEqual([]);
  }, 360_000);

  it('signing out through the provider stops the engine using the token; the next GitHub call asks again', async () => {
    const before = enginePid(extensionLogs(dirs));
    await runCommand(page, AUTH_DOUBLE_SIGN_OUT);
    await waitForNotification(page, /Auth double: signed out of GitHub/, 30_000);
    await dismissNotifications(page);
    // RepoScout hears the change and stops the engine that holds the old token.
    await expect.poll(() => extensionLogs(dirs), { timeout: 30_000 }).toMatch(/GitHub sign-in changed; the engine restarts on next use/);
    await expect.poll(() => fs.existsSync(`/proc/${before}`), { timeout: 30_000 }).toBe(false);

    // The next GitHub command asks again; going on without signing in, the engine has no
    // token to send and the answer says what to do.
    const seen = github.log.length;
    await ingestAcme('Continue Without');
    const failure = await waitForNotification(page, /\(GITHUB_AUTH\) Sign in to GitHub/, 120_000);
    expect(failure).toMatch(/\(GITHUB_AUTH\) Sign in to GitHub with "RepoScout: Sign in to GitHub" \(with an account that can read it\), then run the command again\./);
    expect(failure).not.toMatch(/GITHUB_TOKEN|GH_TOKEN/);
    await page.screenshot({ path: path.join(SHOTS, 'signin-05-signed-out.png') });
    const after = github.log.slice(seen);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((r) => r.authorization)).toEqual(after.map(() => null));

    const log = extensionLogs(dirs);
    expect(log.match(/ingest acme from github\.com \(\w[^)]*\)/g)).toEqual(['ingest acme from github.com (signed in)', 'ingest acme from github.com (anonymous)']);
    const pid = enginePid(log);
    expect(pid).not.toBe(before);
    expect(fs.readFileSync(`/proc/${pid}/environ`, 'utf8')).not.toContain(TOKEN);
    // The double handed out no new session, and the stored data is the signed-in ingest's.
    expect(authDoubleCalls(recordFile).filter((c) => c.call === 'createSession')).toHaveLength(1);
    expect(authDoubleCalls(recordFile).filter((c) => c.call === 'removeSession')).toHaveLength(1);
    expect(log).not.toContain(TOKEN);
    expect(filesContaining(root, TOKEN)).toEqual([]);
  }, 360_000);

  it("signs in again from the failure's own button, and signs out from VS Code's Accounts menu", async () => {
    // The GITHUB_AUTH failure of the previous step offers the fix.
    await page.locator('.notification-toast').filter({ hasText: '(GITHUB_AUTH) Sign in to GitHub' }).getByRole('button', { name: 'Sign in to GitHub' }).click();
    await answerConsent('Allow', 'signin-06-consent-again');
    const signedIn = await waitForNotification(page, new RegExp(`Signed in to GitHub as ${AUTH_DOUBLE_ACCOUNT}`), 60_000);
    expect(signedIn).toMatch(/Ingest a GitHub Owner/);
    await page.locator('.notification-toast').filter({ hasText: 'Signed in to GitHub' }).getByRole('button', { name: 'Ingest a GitHub Owner' }).click();
    const seen = github.log.length;
    await answerInput(page, 'Ingest from GitHub', 'acme');
    await waitForNotification(page, /Ingested acme: 4 repositories/, 240_000);
    const again = github.log.slice(seen);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
    expect(authDoubleCalls(recordFile).filter((c) => c.call === 'createSession')).toHaveLength(2);
    await dismissNotifications(page);

    // Sign out as a person does: Accounts menu, the account, Sign Out, and VS Code's own
    // confirmation; VS Code asks the provider to remove the session.
    const engine = enginePid(extensionLogs(dirs));
    await page.locator('.activitybar .action-item a[aria-label^="Accounts"]').first().click();
    await page.locator('.monaco-menu .action-item', { hasText: `${AUTH_DOUBLE_ACCOUNT} (GitHub)` }).first().hover();
    // The label itself (a submenu lives inside its parent's item, which also "has" the text);
    // pointing at it selects it, Enter runs it (a click there only selected it, under load).
    await page.locator('.monaco-menu .action-label', { hasText: /^Sign Out$/ }).first().hover();
    await page.keyboard.press('Enter');
    const confirm = page.locator('.monaco-dialog-box').filter({ hasText: AUTH_DOUBLE_ACCOUNT });
    await confirm.waitFor({ state: 'visible', timeout: 30_000 });
    expect((await confirm.innerText()).replace(/\s+/g, ' ')).toMatch(/RepoScout/);
    await page.screenshot({ path: path.join(SHOTS, 'signin-07-accounts-sign-out.png') });
    await confirm.getByRole('button', { name: 'Sign Out', exact: true }).click();
    await expect.poll(() => authDoubleCalls(recordFile).filter((c) => c.call === 'removeSession').length, { timeout: 30_000 }).toBe(2);
    await expect.poll(() => fs.existsSync(`/proc/${engine}`), { timeout: 30_000 }).toBe(false);
    expect(filesContaining(root, TOKEN)).toEqual([]);
  }, 420_000);
});

/** VS Code's log of the extension host(s): which extensions activated, registration errors. */
function extensionHostLog(dirs: CodeServerDirs): string {
  const logs = path.join(dirs.userData, 'logs');
  return fs
    .readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'remoteexthost.log')
    .map((file) => fs.readFileSync(path.join(logs, file), 'utf8'))
    .join('\n');
}

/** GitHub repositories in the database (0 when it does not exist yet). */
function storedGitHubRepositories(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const db = openDatabase(file, { readonly: true });
  try {
    const hasTable = db.prepare("select count(*) from sqlite_master where type = 'table' and name = 'github_repositories'").pluck().get() as number;
    return hasTable === 0 ? 0 : (db.prepare('select count(*) from github_repositories').pluck().get() as number);
  } finally {
    db.close();
  }
}

/** The pid of the engine the extension started last ("engine ready in N ms (pid P, …"). */
function enginePid(log: string): number {
  const all = [...log.matchAll(/engine ready in \d+ ms \(pid (\d+)/g)];
  const last = all.at(-1)?.[1];
  if (!last) throw new Error('The RepoScout log names no running engine.');
  return Number(last);
}

/**
 * Files under `root` whose bytes contain `secret`, except the test double's own extension
 * (it holds the token to hand out) and its package.
 */
function filesContaining(root: string, secret: string): string[] {
  const hits: string[] = [];
  const needle = Buffer.from(secret);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.name === 'auth-double' || entry.name === 'auth-double.vsix' || entry.name.startsWith(`${AUTH_DOUBLE_ID}-`)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && fs.readFileSync(full).includes(needle)) hits.push(path.relative(root, full));
    }
  };
  walk(root);
  return hits;
}
