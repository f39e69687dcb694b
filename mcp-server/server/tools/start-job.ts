import { startJobInput, startJobOutput } from '../../../shared/protocol/orchestrate';
import { summaryRow } from '../job-view';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';

export const startJobTool = defineTool({
  name: 'start_job',
  toolset: 'orchestrate',
  title: 'Start a job',
  description:
    'Start a task as a job: RepoScout splits it like plan_job, then runs AI coding workers (claude, codex) or a command in parallel, each in its own git worktree on branch reposcout/<job>/<subtask>; the user\'s checkout is never written. ' +
    'Returns at once with the job id: poll get_job until it ends. Subtasks the safety judge classes at or above approveAt wait for approve_subtask. Results are branches to review and merge.',
  input: startJobInput,
  output: startJobOutput,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async run(args, { orchestration }) {
    const engine = await orchestration.get();
    const { job } = await engine.start(args);
    const plan = engine.get(job.id);
    const waiting = plan.subtasks.filter((s) => s.state === 'waiting_for_approval').map((s) => s.key);
    return {
      structured: { job, waitingForApproval: waiting },
      text: textAnswer(`Started job ${job.id} with ${plan.subtasks.length} subtasks; call get_job with jobId "${job.id}" to follow it.`, [summaryRow(job)]),
    };
  },
});
