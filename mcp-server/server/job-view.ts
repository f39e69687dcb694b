import type { JobRecord, JobSummary, Plan } from '../../shared/protocol/orchestrate';
import { quote, textAnswer } from './untrusted';

// Short text renderings of plans and jobs for tool answers. Task text, keys, paths and
// worker messages are quoted inside the data block: they come from users, repositories and
// worker output, and are never instructions to the agent reading them.

export function planText(plan: Plan): string {
  const rows = plan.subtasks.map((st) => `${quote(st.key)} ${st.safety.class}${st.safety.needsApproval ? ' (waits for approval)' : ''} scope ${quote(JSON.stringify(st.data))}${st.overlapsWith.length ? ` overlaps ${quote(st.overlapsWith.join(','))}` : ''}`);
  return textAnswer(`Plan: ${plan.subtasks.length} subtasks for the ${plan.worker} worker from ${plan.baseCommit.slice(0, 12)}; nothing was started (start_job runs it).${plan.warnings.length ? ` ${plan.warnings.join(' ')}` : ''}`, rows);
}

export function summaryRow(job: JobSummary): string {
  const counts = Object.entries(job.counts).map(([state, n]) => `${n} ${state}`).join(', ');
  return `${job.id} ${job.state} (${counts}) task ${quote(job.task, 120)}`;
}

export function jobText(job: JobRecord): string {
  const rows = job.subtasks.map((st) => {
    const last = st.attempts.at(-1);
    const diff = st.branch === null ? (st.attempts.length > 0 && last?.state !== 'running' ? ` no branch (${st.noBranch ?? 'none'})` : '') : last?.diff ? ` ${last.diff.files.length} files +${last.diff.insertions} -${last.diff.deletions} on ${quote(st.branch)}` : '';
    return `${quote(st.key)} ${st.state}, ${st.attempts.length} attempts${diff}${st.message ? ` message ${quote(st.message, 300)}` : ''}${st.mergeRiskWith.length ? ` merge risk with ${quote(st.mergeRiskWith.join(','))}` : ''}`;
  });
  const waiting = job.subtasks.filter((s) => s.state === 'waiting_for_approval').length;
  const asking = job.subtasks.filter((s) => s.state === 'needs_input').length;
  const next = waiting > 0 ? ` ${waiting} subtasks wait for approval: ask the user, then call approve_subtask.` : job.state === 'running' ? ' Still running: call get_job again in a while.' : '';
  const input = asking > 0
    ? ` ${asking} subtasks need input: their workers stopped wanting something they were not allowed; the job waits. Show the user each one's message and final message, then call approve_subtask with the user's answer as reason (it runs again from its work) or decision rejected (declined).`
    : '';
  return textAnswer(`Job ${job.id} is ${job.state}.${next}${input}`, rows);
}
