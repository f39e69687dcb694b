import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alice, daysAgo, TestRepo } from '../helpers/git-fixture';
import {
  answerInput,
  dismissNotifications,
  environmentWithoutNode,
  extensionLogs,
  frameWithText,
  runCommand,
  showRepoScoutSidebar,
  viewRows,
  waitForNotification,
  widenSidebar,
  type CodeServerDirs,
  type E2eTools,
} from './code-server';
import { answerDialog, jobsPane, jobsRow, rowAction } from './jobs-view';
import { closeSession, installRepoScout, openSession, prepareE2e, reportFailures, SHOTS, type E2eSession } from './session';

// The Jobs view in real VS Code (code-server): a job of the command worker running the fake
// worker (test/orchestrate/fake-worker.mjs, on the e2e tools' Node; no node on PATH) on a git
// repository made here, started from the palette with a dry-run plan, watched live in the
// view, one subtask approved from the view, the diff editor and the job report opened, and a
// hanging job cancelled. Afterwards no worker process is left and no worktree.

const ROOT = path.resolve(__dirname, '../..');
const FAKE_WORKER = path.join(ROOT, 'test/orchestrate/fake-worker.mjs');
const HOSTILE_TASK = '<img src=x onerror=alert(1)> Tidy the docs <script>alert(2)</script>';
const figures: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `jobs-${name}.png`) });
}

async function jobsText(page: Page): Promise<string> {
  return (await viewRows(page, 'Jobs')).join('\n');
}

/** Processes whose command line names the fake worker (ps, not the tests' own bookkeeping). */
function fakeWorkers(): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(FAKE_WORKER) && !line.includes(' ps '));
}

/** Starts a job from the palette the way a person would; returns the plan dialog's text. */
async function startJob(page: Page, tools: E2eTools, task: string, split: { pick: string; value?: string }, concurrency: number): Promise<string> {
  await runCommand(page, 'RepoScout: Start a Job');
  await answerInput(page, 'Start a Job: Task', task);
  await answerInput(page, 'Start a Job: Split', split.pick, split.pick);
  if (split.value !== undefined) await answerInput(page, `Start a Job: ${split.pick}`, split.value);
  await answerInput(page, 'Start a Job: Worker', 'command', 'command');
  await answerInput(page, 'Start a Job: Command', JSON.stringify([tools.node, FAKE_WORKER]));
  await answerInput(page, 'Start a Job: Concurrency', String(concurrency));
  return answerDialog(page, /Start \d+ subtasks? with the command worker/, 'Start Job');
}

describe('RepoScout Jobs view in VS Code (code-server)', () => {
  let tools: E2eTools;
  let root: string;
  let dirs: CodeServerDirs;
  let session: E2eSession;
  let page: Page;
  let repo: TestRepo;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const prepared = prepareE2e('reposcout-jobs-e2e-');
    ({ tools, root, dirs } = prepared);
    const env = environmentWithoutNode(root);
    installRepoScout(prepared, env, { 'reposcout.databasePath': path.join(root, 'data', 'reposcout.db') });

    const now = Math.floor(Date.now() / 1000);
    repo = TestRepo.create();
    repo.write('README.md', '# Docs\n').write('docs/guide.md', '# Guide\n').write('shared.md', 'shared\n').commit('Initial commit', alice, daysAgo(now, 10));
    session = await openSession(prepared, repo.dir, env, dialogs);
    page = session.page;
  }, 600_000);

  reportFailures(() => page, () => dirs, 'jobs-');

  afterAll(async () => {
    if (figures.length > 0) process.stdout.write(`\nRepoScout Jobs view figures:\n  ${figures.join('\n  ')}\n`);
    await closeSession(session, root, () => repo?.remove());
  }, 60_000);

  it('starts a job from the palette after showing its plan, and shows live states in the Jobs view', async () => {
    await showRepoScoutSidebar(page);
    await widenSidebar(page);
    // The Repositories view starts the engine, without the orchestrate tools (jobs not used yet).
    await expect.poll(() => extensionLogs(dirs), { timeout: 60_000 }).toMatch(/engine ready in \d+ ms/);
    expect(extensionLogs(dirs)).not.toMatch(/plan_job/);
    // Room for the Jobs view: fold the Repositories view (its welcome text is tall).
    await page.locator('.pane-header', { hasText: 'Repositories' }).first().click();
    await jobsPane(page).locator('.pane-header').click();
    await jobsPane(page).locator('.welcome-view-content', { hasText: 'No jobs yet' }).waitFor({ timeout: 60_000 });
    await shot(page, '01-empty');
    // Opening the Jobs view restarted the engine once, with them.
    // (The output channel reaches its file a moment later.)
    await expect.poll(() => extensionLogs(dirs), { timeout: 15_000 }).toMatch(/the Jobs view needs the orchestrate tools[\s\S]*engine ready in \d+ ms .*plan_job, start_job, get_job, list_jobs, get_attempt_log, approve_subtask, cancel_job/);

    const started = Date.now();
    // Two explicit subtasks: s1 works for a while; s2 mentions curl, which the safety judge
    // classes "network", so it waits for approval (the default approval level).
    const plan = await startJob(
      page,
      tools,
      HOSTILE_TASK,
      { pick: 'Explicit subtasks', value: 'write the guide [[fake sleep=5000 edit=docs/a.md edit=shared.md]] | fetch the style guide with curl [[fake sleep=500 edit=docs/b.md edit=shared.md]]' },
      2,
    );
    expect(plan).toMatch(/1 will wait for your approval/);
    expect(plan).toMatch(/s1: run commands/);
    expect(plan).toMatch(/s2: network, waits for approval/);

    await expect.poll(() => jobsText(page), { timeout: 60_000, interval: 250 }).toMatch(/s1.*running/);
    figures.push(`start to "running" in the view: ${Date.now() - started} ms (includes the plan dialog)`);
    const rows = await jobsText(page);
    expect(rows).toMatch(/Tidy the docs.*running/);
    expect(rows).toMatch(/s2.*waiting for approval · network/);
    await shot(page, '02-running');
    await waitForNotification(page, /subtask “s2” waits for approval \(network: network-tools/, 30_000);
    await shot(page, '03-approval-notification');
    // The notification opens the job report while the job runs.
    await page.locator('.notification-toast', { hasText: /waits for approval/ }).locator('.monaco-button', { hasText: 'Open Job Report' }).click();
    const report = await frameWithText(page, 'Subtask s2', 60_000);
    await expect.poll(() => report.locator('body').innerText(), { timeout: 30_000 }).toMatch(/waiting for approval/);
  });

  it('approves the waiting subtask from the view (the judge reason shown first) and notifies when the job finishes', async () => {
    await dismissNotifications(page);
    await rowAction(jobsRow(page, /^\s*s2/), 'Approve or Answer Subtask');
    const text = await answerDialog(page, /Approve subtask “s2”/, 'Approve');
    expect(text).toMatch(/network-tools/);
    const done = await waitForNotification(page, /Job \S+ succeeded: 2 succeeded/, 90_000);
    expect(done).toContain('Open Job Report');
    await expect.poll(() => jobsText(page), { timeout: 30_000 }).toMatch(/Tidy the docs.*succeeded · 2 succeeded/);
    // The report open since the job ran follows it to the end by itself (no Refresh).
    const live = await frameWithText(page, 'Subtask s2', 30_000);
    await expect.poll(() => live.locator('[data-testid="job-state"]').innerText(), { timeout: 30_000 }).toBe('succeeded');
    await shot(page, '04-succeeded');
    // The notification's button opens the job report.
    await page.locator('.notification-toast', { hasText: /succeeded: 2 succeeded/ }).locator('.monaco-button', { hasText: 'Open Job Report' }).click();
    await frameWithText(page, 'Merge risks', 60_000);
  });

  it('opens an attempt log and the diff editor between the base and the attempt branch', async () => {
    await dismissNotifications(page);
    // The finished job may show collapsed: open it, then s1, down to its attempts.
    if ((await jobsPane(page).locator('.monaco-list-row', { hasText: /^\s*s1/ }).count()) === 0) await jobsRow(page, 'Tidy the docs').click();
    await jobsRow(page, /^\s*s1/).click();
    await jobsRow(page, 'Attempt 1').waitFor({ timeout: 15_000 });
    await jobsRow(page, 'Attempt 1').click();
    const editor = page.locator('.editor-instance .view-lines').first();
    // Monaco renders spaces as no-break spaces.
    await expect.poll(async () => (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toMatch(/RepoScout job \S+, subtask s1, attempt 1 \(command\): succeeded/);
    await shot(page, '05-attempt-log');

    await rowAction(jobsRow(page, 'Attempt 1'), 'Open Attempt Diff');
    const tab = page.locator('.tabs-container .tab', { hasText: /s1 attempt 1/ }).first();
    await tab.waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator('.editor-instance').first().innerText().catch(() => '')).replace(/[\s\u00a0]+/g, ' '), { timeout: 30_000 }).toMatch(/edited by the fake worker/);
    await shot(page, '06-diff');
  });

  it('opens the job report webview: subtasks, attempts, merge risk, hostile task text as text', async () => {
    await rowAction(jobsRow(page, 'Tidy the docs'), 'Open Job Report');
    const report = await frameWithText(page, 'Merge risks', 60_000);
    const text = await report.locator('body').innerText();
    expect(text).toContain(HOSTILE_TASK);
    for (const part of ['Subtasks', 'Subtask s1', 'Subtask s2', 'shared.md', 'approved by vscode', 'exit 0']) expect(text).toContain(part);
    expect(await report.locator('img').count()).toBe(0);
    // The task's <script> is text: no script in the page carries it (VS Code injects its own API script).
    expect((await report.locator('script').evaluateAll((els) => els.map((e) => e.textContent ?? ''))).filter((t) => t.includes('alert('))).toEqual([]);
    expect(await report.locator('[onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await shot(page, '07-report');
  });

  it('cancels a hanging job from the view; no worker process and no worktree are left', async () => {
    await page.keyboard.press('Escape');
    await startJob(page, tools, 'Hang on purpose [[fake hang]]', { pick: 'One subtask' }, 1);
    await expect.poll(() => jobsText(page), { timeout: 60_000, interval: 250 }).toMatch(/Hang on purpose.*running/);
    await expect.poll(() => fakeWorkers().length, { timeout: 30_000 }).toBeGreaterThan(0);
    // Its attempt's log, opened while it runs, follows the attempt to its end.
    if ((await jobsPane(page).locator('.monaco-list-row', { hasText: /^\s*main/ }).count()) === 0) await jobsRow(page, 'Hang on purpose').click();
    await jobsRow(page, /^\s*main/).click();
    const hangingAttempt = jobsPane(page).locator('.monaco-list-row', { hasText: /Attempt 1\s*running/ }).first();
    await hangingAttempt.click();
    const log = page.locator('.editor-instance .view-lines').first();
    const logText = async () => (await log.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    await expect.poll(logText, { timeout: 30_000 }).toMatch(/subtask main, attempt 1 \(command\): running[\s\S]*still running[\s\S]*fake worker \d+ started/);
    await shot(page, '08-hanging');
    const began = Date.now();
    await rowAction(jobsRow(page, 'Hang on purpose'), 'Cancel Job');
    await answerDialog(page, /Cancel job \S+\?/, 'Cancel Job');
    await waitForNotification(page, /Job \S+ cancelled/, 60_000);
    figures.push(`cancel to "cancelled" notification: ${Date.now() - began} ms`);
    await expect.poll(() => jobsText(page), { timeout: 30_000 }).toMatch(/Hang on purpose.*cancelled/);
    await expect.poll(logText, { timeout: 30_000 }).toMatch(/attempt 1 \(command\): cancelled/);
    await shot(page, '09-cancelled');

    expect(fakeWorkers()).toEqual([]);
    const worktrees = repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '));
    expect(worktrees).toEqual([`worktree ${fs.realpathSync(repo.dir)}`]);
    // The cancelled job's branch is gone; the succeeded job's two branches stay for review.
    const branches = repo.git('branch', '--list', 'reposcout/*', '--format=%(refname:short)').split('\n').filter(Boolean);
    expect(branches).toHaveLength(2);
    expect(branches.every((b) => /^reposcout\/[^/]+\/s[12]$/.test(b))).toBe(true);
  });
});
