import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord } from '../../shared/protocol/orchestrate';
import { startFakeOpenAI, userText, writeCodexHome, type CodexStep, type FakeOpenAI } from '../fake-openai/server';
import { CLI } from '../helpers/cli';
import { alice, daysAgo, TestRepo } from '../helpers/git-fixture';
import {
  answerInput,
  dismissNotifications,
  environmentWithoutNode,
  frameWithText,
  pathWithoutNode,
  runCommand,
  showRepoScoutSidebar,
  viewRows,
  waitForNotification,
  widenSidebar,
  type CodeServerDirs,
} from './code-server';
import { answerDialog, jobsPane, jobsRow, rowAction } from './jobs-view';
import { closeSession, installRepoScout, openSession, prepareE2e, reportFailures, SHOTS, type E2eSession } from './session';

// Jobs in real VS Code (code-server) with the REAL Codex CLI as the worker, pointed at a
// loopback fake of the OpenAI Responses API through a CODEX_HOME made here (no network, the
// developer's ~/.codex untouched): a subtask whose worker asks to run a command outside its
// sandbox ends in "needs input" (view, notification, get_job over MCP) and the whole job waits
// in needs input, not failed; a subtask held for approval is approved with the job report's own
// Approve… button and stored as decided by "vscode"; the asking subtask is declined with the
// report's own Answer… button and the job ends cancelled; a hanging Codex is stopped with the
// report's own Cancel Job button.

const ROOT = path.resolve(__dirname, '../..');
// The native binary of @openai/codex (its npm launcher needs node, which this PATH lacks).
const CODEX = path.join(ROOT, 'node_modules/@openai/codex-linux-x64/vendor/x86_64-unknown-linux-musl/bin/codex');
const figures: string[] = [];

/** What the fake model does, by the marker in the subtask's instruction. */
function script(request: Parameters<Parameters<typeof startFakeOpenAI>[0]>[0]): CodexStep[] {
  const prompt = userText(request);
  if (prompt.includes('[[codex ask]]')) return [{ shell: 'touch /etc/reposcout-e2e', escalate: 'The settings live in /etc' }, { text: 'The settings live in /etc: may I write there?' }];
  if (prompt.includes('[[codex hang]]')) return [{ hang: true }];
  return [{ patch: '*** Begin Patch\n*** Add File: RELEASE-NOTE.md\n+# Release\n+\n+Written by Codex.\n*** End Patch\n' }, { text: 'Wrote RELEASE-NOTE.md.' }];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `jobs-input-${name}.png`) });
}

const jobsText = async (page: Page) => (await viewRows(page, 'Jobs')).join('\n');

/** Codex processes of the hanging job still running (ps: its command line holds the prompt). */
function hangingCodex(): string[] {
  return execFileSync('ps', ['-ww', '-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /codex exec --json/.test(line) && line.includes('[[codex hang]]'));
}

/** Starts a Codex job from the palette; returns the plan dialog's text. */
async function startCodexJob(page: Page, task: string, split: { pick: string; value?: string }): Promise<string> {
  await runCommand(page, 'RepoScout: Start a Job');
  await answerInput(page, 'Start a Job: Task', task);
  await answerInput(page, 'Start a Job: Split', split.pick, split.pick);
  if (split.value !== undefined) await answerInput(page, `Start a Job: ${split.pick}`, split.value);
  await answerInput(page, 'Start a Job: Worker', 'codex', 'codex');
  await answerInput(page, 'Start a Job: Concurrency', '2');
  return answerDialog(page, /Start \d+ subtasks? with the codex worker/, 'Start Job');
}

/** The job report webview of `jobId`, opened from its row. */
async function openReport(page: Page, task: string, jobId: string): Promise<Frame> {
  await rowAction(jobsRow(page, task), 'Open Job Report');
  return frameWithText(page, `Job ${jobId}`, 60_000);
}

describe('Jobs that need input, and the job report’s own buttons, with the real Codex CLI (code-server)', () => {
  let root: string;
  let dirs: CodeServerDirs;
  let session: E2eSession;
  let page: Page;
  let repo: TestRepo;
  let fake: FakeOpenAI;
  let mcp: Client;
  let dbPath: string;
  let jobId = '';

  /** get_job over MCP from a second, read-only RepoScout on the same database. */
  const getJob = async (id: string): Promise<JobRecord> => {
    const result = await mcp.callTool({ name: 'get_job', arguments: { jobId: id } });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return (result.structuredContent as { job: JobRecord }).job;
  };

  beforeAll(async () => {
    expect(fs.existsSync(CODEX)).toBe(true);
    const prepared = prepareE2e('reposcout-jobs-input-e2e-');
    ({ root, dirs } = prepared);
    fake = await startFakeOpenAI(script);
    const codexBin = path.join(root, 'codex-bin');
    fs.mkdirSync(codexBin);
    fs.symlinkSync(CODEX, path.join(codexBin, 'codex'));
    const env = environmentWithoutNode(root, {
      PATH: `${codexBin}:${pathWithoutNode(root)}`,
      CODEX_HOME: writeCodexHome(root, fake),
      OPENAI_API_KEY: 'codex-double-key',
    });
    dbPath = path.join(root, 'data', 'reposcout.db');
    installRepoScout(prepared, env, { 'reposcout.databasePath': dbPath });

    const now = Math.floor(Date.now() / 1000);
    repo = TestRepo.create();
    repo.write('README.md', '# Settings\n').write('settings/app.toml', 'debug = false\n').commit('Initial commit', alice, daysAgo(now, 10));
    session = await openSession(prepared, repo.dir, env);
    page = session.page;
  }, 600_000);

  reportFailures(() => page, () => dirs, 'jobs-input-');

  afterAll(async () => {
    if (figures.length > 0) process.stdout.write(`\nJobs (needs input, report buttons) figures:\n  ${figures.join('\n  ')}\n`);
    await mcp?.close();
    await closeSession(session, root, () => fake?.close(), () => repo?.remove());
  }, 60_000);

  it('a Codex subtask that asks to run outside its sandbox ends in "needs input": the view, a notification, and get_job over MCP say what it wanted', async () => {
    await showRepoScoutSidebar(page);
    await widenSidebar(page);
    await page.locator('.pane-header', { hasText: 'Repositories' }).first().click();
    await jobsPane(page).locator('.pane-header').click();
    await jobsPane(page).locator('.welcome-view-content', { hasText: 'No jobs yet' }).waitFor({ timeout: 90_000 });

    const started = Date.now();
    // s1 asks for more than codex exec allows; s2 mentions curl, so the judge holds it.
    const plan = await startCodexJob(page, 'Update the settings', { pick: 'Explicit subtasks', value: 'Migrate the settings [[codex ask]] | Add a release note, fetched with curl [[codex note]]' });
    expect(plan).toMatch(/s1: run commands/);
    expect(plan).toMatch(/s2: network, waits for approval/);

    const note = await waitForNotification(page, /subtask “s1” needs input: Codex wanted to run a command outside its sandbox/, 120_000);
    figures.push(`start to the "needs input" notification (real Codex): ${Date.now() - started} ms (includes the plan dialog)`);
    expect(note).toContain('The job waits for your answer.');
    expect(note).toContain('Answer…');
    expect(note).toContain('Open Log');
    expect(note).toContain('Open Job Report');
    await expect.poll(() => jobsText(page), { timeout: 30_000 }).toMatch(/s1.*needs input · no branch \(no changes\)/);
    expect(await jobsText(page)).toMatch(/s2.*waiting for approval · network/);
    // The job itself waits for a person: needs input, not running and not failed.
    // The subtask's row and the job's own line refresh separately: wait for the job's too.
    await expect.poll(() => jobsText(page), { timeout: 30_000 }).toMatch(/Update the settings.*needs input · 1 waiting for approval, 1 needs input/);
    await shot(page, '01-needs-input');

    jobId = /RepoScout job (\S+):/.exec(note)![1]!;
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--db', dbPath, '--toolsets', 'orchestrate', '--read-only'], stderr: 'pipe' });
    mcp = new Client({ name: 'jobs-input-e2e', version: '1.0.0' });
    await mcp.connect(transport);
    const job = await getJob(jobId);
    expect([job.state, job.finishedAt]).toEqual(['needs_input', null]);
    const s1 = job.subtasks.find((s) => s.key === 's1')!;
    expect(s1.state).toBe('needs_input');
    expect([s1.branch, s1.noBranch]).toEqual([null, 'no changes: the worker changed no file, so its empty branch was deleted']);
    expect(s1.message).toBe('Codex wanted to run a command outside its sandbox, which codex exec refuses. See its final message.');
    expect(s1.attempts[0]).toMatchObject({ worker: 'codex', state: 'needs_input', finalMessage: 'The settings live in /etc: may I write there?' });
    expect(fs.existsSync('/etc/reposcout-e2e')).toBe(false);

    // The notification's Open Log shows the attempt, its message and Codex's question.
    await page.locator('.notification-toast', { hasText: /needs input/ }).locator('.monaco-button', { hasText: 'Open Log' }).click();
    const editor = page.locator('.editor-instance .view-lines').first();
    await expect.poll(async () => (await editor.innerText().catch(() => '')).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toMatch(/subtask s1, attempt 1 \(codex\): needs input[\s\S]*message: Codex wanted to run a command outside its sandbox/);
    await shot(page, '02-needs-input-log');
  });

  it('approves the held subtask with the job report’s own Approve… button; Codex runs it and the decision is stored as "vscode"', async () => {
    await dismissNotifications(page);
    const report = await openReport(page, 'Update the settings', jobId);
    const s2 = report.locator('section', { has: report.locator('h2', { hasText: 'Subtask s2' }) });
    await expect.poll(() => report.locator('body').innerText(), { timeout: 30_000 }).toMatch(/needs input/);
    await shot(page, '03-report-waiting');
    await s2.locator('button', { hasText: 'Approve…' }).click();
    // The same command as the view's action: the judge's reason first, then the decision.
    const text = await answerDialog(page, /Approve subtask “s2”/, 'Approve');
    expect(text).toMatch(/network-tools|curl/);
    const live = await frameWithText(page, 'approved by vscode', 30_000);
    // s2 succeeds; s1 still waits for its answer, so the job does not end: it needs input.
    await expect.poll(async () => (await getJob(jobId)).subtasks.find((s) => s.key === 's2')!.state, { timeout: 120_000 }).toBe('succeeded');
    await expect.poll(() => live.locator('[data-testid="job-state"]').innerText(), { timeout: 30_000 }).toBe('needs input');
    await expect.poll(() => jobsText(page), { timeout: 30_000 }).toMatch(/Update the settings.*needs input · 1 needs input, 1 succeeded/);
    expect(await page.locator('.notification-toast', { hasText: new RegExp(`Job ${jobId} (succeeded|failed|cancelled)`) }).count()).toBe(0);
    expect((await getJob(jobId)).state).toBe('needs_input');
    await shot(page, '04-report-approved');

    const job = await getJob(jobId);
    const approved = job.subtasks.find((s) => s.key === 's2')!;
    expect(approved.decisions.map((d) => [d.decision, d.by])).toEqual([['hold', 'judge'], ['approved', 'vscode']]);
    expect(approved.attempts[0]).toMatchObject({ worker: 'codex', finalMessage: 'Wrote RELEASE-NOTE.md.', inputTokens: 400, outputTokens: 80 });
    expect(repo.git('show', `${approved.branch!}:RELEASE-NOTE.md`)).toBe('# Release\n\nWritten by Codex.\n');
  });

  it('declines the asking subtask with the job report’s own Answer… button: the job ends cancelled (a person chose), and the report says s1 has no branch', async () => {
    await dismissNotifications(page);
    const report = await frameWithText(page, 'approved by vscode', 30_000);
    const s1 = report.locator('section', { has: report.locator('h2', { hasText: 'Subtask s1' }) });
    await expect.poll(() => s1.locator('[data-testid="branch"]').innerText(), { timeout: 30_000 }).toBe('no branch (no changes: the worker changed no file, so its empty branch was deleted)');
    await s1.locator('button', { hasText: 'Answer…' }).click();
    // What Codex wanted and its question come first, then the choice.
    const text = await answerDialog(page, /Subtask “s1” of job \S+ needs input/, 'Decline');
    expect(text).toMatch(/It wanted: Codex wanted to run a command outside its sandbox/);
    expect(text).toMatch(/Its last message: The settings live in \/etc: may I write there\?/);
    const done = await waitForNotification(page, new RegExp(`Job ${jobId} cancelled: 1 succeeded, 1 cancelled`), 60_000);
    expect(done).toContain('Open Job Report');
    await expect.poll(() => report.locator('[data-testid="job-state"]').innerText(), { timeout: 30_000 }).toBe('cancelled');
    await shot(page, '05-report-declined');

    const job = await getJob(jobId);
    expect([job.state, job.message]).toEqual(['cancelled', '1 of 2 subtasks succeeded; declined by a person: s1.']);
    const declined = job.subtasks.find((s) => s.key === 's1')!;
    expect([declined.state, declined.message]).toEqual(['cancelled', 'Declined by vscode: declined in VS Code.']);
    expect(declined.decisions.map((d) => [d.decision, d.by])).toEqual([['auto', 'judge'], ['rejected', 'vscode']]);
  });

  it('cancels a hanging Codex with the job report’s own Cancel Job button; no Codex process and no worktree are left', async () => {
    await dismissNotifications(page);
    await page.keyboard.press('Escape');
    await startCodexJob(page, 'Wait for the API [[codex hang]]', { pick: 'One subtask' });
    await expect.poll(() => jobsText(page), { timeout: 60_000, interval: 250 }).toMatch(/Wait for the API.*running/);
    await expect.poll(() => hangingCodex().length, { timeout: 30_000 }).toBeGreaterThan(0);
    const listed = (await mcp.callTool({ name: 'list_jobs', arguments: {} })).structuredContent as { jobs: { id: string; task: string }[] };
    const hungId = listed.jobs.find((j) => j.task.startsWith('Wait for the API'))!.id;
    const report = await openReport(page, 'Wait for the API', hungId);
    await expect.poll(() => report.locator('[data-testid="job-state"]').innerText(), { timeout: 30_000 }).toBe('running');
    const began = Date.now();
    await report.locator('header button', { hasText: 'Cancel Job' }).click();
    await answerDialog(page, new RegExp(`Cancel job ${hungId}\\?`), 'Cancel Job');
    await waitForNotification(page, new RegExp(`Job ${hungId} cancelled`), 60_000);
    figures.push(`report's Cancel Job to the "cancelled" notification: ${Date.now() - began} ms`);
    await expect.poll(() => report.locator('[data-testid="job-state"]').innerText(), { timeout: 30_000 }).toBe('cancelled');
    await shot(page, '06-report-cancelled');

    expect((await getJob(hungId)).subtasks[0]!.state).toBe('cancelled');
    await expect.poll(() => hangingCodex(), { timeout: 15_000 }).toEqual([]);
    const worktrees = repo.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '));
    expect(worktrees).toEqual([`worktree ${fs.realpathSync(repo.dir)}`]);
    // Kept for review: s2's branch. s1 changed nothing before asking, so it has none; the
    // cancelled job's branch is gone.
    const branches = repo.git('branch', '--list', 'reposcout/*', '--format=%(refname:short)').split('\n').filter(Boolean);
    expect(branches).toEqual([`reposcout/${jobId}/s2`]);
  });
});
