import { describe, expect, it } from 'vitest';
import { busFactor } from './bus-factor';

const a = (email: string, commits: number) => ({ name: email.split('@')[0]!, email, commits });

describe('busFactor', () => {
  it.each([
    { name: 'nobody', authors: [], factor: 0 },
    { name: 'authors with zero commits only', authors: [a('x@e', 0)], factor: 0 },
    { name: 'one author', authors: [a('x@e', 10)], factor: 1 },
    { name: 'one dominant author', authors: [a('x@e', 60), a('y@e', 20), a('z@e', 20)], factor: 1 },
    { name: 'exactly half counts as covered', authors: [a('x@e', 50), a('y@e', 25), a('z@e', 25)], factor: 1 },
    { name: 'two needed', authors: [a('x@e', 40), a('y@e', 30), a('z@e', 30)], factor: 2 },
    { name: 'even spread of 10', authors: Array.from({ length: 10 }, (_, i) => a(`p${i}@e`, 5)), factor: 5 },
  ])('$name → $factor', ({ authors, factor }) => {
    expect(busFactor(authors).factor).toBe(factor);
  });

  it('lists the people in order with their share, deterministic on ties', () => {
    const result = busFactor([a('b@e', 10), a('a@e', 10), a('c@e', 5)]);
    expect(result.commits).toBe(25);
    expect(result.people.map((p) => p.email)).toEqual(['a@e', 'b@e']);
    expect(result.people[0]!.share).toBeCloseTo(0.4);
  });
});
