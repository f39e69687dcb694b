import fs from 'node:fs';
import path from 'node:path';
import { runGit } from '../git/run';
import { decisionJobStates } from '../protocol/orchestrate';
import type { JobStore } from './job-store';
import { deleteBranch, hasUncommitted, isMerged, orchestrateDirs, ourBranches, removeWorktree } from './worktrees';

export interface CleanReport {
  removedWorktrees: string[];
  deletedBranches: string[];
  /** What was kept, and why (unmerged or uncommitted work without --force, or a running job). */
  kept: { what: string; reason: string }[];
}

/**
 * Removes what finished jobs left: worktrees and reposcout/<job>/* branches. Work that is not
 * merged anywhere else, or not committed, stays unless `force`; running jobs are skipped.
 */
export async function cleanJobs(jobs: JobStore, dbPath: string, jobId: string | undefined, force: boolean, isActive: (id: string) => boolean): Promise<CleanReport> {
  const report: CleanReport = { removedWorktrees: [], deletedBranches: [], kept: [] };
  const rows = jobId ? [jobs.job(jobId)].filter((j) => j !== undefined) : jobs.list(10_000);
  for (const job of rows) {
    if (isActive(job.id) || job.state === 'running' || decisionJobStates.includes(job.state)) {
      report.kept.push({ what: `job ${job.id}`, reason: `it is ${job.state}; cancel it first` });
      continue;
    }
    if (!fs.existsSync(job.repo_path)) continue;
    const jobDir = path.join(orchestrateDirs(dbPath).worktrees, job.id);
    const inUse = new Set<string>();
    const dirs = fs.existsSync(jobDir) ? fs.readdirSync(jobDir).map((d) => path.join(jobDir, d)) : [];
    for (const dir of dirs) {
      const dirty = await hasUncommitted(dir).catch(() => false);
      if (dirty && !force) {
        report.kept.push({ what: dir, reason: 'uncommitted changes (pass --force to discard them)' });
        const checkedOut = await runGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [1] }).catch(() => null);
        if (checkedOut) inUse.add(checkedOut.stdout.toString('utf8').trim());
        continue;
      }
      await removeWorktree(job.repo_path, dir, true);
      jobs.clearWorktreeAt(dir);
      report.removedWorktrees.push(dir);
    }
    if (fs.existsSync(jobDir) && fs.readdirSync(jobDir).length === 0) fs.rmdirSync(jobDir);
    for (const branch of await ourBranches(job.repo_path, job.id)) {
      if (inUse.has(branch)) {
        report.kept.push({ what: branch, reason: 'checked out in a worktree that was kept' });
        continue;
      }
      if (!force && !(await isMerged(job.repo_path, branch, job.base_commit))) {
        report.kept.push({ what: branch, reason: 'not merged into any other branch (pass --force to delete it)' });
        continue;
      }
      await deleteBranch(job.repo_path, branch);
      report.deletedBranches.push(branch);
    }
  }
  return report;
}
