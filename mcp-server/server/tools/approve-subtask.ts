import { approveSubtaskContract, VSCODE_CLIENT_NAME, type Decider } from '../../../shared/protocol/orchestrate';
import { defineTool } from '../tool';

/**
 * Who the decision is stored as: taken from the client's own name at initialize, never from
 * an argument, so an agent's model cannot claim a person decided in VS Code.
 */
export const deciderFor = (clientName: string | undefined): Decider => (clientName === VSCODE_CLIENT_NAME ? 'vscode' : 'mcp');

export const approveSubtaskTool = defineTool({
  ...approveSubtaskContract,
  async run(args, { orchestration, clientName }) {
    const engine = await orchestration.get();
    const decided = engine.decide(args.jobId, args.subtask, args.decision, deciderFor(clientName), args.reason);
    return { structured: { decided, job: engine.summary(args.jobId) }, text: `${args.decision === 'approved' ? 'Approved' : 'Rejected'} ${decided.length} subtasks of job ${args.jobId}; get_job follows the job.` };
  },
});
