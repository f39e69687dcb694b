import { BrokenCircuitError, TaskCancelledError, bulkhead } from 'cockatiel';
import type { JobState, PlanInput, SubtaskState } from '../protocol/orchestrate';
import { discardPrepared, prepareWorktree, runWorker, settleAttempt, type AttemptContext, type ProcessSettings, type RanAttempt } from './attempt';
import type { JobStore, SubtaskRow } from './job-store';
import { AttemptFailure, attemptRetry, type Breakers, type PolicySettings } from './policies';
import { selfIdentity } from './process-identity';
import { rank } from './safety';
import { StartGate } from './start-gate';

export interface RunnerDeps {
  jobs: JobStore;
  dbPath: string;
  breakers: Breakers;
  policy: PolicySettings;
  process: ProcessSettings;
  /** How often approvals and cancellations made by other processes are read from the store. */
  pollMs: number;
}

// needs_input is not final: the subtask waits for a person's answer (approve_subtask), like
// waiting_for_approval, and runs again when it comes.
const FINAL: readonly SubtaskState[] = ['succeeded', 'failed', 'cancelled', 'timed_out'];

/**
 * Runs a stored job to the end: holds subtasks the judge flags until someone decides,
 * runs the rest through retry → concurrency limit (bulkhead with a queue) → the worker kind's
 * circuit breaker → one attempt, and watches the store for approvals, answers to subtasks
 * that need input, and cancellation. While nothing runs and a subtask waits for a person, the
 * job is needs_input or waiting_for_approval. Resolves when every subtask has a final state;
 * the job's state says how it went.
 */
export async function runJob(deps: RunnerDeps, jobId: string, shutdown: AbortSignal): Promise<void> {
  const { jobs } = deps;
  const job = jobs.job(jobId);
  if (!job) return;
  const input = JSON.parse(job.plan_json) as PlanInput;
  const me = selfIdentity();
  // Two processes resuming one job at once: the one whose claim lands runs it.
  if (!jobs.claimOwner(job, me.pid, me.started)) return;
  const cancel = new AbortController();
  const onShutdown = () => cancel.abort();
  shutdown.addEventListener('abort', onShutdown, { once: true });
  // Slots: workers running at once. Worktrees: those of running attempts plus as many made
  // ahead for queued ones, so a freed slot starts its next worker without waiting for git.
  const slots = bulkhead(input.concurrency, Number.MAX_SAFE_INTEGER);
  const worktrees = bulkhead(input.concurrency * 2, Number.MAX_SAFE_INTEGER);
  const retryPolicy = attemptRetry(input.retries, deps.policy);
  const breaker = deps.breakers.get(input.worker.kind);
  const running = new Map<number, Promise<void>>();
  const ctx: AttemptContext = { jobs, dbPath: deps.dbPath, job, input, settings: deps.process, signal: cancel.signal };

  // Workers in a slot that have not printed yet; git work nothing waits for yields to them.
  const gate = new StartGate(1_000);

  // One attempt: worktree prepared while queued → slot → breaker → worker → slot freed →
  // commit, record and tidy up (settleAttempt) outside the slot.
  const attemptOnce = (subtask: SubtaskRow, number: number) =>
    worktrees.execute(async () => {
      // Made ahead (every slot is taken): after the workers starting now, unless the slot comes first.
      let slotTaken = () => {};
      const ahead = slots.executionSlots === 0 ? Promise.race([gate.idle(), new Promise<void>((resolve) => (slotTaken = resolve))]) : Promise.resolve();
      const prepared = ahead.then(() => prepareWorktree(ctx, subtask, number));
      prepared.catch(() => undefined); // recorded as the attempt's failure once it has a slot
      let ran: RanAttempt | null = null;
      try {
        await slots.execute(() => {
          slotTaken();
          if (cancel.signal.aborted) throw new AttemptFailure('cancelled', 'The job was cancelled before this subtask started.', false);
          const runs = gate.starting();
          return breaker
            .execute(async () => {
              ran = await runWorker(ctx, subtask, number, prepared, runs);
              // The breaker counts the worker's failures; the attempt is settled below either way.
              if (ran.failure) throw ran.failure;
            })
            .finally(runs);
        }, cancel.signal);
      } catch (error) {
        if (!ran) {
          await discardPrepared(ctx, subtask, number, prepared);
          throw error;
        }
      }
      // The freed slot's next worker is spawned first (in the promise jobs that run now); the
      // worktree's removal, which nothing waits for, waits until it runs.
      await new Promise((resolve) => setImmediate(resolve));
      return settleAttempt(ctx, ran!, () => gate.idle());
    }, cancel.signal);

  const runSubtask = async (subtask: SubtaskRow) => {
    let number = jobs.attempts(subtask.id).length;
    try {
      const state = await retryPolicy.execute(() => attemptOnce(subtask, ++number));
      // needs_input: the attempt's message says what the worker wanted.
      const asked = state === 'needs_input' ? (jobs.attempts(subtask.id).at(-1)?.message ?? 'The worker wanted something it was not allowed.') : null;
      jobs.setSubtaskState(subtask.id, state === 'needs_input' ? 'needs_input' : 'succeeded', asked === null ? null : `${asked} See its final message.`);
    } catch (error) {
      if (error instanceof AttemptFailure) {
        const state: SubtaskState = error.kind === 'cancelled' ? 'cancelled' : error.kind === 'timeout' || error.kind === 'no_output' ? 'timed_out' : 'failed';
        jobs.setSubtaskState(subtask.id, state, error.message);
      } else if (error instanceof BrokenCircuitError) {
        jobs.setSubtaskState(subtask.id, 'failed', `The ${input.worker.kind} worker's circuit breaker is open after repeated failures; nothing was started. It lets one attempt through after ${Math.round(deps.policy.breakerHalfOpenMs / 1000)} s.`);
      } else if (error instanceof TaskCancelledError || cancel.signal.aborted) {
        jobs.setSubtaskState(subtask.id, 'cancelled', 'The job was cancelled before this subtask started.');
      } else {
        jobs.setSubtaskState(subtask.id, 'failed', `RepoScout failed to run it: ${(error as Error).message}`);
      }
    }
  };

  const start = (subtask: SubtaskRow) => {
    jobs.setSubtaskState(subtask.id, 'queued');
    running.set(subtask.id, runSubtask(subtask).finally(() => running.delete(subtask.id)));
  };

  // Planned subtasks meet the judge's verdict, stored with the plan: hold or let through.
  for (const st of jobs.subtasks(jobId)) {
    if (st.state !== 'planned') continue;
    if (rank(st.safety_class) >= rank(input.approveAt)) {
      jobs.addDecision(st.id, 'hold', st.safety_class, `${st.safety_reason}; at or above the approval level ${input.approveAt}`, 'judge');
      jobs.setSubtaskState(st.id, 'waiting_for_approval', `Waits for approval: ${st.safety_class}.`);
    } else {
      jobs.addDecision(st.id, 'auto', st.safety_class, `${st.safety_reason}; below the approval level ${input.approveAt}`, 'judge');
      jobs.setSubtaskState(st.id, 'queued');
    }
  }
  let shown: string | null = null;
  for (;;) {
    if (jobs.cancelRequested(jobId) && !cancel.signal.aborted) cancel.abort();
    const subtasks = jobs.subtasks(jobId);
    for (const st of subtasks) {
      if (running.has(st.id)) continue;
      if (st.state === 'queued' || st.state === 'running') start(st); // running: left by a dead engine, recovered
      else if (st.state === 'waiting_for_approval' && cancel.signal.aborted) jobs.setSubtaskState(st.id, 'cancelled', 'The job was cancelled while this subtask waited for approval.');
      else if (st.state === 'needs_input' && cancel.signal.aborted) jobs.setSubtaskState(st.id, 'cancelled', 'The job was cancelled while this subtask waited for input.');
    }
    const state = running.size > 0 ? 'running' : personState(subtasks);
    if (state !== shown) jobs.setJobState(jobId, state);
    shown = state;
    if (running.size === 0 && !jobs.subtasks(jobId).some((st) => !FINAL.includes(st.state))) break;
    await Promise.race([delay(deps.pollMs), ...running.values()]);
  }
  shutdown.removeEventListener('abort', onShutdown);
  finishJob(jobs, jobId, cancel.signal.aborted, shutdown.aborted);
}

/** What a job with nothing running waits for: an answer first (a worker stopped mid-work), then an approval. */
function personState(subtasks: readonly SubtaskRow[]): JobState {
  if (subtasks.some((st) => st.state === 'needs_input')) return 'needs_input';
  return subtasks.some((st) => st.state === 'waiting_for_approval') ? 'waiting_for_approval' : 'running';
}

function finishJob(jobs: JobStore, jobId: string, cancelled: boolean, shutdown: boolean): void {
  const subtasks = jobs.subtasks(jobId);
  markMergeRisks(jobs, subtasks);
  const ok = subtasks.filter((s) => s.state === 'succeeded').length;
  jobs.setOwner(jobId, null, null);
  if (shutdown && !jobs.cancelRequested(jobId)) {
    // Stopped by RepoScout's own shutdown, not by the user: the work is still wanted.
    for (const st of subtasks) if (st.state === 'cancelled') jobs.setSubtaskState(st.id, 'queued', 'Interrupted when RepoScout stopped; runs again on resume.');
    jobs.setJobState(jobId, 'interrupted', `RepoScout stopped while the job ran; ${ok} of ${subtasks.length} subtasks succeeded. Resume it with "reposcout jobs resume ${jobId}".`);
  } else if (cancelled) jobs.setJobState(jobId, 'cancelled', `Cancelled; ${ok} of ${subtasks.length} subtasks had succeeded.`);
  else if (ok === subtasks.length) jobs.setJobState(jobId, 'succeeded', `All ${ok} subtasks succeeded.`);
  else {
    // Subtasks a person rejected or declined did not fail: if nothing else went wrong, the job
    // ends as that person's choice, cancelled, not failed.
    const declined = subtasks.filter((st) => st.state === 'cancelled' && jobs.lastDecision(st.id)?.decision === 'rejected').map((st) => st.key);
    const notDone = subtasks.length - ok;
    const decidedBy = declined.length > 0 ? `; declined by a person: ${declined.join(', ')}` : '';
    if (declined.length === notDone) jobs.setJobState(jobId, 'cancelled', `${ok} of ${subtasks.length} subtasks succeeded${decidedBy}.`);
    else jobs.setJobState(jobId, 'failed', `${notDone} of ${subtasks.length} subtasks did not succeed${decidedBy}.`);
  }
}

/** After the run: subtasks whose committed changes touch the same files are merge risks for each other. */
function markMergeRisks(jobs: JobStore, subtasks: SubtaskRow[]): void {
  const changed = subtasks.map((st) => {
    const last = jobs.attempts(st.id).filter((a) => a.commit_sha !== null && a.diff_json !== null).at(-1);
    const diff = last ? (JSON.parse(last.diff_json!) as { files: { path: string }[] }) : { files: [] };
    return new Set(diff.files.map((f) => f.path));
  });
  subtasks.forEach((st, i) => {
    const risks = subtasks.filter((_o, j) => j !== i && [...changed[i]!].some((f) => changed[j]!.has(f))).map((o) => o.key);
    if (risks.length > 0) jobs.setMergeRisk(st.id, risks);
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
