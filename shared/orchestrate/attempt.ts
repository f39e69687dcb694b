import fs from 'node:fs';
import path from 'node:path';
import { isRepoScoutError, RepoScoutError } from '../errors';
import type { AttemptState, PlanInput } from '../protocol/orchestrate';
import { trimSoon } from './disk-budget';
import { createEventSink } from './event-sink';
import { branchName, continuationPoint, type JobRow, type JobStore, type SubtaskRow } from './job-store';
import { AttemptFailure } from './policies';
import { runProcess, type ProcessOutcome } from './process';
import { ATTEMPT_MARKER_VARIABLE, attemptMarker } from './process-identity';
import { buildPrompt, type FollowUp } from './prompt';
import { workerEnvironment } from './worker-env';
import { workers } from './workers/index';
import type { WorkerSummary } from './workers/types';
import { commitAll, copyWorktreeIncludes, createWorktree, dropBranch, diffSummary, hasUncommitted, orchestrateDirs, removeWorktree } from './worktrees';

/** Limits of the process side of an attempt (the job's own timeouts come from its plan). */
export interface ProcessSettings {
  killDelayMs: number;
  maxOutputBytes: number;
  /** Environment additions for every worker (tests point the fake worker and fake APIs here). */
  workerEnv: Readonly<Record<string, string>>;
  /**
   * Disk the worktrees of succeeded attempts may keep taking, so their work can be looked at
   * and run in place; beyond it the oldest are removed (branches stay). 0 removes each one
   * as soon as its work is committed.
   */
  maxWorktreeDiskBytes: number;
  /** Fault injection for tests: runs between a worker's start and the store's record of its pid. */
  afterWorkerSpawn?: () => void;
}

export interface AttemptContext {
  jobs: JobStore;
  dbPath: string;
  job: JobRow;
  input: PlanInput;
  settings: ProcessSettings;
  signal: AbortSignal;
}

// Kinds whose stdout is a JSON event stream that must end with a result.
const REPORTS_RESULT = new Set(['claude', 'codex', 'fake']);

/** An attempt's worktree, made while the attempt waited for a slot. */
export interface PreparedWorktree {
  worktree: string;
  branch: string;
  /** Files copied in from the checkout by .worktreeinclude. */
  copied: string[];
}

/** Where a subtask's next attempt starts: its answered needs-input work, or null for the job's base. */
function startPoint(ctx: AttemptContext, subtask: SubtaskRow): string | null {
  return continuationPoint(ctx.job, ctx.jobs.attempts(subtask.id));
}

/** Where attempt `number` of a subtask works and logs. */
export function attemptPaths(ctx: AttemptContext, subtask: SubtaskRow, number: number): { worktree: string; branch: string; logPath: string } {
  const dirs = orchestrateDirs(ctx.dbPath);
  return {
    branch: branchName(ctx.job.id, subtask.key),
    worktree: path.join(dirs.worktrees, ctx.job.id, `${subtask.key}-${number}`),
    logPath: path.join(dirs.logs, ctx.job.id, `${subtask.key}-${number}.log`),
  };
}

/**
 * Makes attempt `number`'s worktree on the subtask's branch, with the .worktreeinclude files.
 * The runner calls this while the attempt still waits for a slot, so a slot's time goes to
 * workers rather than to git. Rejects with AttemptFailure('worktree_failed').
 */
export async function prepareWorktree(ctx: AttemptContext, subtask: SubtaskRow, number: number): Promise<PreparedWorktree> {
  const { job } = ctx;
  const { worktree, branch } = attemptPaths(ctx, subtask, number);
  try {
    // Left at this path by an engine that died between preparing and running the attempt.
    if (fs.existsSync(worktree)) await removeWorktree(job.repo_path, worktree, true);
    // Kept by the disk budget after an attempt that stopped for input: it has the branch checked
    // out, and its work is committed there, where this attempt continues it. Edits someone made
    // in it since are not ours to discard.
    for (const earlier of ctx.jobs.attempts(subtask.id)) {
      if (earlier.worktree_path === null || earlier.worktree_path === worktree) continue;
      if (fs.existsSync(earlier.worktree_path) && (await hasUncommitted(earlier.worktree_path))) {
        throw new RepoScoutError('WORKTREE_FAILED', `The worktree kept at ${earlier.worktree_path} has changes that are not committed, so this attempt did not start; commit or discard them there. The subtask's earlier work stays on its branch.`);
      }
      await removeWorktree(job.repo_path, earlier.worktree_path, true);
      ctx.jobs.clearWorktree(earlier.id);
    }
    // createWorktree resets a branch an earlier attempt left (its engine died): start clean,
    // or from the work of an attempt that stopped for input and was answered.
    await createWorktree(job.repo_path, startPoint(ctx, subtask) ?? job.base_commit, branch, worktree);
  } catch (error) {
    throw new AttemptFailure('worktree_failed', isRepoScoutError(error) ? error.message : String(error), false);
  }
  const copied = await copyWorktreeIncludes(job.repo_path, worktree);
  return { worktree, branch, copied };
}

/** Removes a prepared worktree whose attempt never ran (cancelled, or the breaker refused it). */
export async function discardPrepared(ctx: AttemptContext, subtask: SubtaskRow, number: number, prepared: Promise<PreparedWorktree>): Promise<void> {
  const ready = await prepared.then(() => true, () => false);
  const { worktree, branch } = attemptPaths(ctx, subtask, number);
  await removeWorktree(ctx.job.repo_path, worktree, true).catch(() => undefined);
  // The branch still points at its start (a failed preparation may not have made it).
  if (ready) await dropBranch(ctx.job.repo_path, branch, startPoint(ctx, subtask)).catch(() => undefined);
}

/** An attempt whose worker has ended; settleAttempt records it and tidies up. */
export interface RanAttempt {
  subtask: SubtaskRow;
  number: number;
  attemptId: number;
  worktree: string;
  branch: string;
  sink: ReturnType<typeof createEventSink>;
  summary: () => WorkerSummary;
  outcome: ProcessOutcome | null;
  failure: AttemptFailure | null;
}

/**
 * The part of an attempt that holds a concurrency slot: records the attempt as running,
 * waits for its prepared worktree, runs the optional setup command and the worker until its
 * whole process group has ended. Never throws; the failure, if any, is on the result.
 * `onRunning` is called at the worker's first output line (and may be called again).
 */
export async function runWorker(ctx: AttemptContext, subtask: SubtaskRow, number: number, prepared: Promise<PreparedWorktree>, onRunning: () => void = () => {}): Promise<RanAttempt> {
  const { jobs, job, input } = ctx;
  const { worktree, branch, logPath } = attemptPaths(ctx, subtask, number);
  const attemptId = jobs.startAttempt({ subtaskId: subtask.id, number, worker: input.worker.kind, branch, worktreePath: worktree, logPath });
  jobs.setSubtaskState(subtask.id, 'running');
  const sink = createEventSink(jobs, attemptId, logPath);
  const worker = workers[input.worker.kind];
  const parser = worker.parser();
  const ran: RanAttempt = { subtask, number, attemptId, worktree, branch, sink, summary: () => parser.summary(), outcome: null, failure: null };
  try {
    const { copied } = await prepared;
    if (copied.length > 0) sink.raw('runner', `copied from .worktreeinclude: ${copied.join(', ')}`);
    // Marked so that recovery finds the attempt's processes even if this engine dies before it stores the worker's pid.
    const env = workerEnvironment({ ...ctx.settings.workerEnv, [ATTEMPT_MARKER_VARIABLE]: attemptMarker(job.id, attemptId) });
    if (input.setup) await runSetup(ctx, input.setup, worktree, env, sink);
    const prompt = buildPrompt({ task: job.task, instruction: subtask.instruction, data: JSON.parse(subtask.data_json) as unknown, followUp: followUpOf(ctx, subtask) });
    const promptFile = logPath.replace(/\.log$/, '.prompt.txt');
    fs.writeFileSync(promptFile, prompt);
    const launch = worker.launch({ prompt, cwd: worktree, options: input.worker, promptFile, env });
    sink.raw('runner', `starting ${launch.file} (${launch.args.length} arguments) in ${worktree}`);
    ran.outcome = await runProcess({
      file: launch.file,
      args: launch.args,
      cwd: worktree,
      env: launch.env,
      timeoutMs: input.timeoutSeconds * 1000,
      idleMs: input.idleSeconds * 1000,
      killDelayMs: ctx.settings.killDelayMs,
      maxOutputBytes: ctx.settings.maxOutputBytes,
      signal: ctx.signal,
      afterResultGraceMs: worker.afterResultGraceMs,
      onSpawn: (identity) => {
        ctx.settings.afterWorkerSpawn?.();
        jobs.setAttemptProcess(attemptId, identity.pid, identity.started);
      },
      onLine(stream, line) {
        onRunning(); // its first line: the worker's start is behind it
        sink.raw(stream, line);
        const parsed = parser.line(stream, line);
        for (const e of parsed.events) sink.event(e);
        // Error, invalid and (for event-stream workers) stderr lines are not progress.
        return { progress: parsed.events.some((e) => !['error', 'invalid', 'stderr'].includes(e.kind)), finished: parsed.finished === true };
      },
    });
    ran.failure = classify(input.worker.kind, ran.outcome, parser.summary(), launch.file);
  } catch (error) {
    ran.failure = asFailure(error);
  }
  return ran;
}

/**
 * The part of an attempt after its slot is free: commits what a successful worker left,
 * records the attempt (state, figures, diff summary) and removes its worktree (and its branch
 * when it holds nothing worth keeping; after `beforeTidyUp`). Returns the final state on success or needs-input;
 * throws AttemptFailure otherwise.
 */
export async function settleAttempt(ctx: AttemptContext, ran: RanAttempt, beforeTidyUp: () => Promise<void> = async () => {}): Promise<AttemptState> {
  const { jobs, job } = ctx;
  const { subtask, sink, outcome } = ran;
  let failure = ran.failure;
  let state: AttemptState = 'succeeded';
  let commit: string | null = null;
  let diff = null;
  if (!failure) {
    try {
      state = ran.summary().needsInput ? 'needs_input' : 'succeeded';
      commit = await commitAll(job.repo_path, ran.worktree, `reposcout ${job.id}/${subtask.key}: ${firstLine(subtask.instruction)}`);
      diff = commit === job.base_commit ? { files: [], insertions: 0, deletions: 0 } : await diffSummary(ran.worktree, job.base_commit, commit);
    } catch (error) {
      failure = asFailure(error);
    }
  }
  if (failure) state = failure.kind === 'cancelled' ? 'cancelled' : failure.kind === 'timeout' || failure.kind === 'no_output' ? 'timed_out' : 'failed';
  sink.raw('runner', `attempt ${ran.number} ${state}${failure ? `: ${failure.message}` : ''}`);
  await sink.close();
  const summary = ran.summary();
  jobs.finishAttempt(ran.attemptId, {
    state,
    exitCode: outcome?.exitCode ?? null,
    signal: outcome?.signal ?? null,
    failureKind: failure?.kind ?? null,
    retryable: failure?.retryable ?? false,
    message: failure?.message ?? (state === 'needs_input' ? `${summary.inputRequest ?? 'The worker wanted something it was not allowed'}.` : null) ?? (diff && diff.files.length === 0 ? 'The worker finished without changing any file.' : null),
    finalMessage: summary.finalMessage,
    sessionId: summary.sessionId,
    turns: summary.turns,
    costUsd: summary.costUsd,
    inputTokens: summary.inputTokens,
    outputTokens: summary.outputTokens,
    commit: failure ? null : commit,
    diff: failure ? null : diff,
  });
  const emptyBranch = failure !== null || commit === job.base_commit;
  if (!emptyBranch && ctx.settings.maxWorktreeDiskBytes > 0) {
    // Its work is committed on its branch: keep the worktree while the budget allows.
    await trimSoon(jobs, ctx.settings.maxWorktreeDiskBytes).catch((error: unknown) => sink.raw('runner', `could not trim kept worktrees: ${(error as Error).message}`));
  } else {
    await beforeTidyUp();
    await tidyUp(ctx, ran.worktree, ran.branch, emptyBranch, startPoint(ctx, subtask));
    jobs.clearWorktree(ran.attemptId);
  }
  if (failure) throw failure;
  return state;
}

function asFailure(error: unknown): AttemptFailure {
  return error instanceof AttemptFailure ? error : new AttemptFailure('worker_error', `The attempt failed inside RepoScout: ${(error as Error).message}`, false);
}

/**
 * Removes the attempt's worktree; drops the branch too when the attempt left nothing worth
 * keeping (back to `keep`, answered needs-input work, when there is some).
 */
async function tidyUp(ctx: AttemptContext, worktree: string, branch: string, empty: boolean, keep: string | null): Promise<void> {
  const { job } = ctx;
  // A successful attempt's work was just committed (ignored files aside, which are ours: copied
  // from .worktreeinclude or made by setup), and a failed one is ours to discard.
  await removeWorktree(job.repo_path, worktree, true).catch(() => undefined);
  if (empty) await dropBranch(job.repo_path, branch, keep);
}

/** After a needs-input stop that a person answered: what was asked, and the answer, for the next prompt. */
function followUpOf(ctx: AttemptContext, subtask: SubtaskRow): FollowUp | null {
  const asked = ctx.jobs.attempts(subtask.id).filter((a) => a.state === 'needs_input').at(-1);
  const decision = ctx.jobs.lastDecision(subtask.id);
  if (!asked || decision?.decision !== 'approved') return null;
  return { asked: asked.message ?? 'something it was not allowed', finalMessage: asked.final_message, answer: decision.reason };
}

async function runSetup(ctx: AttemptContext, setup: readonly string[], cwd: string, env: NodeJS.ProcessEnv, sink: ReturnType<typeof createEventSink>): Promise<void> {
  const [file, ...args] = setup;
  sink.raw('runner', `setup: ${setup.join(' ')}`);
  const outcome = await runProcess({
    file: file!,
    args,
    cwd,
    env,
    timeoutMs: ctx.input.timeoutSeconds * 1000,
    idleMs: ctx.input.idleSeconds * 1000,
    killDelayMs: ctx.settings.killDelayMs,
    maxOutputBytes: ctx.settings.maxOutputBytes,
    signal: ctx.signal,
    afterResultGraceMs: 0,
    onLine(stream, line) {
      sink.raw(stream, `setup: ${line}`);
      return { progress: true, finished: false };
    },
  });
  if (outcome.stoppedBy === 'cancelled') throw new AttemptFailure('cancelled', 'The job was cancelled during the setup command.', false);
  if (outcome.spawnError) throw new AttemptFailure('setup_failed', `The setup command ${JSON.stringify(file)} could not start (${outcome.spawnError.code}); check that it is installed and on PATH.`, false);
  if (outcome.stoppedBy || outcome.exitCode !== 0) {
    throw new AttemptFailure('setup_failed', `The setup command ${JSON.stringify(setup.join(' '))} ${outcome.stoppedBy ? `was stopped (${outcome.stoppedBy})` : `exited with ${outcome.exitCode ?? outcome.signal}`}; see the attempt log.`, true);
  }
}

/** Reads the process outcome and the worker's own report into a failure, or null for success. */
export function classify(kind: string, outcome: ProcessOutcome, summary: WorkerSummary, file: string): AttemptFailure | null {
  if (outcome.spawnError) {
    const missing = outcome.spawnError.code === 'ENOENT';
    return new AttemptFailure('spawn_failed', missing
      ? `The ${kind} worker's program ${JSON.stringify(file)} was not found; install it or give the worker the path of its program.`
      : `The ${kind} worker could not start: ${outcome.spawnError.message}.`, false);
  }
  const seconds = (outcome.durationMs / 1000).toFixed(1);
  switch (outcome.stoppedBy) {
    case 'cancelled':
      return new AttemptFailure('cancelled', 'The job was cancelled; the worker was stopped.', false);
    case 'timeout':
      return new AttemptFailure('timeout', `The worker ran past the time limit and was stopped after ${seconds} s.`, true);
    case 'no_output':
      return new AttemptFailure('no_output', `The worker showed no progress for the watchdog's limit and was stopped after ${seconds} s${summary.errorMessage ? ` (last error: ${summary.errorMessage})` : ''}.`, true);
    case 'output_flood':
      return new AttemptFailure('output_flood', 'The worker wrote more output than allowed and was stopped.', false);
    default:
      break;
  }
  // After its result, a worker ended by the grace timer is fine: it had finished.
  if (outcome.stoppedBy !== 'after_result' && summary.errorMessage === null && outcome.exitCode !== 0) {
    return new AttemptFailure(outcome.signal ? 'signal' : 'exit_code', `The worker ${outcome.signal ? `was killed by ${outcome.signal}` : `exited with code ${outcome.exitCode}`}${summary.resultSeen ? '' : ' without reporting a result'}.`, true);
  }
  if (summary.errorMessage !== null) return new AttemptFailure('worker_error', summary.errorMessage, true);
  if (REPORTS_RESULT.has(kind) && !summary.resultSeen) {
    return new AttemptFailure('invalid_output', summary.invalidLines > 0
      ? `The worker printed ${summary.invalidLines} lines that are not JSON events and never reported a result.`
      : 'The worker exited without reporting a result.', false);
  }
  return null;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}
