import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkhead, type BulkheadPolicy } from 'cockatiel';
import { RepoScoutError } from '../errors';
import { runGit, type GitResult, type GitRunOptions } from '../git/run';
import type { DiffSummary } from '../protocol/orchestrate';

/** Where attempts' worktrees and logs live: beside the database, never inside the user's checkout. */
export function orchestrateDirs(dbPath: string): { worktrees: string; logs: string } {
  const root = path.join(path.dirname(dbPath), 'orchestrate');
  return { worktrees: path.join(root, 'worktrees'), logs: path.join(root, 'logs') };
}

// git locks shared files of a repository (packed-refs, a ref being changed) while it changes
// them, and a second git that finds the lock fails instead of waiting; a git that lists the
// worktrees while another is registering one fails on its half-written record ("failed to read
// .git/worktrees/…/commondir"). Per repository, this process therefore changes worktrees and
// branches one at a time. Filling a registered worktree with files (the checkout, the slow part
// on a large repository) touches only that worktree, so those run side by side: up to one per
// core, first come first served, so the worktrees of the first attempts to get a slot are ready first.
const lanes = new Map<string, Promise<unknown>>();
function serialized<T>(repoRoot: string, work: () => Promise<T>): Promise<T> {
  const run = (lanes.get(repoRoot) ?? Promise.resolve()).then(work);
  lanes.set(repoRoot, run.catch(() => undefined));
  return run;
}
const checkouts = new Map<string, BulkheadPolicy>();
const checkoutSlots = (repoRoot: string): BulkheadPolicy => {
  let slots = checkouts.get(repoRoot);
  if (!slots) checkouts.set(repoRoot, (slots = bulkhead(Math.max(1, os.availableParallelism()), Number.MAX_SAFE_INTEGER)));
  return slots;
};

/**
 * runGit, tried again a few times when another git (the user's, in a terminal) holds a lock
 * of the repository: git fails at once with "Unable to create '….lock': File exists" rather
 * than wait.
 */
async function gitPatiently(cwd: string, args: string[], options: GitRunOptions = {}): Promise<GitResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runGit(cwd, args, options);
    } catch (error) {
      if (attempt >= 4 || !/\.lock'?: File exists/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 50));
    }
  }
}

/**
 * Creates a worktree at `dir` on branch `branch` starting at `baseCommit` (a branch left by an
 * earlier attempt is reset to it). Only the repository's git folder (refs, worktree metadata)
 * changes; its working tree is not touched.
 */
export async function createWorktree(repoRoot: string, baseCommit: string, branch: string, dir: string): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // Registered without files (quick; one at a time), then filled by a forced checkout of its
    // branch in the worktree itself, like `git worktree add` does (its post-checkout hook runs).
    await serialized(repoRoot, () => gitPatiently(repoRoot, ['worktree', 'add', '--quiet', '--no-checkout', '--no-track', '-B', branch, dir, baseCommit]));
    // checkout.workers=0: git writes the files with one worker per core (parallel checkout,
    // git 2.32+; older versions ignore the setting), which matters on large checkouts.
    await checkoutSlots(repoRoot).execute(() => runGit(dir, ['-c', 'checkout.workers=0', 'checkout', '--quiet', '--force', '--ignore-other-worktrees', branch]));
  } catch (error) {
    throw new RepoScoutError('WORKTREE_FAILED', `Could not create a worktree for ${branch} at ${dir} (${(error as Error).message}); check that the branch does not exist yet (cleaning up old jobs removes their branches) and that the folder is writable.`, { cause: error });
  }
}

/**
 * Copies files named by the repository's `.worktreeinclude` (gitignore syntax) that git
 * ignores, such as `.env`, from the user's checkout into the new worktree. Read-only on the
 * checkout. Returns the copied paths.
 */
export async function copyWorktreeIncludes(repoRoot: string, dir: string): Promise<string[]> {
  const includeFile = path.join(repoRoot, '.worktreeinclude');
  if (!fs.existsSync(includeFile)) return [];
  const listed = await lsFiles(repoRoot, ['--others', '--ignored', `--exclude-from=${includeFile}`]);
  const ignored = new Set(await lsFiles(repoRoot, ['--others', '--ignored', '--exclude-standard']));
  const copied: string[] = [];
  for (const file of listed) {
    if (!ignored.has(file)) continue; // tracked or not ignored: the worktree has its own copy
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), target);
    copied.push(file);
  }
  return copied;
}

async function lsFiles(cwd: string, args: string[]): Promise<string[]> {
  const out = await runGit(cwd, ['-c', 'core.quotepath=off', 'ls-files', '-z', ...args]);
  return out.stdout.toString('utf8').split('\0').filter((f) => f !== '');
}

// Whether a repository has a committer identity, per repository (one git call per job, not per attempt).
const hasIdentity = new Map<string, Promise<boolean>>();

/** Commits everything the worker left in `dir` (if anything); returns the branch tip. */
export async function commitAll(repoRoot: string, dir: string, message: string): Promise<string> {
  let known = hasIdentity.get(repoRoot);
  if (!known) {
    known = runGit(repoRoot, ['config', 'user.email'], { okExitCodes: [1] }).then((r) => r.stdout.toString('utf8').trim() !== '');
    hasIdentity.set(repoRoot, known);
  }
  const identity = (await known) ? [] : ['-c', 'user.name=RepoScout', '-c', 'user.email=reposcout@localhost'];
  await runGit(dir, ['add', '-A']);
  // Exit 1 with nothing staged: the worker changed nothing (or committed it all itself).
  await runGit(dir, [...identity, 'commit', '--quiet', '--no-verify', '-m', message], { okExitCodes: [1] });
  return (await runGit(dir, ['rev-parse', 'HEAD'])).stdout.toString('utf8').trim();
}

/** Files changed between `baseCommit` and `tip`, with line counts (binary files count 0). */
export async function diffSummary(cwd: string, baseCommit: string, tip: string): Promise<DiffSummary> {
  const out = (await runGit(cwd, ['-c', 'core.quotepath=off', 'diff', '--numstat', '-z', '--no-renames', baseCommit, tip])).stdout.toString('utf8');
  const files = out
    .split('\0')
    .filter((l) => l !== '')
    .map((line) => {
      const [ins = '0', del = '0', ...rest] = line.split('\t');
      return { path: rest.join('\t'), insertions: Number(ins) || 0, deletions: Number(del) || 0 };
    });
  return { files, insertions: files.reduce((a, f) => a + f.insertions, 0), deletions: files.reduce((a, f) => a + f.deletions, 0) };
}

/** True when the worktree holds changes that are not committed (ignored files aside). */
export async function hasUncommitted(dir: string): Promise<boolean> {
  const out = await runGit(dir, ['status', '--porcelain', '--untracked-files=all']);
  return out.stdout.length > 0;
}

/** True when the branch's commits are all reachable from some ref that is not one of ours. */
export async function isMerged(repoRoot: string, branch: string, baseCommit: string): Promise<boolean> {
  const tip = await runGit(repoRoot, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { okExitCodes: [1] });
  if (tip.exitCode !== 0) return true; // no branch, nothing to lose
  const sha = tip.stdout.toString('utf8').trim();
  if (sha === baseCommit) return true;
  const containing = (await runGit(repoRoot, ['for-each-ref', '--contains', sha, '--format=%(refname)', 'refs/heads', 'refs/remotes', 'refs/tags'])).stdout.toString('utf8');
  return containing.split('\n').some((ref) => ref !== '' && !ref.startsWith('refs/heads/reposcout/'));
}

/**
 * Removes a worktree folder of ours and its registration; `force` also drops uncommitted
 * changes. Only `dir` is touched: never `git worktree prune`, which would also drop the records
 * of the user's own worktrees whose folders are missing at that moment (a removable disk not
 * mounted, a folder moved for a while). git removes the record of a registered worktree whose
 * folder is already gone by its path too.
 */
export async function removeWorktree(repoRoot: string, dir: string, force: boolean): Promise<void> {
  const remove = () => serialized(repoRoot, () => gitPatiently(repoRoot, ['worktree', 'remove', ...(force ? ['--force', '--force'] : []), dir]));
  // git names no worktree at `dir`: its record is gone already (or never was).
  const unknown = (error: unknown) => /is not a working tree/.test((error as Error).message);
  try {
    await remove();
  } catch (error) {
    if (unknown(error)) {
      if (force) fs.rmSync(dir, { recursive: true, force: true });
      else if (fs.existsSync(dir)) throw error;
      return;
    }
    if (!force || !fs.existsSync(dir)) throw error;
    // git would not remove it (a file it cannot delete, a broken .git file): delete the folder, then its record.
    fs.rmSync(dir, { recursive: true, force: true });
    await remove().catch((again: unknown) => {
      if (!unknown(again)) throw again;
    });
  }
}

export async function deleteBranch(repoRoot: string, branch: string): Promise<void> {
  await serialized(repoRoot, () => gitPatiently(repoRoot, ['branch', '--quiet', '-D', branch], { okExitCodes: [1] }));
}

/**
 * Drops an attempt's branch, or, when `keep` names a commit (work of an earlier attempt that
 * stopped for input), moves it back there so that work survives a failed continuation.
 */
export async function dropBranch(repoRoot: string, branch: string, keep: string | null): Promise<void> {
  if (keep === null) return deleteBranch(repoRoot, branch);
  // Already there (the attempt never moved it): nothing to do, and a branch another worktree
  // has checked out could not be moved anyway.
  const tip = await runGit(repoRoot, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { okExitCodes: [1] });
  if (tip.stdout.toString('utf8').trim() === keep) return;
  await serialized(repoRoot, () => gitPatiently(repoRoot, ['branch', '--quiet', '--force', '--no-track', branch, keep]));
}

/** Our branches in the repository (refs/heads/reposcout/...). */
export async function ourBranches(repoRoot: string, jobId?: string): Promise<string[]> {
  const prefix = jobId ? `refs/heads/reposcout/${jobId}/` : 'refs/heads/reposcout/';
  const out = (await runGit(repoRoot, ['for-each-ref', '--format=%(refname)', prefix])).stdout.toString('utf8');
  return out.split('\n').filter((r) => r !== '').map((r) => r.slice('refs/heads/'.length));
}
