import type { Db } from '../store/open';
import type {
  AttemptRecord, AttemptState, BreakerRecord, Decider, DecisionRecord, DiffSummary, EventRecord, FailureKind, JobRecord, JobState, JobSummary, Plan, PlanInput,
  SafetyClass, SubtaskRecord, SubtaskState, WorkerKind,
} from '../protocol/orchestrate';

/** Events kept per attempt in the database; the log file beside it keeps every line. */
export const MAX_STORED_EVENTS = 500;

export interface JobRow {
  id: string;
  task: string;
  repo_path: string;
  base_commit: string;
  base_ref: string;
  plan_json: string;
  state: JobState;
  message: string | null;
  cancel_requested: number;
  owner_pid: number | null;
  owner_started: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface SubtaskRow {
  id: number;
  job_id: string;
  key: string;
  position: number;
  instruction: string;
  data_json: string;
  expected_files_json: string;
  overlaps_json: string;
  merge_risk_json: string;
  safety_class: SafetyClass;
  safety_reason: string;
  state: SubtaskState;
  message: string | null;
}

export interface AttemptRow {
  id: number;
  subtask_id: number;
  number: number;
  worker_kind: WorkerKind;
  state: AttemptState;
  branch: string | null;
  worktree_path: string | null;
  log_path: string | null;
  pid: number | null;
  pid_started: string | null;
  started_at: string;
  finished_at: string | null;
  exit_code: number | null;
  signal: string | null;
  failure_kind: FailureKind | null;
  retryable: number;
  message: string | null;
  final_message: string | null;
  session_id: string | null;
  turns: number | null;
  cost_usd: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  commit_sha: string | null;
  diff_json: string | null;
  events_total: number;
}

export interface AttemptResult {
  state: AttemptState;
  exitCode?: number | null;
  signal?: string | null;
  failureKind?: FailureKind | null;
  retryable?: boolean;
  message?: string | null;
  finalMessage?: string | null;
  sessionId?: string | null;
  turns?: number | null;
  costUsd?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  commit?: string | null;
  diff?: DiffSummary | null;
}

const now = () => new Date().toISOString();

/** The orchestration tables, as small typed reads and writes. One per store connection. */
export function createJobStore(db: Db) {
  const s = {
    insertJob: db.prepare(`insert into orchestrate_jobs (id, task, repo_path, base_commit, base_ref, plan_json, state) values (@id, @task, @repo_path, @base_commit, @base_ref, @plan_json, @state)`),
    insertSubtask: db.prepare(`insert into orchestrate_subtasks (job_id, key, position, instruction, data_json, expected_files_json, overlaps_json, safety_class, safety_reason, state)
      values (@job_id, @key, @position, @instruction, @data_json, @expected_files_json, @overlaps_json, @safety_class, @safety_reason, @state)`),
    job: db.prepare('select * from orchestrate_jobs where id = ?'),
    jobs: db.prepare('select * from orchestrate_jobs order by created_at desc, id limit ?'),
    jobsInState: db.prepare('select * from orchestrate_jobs where state = ? order by created_at desc, id limit ?'),
    subtasks: db.prepare('select * from orchestrate_subtasks where job_id = ? order by position'),
    subtask: db.prepare('select * from orchestrate_subtasks where id = ?'),
    attempts: db.prepare('select * from orchestrate_attempts where subtask_id = ? order by number'),
    attempt: db.prepare('select * from orchestrate_attempts where id = ?'),
    decisions: db.prepare('select * from orchestrate_decisions where subtask_id = ? order by id'),
    setJobState: db.prepare(`update orchestrate_jobs set state = @state, message = coalesce(@message, message),
      started_at = case when @state = 'running' and started_at is null then @at else started_at end,
      finished_at = case when @state in ('succeeded', 'failed', 'cancelled', 'interrupted') then @at else null end where id = @id`),
    setOwner: db.prepare('update orchestrate_jobs set owner_pid = ?, owner_started = ? where id = ?'),
    claimOwner: db.prepare('update orchestrate_jobs set owner_pid = @pid, owner_started = @started where id = @id and owner_pid is @was_pid and owner_started is @was_started'),
    requestCancel: db.prepare('update orchestrate_jobs set cancel_requested = 1 where id = ?'),
    cancelRequested: db.prepare('select cancel_requested as c from orchestrate_jobs where id = ?'),
    setSubtaskState: db.prepare('update orchestrate_subtasks set state = @state, message = @message where id = @id'),
    setMergeRisk: db.prepare('update orchestrate_subtasks set merge_risk_json = ? where id = ?'),
    insertAttempt: db.prepare(`insert into orchestrate_attempts (subtask_id, number, worker_kind, state, branch, worktree_path, log_path, started_at)
      values (@subtask_id, @number, @worker_kind, 'running', @branch, @worktree_path, @log_path, @at)`),
    setAttemptProcess: db.prepare('update orchestrate_attempts set pid = ?, pid_started = ? where id = ?'),
    finishAttempt: db.prepare(`update orchestrate_attempts set state = @state, finished_at = @at, exit_code = @exit_code, signal = @signal, failure_kind = @failure_kind,
      retryable = @retryable, message = @message, final_message = @final_message, session_id = @session_id, turns = @turns, cost_usd = @cost_usd,
      input_tokens = @input_tokens, output_tokens = @output_tokens, commit_sha = @commit_sha, diff_json = @diff_json where id = @id`),
    clearWorktree: db.prepare('update orchestrate_attempts set worktree_path = null where id = ?'),
    clearWorktreeAt: db.prepare('update orchestrate_attempts set worktree_path = null where worktree_path = ?'),
    keptWorktrees: db.prepare(`select a.id, a.worktree_path, a.branch, j.repo_path from orchestrate_attempts a join orchestrate_subtasks s on s.id = a.subtask_id
      join orchestrate_jobs j on j.id = s.job_id
      where a.worktree_path is not null and a.state in ('succeeded', 'needs_input') and a.commit_sha is not null and a.commit_sha != j.base_commit
      and (@job_id is null or j.id = @job_id) order by a.finished_at, a.id`),
    insertEvent: db.prepare('insert into orchestrate_events (attempt_id, seq, at, kind, text) values (?, ?, ?, ?, ?)'),
    bumpEvents: db.prepare('update orchestrate_attempts set events_total = events_total + ? where id = ?'),
    pruneEvents: db.prepare('delete from orchestrate_events where attempt_id = ? and seq <= ?'),
    events: db.prepare('select seq, at, kind, text from orchestrate_events where attempt_id = ? order by seq desc limit ?'),
    insertDecision: db.prepare('insert into orchestrate_decisions (subtask_id, decision, safety_class, reason, decided_by) values (?, ?, ?, ?, ?)'),
    runningAttempts: db.prepare(`select a.*, s.job_id as job_id from orchestrate_attempts a join orchestrate_subtasks s on s.id = a.subtask_id where a.state = 'running'`),
    activeJobs: db.prepare(`select * from orchestrate_jobs where state in ('running', 'waiting_for_approval', 'needs_input')`),
    breaker: db.prepare('select state_json from orchestrate_breakers where worker_kind = ?'),
    breakers: db.prepare('select worker_kind, open, updated_at from orchestrate_breakers order by worker_kind'),
    saveBreaker: db.prepare(`insert into orchestrate_breakers (worker_kind, state_json, open, updated_at) values (?, ?, ?, ?)
      on conflict (worker_kind) do update set state_json = excluded.state_json, open = excluded.open, updated_at = excluded.updated_at`),
  };

  function summaryOf(job: JobRow, subtasks: SubtaskRow[], cost: number | null): JobSummary {
    const counts: Record<string, number> = {};
    for (const st of subtasks) counts[st.state] = (counts[st.state] ?? 0) + 1;
    const plan = JSON.parse(job.plan_json) as PlanInput;
    return {
      id: job.id,
      task: job.task,
      repository: job.repo_path,
      baseCommit: job.base_commit,
      worker: plan.worker.kind,
      state: job.state,
      message: job.message,
      createdAt: job.created_at,
      startedAt: job.started_at,
      finishedAt: job.finished_at,
      counts,
      costUsd: cost,
    };
  }

  function attemptsOf(subtaskId: number): AttemptRow[] {
    return s.attempts.all(subtaskId) as AttemptRow[];
  }

  function costOf(subtasks: SubtaskRow[]): number | null {
    let total: number | null = null;
    for (const st of subtasks) for (const a of attemptsOf(st.id)) if (a.cost_usd !== null) total = (total ?? 0) + a.cost_usd;
    return total;
  }

  return {
    /** Stores a planned job and its subtasks in one transaction. */
    insertJob(id: string, input: PlanInput, plan: Plan, state: JobState): void {
      db.transaction(() => {
        s.insertJob.run({ id, task: input.task, repo_path: plan.repository, base_commit: plan.baseCommit, base_ref: plan.base, plan_json: JSON.stringify(input), state });
        plan.subtasks.forEach((st, position) => {
          s.insertSubtask.run({
            job_id: id,
            key: st.key,
            position,
            instruction: st.instruction,
            data_json: JSON.stringify(st.data ?? null),
            expected_files_json: JSON.stringify(st.expectedFiles),
            overlaps_json: JSON.stringify(st.overlapsWith),
            safety_class: st.safety.class,
            safety_reason: st.safety.reason,
            state: 'planned',
          });
        });
      })();
    },
    job: (id: string) => s.job.get(id) as JobRow | undefined,
    subtasks: (jobId: string) => s.subtasks.all(jobId) as SubtaskRow[],
    subtask: (id: number) => s.subtask.get(id) as SubtaskRow | undefined,
    attempts: attemptsOf,
    attempt: (id: number) => s.attempt.get(id) as AttemptRow | undefined,
    setJobState(id: string, state: JobState, message: string | null = null): void {
      s.setJobState.run({ id, state, message, at: now() });
    },
    setOwner(id: string, pid: number | null, started: string | null): void {
      s.setOwner.run(pid, started, id);
    },
    /**
     * Makes this process the job's owner if the owner is still the one the caller saw (null or
     * a dead process): of several RepoScout processes racing for a job, exactly one wins.
     */
    claimOwner(job: Pick<JobRow, 'id' | 'owner_pid' | 'owner_started'>, pid: number, started: string): boolean {
      return s.claimOwner.run({ id: job.id, pid, started, was_pid: job.owner_pid, was_started: job.owner_started }).changes === 1;
    },
    requestCancel: (id: string) => void s.requestCancel.run(id),
    cancelRequested: (id: string) => ((s.cancelRequested.get(id) as { c: number } | undefined)?.c ?? 0) === 1,
    setSubtaskState(id: number, state: SubtaskState, message: string | null = null): void {
      s.setSubtaskState.run({ id, state, message });
    },
    setMergeRisk: (id: number, keys: string[]) => void s.setMergeRisk.run(JSON.stringify(keys), id),
    startAttempt(a: { subtaskId: number; number: number; worker: WorkerKind; branch: string; worktreePath: string; logPath: string }): number {
      return Number(s.insertAttempt.run({ subtask_id: a.subtaskId, number: a.number, worker_kind: a.worker, branch: a.branch, worktree_path: a.worktreePath, log_path: a.logPath, at: now() }).lastInsertRowid);
    },
    setAttemptProcess: (id: number, pid: number, started: string) => void s.setAttemptProcess.run(pid, started, id),
    clearWorktree: (id: number) => void s.clearWorktree.run(id),
    /** Forgets a worktree folder that was removed (by `jobs clean`). */
    clearWorktreeAt: (dir: string) => void s.clearWorktreeAt.run(dir),
    /**
     * Worktrees kept after success (a disk budget is set: work committed, branch kept), oldest
     * first; not those an ending attempt is about to remove.
     */
    keptWorktrees: (jobId?: string) => s.keptWorktrees.all({ job_id: jobId ?? null }) as { id: number; worktree_path: string; branch: string | null; repo_path: string }[],
    finishAttempt(id: number, r: AttemptResult): void {
      s.finishAttempt.run({
        id,
        at: now(),
        state: r.state,
        exit_code: r.exitCode ?? null,
        signal: r.signal ?? null,
        failure_kind: r.failureKind ?? null,
        retryable: r.retryable ? 1 : 0,
        message: r.message ?? null,
        final_message: r.finalMessage ?? null,
        session_id: r.sessionId ?? null,
        turns: r.turns ?? null,
        cost_usd: r.costUsd ?? null,
        input_tokens: r.inputTokens ?? null,
        output_tokens: r.outputTokens ?? null,
        commit_sha: r.commit ?? null,
        diff_json: r.diff ? JSON.stringify(r.diff) : null,
      });
    },
    /**
     * Stores a batch of events (numbered by arrival; a batch may skip numbers a flood dropped),
     * counts `arrived` events in the attempt's total, and prunes all but the newest MAX_STORED_EVENTS.
     */
    appendEvents(attemptId: number, events: readonly EventRecord[], arrived: number): void {
      if (arrived === 0) return;
      db.transaction(() => {
        for (const e of events) s.insertEvent.run(attemptId, e.seq, e.at, e.kind, e.text);
        s.bumpEvents.run(arrived, attemptId);
        const last = events.at(-1)?.seq ?? 0;
        if (last >= MAX_STORED_EVENTS) s.pruneEvents.run(attemptId, last - MAX_STORED_EVENTS);
      })();
    },
    events(attemptId: number, tail: number): EventRecord[] {
      return (s.events.all(attemptId, tail) as EventRecord[]).reverse();
    },
    /** The newest decision about a subtask (an approval's reason is a needs-input answer). */
    lastDecision: (subtaskId: number) => (s.decisions.all(subtaskId) as { decision: DecisionRecord['decision']; reason: string; decided_by: Decider }[]).at(-1),
    addDecision(subtaskId: number, decision: DecisionRecord['decision'], safetyClass: SafetyClass, reason: string, by: Decider): void {
      s.insertDecision.run(subtaskId, decision, safetyClass, reason, by);
    },
    runningAttempts: () => s.runningAttempts.all() as (AttemptRow & { job_id: string })[],
    activeJobs: () => s.activeJobs.all() as JobRow[],
    loadBreaker(kind: WorkerKind): unknown {
      const row = s.breaker.get(kind) as { state_json: string } | undefined;
      return row ? (JSON.parse(row.state_json) as unknown) : undefined;
    },
    saveBreaker(kind: WorkerKind, state: unknown, open: boolean): void {
      s.saveBreaker.run(kind, JSON.stringify(state), open ? 1 : 0, now());
    },
    breakers(): BreakerRecord[] {
      return (s.breakers.all() as { worker_kind: string; open: number; updated_at: string }[]).map((b) => ({ worker: b.worker_kind, open: b.open === 1, updatedAt: b.updated_at }));
    },
    summary(job: JobRow): JobSummary {
      const subtasks = s.subtasks.all(job.id) as SubtaskRow[];
      return summaryOf(job, subtasks, costOf(subtasks));
    },
    list(limit: number, state?: JobState): JobRow[] {
      return (state ? s.jobsInState.all(state, limit) : s.jobs.all(limit)) as JobRow[];
    },
    /** The whole job: subtasks with their attempts and decisions. */
    record(job: JobRow): JobRecord {
      const subtasks = s.subtasks.all(job.id) as SubtaskRow[];
      const plan = JSON.parse(job.plan_json) as PlanInput;
      return {
        ...summaryOf(job, subtasks, costOf(subtasks)),
        concurrency: plan.concurrency,
        approveAt: plan.approveAt,
        subtasks: subtasks.map((st): SubtaskRecord => {
          const attempts = attemptsOf(st.id);
          return {
            key: st.key,
            state: st.state,
            instruction: st.instruction,
            data: JSON.parse(st.data_json) as unknown,
            expectedFiles: JSON.parse(st.expected_files_json) as string[],
            overlapsWith: JSON.parse(st.overlaps_json) as string[],
            mergeRiskWith: JSON.parse(st.merge_risk_json) as string[],
            safety: { class: st.safety_class, reason: st.safety_reason },
            message: st.message,
            ...subtaskBranch(job, st.key, attempts),
            attempts: attempts.map(attemptRecord),
            decisions: (s.decisions.all(st.id) as { decision: DecisionRecord['decision']; safety_class: SafetyClass; reason: string; decided_by: Decider; at: string }[]).map((d) => ({
              decision: d.decision,
              safetyClass: d.safety_class,
              reason: d.reason,
              by: d.decided_by,
              at: d.at,
            })),
          };
        }),
      };
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;

/** The branch an attempt's work lands on: reposcout/<job>/<subtask>. */
export function branchName(jobId: string, key: string): string {
  return `reposcout/${jobId}/${key}`;
}

/**
 * The commit a subtask's next attempt starts from when an earlier attempt stopped for input
 * with work on its branch (the answer continues that work); null: start from the base.
 */
export function continuationPoint(job: Pick<JobRow, 'base_commit'>, attempts: readonly AttemptRow[]): string | null {
  const asked = attempts.filter((a) => a.state === 'needs_input' && a.commit_sha !== null).at(-1);
  return asked && asked.commit_sha !== job.base_commit ? asked.commit_sha : null;
}

/**
 * Which branch holds a subtask's work, or why none does. An attempt's branch is deleted when
 * it failed or changed nothing (see settleAttempt), so a key alone does not prove a branch.
 */
export function subtaskBranch(job: Pick<JobRow, 'id' | 'base_commit'>, key: string, attempts: readonly AttemptRow[]): { branch: string | null; noBranch: string | null } {
  const branch = branchName(job.id, key);
  const last = attempts.at(-1);
  if (!last) return { branch: null, noBranch: 'not run yet' };
  if (last.state === 'running') return { branch, noBranch: null };
  // An answered needs-input attempt's work stays on the branch even if the next attempt fails.
  if (attempts.some((a) => a.commit_sha !== null && a.commit_sha !== job.base_commit)) return { branch, noBranch: null };
  if (last.commit_sha === job.base_commit) return { branch: null, noBranch: 'no changes: the worker changed no file, so its empty branch was deleted' };
  return { branch: null, noBranch: 'no attempt produced work; its branch was deleted' };
}

export function attemptRecord(a: AttemptRow): AttemptRecord {
  return {
    id: a.id,
    number: a.number,
    state: a.state,
    worker: a.worker_kind,
    branch: a.branch,
    startedAt: a.started_at,
    finishedAt: a.finished_at,
    durationMs: a.finished_at ? Date.parse(a.finished_at) - Date.parse(a.started_at) : null,
    exitCode: a.exit_code,
    signal: a.signal,
    failure: a.failure_kind ? { kind: a.failure_kind, retryable: a.retryable === 1 } : null,
    message: a.message,
    finalMessage: a.final_message,
    sessionId: a.session_id,
    turns: a.turns,
    costUsd: a.cost_usd,
    inputTokens: a.input_tokens,
    outputTokens: a.output_tokens,
    commit: a.commit_sha,
    diff: a.diff_json ? (JSON.parse(a.diff_json) as DiffSummary) : null,
    events: a.events_total,
    logPath: a.log_path,
  };
}
