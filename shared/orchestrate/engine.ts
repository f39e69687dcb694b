import { randomBytes } from 'node:crypto';
import { RepoScoutError } from '../errors';
import { terminalJobStates, type Decider, type DecisionRecord, type EventRecord, type JobRecord, type JobState, type JobSummary, type Plan, type PlanInput, type AttemptRecord, type SubtaskState } from '../protocol/orchestrate';
import type { Store } from '../store/open';
import type { ProcessSettings } from './attempt';
import { cleanJobs, type CleanReport } from './clean';
import { trimWorktrees, worktreeDiskFromEnv } from './disk-budget';
import { attemptRecord, createJobStore, type JobRow, type JobStore } from './job-store';
import { planJob } from './plan';
import { isAlive } from './process-identity';
import { createBreakers, defaultPolicySettings, type PolicySettings } from './policies';
import { recoverOrphans, type Recovered } from './recovery';
import { runJob } from './runner';

export interface OrchestratorOptions {
  store: Store;
  policy?: Partial<PolicySettings>;
  process?: Partial<ProcessSettings>;
  pollMs?: number;
}

/** Subtask states a person's decision ends. */
const WAITS_FOR_PERSON: readonly SubtaskState[] = ['waiting_for_approval', 'needs_input'];

const defaultProcess = { killDelayMs: 5_000, maxOutputBytes: 64 * 1024 * 1024, workerEnv: {} };

/**
 * The orchestration engine over one store: plans, runs jobs in this process (in the
 * background; callers poll), and reads, approves, cancels, resumes and cleans them. Jobs
 * run elsewhere (another RepoScout process on the same database) are approved and cancelled
 * through the store, which their engine polls.
 */
export function createOrchestrator(options: OrchestratorOptions) {
  const jobs: JobStore = createJobStore(options.store.db);
  const policy = { ...defaultPolicySettings, ...options.policy };
  const processSettings: ProcessSettings = {
    ...defaultProcess,
    ...options.process,
    maxWorktreeDiskBytes: options.process?.maxWorktreeDiskBytes ?? worktreeDiskFromEnv(),
  };
  const breakers = createBreakers(jobs, policy);
  const shutdown = new AbortController();
  const active = new Map<string, Promise<void>>();
  const deps = { jobs, dbPath: options.store.path, breakers, policy, process: processSettings, pollMs: options.pollMs ?? 250 };

  function row(jobId: string): JobRow {
    const job = jobs.job(jobId);
    if (!job) throw new RepoScoutError('JOB_NOT_FOUND', `No job ${JSON.stringify(jobId)} in this database.`, { remedy: { do: 'list', what: 'jobs' } });
    return job;
  }

  function launch(jobId: string): Promise<void> {
    const run = runJob(deps, jobId, shutdown.signal)
      .catch((error: unknown) => {
        jobs.setOwner(jobId, null, null);
        jobs.setJobState(jobId, 'failed', `RepoScout failed while running the job: ${(error as Error).message}`);
      })
      .finally(() => active.delete(jobId));
    active.set(jobId, run);
    return run;
  }

  return {
    jobs,
    /** The plan a job would run, stored nowhere. */
    plan(input: PlanInput): Promise<Plan> {
      return planJob(input, 'JOB');
    },
    /** Plans and stores a job, then runs it in the background; returns at once. */
    async start(input: PlanInput): Promise<{ job: JobSummary; done: Promise<void> }> {
      const id = newJobId();
      const plan = await planJob(input, id);
      jobs.insertJob(id, input, plan, 'planned');
      const done = launch(id);
      return { job: jobs.summary(row(id)), done };
    },
    get: (jobId: string): JobRecord => jobs.record(row(jobId)),
    summary: (jobId: string): JobSummary => jobs.summary(row(jobId)),
    list: (limit: number, state?: JobState): JobSummary[] => jobs.list(limit, state).map((j) => jobs.summary(j)),
    breakers: () => jobs.breakers(),
    /** One attempt's record and its newest stored events. */
    log(jobId: string, key: string, attempt?: number, tail = 100): { attempt: AttemptRecord; events: EventRecord[]; truncated: boolean } {
      const st = jobs.subtasks(row(jobId).id).find((s) => s.key === key);
      if (!st) throw new RepoScoutError('INVALID_INPUT', `Job ${jobId} has no subtask ${JSON.stringify(key)}; get_job lists its subtask keys.`);
      const attempts = jobs.attempts(st.id);
      const chosen = attempt === undefined ? attempts.at(-1) : attempts.find((a) => a.number === attempt);
      if (!chosen) throw new RepoScoutError('INVALID_INPUT', attempts.length === 0 ? `Subtask ${key} has not run yet.` : `Subtask ${key} has attempts 1 to ${attempts.length}; there is no attempt ${attempt}.`);
      const events = jobs.events(chosen.id, tail);
      return { attempt: attemptRecord(chosen), events, truncated: chosen.events_total > events.length };
    },
    /**
     * Decides subtasks that wait for a person (one, or all of the job's): one held for approval
     * runs or is rejected; one that needs input runs again from its work with `reason` as the
     * answer, or is declined. The job's engine picks the decision up. Returns the keys decided.
     */
    decide(jobId: string, key: string | undefined, decision: 'approved' | 'rejected', by: Decider, reason?: string): string[] {
      const job = row(jobId);
      const waiting = jobs.subtasks(job.id).filter((s) => WAITS_FOR_PERSON.includes(s.state) && (key === undefined || s.key === key));
      if (waiting.length === 0) {
        const st = key === undefined ? undefined : jobs.subtasks(job.id).find((s) => s.key === key);
        if (key !== undefined && !st) throw new RepoScoutError('INVALID_INPUT', `Job ${jobId} has no subtask ${JSON.stringify(key)}; get_job lists its subtask keys.`);
        throw new RepoScoutError('JOB_STATE', key === undefined ? `No subtask of job ${jobId} waits for approval or input.` : `Subtask ${key} does not wait for approval or input (it is ${st!.state}).`);
      }
      options.store.db.transaction(() => {
        for (const st of waiting) {
          jobs.addDecision(st.id, decision as DecisionRecord['decision'], st.safety_class, reason ?? (decision === 'approved' ? 'approved' : 'rejected'), by);
          const asked = st.state === 'needs_input';
          if (decision === 'approved') jobs.setSubtaskState(st.id, 'queued', asked ? `Answered by ${by}; runs again from its work.` : `Approved by ${by}.`);
          else jobs.setSubtaskState(st.id, 'cancelled', `${asked ? 'Declined' : 'Rejected'} by ${by}${reason ? `: ${reason}` : ''}.`);
        }
      })();
      return waiting.map((s) => s.key);
    },
    /** Asks the job's engine (this one or another process) to stop it. */
    cancel(jobId: string): JobSummary {
      const job = row(jobId);
      if (terminalJobStates.includes(job.state)) return jobs.summary(job);
      jobs.requestCancel(job.id);
      if (job.state === 'planned' || job.state === 'interrupted') {
        for (const st of jobs.subtasks(job.id)) if (!['succeeded', 'failed', 'timed_out'].includes(st.state)) jobs.setSubtaskState(st.id, 'cancelled', 'The job was cancelled.');
        jobs.setJobState(job.id, 'cancelled', 'Cancelled before it ran.');
      }
      return jobs.summary(row(jobId));
    },
    /** Runs an interrupted job's remaining subtasks in this process. */
    resume(jobId: string): Promise<void> {
      const job = row(jobId);
      if (active.has(job.id)) return active.get(job.id)!;
      if (job.state !== 'interrupted' && job.state !== 'planned') throw new RepoScoutError('JOB_STATE', `Job ${jobId} is ${job.state}; only an interrupted job can be resumed.`);
      if (job.owner_pid !== null && isAlive({ pid: job.owner_pid, started: job.owner_started ?? 'unknown' })) {
        throw new RepoScoutError('JOB_STATE', `Job ${jobId} is being run by another RepoScout process (pid ${job.owner_pid}); wait for it, or cancel the job.`);
      }
      return launch(job.id);
    },
    /** Settles attempts left by engines that died (see recovery.ts). */
    recover: (): Promise<Recovered> => recoverOrphans(jobs, options.store.path, processSettings.killDelayMs),
    /**
     * Removes what finished jobs left (see clean.ts); with `maxWorktreeDiskBytes`, only trims
     * the worktrees kept after success to that budget, oldest first, keeping every branch.
     */
    async clean(jobId: string | undefined, force: boolean, maxWorktreeDiskBytes?: number): Promise<CleanReport> {
      if (jobId !== undefined) row(jobId); // a mistyped id is an error, not an empty report
      if (maxWorktreeDiskBytes === undefined) return cleanJobs(jobs, options.store.path, jobId, force, (id) => active.has(id));
      const trimmed = await trimWorktrees(jobs, maxWorktreeDiskBytes, force, jobId);
      return { removedWorktrees: trimmed.removedWorktrees, deletedBranches: [], kept: trimmed.kept };
    },
    /** Waits for a job this engine runs. */
    wait: (jobId: string): Promise<void> => active.get(jobId) ?? Promise.resolve(),
    /** Stops every job this engine runs (they become 'interrupted') and waits for their workers to end. */
    async close(): Promise<void> {
      shutdown.abort();
      await Promise.all(active.values());
    },
  };
}

export type Orchestrator = ReturnType<typeof createOrchestrator>;

function newJobId(): string {
  return `j${randomBytes(4).toString('hex')}`;
}
