import {
  approveSubtaskContract,
  cancelJobContract,
  getAttemptLogContract,
  getJobContract,
  listJobsContract,
  planJobContract,
  startJobContract,
  type PlanInputRaw,
  type ToolResult,
} from '../../shared/protocol';
import type { EngineClient } from './client';

// The orchestrate toolset as typed calls over MCP. Every job tool returns at once; the Jobs
// view polls get_job / list_jobs while something runs. Calls go through a JobsEngine, whose
// `call` first makes sure the engine serves these tools (host.ts enableJobsToolset).
export type JobsEngine = Pick<EngineClient, 'call'>;

/** An engine whose calls wait for `ready` (the orchestrate toolset enabled) first. */
export function gatedEngine(engine: JobsEngine, ready: () => Promise<void>): JobsEngine {
  return {
    call: async (contract, args, options) => {
      await ready();
      return engine.call(contract, args, options);
    },
  };
}
export type JobList = ToolResult<typeof listJobsContract>;
export type JobAnswer = ToolResult<typeof getJobContract>;
export type AttemptLog = ToolResult<typeof getAttemptLogContract>;
export type PlanAnswer = ToolResult<typeof planJobContract>;
export type StartAnswer = ToolResult<typeof startJobContract>;

export const listJobs = (engine: JobsEngine, limit = 30): Promise<JobList> => engine.call(listJobsContract, { limit });
export const getJob = (engine: JobsEngine, jobId: string): Promise<JobAnswer> => engine.call(getJobContract, { jobId });
export const attemptLog = (engine: JobsEngine, jobId: string, subtask: string, attempt: number): Promise<AttemptLog> =>
  engine.call(getAttemptLogContract, { jobId, subtask, attempt, tail: 500 });
export const planJob = (engine: JobsEngine, input: PlanInputRaw): Promise<PlanAnswer> => engine.call(planJobContract, input, { long: true });
export const startJob = (engine: JobsEngine, input: PlanInputRaw): Promise<StartAnswer> => engine.call(startJobContract, input, { long: true });
export const approveSubtask = (engine: JobsEngine, jobId: string, subtask: string, decision: 'approved' | 'rejected', reason: string) =>
  engine.call(approveSubtaskContract, { jobId, subtask, decision, reason });
export const cancelJob = (engine: JobsEngine, jobId: string) => engine.call(cancelJobContract, { jobId });
