import { listJobsInput, listJobsOutput } from '../../../shared/protocol/orchestrate';
import { summaryRow } from '../job-view';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';

export const listJobsTool = defineTool({
  name: 'list_jobs',
  toolset: 'orchestrate',
  title: 'List jobs',
  description:
    'Orchestration jobs in this database, newest first, with their state and how many subtasks are in each state, and the circuit breaker of each worker kind (open after repeated worker failures; new attempts are then refused for a while). ' +
    'Jobs started from the command line or the VS Code extension are listed too.',
  input: listJobsInput,
  output: listJobsOutput,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { orchestration }) {
    const engine = await orchestration.get();
    const jobs = engine.list(args.limit, args.state);
    const breakers = engine.breakers();
    const open = breakers.filter((b) => b.open).map((b) => `The ${b.worker} worker's circuit breaker is open.`);
    return { structured: { jobs, breakers }, text: textAnswer(jobs.length === 0 ? 'No jobs yet; start_job starts one.' : `${jobs.length} jobs, newest first.`, jobs.map(summaryRow), open) };
  },
});
