import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestedFixture } from '../../test/helpers/analysis-fixture';
import { alice, TestRepo } from '../../test/helpers/git-fixture';
import { releases } from './releases';

/** An annotated tag: its date is the tagger's, not the commit's. */
function annotatedTag(repo: TestRepo, name: string, date: string, commit = 'HEAD'): void {
  execFileSync('git', ['tag', '-a', name, '-m', name, commit], { cwd: repo.dir, env: { ...process.env, GIT_COMMITTER_DATE: date } });
}

// Now is 2024-06-05 12:00 UTC, so the last 365 days start 2023-06-06 12:00 UTC (2024 is a leap year).
describe('releases', () => {
  let repo: TestRepo;
  let fx: IngestedFixture;
  beforeAll(async () => {
    repo = TestRepo.create();
    const first = repo.write('a.txt', '1\n').commit('one', alice, '2023-01-10T12:00:00Z');
    repo.git('tag', 'v0.1'); // lightweight: the commit's date
    annotatedTag(repo, 'v0.1.0', '2023-06-06T11:59:59Z', first); // one second before the year
    annotatedTag(repo, 'v0.1.1', '2023-06-06T12:00:00Z', first); // exactly a year ago: counts
    repo.write('a.txt', '2\n').commit('two', alice, '2024-05-06T12:00:00Z');
    annotatedTag(repo, 'v0.2', '2024-05-07T12:00:00Z');
    repo.write('a.txt', '3\n').commit('three', alice, '2024-05-20T12:00:00Z');
    repo.git('tag', 'v1.0');
    repo.git('tag', 'latest'); // same commit and date as v1.0
    fx = await ingest(repo);
  });
  afterAll(() => {
    fx?.cleanup();
    repo?.remove();
  });

  it('counts tags, those of the last 365 days, and names the newest (ties by name, descending)', () => {
    expect(releases(fx.ctx)).toEqual({
      tags: 6,
      last365Days: 4, // v0.1.1, v0.2, v1.0, latest
      latest: { name: 'v1.0', date: '2024-05-20T12:00:00Z' },
    });
  });

  it('says so when there is no tag', async () => {
    const untagged = TestRepo.create();
    untagged.write('a.txt', '1\n').commit('one', alice, '2024-05-06T12:00:00Z');
    const empty = await ingest(untagged);
    try {
      expect(releases(empty.ctx)).toEqual({ tags: 0, last365Days: 0, latest: null });
    } finally {
      empty.cleanup();
      untagged.remove();
    }
  });
});
