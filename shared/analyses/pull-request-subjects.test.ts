import { describe, expect, it } from 'vitest';
import { parsePullRequestSubject } from './pull-request-subjects';

describe('parsePullRequestSubject', () => {
  it.each([
    ['Merge pull request #123 from octo/feature-x', 2, { number: 123, source: 'merge', headRef: 'octo/feature-x' }],
    ['Add caching layer (#456)', 1, { number: 456, source: 'squash', title: 'Add caching layer', headRef: null }],
    ['fix: handle é in paths (#7)  ', 1, { number: 7, source: 'squash', title: 'fix: handle é in paths' }],
  ] as const)('%s', (subject, parents, expected) => {
    expect(parsePullRequestSubject(subject, parents)).toMatchObject(expected);
  });

  it.each([
    ['Merge pull request #12 from a/b', 1, 'a merge subject on a non-merge commit'],
    ['Merge branch main into feature (#3)', 2, 'a squash suffix on a merge commit'],
    ['Revert "Add caching layer (#456)"', 1, 'a revert'],
    ['Refs (#12) in the middle', 1, 'a reference not at the end'],
    ['(#12)', 1, 'a bare number'],
    ['Merge pull request #abc from x/y', 2, 'a non-numeric number'],
    ['Bump (#99999999999)', 1, 'an absurdly long number'],
  ] as [string, number, string][])('ignores %s (%s)', (subject, parents) => {
    expect(parsePullRequestSubject(subject, parents)).toBeNull();
  });
});
