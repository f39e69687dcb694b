import fs from 'node:fs';
import path from 'node:path';
import { runGit } from '../git/run';
import type { PlanInput } from '../protocol/orchestrate';
import { branchName, continuationPoint, type JobRow, type JobStore } from './job-store';
import { endGroup, endMarked } from './process';
import { attemptMarker, isAlive, processStartTime, selfIdentity } from './process-identity';
import { deleteBranch, dropBranch, orchestrateDirs, removeWorktree } from './worktrees';

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
 * while the job's retries allow (failed otherwise). Worktrees made ahead for attempts that never
 * started are removed too. Their jobs become 'interrupted', as do jobs whose dead engine only
 * waited for a person (approval or input): their subtasks keep waiting, so no pending decision
 * is lost, and resuming the job waits for it again.
 */
export async function recoverOrphans(jobs: JobStore, dbPath: string, killDelayMs: number): Promise<Recovered> {
  const me = selfIdentity();
  // Claimed job → the pid of the engine that died.
  const claimed = new Map<string, number | null>();
  // Another RepoScout may start at the same moment: only the one whose claim lands settles a job.
  const claim = (job: JobRow): boolean => {
    if (claimed.has(job.id)) return true;
    if (job.owner_pid !== null && isAlive({ pid: job.owner_pid, started: job.owner_started ?? 'unknown' })) return false;
    if (!jobs.claimOwner(job, me.pid, me.started)) return false;
    claimed.set(job.id, job.owner_pid);
    return true;
  };
  for (const job of jobs.activeJobs()) claim(job);
  let attempts = 0;
  for (const attempt of jobs.runningAttempts()) {
    const job = jobs.job(attempt.job_id);
    if (!job || !claim(job)) continue;
    attempts += 1;
    // The worker may outlive its engine: end it only if the pid still names the same process.
    if (attempt.pid !== null && attempt.pid_started !== null && processStartTime(attempt.pid) === attempt.pid_started) {
      await endGroup(attempt.pid, killDelayMs);
    }
    // A worker whose pid was never stored (its engine died right after starting it), a setup
    // command, or a child that left the worker's group: found by the mark in their environment.
    await endMarked(attemptMarker(attempt.job_id, attempt.id), killDelayMs);
    if (attempt.worktree_path) await removeWorktree(job.repo_path, attempt.worktree_path, true).catch(() => undefined);
    // Back to answered needs-input work, if the attempt continued some; else gone.
    if (attempt.branch) await dropBranch(job.repo_path, attempt.branch, continuationPoint(job, jobs.attempts(attempt.subtask_id))).catch(() => undefined);
    jobs.finishAttempt(attempt.id, {
      state: 'interrupted',
      failureKind: 'engine_died',
      retryable: true,
      message: `The RepoScout process running this attempt (pid ${claimed.get(job.id) ?? '?'}) stopped; the worker was ended and its worktree removed.`,
    });
    jobs.clearWorktree(attempt.id);
    const input = JSON.parse(job.plan_json) as PlanInput;
    const tries = jobs.attempts(attempt.subtask_id).length;
    if (tries <= input.retries) jobs.setSubtaskState(attempt.subtask_id, 'queued', `Attempt ${attempt.number} was interrupted when RepoScout stopped; it runs again when the job resumes.`);
    else jobs.setSubtaskState(attempt.subtask_id, 'failed', `Attempt ${attempt.number} was interrupted when RepoScout stopped, and the job allows no more retries.`);
  }
  for (const id of claimed.keys()) {
    await removeUnstarted(jobs, dbPath, id);
    jobs.setOwner(id, null, null);
    jobs.setJobState(id, 'interrupted', `The RepoScout process running this job stopped; resume it with "reposcout jobs resume ${id}".`);
  }
  return { attempts, jobs: [...claimed.keys()] };
}

/**
 * Worktrees the dead engine prepared for attempts still waiting for a slot: no attempt row
 * names them. Their branches still point at the base commit and go too.
 */
async function removeUnstarted(jobs: JobStore, dbPath: string, jobId: string): Promise<void> {
  const job = jobs.job(jobId);
  const jobDir = path.join(orchestrateDirs(dbPath).worktrees, jobId);
  if (!job || !fs.existsSync(jobDir)) return;
  const recorded = new Set(jobs.subtasks(jobId).flatMap((st) => jobs.attempts(st.id).map((a) => a.worktree_path)));
  for (const name of fs.readdirSync(jobDir)) {
    const dir = path.join(jobDir, name);
    if (recorded.has(dir)) continue;
    await removeWorktree(job.repo_path, dir, true).catch(() => undefined);
    const key = name.slice(0, name.lastIndexOf('-'));
    const tip = await runGit(job.repo_path, ['rev-parse', '--verify', '--quiet', `refs/heads/${branchName(jobId, key)}`], { okExitCodes: [1] }).catch(() => null);
    if (tip?.stdout.toString('utf8').trim() === job.base_commit) await deleteBranch(job.repo_path, branchName(jobId, key)).catch(() => undefined);
  }
}
