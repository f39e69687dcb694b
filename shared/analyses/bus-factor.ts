import type { BusFactorResult } from '../research/types';
import { defineAnalysis, earlierResult } from './analysis';

export interface AuthorCommits {
  name: string;
  email: string;
  commits: number;
}

/**
 * CHAOSS contributor absence factor: the fewest authors whose commits together make
 * up at least half of all commits. 0 when there are no commits. Ties are broken by
 * e-mail so the answer is deterministic.
 */
export function busFactor(authors: AuthorCommits[]): BusFactorResult {
  const ranked = authors.filter((a) => a.commits > 0).sort((a, b) => b.commits - a.commits || a.email.localeCompare(b.email));
  const total = ranked.reduce((sum, a) => sum + a.commits, 0);
  const people: BusFactorResult['people'] = [];
  let covered = 0;
  for (const author of ranked) {
    if (covered * 2 >= total) break;
    covered += author.commits;
    people.push({ name: author.name, email: author.email, commits: author.commits, share: author.commits / total });
  }
  return { factor: people.length, commits: total, people };
}

/**
 * Bus factor in the window and all time, over the human contributors. A person is told
 * apart by GitHub login when there is one, by e-mail otherwise (local clones).
 */
export const busFactorAnalysis = defineAnalysis({
  name: 'busFactor',
  publish: (b) => b,
  needs: 'earlier',
  fromEarlier: (earlier) => {
    const { humans } = earlierResult(earlier, 'contributors');
    const as = (c: (typeof humans)[number], commits: number): AuthorCommits => ({ name: c.name, email: c.login ?? c.email, commits });
    return {
      windowMonths: earlier.options.windowMonths,
      window: busFactor(humans.map((c) => as(c, c.commitsInWindow))),
      allTime: busFactor(humans.map((c) => as(c, c.commits))),
    };
  },
});
