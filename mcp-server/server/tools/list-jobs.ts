import { listJobsContract } from '../../../shared/protocol/orchestrate';
import { summaryRow } from '../job-view';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';

export const listJobsTool = defineTool({
  ...listJobsContract,
  async run(args, { orchestration }) {
    const engine = await orchestration.get();
    const jobs = engine.list(args.limit, args.state);
    const breakers = engine.breakers();
    const open = breakers.filter((b) => b.open).map((b) => `The ${b.worker} worker's circuit breaker is open.`);
    return { structured: { jobs, breakers }, text: textAnswer(jobs.length === 0 ? 'No jobs yet; start_job starts one.' : `${jobs.length} jobs, newest first.`, jobs.map(summaryRow), open) };
  },
});
