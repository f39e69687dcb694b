import type { AttemptRecord, JobRecord, JobSummary, Plan } from '../../shared/protocol/orchestrate';

// Text renderings of plans and jobs for the terminal. Repository-derived strings (paths,
// list items) are printed as JSON strings so control characters cannot reach the terminal.

const show = (value: unknown) => JSON.stringify(value);

export function formatPlan(plan: Plan): string[] {
  const lines = [`Plan: ${plan.subtasks.length} subtask${plan.subtasks.length === 1 ? '' : 's'} for the ${plan.worker} worker, from ${plan.baseCommit.slice(0, 12)} (${plan.base}) in ${plan.repository}`];
  for (const st of plan.subtasks) {
    lines.push(`  ${st.key.padEnd(28)} ${st.safety.class.padEnd(15)} ${st.safety.needsApproval ? 'waits for approval' : 'runs without approval'}`);
    if (st.data !== null) lines.push(`      scope ${show(st.data)}`);
    if (st.overlapsWith.length) lines.push(`      overlaps with ${st.overlapsWith.join(', ')}`);
  }
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  lines.push('Dry run: nothing was started. Run again without --dry-run to start it.');
  return lines;
}

export function formatSummary(job: JobSummary): string {
  const counts = Object.entries(job.counts).map(([state, n]) => `${n} ${state}`).join(', ');
  const cost = job.costUsd !== null ? `, $${job.costUsd.toFixed(4)}` : '';
  return `${job.id}  ${job.state.padEnd(20)} ${job.worker.padEnd(8)} ${counts}${cost}  ${show(job.task.length > 60 ? `${job.task.slice(0, 59)}…` : job.task)}`;
}

export function formatJob(job: JobRecord): string[] {
  const lines = [
    `Job ${job.id}: ${job.state}${job.message ? ` (${job.message})` : ''}`,
    `  task ${show(job.task)}`,
    `  repository ${job.repository} at ${job.baseCommit.slice(0, 12)}, worker ${job.worker}, concurrency ${job.concurrency}, approval at ${job.approveAt}`,
  ];
  for (const st of job.subtasks) {
    const last = st.attempts.at(-1);
    lines.push(`  ${st.key.padEnd(28)} ${st.state.padEnd(20)} ${st.safety.class.padEnd(15)} ${st.attempts.length} attempt${st.attempts.length === 1 ? '' : 's'}${last ? `  ${attemptLine(last)}` : ''}`);
    if (st.message) lines.push(`      ${st.message}`);
    if (st.branch !== null && last?.diff && last.diff.files.length > 0) lines.push(`      branch ${st.branch} (${last.diff.files.length} files, +${last.diff.insertions} -${last.diff.deletions})`);
    else if (st.branch === null && last && last.state !== 'running') lines.push(`      no branch (${st.noBranch ?? 'none'})`);
    if (st.mergeRiskWith.length) lines.push(`      merge risk with ${st.mergeRiskWith.join(', ')} (changes the same files)`);
    if (st.state === 'waiting_for_approval') lines.push(`      approve: reposcout jobs approve ${job.id} ${st.key}   (reason: ${st.safety.reason})`);
    if (st.state === 'needs_input') lines.push(`      ${answerHint(job.id, st.key)}`);
  }
  return lines;
}

/** How a person answers a subtask that needs input, or declines it. */
export function answerHint(jobId: string, key: string): string {
  return `answer: reposcout jobs approve ${jobId} ${key} --reason "<your answer>"   (or --reject to decline)`;
}

function attemptLine(a: AttemptRecord): string {
  const parts: string[] = [a.state];
  if (a.durationMs !== null) parts.push(`${(a.durationMs / 1000).toFixed(1)} s`);
  if (a.costUsd !== null) parts.push(`$${a.costUsd.toFixed(4)}`);
  if (a.inputTokens !== null || a.outputTokens !== null) parts.push(`${a.inputTokens ?? 0}/${a.outputTokens ?? 0} tokens`);
  return parts.join(', ');
}
