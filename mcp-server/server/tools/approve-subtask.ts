import { approveSubtaskInput, approveSubtaskOutput } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';

export const approveSubtaskTool = defineTool({
  name: 'approve_subtask',
  toolset: 'orchestrate',
  title: 'Approve or reject a subtask',
  description:
    'Decide a subtask that waits for approval (the safety judge classed it at or above the job\'s approval level): approved runs it, rejected ends it without running. Omit subtask to decide every waiting subtask of the job. ' +
    'The decision is stored with its reason and "mcp" as who made it. Ask the user before approving: get_job shows each subtask\'s class and the rule behind it.',
  input: approveSubtaskInput,
  output: approveSubtaskOutput,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async run(args, { orchestration }) {
    const engine = await orchestration.get();
    const decided = engine.decide(args.jobId, args.subtask, args.decision, 'mcp', args.reason);
    return { structured: { decided, job: engine.summary(args.jobId) }, text: `${args.decision === 'approved' ? 'Approved' : 'Rejected'} ${decided.length} subtasks of job ${args.jobId}; get_job follows the job.` };
  },
});
