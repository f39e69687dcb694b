import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestedFixture } from '../../test/helpers/analysis-fixture';
import { alice, bob, dependabot, TestRepo } from '../../test/helpers/git-fixture';
import { contributors } from './contributors';

// Now is 2024-06-05 12:00 UTC; the 12-month window starts 2023-06-05 12:00 UTC.
describe('contributors', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  beforeAll(async () => {
    repo = TestRepo.create();
    repo.write('a.txt', '1\n2\n3\n').commit('start', alice, '2023-01-10T12:00:00Z'); // +3, before the window
    repo.write('a.txt', '1\nX\n3\n').write('b.txt', 'b1\nb2\n').commit('edit', alice, '2024-05-06T12:00:00Z'); // +3 -1
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('c.txt', 'c1\nc2\nc3\nc4\nc5\n').commit('five lines', bob, '2024-05-08T12:00:00Z'); // +5
    repo.git('checkout', '-q', 'main');
    repo.write('b.txt', 'b1\nB2\n').commit('bump', dependabot, '2024-05-09T12:00:00Z'); // +1 -1
    // The merge brings c.txt's 5 lines again (its diff against the first parent): not counted twice.
    repo.merge('feature', 'Merge branch feature', alice, '2024-05-21T12:00:00Z');
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('totals each human from non-merge commits, most commits first', () => {
    const { humans } = contributors(fx.ctx);
    expect(humans).toEqual([
      {
        name: alice.name,
        email: alice.email,
        isBot: false,
        commits: 2,
        merges: 1,
        additions: 6,
        deletions: 1,
        firstCommitAt: '2023-01-10T12:00:00Z',
        lastCommitAt: '2024-05-21T12:00:00Z', // the merge counts as activity
        activeWeeks: 3, // weeks of 2023-01-09, 2024-05-06 and 2024-05-20 (the merge's)
        commitsInWindow: 1,
      },
      {
        name: bob.name,
        email: bob.email,
        isBot: false,
        commits: 1,
        merges: 0,
        additions: 5,
        deletions: 0,
        firstCommitAt: '2024-05-08T12:00:00Z',
        lastCommitAt: '2024-05-08T12:00:00Z',
        activeWeeks: 1,
        commitsInWindow: 1,
      },
    ]);
  });

  it('keeps bots apart', () => {
    const { bots } = contributors(fx.ctx);
    expect(bots).toHaveLength(1);
    expect(bots[0]).toMatchObject({ email: dependabot.email, isBot: true, commits: 1, additions: 1, deletions: 1, commitsInWindow: 1 });
  });

  it('counts only commits from the window start on as in the window', () => {
    // A window starting after Alice's edit leaves her no commit in it, and Bob his one.
    const later = contributors({ ...fx.ctx, windowStart: Date.UTC(2024, 4, 7) / 1000 });
    expect(later.humans.map((c) => [c.email, c.commitsInWindow])).toEqual([
      [alice.email, 0],
      [bob.email, 1],
    ]);
  });
});
