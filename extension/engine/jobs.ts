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
// view polls get_job / list_jobs while something runs.
export type JobList = ToolResult<typeof listJobsContract>;
export type JobAnswer = ToolResult<typeof getJobContract>;
export type AttemptLog = ToolResult<typeof getAttemptLogContract>;
export type PlanAnswer = ToolResult<typeof planJobContract>;
export type StartAnswer = ToolResult<typeof startJobContract>;

export const listJobs = (engine: EngineClient, limit = 30): Promise<JobList> => engine.call(listJobsContract, { limit });
export const getJob = (engine: EngineClient, jobId: string): Promise<JobAnswer> => engine.call(getJobContract, { jobId });
export const attemptLog = (engine: EngineClient, jobId: string, subtask: string, attempt: number): Promise<AttemptLog> =>
  engine.call(getAttemptLogContract, { jobId, subtask, attempt, tail: 500 });
export const planJob = (engine: EngineClient, input: PlanInputRaw): Promise<PlanAnswer> => engine.call(planJobContract, input, { long: true });
export const startJob = (engine: EngineClient, input: PlanInputRaw): Promise<StartAnswer> => engine.call(startJobContract, input, { long: true });
export const approveSubtask = (engine: EngineClient, jobId: string, subtask: string, decision: 'approved' | 'rejected', reason: string) =>
  engine.call(approveSubtaskContract, { jobId, subtask, decision, reason });
export const cancelJob = (engine: EngineClient, jobId: string) => engine.call(cancelJobContract, { jobId });
