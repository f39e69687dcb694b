import { cancelJobContract } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';

export const cancelJobTool = defineTool({
  ...cancelJobContract,
  async run(args, { orchestration }) {
    const job = (await orchestration.get()).cancel(args.jobId);
    return { structured: { job }, text: job.state === 'cancelled' ? `Job ${args.jobId} is cancelled.` : `Cancellation of job ${args.jobId} requested; its workers stop within a second (get_job shows it).` };
  },
});
