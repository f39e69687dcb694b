import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alice, TestRepo, tempDir } from '../helpers/git-fixture';
import { createWorktree, deleteBranch, ourBranches, removeWorktree } from '../../shared/orchestrate/worktrees';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanups.splice(0)) fn();
});

describe('worktrees of one repository made side by side', () => {
  it('sixteen worktrees created at once while branches are deleted: every one is made, checked out, with the post-checkout hook run; then nothing is left', async () => {
    const repo = TestRepo.create();
    cleanups.push(() => repo.remove());
    for (let i = 0; i < 30; i++) repo.write(`src/f${i}.js`, `export const v = ${i};\n`);
    const base = repo.commit('initial', alice, '2026-01-01T00:00:00Z').trim();
    const root = tempDir('reposcout-wt-');
    // The user's post-checkout hook runs in each new worktree, as with a plain "git worktree add".
    fs.writeFileSync(path.join(repo.dir, '.git', 'hooks', 'post-checkout'), '#!/bin/sh\necho "$3" > hook-ran\n', { mode: 0o755 });
    // Old branches, packed (deleting a packed ref rewrites packed-refs under its lock).
    for (let i = 0; i < 8; i++) repo.git('branch', `reposcout/old/s${i}`, base);
    repo.git('pack-refs', '--all');
    const dirs = Array.from({ length: 16 }, (_, i) => path.join(root, `s${i}-1`));
    await Promise.all([
      ...dirs.map((dir, i) => createWorktree(repo.dir, base, `reposcout/jtest/s${i}`, dir)),
      ...Array.from({ length: 8 }, (_, i) => deleteBranch(repo.dir, `reposcout/old/s${i}`)),
    ]);
    const listed = repo.git('worktree', 'list', '--porcelain');
    for (const dir of dirs) {
      expect(listed).toContain(`worktree ${dir}\n`);
      expect(fs.readFileSync(path.join(dir, 'src', 'f29.js'), 'utf8')).toBe('export const v = 29;\n');
      expect(fs.readFileSync(path.join(dir, 'hook-ran'), 'utf8')).toBe('1\n');
      fs.rmSync(path.join(dir, 'hook-ran'));
      expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe('');
    }
    expect(await ourBranches(repo.dir, 'jtest')).toHaveLength(16);
    expect(await ourBranches(repo.dir, 'old')).toEqual([]);
    await Promise.all(dirs.map((dir, i) => removeWorktree(repo.dir, dir, true).then(() => deleteBranch(repo.dir, `reposcout/jtest/s${i}`))));
    expect(repo.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(await ourBranches(repo.dir)).toEqual([]);
  });
});
