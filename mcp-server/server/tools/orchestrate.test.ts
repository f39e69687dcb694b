import { afterEach, describe, expect, it } from 'vitest';
import { lazyOrchestration } from '../orchestration';
import { silentLogger } from '../logger';
import { connectInMemory, emptyStore, textOf } from '../test-support';
import { FAKE_WORKER, packagesRepo, strayWorktrees } from '../../../test/orchestrate/support';
import { VSCODE_CLIENT_NAME, type JobRecord, type JobSummary } from '../../../shared/protocol/orchestrate';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(options: { readOnly?: boolean; clientName?: string } = {}) {
  const db = emptyStore();
  cleanups.push(db.cleanup);
  const repo = packagesRepo();
  cleanups.push(() => repo.remove());
  const orchestration = lazyOrchestration(db.store, silentLogger, { pollMs: 50, process: { killDelayMs: 300 } });
  cleanups.push(() => orchestration.close());
  const mcp = await connectInMemory({ store: db.store, toolsets: ['orchestrate'], readOnly: options.readOnly ?? false, orchestration }, options.clientName);
  cleanups.push(() => mcp.close());
  const call = (name: string, args: Record<string, unknown>) => mcp.client.callTool({ name, arguments: args });
  const worker = { kind: 'command', command: ['node', FAKE_WORKER] };
  return { ...mcp, call, repo, worker };
}

async function poll(call: (n: string, a: Record<string, unknown>) => Promise<unknown>, jobId: string, done: (job: JobRecord) => boolean): Promise<JobRecord> {
  for (let i = 0; i < 400; i++) {
    const job = ((await call('get_job', { jobId })) as { structuredContent: { job: JobRecord } }).structuredContent.job;
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} did not get there`);
}

describe('orchestrate tools: behaviour', () => {
  it('plan_job shows the split without starting anything; start_job returns at once and get_job follows it to the end', async () => {
    const { call, repo, worker } = await setup();
    const planned = await call('plan_job', { task: 'Document [[fake edit-scope]]', repository: repo.dir, split: { by: 'package' }, worker });
    expect(planned.isError, textOf(planned)).toBeFalsy();
    expect((planned.structuredContent as { plan: { subtasks: unknown[] } }).plan.subtasks).toHaveLength(3);
    expect(textOf(planned)).toMatch(/^Plan: 3 subtasks for the command worker .*nothing was started/);
    expect(strayWorktrees(repo)).toEqual([]);

    const started = await call('start_job', { task: 'Document [[fake edit-scope]]', repository: repo.dir, split: { by: 'package' }, worker, concurrency: 3 });
    expect(started.isError, textOf(started)).toBeFalsy();
    const { job } = started.structuredContent as { job: JobSummary };
    expect(textOf(started)).toContain(`call get_job with jobId "${job.id}"`);
    const done = await poll(call, job.id, (j) => ['succeeded', 'failed'].includes(j.state));
    expect(done.state).toBe('succeeded');
    expect(done.subtasks.every((s) => s.attempts[0]!.diff!.files.length === 1)).toBe(true);
    expect(textOf(await call('get_job', { jobId: job.id }))).toMatch(/<<<repository data/);

    const log = await call('get_attempt_log', { jobId: job.id, subtask: 'packages-alpha', tail: 5 });
    expect(log.isError, textOf(log)).toBeFalsy();
    expect((log.structuredContent as { attempt: { state: string } }).attempt.state).toBe('succeeded');
    const list = await call('list_jobs', {});
    expect((list.structuredContent as { jobs: JobSummary[] }).jobs.map((j) => j.id)).toEqual([job.id]);
  });

  it('approve_subtask releases held subtasks; cancel_job stops the rest; both are recorded as decided by mcp', async () => {
    const { call, repo, worker } = await setup();
    const started = await call('start_job', { task: 'Work [[fake hang]]', repository: repo.dir, split: { by: 'list', items: ['a', 'b'] }, worker, approveAt: 'run_commands' });
    const { job, waitingForApproval } = started.structuredContent as { job: JobSummary; waitingForApproval: string[] };
    const held = await poll(call, job.id, (j) => j.state === 'waiting_for_approval');
    expect(held.subtasks.map((s) => s.state)).toEqual(['waiting_for_approval', 'waiting_for_approval']);
    expect(textOf(await call('get_job', { jobId: job.id }))).toMatch(/2 subtasks wait for approval: ask the user, then call approve_subtask/);
    void waitingForApproval;
    const approved = await call('approve_subtask', { jobId: job.id, subtask: 'a', reason: 'user said yes' });
    expect(approved.structuredContent).toMatchObject({ decided: ['a'] });
    await poll(call, job.id, (j) => j.subtasks[0]!.attempts[0]?.state === 'running');
    const cancelled = await call('cancel_job', { jobId: job.id });
    expect(cancelled.isError, textOf(cancelled)).toBeFalsy();
    const end = await poll(call, job.id, (j) => j.state === 'cancelled');
    expect(end.subtasks.map((s) => s.state)).toEqual(['cancelled', 'cancelled']);
    expect(end.subtasks[0]!.decisions.map((d) => [d.decision, d.by, d.reason])).toEqual([
      ['hold', 'judge', expect.stringMatching(/^runs-commands/)],
      ['approved', 'mcp', 'user said yes'],
    ]);
    expect(strayWorktrees(repo)).toEqual([]);
  });
});

describe('orchestrate tools: who decided, and a worker that needs input', () => {
  it('a decision made through the VS Code extension\'s client is stored as "vscode"; the client name, not an argument, decides', async () => {
    const { call, repo, worker } = await setup({ clientName: VSCODE_CLIENT_NAME });
    const started = await call('start_job', { task: 'Work [[fake]]', repository: repo.dir, split: { by: 'list', items: ['a', 'b'] }, worker, approveAt: 'run_commands' });
    const { job } = started.structuredContent as { job: JobSummary };
    await poll(call, job.id, (j) => j.state === 'waiting_for_approval');
    expect((await call('approve_subtask', { jobId: job.id, subtask: 'a', reason: 'approved in VS Code' })).structuredContent).toMatchObject({ decided: ['a'] });
    // No argument can claim who decided: an unknown field is refused.
    const claimed = await call('approve_subtask', { jobId: job.id, subtask: 'b', decision: 'rejected', by: 'cli' });
    expect(claimed.isError).toBe(true);
    expect(textOf(claimed)).toMatch(/^INVALID_INPUT: .*\bby\b/);
    await call('approve_subtask', { jobId: job.id, subtask: 'b', decision: 'rejected', reason: 'not now' });
    const end = await poll(call, job.id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.state));
    expect(end.subtasks.map((s) => s.decisions.filter((d) => d.by !== 'judge').map((d) => [d.decision, d.by, d.reason]))).toEqual([[['approved', 'vscode', 'approved in VS Code']], [['rejected', 'vscode', 'not now']]]);
    expect(end.subtasks.map((s) => s.message)).toEqual([null, 'Rejected by vscode: not now.']);
    // Nothing failed: a person's rejection ends the job cancelled, and says so.
    expect([end.state, end.message]).toEqual(['cancelled', '1 of 2 subtasks succeeded; declined by a person: b.']);
  });

  it('a worker that asks for input puts the job in needs input (not an end) until an answer over approve_subtask runs it again from its work', async () => {
    const { call, repo } = await setup();
    const worker = { kind: 'fake', binary: FAKE_WORKER };
    const started = await call('start_job', { task: 'Migrate the database [[fake needs-input edit=MIGRATION.md]]', repository: repo.dir, worker, approveAt: 'destructive' });
    const { job } = started.structuredContent as { job: JobSummary };
    const end = await poll(call, job.id, (j) => j.state !== 'running' && j.state !== 'planned');
    const st = end.subtasks[0]!;
    expect(st.state).toBe('needs_input');
    expect(st.message).toBe('The fake worker asked which database to migrate. See its final message.');
    expect(st.attempts[0]).toMatchObject({ state: 'needs_input', message: 'The fake worker asked which database to migrate.', finalMessage: 'Which database should I migrate, Postgres or SQLite?' });
    // What it did before asking is kept on its branch for the answer's sake.
    expect(st.attempts[0]!.diff!.files.map((f) => f.path)).toEqual(['MIGRATION.md']);
    expect([end.state, end.finishedAt]).toEqual(['needs_input', null]);
    const text = textOf(await call('get_job', { jobId: job.id }));
    expect(text).toMatch(/^Job \S+ is needs_input\. 1 subtasks need input: .*the job waits\. .*call approve_subtask with the user's answer as reason \(it runs again from its work\) or decision rejected \(declined\)\./);
    expect(text).toMatch(/"main" needs_input, 1 attempts 1 files \+1 -0 on .*message "The fake worker asked which database to migrate\. See its final message\."/);
    const listed = (await call('list_jobs', { state: 'needs_input' })).structuredContent as { jobs: JobSummary[] };
    expect(listed.jobs.map((j) => [j.id, j.counts])).toEqual([[job.id, { needs_input: 1 }]]);

    const answered = await call('approve_subtask', { jobId: job.id, reason: 'Postgres' });
    expect(answered.structuredContent).toMatchObject({ decided: ['main'] });
    const done = await poll(call, job.id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.state));
    expect(done.state).toBe('succeeded');
    const again = done.subtasks[0]!;
    expect(again.decisions.filter((d) => d.by !== 'judge').map((d) => [d.decision, d.by, d.reason])).toEqual([['approved', 'mcp', 'Postgres']]);
    expect(again.attempts.map((a) => a.state)).toEqual(['needs_input', 'succeeded']);
    // The second attempt started from the first one's work and got the answer.
    expect(again.attempts[1]!.diff!.files.map((f) => f.path)).toEqual(['ANSWER.md', 'MIGRATION.md']);
    expect(repo.git('show', `${again.branch!}:ANSWER.md`)).toBe('Postgres\n');
    expect(strayWorktrees(repo)).toEqual([]);
  });
});

describe('orchestrate tools: bad input and read-only mode', () => {
  it('answers an unknown job, a wrong repository and a misspelled argument with an isError and a next step', async () => {
    const { call, repo } = await setup();
    const unknown = await call('get_job', { jobId: 'jdeadbeef' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/^JOB_NOT_FOUND: .*list_jobs/);
    const notRepo = await call('plan_job', { task: 'x', repository: `${repo.dir}/nope` });
    expect(textOf(notRepo)).toMatch(/^PATH_NOT_FOUND: /);
    const typo = await call('start_job', { task: 'x', repository: repo.dir, concurrencyy: 2 });
    expect(typo.isError).toBe(true);
    expect(textOf(typo)).toMatch(/concurrencyy/);
  });

  it('read-only mode drops start_job, approve_subtask and cancel_job and keeps the readers', async () => {
    const { client } = await setup({ readOnly: true });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(['plan_job', 'get_job', 'list_jobs', 'get_attempt_log']);
  });
});
