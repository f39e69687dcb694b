import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestedFixture } from '../../test/helpers/analysis-fixture';
import { alice, bob, TestRepo } from '../../test/helpers/git-fixture';
import { activity } from './activity';

// Now is Wednesday 2024-06-05 12:00 UTC; the 12-month window starts 2023-06-05 12:00 UTC.
// Weeks start on Monday.

describe('activity of a repository active in the window', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  beforeAll(async () => {
    repo = TestRepo.create();
    repo.write('a.txt', '1\n').commit('start', alice, '2023-01-10T12:00:00Z'); // before the window
    repo.write('a.txt', '2\n').commit('two', alice, '2024-05-06T12:00:00Z'); // Monday, week of 05-06
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('b.txt', 'b\n').commit('branch work', bob, '2024-05-08T12:00:00Z'); // same week, another author
    repo.git('checkout', '-q', 'main');
    repo.write('a.txt', '3\n').commit('three', alice, '2024-05-20T12:00:00Z'); // week of 05-20
    repo.merge('feature', 'Merge branch feature', alice, '2024-05-21T12:00:00Z');
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('counts commits and merges apart, and dates the first and last', () => {
    const a = activity(fx.ctx);
    expect(a).toMatchObject({
      totalCommits: 4,
      totalMerges: 1,
      firstCommitAt: '2023-01-10T12:00:00Z',
      lastCommitAt: '2024-05-21T12:00:00Z', // the merge is the last commit
      daysSinceLastCommit: 15,
      commitsLast90Days: 3, // since 2024-03-07 12:00: two, branch work, three (merges excluded)
      activeWeeksLast26: 2, // weeks of 05-06 and 05-20
    });
  });

  it('draws 52 zero-filled Monday weeks ending with the week of now', () => {
    const { weeks } = activity(fx.ctx);
    // round(366 days / 7) = 52 weeks: 2023-06-12 … 2024-06-03.
    expect(weeks).toHaveLength(52);
    expect(weeks[0]!.week).toBe('2023-06-12');
    expect(weeks.at(-1)!.week).toBe('2024-06-03');
    expect(weeks.filter((w) => w.commits > 0)).toEqual([
      { week: '2024-05-06', commits: 2, authors: 2 },
      { week: '2024-05-20', commits: 1, authors: 1 },
    ]);
  });
});

describe('activity of a repository silent during the window', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  beforeAll(async () => {
    repo = TestRepo.create();
    repo.write('a.txt', '1\n').commit('one', alice, '2022-03-01T12:00:00Z'); // Tuesday, week of 02-28
    repo.write('a.txt', '2\n').commit('two', bob, '2022-03-15T12:00:00Z'); // week of 03-14
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('ends the series at the last commit instead of now, and counts nothing recent', () => {
    const a = activity(fx.ctx);
    expect(a.weeks).toEqual([
      { week: '2022-02-28', commits: 1, authors: 1 },
      { week: '2022-03-07', commits: 0, authors: 0 },
      { week: '2022-03-14', commits: 1, authors: 1 },
    ]);
    // 2022-03-15 → 2024-06-05: 365 + 366 (2024 is a leap year) + 82 days.
    expect(a.daysSinceLastCommit).toBe(813);
    expect(a.commitsLast90Days).toBe(0);
    expect(a.activeWeeksLast26).toBe(0);
  });
});
