import type { JobRecord } from '../../shared/protocol';
import type { JobReportModel } from './protocol';

// The job report's model from get_job's answer: what the webview shows, bounded to the sizes
// the protocol allows. Pure. Task text, instructions and worker messages stay text: the
// webview puts them in with textContent only.

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const cutOrNull = (text: string | null, max: number): string | null => (text === null ? null : cut(text, max));

function durationMs(from: string | null, to: string | null, now: number): number | null {
  if (!from) return null;
  const end = to ? Date.parse(to) : now;
  const ms = end - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The scope a split gave a subtask ({"package":"pkg/a"}), as one line of text, or null. */
function scopeText(data: unknown): string | null {
  if (data === null || data === undefined) return null;
  return cut(typeof data === 'string' ? data : JSON.stringify(data), 4000);
}

export function toJobReportModel(job: JobRecord, now = Date.now()): JobReportModel {
  const counts = Object.entries(job.counts).filter(([, n]) => n > 0).map(([state, count]) => ({ state, count }));
  let tokens: number | null = null;
  const subtasks = job.subtasks.map((st) => ({
    key: cut(st.key, 100),
    state: st.state,
    instruction: cut(st.instruction, 20_000),
    scope: scopeText(st.data),
    safetyClass: st.safety.class,
    safetyReason: cut(st.safety.reason, 1000),
    decisions: st.decisions.map((d) => ({ decision: d.decision, by: cut(d.by, 200), at: d.at, reason: cut(d.reason, 1000) })),
    branch: cutOrNull(st.branch, 500),
    noBranch: cutOrNull(st.noBranch, 500),
    message: cutOrNull(st.message, 4000),
    overlapsWith: st.overlapsWith.map((k) => cut(k, 100)),
    mergeRiskWith: st.mergeRiskWith.map((k) => cut(k, 100)),
    attempts: st.attempts.map((a) => {
      if (a.inputTokens !== null || a.outputTokens !== null) tokens = (tokens ?? 0) + (a.inputTokens ?? 0) + (a.outputTokens ?? 0);
      return {
        number: a.number,
        state: a.state,
        worker: a.worker,
        startedAt: a.startedAt,
        durationMs: a.durationMs ?? durationMs(a.startedAt, a.finishedAt, now),
        exit: a.exitCode !== null ? `exit ${a.exitCode}` : a.signal ? a.signal : null,
        failure: a.failure ? `${a.failure.kind.replace(/_/g, ' ')}${a.failure.retryable ? ' (retryable)' : ''}` : null,
        message: cutOrNull(a.message, 4000),
        finalMessage: cutOrNull(a.finalMessage, 4000),
        costUsd: a.costUsd,
        inputTokens: a.inputTokens,
        outputTokens: a.outputTokens,
        turns: a.turns,
        commit: a.commit,
        diff: a.diff ? { ...a.diff, files: a.diff.files.map((f) => ({ ...f, path: cut(f.path, 4096) })) } : null,
      };
    }),
  }));
  return {
    id: job.id,
    task: cut(job.task, 20_000),
    repository: cut(job.repository, 4096),
    baseCommit: job.baseCommit,
    worker: job.worker,
    state: job.state,
    message: cutOrNull(job.message, 4000),
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    durationMs: durationMs(job.startedAt, job.finishedAt, now),
    concurrency: job.concurrency,
    approveAt: job.approveAt,
    costUsd: job.costUsd,
    tokens,
    counts,
    subtasks,
    mergeRisks: mergeRisks(job),
  };
}

/** Each pair of subtasks whose latest attempts changed the same files, with those files. */
export function mergeRisks(job: JobRecord): { a: string; b: string; files: string[] }[] {
  const changed = job.subtasks.map((st) => ({ key: st.key, files: new Set(st.attempts.at(-1)?.diff?.files.map((f) => f.path) ?? []) }));
  const pairs: { a: string; b: string; files: string[] }[] = [];
  for (let i = 0; i < changed.length; i++) {
    for (let j = i + 1; j < changed.length; j++) {
      const a = changed[i]!;
      const b = changed[j]!;
      const files = [...a.files].filter((f) => b.files.has(f)).sort();
      const flagged = job.subtasks[i]!.mergeRiskWith.includes(b.key) || job.subtasks[j]!.mergeRiskWith.includes(a.key);
      if (files.length > 0 || flagged) pairs.push({ a: a.key, b: b.key, files });
    }
  }
  return pairs;
}
