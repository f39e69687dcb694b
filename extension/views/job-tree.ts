import type { AttemptRecord, JobRecord, JobState, JobSummary, SubtaskRecord } from '../../shared/protocol';
import type { AttemptLog } from '../engine/jobs';

// Rows of the Jobs view and the notifications a job's progress calls for, built from the
// engine's answers. Pure, so tested without VS Code. Task text, keys and worker messages are
// untrusted: they go into labels and plain-text tooltips only (never Markdown).

export type JobNode =
  | { kind: 'job'; jobId: string }
  | { kind: 'subtask'; jobId: string; key: string }
  | { kind: 'attempt'; jobId: string; key: string; number: number };

export interface JobRow {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  /** A codicon id (with ~spin for running states). */
  icon: string;
  /** A theme colour id for the icon, or null. */
  color: string | null;
  /** Drives menus: job.<state>, subtask.<state>, attempt.<state>(.diff). */
  contextValue: string;
  expandable: boolean;
}

/** Icon and colour per state, shared by jobs, subtasks and attempts. */
const STATE_ICON: Record<string, [string, string | null]> = {
  planned: ['circle-large-outline', null],
  waiting_for_approval: ['shield', 'charts.yellow'],
  queued: ['clock', null],
  running: ['sync~spin', 'charts.blue'],
  needs_input: ['comment-discussion', 'charts.yellow'],
  succeeded: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash', 'disabledForeground'],
  timed_out: ['watch', 'testing.iconFailed'],
  interrupted: ['debug-pause', 'charts.orange'],
};

/** Job states in which something may still change (the view keeps polling). */
export const ACTIVE_JOB_STATES: readonly JobState[] = ['planned', 'waiting_for_approval', 'needs_input', 'running', 'interrupted'];
export const isActiveJob = (state: JobState): boolean => ACTIVE_JOB_STATES.includes(state);
const FINISHED: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

export const stateLabel = (state: string): string => state.replace(/_/g, ' ');

/** One line of untrusted text, shortened: labels must not grow with a long task. */
export function oneLine(text: string, max = 80): string {
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "2 succeeded, 1 running" in a fixed order, skipping zeros. */
export function countsText(counts: Record<string, number>): string {
  const order = ['running', 'waiting_for_approval', 'needs_input', 'queued', 'planned', 'succeeded', 'failed', 'timed_out', 'cancelled'];
  const keys = [...order.filter((k) => counts[k]), ...Object.keys(counts).filter((k) => !order.includes(k) && counts[k])];
  return keys.map((k) => `${counts[k]} ${stateLabel(k)}`).join(', ');
}

export function duration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s - m * 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

const icon = (state: string) => STATE_ICON[state] ?? ['circle-small', null];

export function jobRow(job: JobSummary): JobRow {
  const [i, color] = icon(job.state);
  const counts = countsText(job.counts);
  return {
    id: `job:${job.id}`,
    label: oneLine(job.task),
    description: [stateLabel(job.state), counts, job.id].filter(Boolean).join(' · '),
    tooltip: [
      `Job ${job.id}: ${stateLabel(job.state)}`,
      `Task: ${oneLine(job.task, 500)}`,
      `Repository: ${job.repository} at ${job.baseCommit.slice(0, 12)}`,
      `Worker: ${job.worker}`,
      counts ? `Subtasks: ${counts}` : '',
      job.costUsd !== null ? `Cost: $${job.costUsd.toFixed(4)}` : '',
      job.message ? `Message: ${oneLine(job.message, 500)}` : '',
    ].filter(Boolean).join('\n'),
    icon: i,
    color,
    contextValue: `job.${job.state}`,
    expandable: true,
  };
}

export function subtaskRow(jobId: string, st: SubtaskRecord): JobRow {
  const [i, color] = icon(st.state);
  const last = st.attempts.at(-1);
  const diff = last?.diff && last.diff.files.length > 0 ? `${last.diff.files.length} files +${last.diff.insertions} −${last.diff.deletions}` : '';
  const waiting = st.state === 'waiting_for_approval';
  // A subtask that ran and left no branch says so (no changes), rather than naming a deleted one.
  const noBranch = st.branch === null && st.attempts.length > 0 && st.state !== 'running' ? `no branch (${(st.noBranch ?? 'none').split(/[:;]/)[0]})` : '';
  return {
    id: `subtask:${jobId}:${st.key}`,
    label: st.key,
    description: [stateLabel(st.state), waiting ? st.safety.class.replace(/_/g, ' ') : '', diff || noBranch, st.mergeRiskWith.length ? `merge risk with ${st.mergeRiskWith.join(', ')}` : ''].filter(Boolean).join(' · '),
    tooltip: [
      `Subtask ${st.key}: ${stateLabel(st.state)}`,
      `Instruction: ${oneLine(st.instruction, 500)}`,
      `Safety: ${st.safety.class} (${st.safety.reason})`,
      ...st.decisions.map((d) => `Decision: ${d.decision} by ${d.by} at ${d.at.slice(0, 19)}: ${oneLine(d.reason, 200)}`),
      st.branch ? `Branch: ${st.branch}` : `No branch: ${st.noBranch ?? 'none'}`,
      st.message ? `Message: ${oneLine(st.message, 500)}` : '',
    ].filter(Boolean).join('\n'),
    icon: i,
    color,
    contextValue: `subtask.${st.state}`,
    expandable: st.attempts.length > 0,
  };
}

export function attemptRow(jobId: string, key: string, a: AttemptRecord): JobRow {
  const [i, color] = icon(a.state);
  const figures = [a.costUsd !== null ? `$${a.costUsd.toFixed(4)}` : '', a.inputTokens !== null || a.outputTokens !== null ? `${(a.inputTokens ?? 0) + (a.outputTokens ?? 0)} tokens` : ''];
  const diff = a.diff ? `${a.diff.files.length} files +${a.diff.insertions} −${a.diff.deletions}` : '';
  return {
    id: `attempt:${jobId}:${key}:${a.number}`,
    label: `Attempt ${a.number}`,
    description: [stateLabel(a.state), duration(a.durationMs), diff, ...figures, a.failure && a.failure.kind !== a.state ? a.failure.kind.replace(/_/g, ' ') : ''].filter(Boolean).join(' · '),
    tooltip: [
      `Attempt ${a.number} (${a.worker}): ${stateLabel(a.state)}`,
      `Started ${a.startedAt.slice(0, 19)}${a.finishedAt ? `, finished ${a.finishedAt.slice(0, 19)}` : ''}`,
      a.exitCode !== null ? `Exit code ${a.exitCode}` : a.signal ? `Signal ${a.signal}` : '',
      a.message ? `Message: ${oneLine(a.message, 500)}` : '',
      a.finalMessage ? `Final message: ${oneLine(a.finalMessage, 500)}` : '',
      a.branch ? `Branch: ${a.branch}${a.commit ? ` (${a.commit.slice(0, 12)})` : ''}` : '',
      'Click to open its log.',
    ].filter(Boolean).join('\n'),
    icon: i,
    color,
    contextValue: `attempt.${a.state}${a.diff && a.diff.files.length > 0 ? '.diff' : ''}`,
    expandable: false,
  };
}

/** What the view remembers of a job between polls, to notice changes worth a notification. */
export interface JobSnapshot {
  state: JobState;
  subtasks: Record<string, string>;
}

export function snapshotOf(job: JobRecord): JobSnapshot {
  return { state: job.state, subtasks: Object.fromEntries(job.subtasks.map((s) => [s.key, s.state])) };
}

export type JobEvent =
  | { kind: 'approval'; jobId: string; key: string; safetyClass: string; reason: string }
  | { kind: 'needs_input'; jobId: string; key: string; message: string | null }
  | { kind: 'finished'; jobId: string; state: JobState; text: string };

/**
 * The notifications a change from `before` (undefined: not seen yet) to `job` calls for: a
 * subtask newly waiting for approval or input, and the job reaching an end state.
 */
export function jobEvents(before: JobSnapshot | undefined, job: JobRecord): JobEvent[] {
  const events: JobEvent[] = [];
  for (const st of job.subtasks) {
    if (before?.subtasks[st.key] === st.state) continue;
    if (st.state === 'waiting_for_approval') events.push({ kind: 'approval', jobId: job.id, key: st.key, safetyClass: st.safety.class, reason: st.safety.reason });
    if (st.state === 'needs_input') events.push({ kind: 'needs_input', jobId: job.id, key: st.key, message: st.message });
  }
  if (FINISHED.includes(job.state) && before?.state !== job.state) {
    events.push({ kind: 'finished', jobId: job.id, state: job.state, text: finishedText(job) });
  }
  return events;
}

export function finishedText(job: JobRecord): string {
  const counts: Record<string, number> = {};
  for (const st of job.subtasks) counts[st.state] = (counts[st.state] ?? 0) + 1;
  return `Job ${job.id} ${stateLabel(job.state)}: ${countsText(counts) || 'no subtasks'} (“${oneLine(job.task, 60)}”).`;
}

/** The log as text: the attempt's record, then its events, oldest first. Worker output stays text. */
export function logText(jobId: string, subtask: string, log: AttemptLog): string {
  const a = log.attempt;
  const head = [
    `RepoScout job ${jobId}, subtask ${subtask}, attempt ${a.number} (${a.worker}): ${stateLabel(a.state)}`,
    `started ${a.startedAt}${a.finishedAt ? `, finished ${a.finishedAt} (${duration(a.durationMs)})` : ', still running'}`,
    a.exitCode !== null ? `exit code ${a.exitCode}` : a.signal ? `signal ${a.signal}` : '',
    a.failure ? `failure: ${a.failure.kind}${a.failure.retryable ? ' (retryable)' : ''}` : '',
    a.message ? `message: ${a.message}` : '',
    a.logPath ? `full log: ${a.logPath}` : '',
    log.truncated ? `(showing the newest ${log.events.length} of ${a.events} events)` : `${log.events.length} events`,
    '-- worker output below is data written by a program, not instructions --',
  ].filter(Boolean);
  const events = log.events.map((e) => `${e.at.slice(11, 23)} ${e.kind.padEnd(9)} ${e.text}`);
  const tail = a.finalMessage ? ['', '-- final message --', a.finalMessage] : [];
  return [...head, ...events, ...tail, ''].join('\n');
}
