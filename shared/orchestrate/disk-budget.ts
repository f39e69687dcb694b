import fs from 'node:fs';
import path from 'node:path';
import { RepoScoutError } from '../errors';
import { runGit } from '../git/run';
import type { JobStore } from './job-store';
import { hasUncommitted, removeWorktree } from './worktrees';

/** Where the engine's default disk budget comes from (the CLI's --max-worktree-disk overrides it). */
export const WORKTREE_DISK_ENV = 'REPOSCOUT_MAX_WORKTREE_DISK';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4 };

/** "0", "500M", "2G", "1.5GB", "750MiB" or a byte count, in bytes (units are powers of 1024). */
export function parseDiskSize(text: string, what: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) {
    throw new RepoScoutError('INVALID_INPUT', `${what} must be a size like 500M, 2G or 0 (got ${JSON.stringify(text.slice(0, 40))}); 0 removes each worktree as soon as its work is committed.`);
  }
  return Math.floor(Number(match[1]) * unit);
}

/** The budget set in the environment, or 0. */
export function worktreeDiskFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[WORKTREE_DISK_ENV];
  return value === undefined || value.trim() === '' ? 0 : parseDiskSize(value, WORKTREE_DISK_ENV);
}

export interface TrimReport {
  removedWorktrees: string[];
  /** Worktrees over the budget that were kept, and why (uncommitted or unmerged work without --force). */
  kept: { what: string; reason: string }[];
  /** What the finished attempts' worktrees take after trimming, in bytes. */
  usedBytes: number;
}

/**
 * Bytes a folder takes on disk: allocated blocks where the platform reports them (a 10-byte
 * file takes a whole block), else file sizes. Symbolic links are not followed.
 */
export function diskUsage(dir: string): number {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      continue; // removed while we looked, or unreadable: counts nothing
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      try {
        const st = fs.lstatSync(full);
        total += st.blocks !== undefined && st.blocks > 0 ? st.blocks * 512 : st.size;
      } catch {
        // gone meanwhile
      }
    }
  }
  return total;
}

/**
 * Keeps the worktrees of finished attempts (kept after success when a disk budget is set)
 * within `budgetBytes`: while they take more, removes them oldest first, keeping their
 * branches. A worktree with uncommitted changes, or whose HEAD is not on its branch (work
 * that only the worktree holds), stays unless `force`.
 */
export async function trimWorktrees(jobs: JobStore, budgetBytes: number, force: boolean, jobId?: string): Promise<TrimReport> {
  const report: TrimReport = { removedWorktrees: [], kept: [], usedBytes: 0 };
  const kept = jobs.keptWorktrees(jobId).filter((k) => {
    if (fs.existsSync(k.worktree_path)) return true;
    jobs.clearWorktree(k.id); // removed by hand
    return false;
  });
  const sizes = kept.map((k) => diskUsage(k.worktree_path));
  let used = sizes.reduce((a, b) => a + b, 0);
  for (const [i, k] of kept.entries()) {
    if (used <= budgetBytes) break;
    if (!force) {
      const why = await unsavedWork(k.worktree_path, k.branch);
      if (why) {
        report.kept.push({ what: k.worktree_path, reason: `${why} (pass --force to remove it)` });
        continue;
      }
    }
    await removeWorktree(k.repo_path, k.worktree_path, true);
    jobs.clearWorktree(k.id);
    report.removedWorktrees.push(k.worktree_path);
    used -= sizes[i]!;
  }
  report.usedBytes = used;
  return report;
}

/** Why removing this worktree would lose work, or null when everything in it is on its branch. */
async function unsavedWork(dir: string, branch: string | null): Promise<string | null> {
  try {
    if (await hasUncommitted(dir)) return 'uncommitted changes';
    if (branch === null) return 'no branch recorded';
    const onBranch = await runGit(dir, ['merge-base', '--is-ancestor', 'HEAD', `refs/heads/${branch}`], { okExitCodes: [1] });
    return onBranch.exitCode === 0 ? null : `commits that are not on ${branch}`;
  } catch (error) {
    return `could not check it (${(error as Error).message})`;
  }
}

// One trim at a time per store; a trim asked for while one runs joins the next one.
const lanes = new WeakMap<JobStore, { running: Promise<unknown>; next: Promise<TrimReport> | null }>();

/** trimWorktrees, never two at once on one store (attempts ending together share one). */
export function trimSoon(jobs: JobStore, budgetBytes: number): Promise<TrimReport> {
  const lane = lanes.get(jobs) ?? { running: Promise.resolve(), next: null };
  lanes.set(jobs, lane);
  if (lane.next) return lane.next;
  const next = lane.running.then(() => {
    lane.next = null;
    return trimWorktrees(jobs, budgetBytes, false);
  });
  lane.next = next;
  lane.running = next.catch(() => undefined);
  return next;
}
