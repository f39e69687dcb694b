/// <reference lib="dom" />
import type { JobReportModel } from '../protocol';
import { listen, post, renderError, renderLoading, saveState } from './channel';
import { fmt, h, section, table } from '../../../webview-client/dom';

// The job report: a job's subtasks, attempts, states, durations, cost and tokens, diff
// summaries and merge risks. Task text, instructions and worker output are untrusted: they
// go in as text nodes only (dom.ts), never as markup.

const root = document.getElementById('app') as HTMLElement;

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'job') {
    saveState({ kind: 'job', jobId: message.model.id });
    render(message.model);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

type Subtask = JobReportModel['subtasks'][number];
type Attempt = Subtask['attempts'][number];

const label = (state: string) => state.replace(/_/g, ' ');
const BAND: Record<string, string> = { succeeded: 'band-good', running: 'band-fair', queued: 'band-fair', waiting_for_approval: 'band-weak', needs_input: 'band-weak', interrupted: 'band-weak', failed: 'band-poor', timed_out: 'band-poor', cancelled: 'band-unknown', planned: 'band-unknown' };
const stateTag = (state: string, testId?: string) => h('span', { class: `tag state ${BAND[state] ?? ''}`, attrs: { 'data-state': state, ...(testId ? { 'data-testid': testId } : {}) } }, label(state));

function duration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
const money = (usd: number | null) => (usd === null ? '—' : `$${usd.toFixed(4)}`);
const tokens = (a: Attempt) => (a.inputTokens === null && a.outputTokens === null ? '—' : `${fmt.format(a.inputTokens ?? 0)} in / ${fmt.format(a.outputTokens ?? 0)} out`);
const changes = (a: Attempt | undefined) => (a?.diff ? `${a.diff.files.length} files +${a.diff.insertions} −${a.diff.deletions}` : '—');
const time = (iso: string | null) => (iso ? iso.slice(0, 19).replace('T', ' ') : '—');

function render(m: JobReportModel): void {
  root.removeAttribute('aria-busy');
  root.replaceChildren(header(m), kpis(m), subtasksSection(m), risksSection(m), ...m.subtasks.map((st) => subtaskSection(m, st)));
}

function header(m: JobReportModel): HTMLElement {
  const active = ['planned', 'running', 'waiting_for_approval', 'needs_input', 'interrupted'].includes(m.state);
  return h(
    'header',
    { class: 'report-header' },
    h(
      'div',
      {},
      h('h1', {}, `Job ${m.id}`),
      h('p', { class: 'description', attrs: { 'data-testid': 'task' } }, m.task),
      h('p', { class: 'muted' }, `${m.repository} at ${m.baseCommit.slice(0, 12)} · ${m.worker} worker · concurrency ${m.concurrency} · approval at ${label(m.approveAt)} and above`),
      h('p', { class: 'muted small' }, `Created ${time(m.createdAt)} · started ${time(m.startedAt)} · finished ${time(m.finishedAt)}`),
      m.message ? h('p', {}, m.message) : null,
    ),
    h(
      'div',
      { class: 'actions' },
      stateTag(m.state, 'job-state'),
      h('button', { class: 'secondary', onClick: () => post({ type: 'refresh' }) }, 'Refresh'),
      active ? h('button', { class: 'secondary', onClick: () => post({ type: 'cancelJob', jobId: m.id }) }, 'Cancel Job') : null,
    ),
  );
}

function kpis(m: JobReportModel): HTMLElement {
  const kpi = (name: string, value: string, detail: string) => h('div', { class: `kpi${value.length > 9 ? ' long' : ''}`, role: 'group', ariaLabel: `${name}: ${value}` }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, name), h('div', { class: 'kpi-detail muted' }, detail));
  const attempts = m.subtasks.reduce((n, st) => n + st.attempts.length, 0);
  const files = new Set(m.subtasks.flatMap((st) => st.attempts.at(-1)?.diff?.files.map((f) => f.path) ?? []));
  return h(
    'div',
    { class: 'kpis' },
    kpi('State', label(m.state), m.counts.map((c) => `${c.count} ${label(c.state)}`).join(' · ') || 'no subtasks'),
    kpi('Subtasks', String(m.subtasks.length), `${attempts} attempts`),
    kpi('Duration', duration(m.durationMs), m.finishedAt ? 'wall clock' : 'so far'),
    kpi('Cost', money(m.costUsd), m.tokens === null ? 'not reported' : `${fmt.format(m.tokens)} tokens`),
    kpi('Files changed', String(files.size), `${m.mergeRisks.length} merge risks`),
  );
}

function subtasksSection(m: JobReportModel): HTMLElement {
  const rows = m.subtasks.map((st) => {
    const last = st.attempts.at(-1);
    return [h('a', { attrs: { href: `#subtask-${st.key}` } }, st.key), stateTag(st.state), label(st.safetyClass), String(st.attempts.length), duration(last?.durationMs ?? null), money(last?.costUsd ?? null), changes(last)];
  });
  return section('Subtasks', 'subtasks', table(['Subtask', 'State', 'Safety', 'Attempts', 'Duration', 'Cost', 'Changes'], rows, { numeric: [3, 4, 5], caption: 'Subtasks of the job' }));
}

function risksSection(m: JobReportModel): HTMLElement {
  const planned = m.subtasks.filter((st) => st.overlapsWith.length > 0).map((st) => `${st.key} ↔ ${st.overlapsWith.join(', ')}`);
  return section(
    'Merge risks',
    'risks',
    m.mergeRisks.length === 0
      ? h('p', { class: 'muted' }, 'No two subtasks changed the same file.')
      : table(['Subtask', 'Subtask', 'Files both changed'], m.mergeRisks.map((r) => [r.a, r.b, r.files.join(', ') || '(flagged by the engine)'])),
    planned.length > 0 ? h('p', { class: 'muted' }, `Expected to overlap before running: ${planned.join('; ')}`) : null,
  );
}

function subtaskSection(m: JobReportModel, st: Subtask): HTMLElement {
  return section(
    `Subtask ${st.key}`,
    `subtask-${st.key}`,
    h('p', {}, stateTag(st.state), ' ', h('span', { class: 'muted', attrs: { 'data-testid': 'branch' } }, st.branch ? `branch ${st.branch}` : `no branch (${st.noBranch ?? 'none'})`)),
    h('p', { class: 'description' }, st.instruction),
    st.scope ? h('p', { class: 'muted' }, 'Scope (data from the repository): ', h('code', {}, st.scope)) : null,
    h('p', {}, `Safety: ${label(st.safetyClass)}. `, h('span', { class: 'muted' }, st.safetyReason)),
    decideButton(m, st),
    st.decisions.length > 0 ? h('ul', { class: 'plain' }, ...st.decisions.map((d) => h('li', {}, `${d.decision} by ${d.by} at ${time(d.at)}: ${d.reason}`))) : null,
    st.message ? h('p', {}, st.message) : null,
    st.attempts.length === 0 ? h('p', { class: 'muted' }, 'Not run yet.') : table(['Attempt', 'State', 'Duration', 'Exit', 'Cost', 'Tokens', 'Changes', ''], st.attempts.map((a) => attemptRow(m, st, a)), { numeric: [2, 4] }),
    ...st.attempts.filter((a) => a.finalMessage || a.message || (a.diff && a.diff.files.length > 0)).map((a) => attemptDetails(st, a)),
  );
}

/** Approve… for a subtask held for approval; Answer… for one whose worker needs input (the same command asks which). */
function decideButton(m: JobReportModel, st: Subtask): HTMLElement | null {
  const name = st.state === 'waiting_for_approval' ? 'Approve…' : st.state === 'needs_input' ? 'Answer…' : null;
  return name ? h('p', {}, h('button', { class: 'primary', onClick: () => post({ type: 'approveSubtask', jobId: m.id, subtask: st.key }) }, name)) : null;
}

function attemptRow(m: JobReportModel, st: Subtask, a: Attempt): (Node | string)[] {
  const diff = a.diff && a.diff.files.length > 0 ? h('button', { class: 'secondary', onClick: () => post({ type: 'openAttemptDiff', jobId: m.id, subtask: st.key, attempt: a.number }) }, 'Open Diff') : null;
  const log = h('button', { class: 'secondary', onClick: () => post({ type: 'openAttemptLog', jobId: m.id, subtask: st.key, attempt: a.number }) }, 'Open Log');
  return [`#${a.number} (${a.worker})`, stateTag(a.state), duration(a.durationMs), [a.exit, a.failure].filter(Boolean).join(', ') || '—', money(a.costUsd), tokens(a), changes(a), h('span', {}, log, ' ', diff)];
}

function attemptDetails(st: Subtask, a: Attempt): HTMLElement {
  return h(
    'details',
    {},
    h('summary', {}, `Attempt ${a.number}: final message, files`),
    a.message ? h('p', {}, a.message) : null,
    a.finalMessage ? h('pre', { class: 'final-message' }, a.finalMessage) : null,
    a.diff && a.diff.files.length > 0 ? table(['File', 'Added', 'Removed'], a.diff.files.map((f) => [f.path, `+${f.insertions}`, `−${f.deletions}`]), { numeric: [1, 2], caption: `Files changed by ${st.key}` }) : null,
  );
}
