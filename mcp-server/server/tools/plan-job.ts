import { planJobInput, planJobOutput } from '../../../shared/protocol/orchestrate';
import { planText } from '../job-view';
import { defineTool } from '../tool';

export const planJobTool = defineTool({
  name: 'plan_job',
  toolset: 'orchestrate',
  title: 'Plan a job',
  description:
    'Show how a task would be split and run, without starting anything: the subtasks (explicit, or one per package, directory, glob match or list item at the base commit), the files each is expected to change and which overlap, ' +
    "the safety judge's class for each (read_only, write_worktree, run_commands, network, destructive) and whether it would wait for approval, and the branch each would produce. Call it before start_job and show the plan to the user.",
  input: planJobInput,
  output: planJobOutput,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { orchestration }) {
    const plan = await (await orchestration.get()).plan(args);
    return { structured: { plan }, text: planText(plan) };
  },
});
