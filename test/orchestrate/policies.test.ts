import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupMembers, processStartTime } from '../../shared/orchestrate/process-identity';
import { tempDir } from '../helpers/git-fixture';
import { branches, buildEngineProcess, ENGINE_PROCESS, FAKE_WORKER, strayWorktrees, until, workerRecorded, worldPerTest } from './support';

beforeAll(buildEngineProcess);

const newWorld = worldPerTest();

describe('retries and the circuit breaker', () => {
  it('retries a retryable failure with backoff and succeeds on the next attempt', async () => {
    const w = newWorld();
    const counter = path.join(tempDir(), 'count');
    const { job, done } = await w.engine.start(w.input({ task: `x [[fake fail-until=2,${counter} edit=a.txt]]`, retries: 2 }));
    await done;
    const st = w.engine.get(job.id).subtasks[0]!;
    expect(st.state).toBe('succeeded');
    expect(st.attempts.map((a) => [a.number, a.state, a.failure?.kind ?? null])).toEqual([
      [1, 'failed', 'worker_error'],
      [2, 'succeeded', null],
    ]);
    expect(branches(w.repo)).toEqual([st.branch]);
  });

  it('opens the breaker after consecutive worker failures, refuses further work, and stays open after a restart', async () => {
    const w = newWorld({ breakerThreshold: 2 });
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake fail]]', split: { by: 'list', items: ['a', 'b', 'c'] }, concurrency: 1, retries: 0 }));
    await done;
    const record = w.engine.get(job.id);
    expect(record.subtasks.map((s) => s.attempts.length)).toEqual([1, 1, 0]);
    expect(record.subtasks[2]!.message).toMatch(/circuit breaker is open/);
    expect(w.engine.breakers()).toEqual([expect.objectContaining({ worker: 'fake', open: true })]);
    // A new engine on the same database (a restart) loads the open breaker.
    const again = w.reopen();
    const second = await again.start(w.input({ task: 'x [[fake edit=b.txt]]' }));
    await second.done;
    expect(again.get(second.job.id).subtasks[0]).toMatchObject({ state: 'failed', attempts: [] });
  });
});

describe('approval and cancellation', () => {
  it('holds subtasks at or above the approval level until approved; a rejection ends them; every decision is stored', async () => {
    const w = newWorld();
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake edit=a.txt]]', split: { by: 'list', items: ['yes', 'no'] }, approveAt: 'write_worktree' }));
    await until(() => w.engine.summary(job.id).state === 'waiting_for_approval');
    expect(w.engine.get(job.id).subtasks.map((s) => s.state)).toEqual(['waiting_for_approval', 'waiting_for_approval']);
    expect(w.engine.decide(job.id, 'yes', 'approved', 'cli', 'looks fine')).toEqual(['yes']);
    expect(w.engine.decide(job.id, 'no', 'rejected', 'mcp')).toEqual(['no']);
    await done;
    const record = w.engine.get(job.id);
    expect(record.subtasks.map((s) => s.state)).toEqual(['succeeded', 'cancelled']);
    expect(record.subtasks[0]!.decisions.map((d) => [d.decision, d.by, d.reason.split(':')[0]])).toEqual([
      ['hold', 'judge', 'writes-files'],
      ['approved', 'cli', 'looks fine'],
    ]);
    expect(record.subtasks[1]!.decisions.map((d) => [d.decision, d.by])).toEqual([['hold', 'judge'], ['rejected', 'mcp']]);
    expect(() => w.engine.decide(job.id, 'yes', 'approved', 'cli')).toThrow(/does not wait for approval/);
  });

  it('cancels a running job: workers are stopped, queued subtasks never start, nothing is left', async () => {
    const w = newWorld();
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake hang]]', split: { by: 'list', items: ['a', 'b', 'c'] }, concurrency: 2 }));
    await until(() => w.engine.get(job.id).subtasks.filter((s) => s.attempts[0]?.state === 'running').length === 2);
    w.engine.cancel(job.id);
    await done;
    const record = w.engine.get(job.id);
    expect(record.state).toBe('cancelled');
    expect(record.subtasks.map((s) => s.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(record.subtasks.map((s) => s.attempts.length)).toEqual([1, 1, 0]);
    expect(branches(w.repo)).toEqual([]);
  });
});

describe('recovery after the engine dies', () => {
  it('an engine killed mid-job: the next engine ends its worker, removes the worktrees, and resuming finishes the job', async () => {
    const w = newWorld();
    const marker = path.join(tempDir(), 'hung');
    // One slot: the first subtask's worker hangs, the second's worktree is made ahead and waits.
    const input = w.input({ task: `x [[fake hang-once=${marker} edit=done.txt]]`, split: { by: 'list', items: ['first', 'second'] }, concurrency: 1, retries: 1 });
    const child = spawn(process.execPath, [ENGINE_PROCESS, w.dbPath, JSON.stringify(input), FAKE_WORKER], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await until(() => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== '');
    const workerPid = Number(fs.readFileSync(marker, 'utf8'));
    await until(() => workerRecorded(w.store, workerPid));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    expect(stderr).toBe('');
    // The worker outlived its engine (its own process group).
    expect(processStartTime(workerPid)).not.toBeNull();
    await until(() => strayWorktrees(w.repo).length === 2);

    const recovered = await w.engine.recover();
    expect(recovered.attempts).toBe(1);
    const jobId = recovered.jobs[0]!;
    expect(processStartTime(workerPid)).toBeNull();
    expect(strayWorktrees(w.repo)).toEqual([]);
    const interrupted = w.engine.get(jobId);
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.subtasks.map((s) => s.state)).toEqual(['queued', 'queued']);
    expect(interrupted.subtasks[0]!.attempts[0]).toMatchObject({ state: 'interrupted', failure: { kind: 'engine_died', retryable: true } });
    expect(interrupted.subtasks[1]!.attempts).toEqual([]);
    expect(branches(w.repo)).toEqual([]);

    await w.engine.resume(jobId);
    const finished = w.engine.get(jobId);
    expect(finished.state).toBe('succeeded');
    expect(finished.subtasks[0]!.attempts.map((a) => a.state)).toEqual(['interrupted', 'succeeded']);
    expect(finished.subtasks[1]!.attempts.map((a) => a.state)).toEqual(['succeeded']);
  });

  it('an engine killed between starting a worker and storing its pid: the next engine still finds the worker by its mark and ends it', async () => {
    const w = newWorld();
    const marker = path.join(tempDir(), 'hung');
    // ignore-epipe: its first line finds no reader, and a worker need not die of that.
    const input = w.input({ task: `x [[fake ignore-epipe hang-once=${marker} edit=done.txt]]`, retries: 1 });
    // The fault point kills the engine (SIGKILL) right after the spawn, before the pid is stored.
    const child = spawn(process.execPath, [ENGINE_PROCESS, w.dbPath, JSON.stringify(input), FAKE_WORKER, 'die-after-worker-spawn'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.once('close', (code, sig) => r([code, sig])));
    expect(signal).toBe('SIGKILL');
    await until(() => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') !== '');
    const workerPid = Number(fs.readFileSync(marker, 'utf8'));
    expect(processStartTime(workerPid)).not.toBeNull();
    const rows = w.store.db.prepare('select pid, state from orchestrate_attempts').all();
    expect(rows).toEqual([{ pid: null, state: 'running' }]);

    const recovered = await w.engine.recover();
    expect(recovered.attempts).toBe(1);
    expect(processStartTime(workerPid)).toBeNull();
    expect(groupMembers(workerPid)).toEqual([]);
    expect(strayWorktrees(w.repo)).toEqual([]);
    const jobId = recovered.jobs[0]!;
    expect(w.engine.get(jobId).subtasks[0]!.attempts[0]).toMatchObject({ state: 'interrupted', failure: { kind: 'engine_died' } });
    await w.engine.resume(jobId);
    expect(w.engine.get(jobId).state).toBe('succeeded');
  });

  it('of two RepoScout processes settling one job, exactly one claims it (compare-and-set on the dead owner)', async () => {
    const w = newWorld();
    const { job } = await w.engine.start(w.input({ task: 'x [[fake]]' }));
    await w.engine.wait(job.id);
    w.store.db.prepare('update orchestrate_jobs set owner_pid = 999999, owner_started = ? where id = ?').run('dead', job.id);
    const seenByBoth = w.engine.jobs.job(job.id)!;
    expect(w.engine.jobs.claimOwner(seenByBoth, 1001, 'first')).toBe(true);
    expect(w.engine.jobs.claimOwner(seenByBoth, 1002, 'second')).toBe(false);
    expect(w.engine.jobs.job(job.id)).toMatchObject({ owner_pid: 1001, owner_started: 'first' });
  });
});
