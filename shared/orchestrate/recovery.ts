import type { PlanInput } from '../protocol/orchestrate';
import type { JobStore } from './job-store';
import { endGroup } from './process';
import { isAlive, processStartTime } from './process-identity';
import { deleteBranch, removeWorktree } from './worktrees';

export interface Recovered {
  /** Attempts found running under an engine that is gone. */
  attempts: number;
  /** Jobs whose engine is gone, now 'interrupted' and resumable. */
  jobs: string[];
}

/**
 * Run when an engine starts: attempts still marked running whose engine process died (pid +
 * start time no longer match) are settled. A worker left running is ended with its group, its
 * worktree and branch removed, the attempt marked interrupted, and its subtask queued again
 * while the job's retries allow (failed otherwise). Their jobs become 'interrupted'.
 */
export async function recoverOrphans(jobs: JobStore, killDelayMs: number): Promise<Recovered> {
  const orphanedJobs = new Set<string>();
  for (const job of jobs.activeJobs()) {
    if (job.owner_pid !== null && isAlive({ pid: job.owner_pid, started: job.owner_started ?? 'unknown' })) continue;
    orphanedJobs.add(job.id);
  }
  let attempts = 0;
  for (const attempt of jobs.runningAttempts()) {
    const job = jobs.job(attempt.job_id);
    if (!job) continue;
    const ownerAlive = job.owner_pid !== null && isAlive({ pid: job.owner_pid, started: job.owner_started ?? 'unknown' });
    if (ownerAlive) continue;
    orphanedJobs.add(job.id);
    attempts += 1;
    // The worker may outlive its engine: end it only if the pid still names the same process.
    if (attempt.pid !== null && attempt.pid_started !== null && processStartTime(attempt.pid) === attempt.pid_started) {
      await endGroup(attempt.pid, killDelayMs);
    }
    if (attempt.worktree_path) await removeWorktree(job.repo_path, attempt.worktree_path, true).catch(() => undefined);
    if (attempt.branch) await deleteBranch(job.repo_path, attempt.branch).catch(() => undefined);
    jobs.finishAttempt(attempt.id, {
      state: 'interrupted',
      failureKind: 'engine_died',
      retryable: true,
      message: `The RepoScout process running this attempt (pid ${job.owner_pid ?? '?'}) stopped; the worker was ended and its worktree removed.`,
    });
    jobs.clearWorktree(attempt.id);
    const input = JSON.parse(job.plan_json) as PlanInput;
    const tries = jobs.attempts(attempt.subtask_id).length;
    if (tries <= input.retries) jobs.setSubtaskState(attempt.subtask_id, 'queued', `Attempt ${attempt.number} was interrupted when RepoScout stopped; it runs again when the job resumes.`);
    else jobs.setSubtaskState(attempt.subtask_id, 'failed', `Attempt ${attempt.number} was interrupted when RepoScout stopped, and the job allows no more retries.`);
  }
  for (const id of orphanedJobs) {
    jobs.setOwner(id, null, null);
    jobs.setJobState(id, 'interrupted', `The RepoScout process running this job stopped; resume it with "reposcout jobs resume ${id}".`);
  }
  return { attempts, jobs: [...orphanedJobs] };
}
