import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { branches, strayWorktrees, worldPerTest } from './support';

const newWorld = worldPerTest({ workers: false, worktrees: false });

describe('clean', () => {
  it('keeps unmerged branches and dirty worktrees unless forced; deletes merged branches', async () => {
    const w = newWorld();
    const { job, done } = await w.engine.start(w.input({ task: 'x [[fake edit-scope]]', split: { by: 'list', items: ['merged', 'unmerged'] } }));
    await done;
    const [merged, unmerged] = w.engine.get(job.id).subtasks.map((s) => s.branch) as [string, string];
    w.repo.git('merge', '-q', '--ff-only', merged);
    // A worktree someone left with uncommitted work (e.g. kept for inspection).
    const dirty = path.join(path.dirname(w.dbPath), 'orchestrate', 'worktrees', job.id, 'manual');
    w.repo.git('worktree', 'add', '-q', '-b', `reposcout/${job.id}/manual`, dirty, 'HEAD');
    fs.writeFileSync(path.join(dirty, 'wip.txt'), 'work in progress');

    const first = await w.engine.clean(job.id, false);
    expect(first.deletedBranches).toEqual([merged]);
    expect(first.kept.map((k) => k.what).sort()).toEqual([dirty, `reposcout/${job.id}/manual`, unmerged].sort());
    expect(first.kept.find((k) => k.what === unmerged)!.reason).toMatch(/not merged .*--force/);
    expect(strayWorktrees(w.repo)).toHaveLength(1);

    const forced = await w.engine.clean(job.id, true);
    expect(forced.removedWorktrees).toEqual([dirty]);
    expect(forced.deletedBranches.sort()).toEqual([`reposcout/${job.id}/manual`, unmerged].sort());
    expect(strayWorktrees(w.repo)).toEqual([]);
    expect(branches(w.repo)).toEqual([]);
  });
});
