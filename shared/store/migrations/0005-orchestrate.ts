import type { Migration } from './types';

/**
 * Task orchestration: jobs split into subtasks, each run as one or more attempts by a worker
 * process in its own git worktree. Events are bounded here (the full log is a file beside the
 * database); safety decisions keep who decided and why; circuit breakers survive restarts.
 * No column ever holds a token or the worker's environment.
 */
export const orchestrate: Migration = {
  version: 5,
  name: 'orchestrate',
  sql: `
    create table orchestrate_jobs (
      id text primary key,                    -- short random id, also used in branch names
      task text not null,                     -- the user's instruction, as given
      repo_path text not null,                -- the repository's top-level folder
      base_commit text not null,              -- full SHA every worktree starts from
      base_ref text not null,                 -- what the user named (HEAD, a branch, a SHA)
      plan_json text not null,                -- the validated plan input (worker options, limits)
      state text not null,
      message text,
      cancel_requested integer not null default 0,
      -- the engine process that runs it: pid + its start time, so a reused pid is not mistaken for it
      owner_pid integer,
      owner_started text,
      created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      started_at text,
      finished_at text
    );
    create index orchestrate_jobs_state on orchestrate_jobs(state);

    create table orchestrate_subtasks (
      id integer primary key,
      job_id text not null references orchestrate_jobs(id) on delete cascade,
      key text not null,                      -- slug, unique in the job; part of the branch name
      position integer not null,
      instruction text not null,              -- the user's words for this subtask
      data_json text not null default 'null', -- repository-derived scope, shown to workers as data
      expected_files_json text not null default '[]',
      overlaps_json text not null default '[]',   -- keys of subtasks whose expected files overlap
      merge_risk_json text not null default '[]', -- keys of subtasks whose actual changes overlap
      safety_class text not null,
      safety_reason text not null,
      state text not null,
      message text,
      unique (job_id, key)
    );

    create table orchestrate_attempts (
      id integer primary key,
      subtask_id integer not null references orchestrate_subtasks(id) on delete cascade,
      number integer not null,
      worker_kind text not null,
      state text not null,
      branch text,
      worktree_path text,
      log_path text,
      pid integer,
      pid_started text,
      started_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      finished_at text,
      exit_code integer,
      signal text,
      failure_kind text,
      retryable integer not null default 0,
      message text,
      final_message text,
      session_id text,
      turns integer,
      cost_usd real,
      input_tokens integer,
      output_tokens integer,
      commit_sha text,
      diff_json text,                          -- {files:[{path,insertions,deletions}], insertions, deletions}
      events_total integer not null default 0,
      unique (subtask_id, number)
    );
    create index orchestrate_attempts_state on orchestrate_attempts(state);

    -- The newest events of each attempt (older ones are pruned; the log file keeps all).
    create table orchestrate_events (
      id integer primary key,
      attempt_id integer not null references orchestrate_attempts(id) on delete cascade,
      seq integer not null,
      at text not null,
      kind text not null,
      text text not null
    );
    create index orchestrate_events_attempt on orchestrate_events(attempt_id, seq);

    create table orchestrate_decisions (
      id integer primary key,
      subtask_id integer not null references orchestrate_subtasks(id) on delete cascade,
      decision text not null,                 -- 'auto' | 'hold' | 'approved' | 'rejected'
      safety_class text not null,
      reason text not null,
      decided_by text not null,               -- 'judge', 'cli', 'mcp', 'vscode'
      at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    create index orchestrate_decisions_subtask on orchestrate_decisions(subtask_id);

    -- cockatiel's serialised breaker state per worker kind.
    create table orchestrate_breakers (
      worker_kind text primary key,
      state_json text not null,
      open integer not null default 0,
      updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
  `,
};
