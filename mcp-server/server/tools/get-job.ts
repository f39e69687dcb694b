import { getJobContract } from '../../../shared/protocol/orchestrate';
import { jobText } from '../job-view';
import { defineTool } from '../tool';

export const getJobTool = defineTool({
  ...getJobContract,
  async run(args, { orchestration }) {
    const job = (await orchestration.get()).get(args.jobId);
    return { structured: { job }, text: jobText(job) };
  },
});
