import { planJobContract } from '../../../shared/protocol/orchestrate';
import { planText } from '../job-view';
import { defineTool } from '../tool';

export const planJobTool = defineTool({
  ...planJobContract,
  async run(args, { orchestration }) {
    const plan = await (await orchestration.get()).plan(args);
    return { structured: { plan }, text: planText(plan) };
  },
});
