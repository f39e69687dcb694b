import { cancelJobInput, cancelJobOutput } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';

export const cancelJobTool = defineTool({
  name: 'cancel_job',
  toolset: 'orchestrate',
  title: 'Cancel a job',
  description:
    "Cancel a job: its running workers are stopped (their whole process group, SIGTERM then SIGKILL), queued and waiting subtasks never start, and the cancelled attempts' worktrees and branches are removed. " +
    'Branches of subtasks that already succeeded are kept. Returns at once; get_job shows when the job is cancelled.',
  input: cancelJobInput,
  output: cancelJobOutput,
  hints: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async run(args, { orchestration }) {
    const job = (await orchestration.get()).cancel(args.jobId);
    return { structured: { job }, text: job.state === 'cancelled' ? `Job ${args.jobId} is cancelled.` : `Cancellation of job ${args.jobId} requested; its workers stop within a second (get_job shows it).` };
  },
});
