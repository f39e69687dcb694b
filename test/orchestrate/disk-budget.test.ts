import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskUsage, parseDiskSize, worktreeDiskFromEnv } from '../../shared/orchestrate/disk-budget';
import { tempDir, type TestRepo } from '../helpers/git-fixture';
import { branches, packagesRepo, strayWorktrees, type World, worldPerTest } from './support';

const newWorld = worldPerTest({ workers: false, worktrees: true });

/** What one worktree of the repository takes on disk, with the fake worker's one-line edit. */
function oneWorktree(repo: TestRepo): number {
  const dir = path.join(tempDir(), 'probe');
  repo.git('worktree', 'add', '-q', '--detach', dir, 'HEAD');
  fs.writeFileSync(path.join(dir, 'a.txt'), 'edited by the fake worker\n');
  const bytes = diskUsage(dir);
  repo.git('worktree', 'remove', '--force', dir);
  return bytes;
}

const keptDirs = (world: World) => strayWorktrees(world.repo).map((d) => path.basename(d)).sort();

describe('disk budget for the worktrees of succeeded attempts', () => {
  it('keeps them while they fit; beyond the budget removes the oldest first and keeps every branch', async () => {
    const repo = packagesRepo();
    const w = newWorld({ repo, maxWorktreeDiskBytes: Math.floor(oneWorktree(repo) * 2.5) });
    // One slot: the workers run one after another.
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake edit=a.txt]]', split: { by: 'list', items: ['a', 'b', 'c'] }, concurrency: 1 }));
    await done;
    const record = w.engine.get(job.id);
    expect(record.state).toBe('succeeded');
    // Attempts are recorded as finished after their slot is free, so a loaded machine may
    // finish b's record before a's: the first recorded is the one removed.
    const byFinish = record.subtasks.map((s) => [s.key, s.attempts[0]!.finishedAt!] as const).sort((x, y) => x[1].localeCompare(y[1]));
    expect(keptDirs(w)).toEqual(byFinish.slice(1).map(([key]) => `${key}-1`).sort());
    expect(branches(w.repo).sort()).toEqual(['a', 'b', 'c'].map((k) => `reposcout/${job.id}/${k}`));
    // A kept worktree is a checkout of the attempt's branch, to look at and run in place.
    const kept = strayWorktrees(w.repo).find((d) => d.endsWith(`${byFinish[2]![0]}-1`))!;
    expect(fs.readFileSync(path.join(kept, 'a.txt'), 'utf8')).toBe('edited by the fake worker\n');
    expect((await w.engine.clean(job.id, false, 0)).removedWorktrees).toHaveLength(2);
    expect(branches(w.repo)).toHaveLength(3);
  });

  it('never removes one with uncommitted changes or commits only it holds without --force', async () => {
    const w = newWorld({ maxWorktreeDiskBytes: 1024 ** 4 });
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake edit=a.txt]]', split: { by: 'list', items: ['a', 'b', 'c', 'd'] }, concurrency: 1 }));
    await done;
    expect(keptDirs(w)).toEqual(['a-1', 'b-1', 'c-1', 'd-1']);
    const dir = (key: string) => strayWorktrees(w.repo).find((d) => d.endsWith(`${key}-1`))!;
    fs.writeFileSync(path.join(dir('a'), 'wip.txt'), 'not committed');
    // b: a commit on a detached HEAD, which its branch does not have.
    w.repo.git('-C', dir('b'), 'checkout', '-q', '--detach');
    fs.writeFileSync(path.join(dir('b'), 'more.txt'), 'committed here only');
    w.repo.git('-C', dir('b'), 'add', 'more.txt');
    w.repo.git('-C', dir('b'), '-c', 'user.name=A', '-c', 'user.email=a@example.com', 'commit', '-qm', 'local');

    const trimmed = await w.engine.clean(undefined, false, 0);
    expect(trimmed.removedWorktrees.map((d) => path.basename(d)).sort()).toEqual(['c-1', 'd-1']);
    expect(trimmed.kept).toEqual([
      { what: dir('a'), reason: 'uncommitted changes (pass --force to remove it)' },
      { what: dir('b'), reason: `commits that are not on reposcout/${job.id}/b (pass --force to remove it)` },
    ]);
    expect(keptDirs(w)).toEqual(['a-1', 'b-1']);

    const forced = await w.engine.clean(undefined, true, 0);
    expect(forced.removedWorktrees.map((d) => path.basename(d)).sort()).toEqual(['a-1', 'b-1']);
    expect(branches(w.repo)).toHaveLength(4);
  });

  it('a budget of 0 (the default) removes each worktree as soon as its work is committed', async () => {
    const w = newWorld();
    const { done } = await w.engine.start(w.input({ task: 'x [[fake edit=a.txt]]', split: { by: 'list', items: ['a', 'b'] } }));
    await done;
    expect(strayWorktrees(w.repo)).toEqual([]);
    expect(branches(w.repo)).toHaveLength(2);
  });
});

it('reads sizes as powers of 1024 and names the setting when one is wrong', () => {
  expect(['0', '12345', '2G', '1.5GB', '750MiB', '64 k'].map((t) => parseDiskSize(t, '--x'))).toEqual([0, 12345, 2 * 1024 ** 3, 1.5 * 1024 ** 3, 750 * 1024 ** 2, 64 * 1024]);
  expect(() => parseDiskSize('-1G', '--x')).toThrow(/--x must be a size like 500M, 2G or 0 \(got "-1G"\)/);
  expect(worktreeDiskFromEnv({ REPOSCOUT_MAX_WORKTREE_DISK: '1M' })).toBe(1024 ** 2);
  expect(worktreeDiskFromEnv({})).toBe(0);
  expect(() => worktreeDiskFromEnv({ REPOSCOUT_MAX_WORKTREE_DISK: 'big' })).toThrow(/REPOSCOUT_MAX_WORKTREE_DISK must be a size/);
});
