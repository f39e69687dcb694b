import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, NOW, type IngestedFixture } from '../../test/helpers/analysis-fixture';
import { alice, bob, TestRepo } from '../../test/helpers/git-fixture';
import { pullRequests } from './pull-requests';

// Now is 2024-06-05 12:00 UTC; the 12-month window starts 2023-06-05 12:00 UTC.
describe('pull requests reconstructed from history', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  const sha: Record<string, string> = {};
  beforeAll(async () => {
    repo = TestRepo.create();
    repo.write('a.txt', '1\n').commit('start', alice, '2023-01-10T12:00:00Z');
    sha.old = repo.write('a.txt', 'fixed\n').commit('Old fix (#5)', alice, '2023-02-01T12:00:00Z'); // squash, before the window
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/p.ts', 'p1\np2\np3\n').commit('add parser', bob, '2024-05-06T12:00:00Z');
    repo.git('checkout', '-q', 'main');
    // GitHub's merge button: the PR's title is the body's first line, its author the branch's.
    sha.merge = repo.merge('feature', 'Merge pull request #12 from bob/feature\n\nAdd the parser', alice, '2024-05-08T12:00:00Z');
    sha.squash = repo.write('src/p.ts', 'p1\nP2\np3\n').write('src/t.ts', 't1\nt2\n').commit('Fix the tokenizer (#13)', bob, '2024-05-10T12:00:00Z');
    sha.direct = repo.write('a.txt', 'tweaked\n').commit('tweak', alice, '2024-05-20T12:00:00Z'); // pushed without a PR
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('counts merge and squash pull requests, all time and in the window', () => {
    const summary = pullRequests(fx.ctx, fx.headSha);
    expect({ total: summary.total, merge: summary.merge, squash: summary.squash, inWindow: summary.inWindow }).toEqual({ total: 3, merge: 1, squash: 2, inWindow: 2 });
  });

  it('shares the first-parent changes of the window that came through a pull request', () => {
    // Main line in the window, from head: tweak (direct), #13 (squash), #12 (merge); "Old fix" is before it.
    expect(pullRequests(fx.ctx, fx.headSha).reviewedShare).toBeCloseTo(2 / 3, 10);
  });

  it('lists the most recent first with their size, author and files by churn', () => {
    expect(pullRequests(fx.ctx, fx.headSha).recent).toEqual([
      {
        number: 13,
        source: 'squash',
        title: 'Fix the tokenizer',
        author: { name: bob.name, email: bob.email },
        mergedAt: '2024-05-10T12:00:00Z',
        sha: sha.squash,
        headRef: null,
        additions: 3,
        deletions: 1,
        filesChanged: 2,
        files: ['src/p.ts', 'src/t.ts'], // churn 2 each: by path
      },
      {
        number: 12,
        source: 'merge',
        title: 'Add the parser',
        author: { name: bob.name, email: bob.email },
        mergedAt: '2024-05-08T12:00:00Z',
        sha: sha.merge,
        headRef: 'bob/feature',
        additions: 3, // the branch's work: the merge's diff against its first parent
        deletions: 0,
        filesChanged: 1,
        files: ['src/p.ts'],
      },
      {
        number: 5,
        source: 'squash',
        title: 'Old fix',
        author: { name: alice.name, email: alice.email },
        mergedAt: '2023-02-01T12:00:00Z',
        sha: sha.old,
        headRef: null,
        additions: 1,
        deletions: 1,
        filesChanged: 1,
        files: ['a.txt'],
      },
    ]);
  });

  it('keeps the `recentLimit` newest', () => {
    expect(pullRequests(fx.ctx, fx.headSha, 2).recent.map((p) => p.number)).toEqual([13, 12]);
  });

  it('has no reviewed share when the window holds no change to the main line', () => {
    const summary = pullRequests({ ...fx.ctx, windowStart: NOW + 1 }, fx.headSha);
    expect(summary.reviewedShare).toBeNull();
    expect(summary.inWindow).toBe(0);
    expect(summary.total).toBe(3);
  });
});
