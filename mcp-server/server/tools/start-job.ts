import { startJobContract } from '../../../shared/protocol/orchestrate';
import { summaryRow } from '../job-view';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';

export const startJobTool = defineTool({
  ...startJobContract,
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
