import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, NOW, type IngestedFixture } from '../../test/helpers/analysis-fixture';
import { alice, bob, TestRepo } from '../../test/helpers/git-fixture';
import { hotspots } from './hotspots';

const lines = (n: number, tag = 'l') => Array.from({ length: n }, (_, i) => `${tag}${i}\n`).join('');

// Now is 2024-06-05 12:00 UTC; the 12-month window starts 2023-06-05 12:00 UTC.
describe('hotspots', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  beforeAll(async () => {
    repo = TestRepo.create();
    repo.write('old.c', lines(10)).commit('old work', alice, '2023-01-10T12:00:00Z'); // +10, before the window
    repo.write('src/a.ts', lines(4)).write('docs/x.md', 'x\n').write('docs/a.md', 'a\n').commit('start', alice, '2024-05-06T12:00:00Z');
    repo.write('src/a.ts', `${lines(2)}${lines(2, 'changed')}`).write('src/b.ts', lines(3)).commit('rework', bob, '2024-05-08T12:00:00Z'); // a.ts +2 -2
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('src/b.ts', lines(4)).commit('one more line', bob, '2024-05-09T12:00:00Z'); // b.ts +1
    repo.git('checkout', '-q', 'main');
    // The merge's diff (b.ts +1 against the first parent) is the branch's work, already counted.
    repo.merge('feature', 'Merge branch feature', alice, '2024-05-10T12:00:00Z');
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('ranks the window by churn, then commits, then path, from non-merge commits', () => {
    expect(hotspots(fx.ctx)).toEqual([
      { path: 'src/a.ts', additions: 6, deletions: 2, churn: 8, commits: 2, authors: 2 },
      { path: 'src/b.ts', additions: 4, deletions: 0, churn: 4, commits: 2, authors: 1 },
      { path: 'docs/a.md', additions: 1, deletions: 0, churn: 1, commits: 1, authors: 1 },
      { path: 'docs/x.md', additions: 1, deletions: 0, churn: 1, commits: 1, authors: 1 },
    ]);
  });

  it('keeps the top `limit`', () => {
    expect(hotspots(fx.ctx, 2).map((h) => h.path)).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it('falls back to all history when nothing changed in the window', () => {
    const emptyWindow = { ...fx.ctx, windowStart: NOW + 1 };
    expect(hotspots(emptyWindow, 2)).toEqual([
      { path: 'old.c', additions: 10, deletions: 0, churn: 10, commits: 1, authors: 1 },
      { path: 'src/a.ts', additions: 6, deletions: 2, churn: 8, commits: 2, authors: 2 },
    ]);
  });
});
