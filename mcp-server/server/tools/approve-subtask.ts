import { approveSubtaskContract } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';

export const approveSubtaskTool = defineTool({
  ...approveSubtaskContract,
  async run(args, { orchestration }) {
    const engine = await orchestration.get();
    const decided = engine.decide(args.jobId, args.subtask, args.decision, 'mcp', args.reason);
    return { structured: { decided, job: engine.summary(args.jobId) }, text: `${args.decision === 'approved' ? 'Approved' : 'Rejected'} ${decided.length} subtasks of job ${args.jobId}; get_job follows the job.` };
  },
});
