import { getJobInput, getJobOutput } from '../../../shared/protocol/orchestrate';
import { jobText } from '../job-view';
import { defineTool } from '../tool';

export const getJobTool = defineTool({
  name: 'get_job',
  toolset: 'orchestrate',
  title: 'Get a job',
  description:
    "One job's state: each subtask's state, safety class and decisions (who approved what, and why), attempts with timings, exit codes, failure kinds, the worker's final message, cost and tokens, " +
    'the diff summary of its branch, and merge risks (subtasks whose changes touch the same files). Poll it after start_job; get_attempt_log shows a worker\'s events.',
  input: getJobInput,
  output: getJobOutput,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { orchestration }) {
    const job = (await orchestration.get()).get(args.jobId);
    return { structured: { job }, text: jobText(job) };
  },
});
