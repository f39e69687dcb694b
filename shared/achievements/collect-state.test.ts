// The collection plan: what a run must search given what earlier runs stored.
import { describe, expect, it } from 'vitest';
import { addCovered, planSegments } from './collect-state';

const T = (d: string) => `${d}T00:00:00.000Z`;

describe('planSegments', () => {
  it('searches a never-collected window in full', () => {
    expect(planSegments([], T('2025-01-01'), T('2026-01-01'))).toEqual([{ from: T('2025-01-01'), to: T('2026-01-01'), updatedSince: null, after: null }]);
  });

  it('folds the new tail into the updated-since search when the last run reached its own start', () => {
    const covered = [{ from: T('2025-01-01'), to: T('2026-03-01'), asOf: T('2026-03-01') }];
    expect(planSegments(covered, T('2025-01-01'), T('2026-04-01'))).toEqual([{ from: T('2025-01-01'), to: T('2026-04-01'), updatedSince: T('2026-02-28'), after: null }]);
  });

  it('searches in full a tail the last run ended before (its window ended long before it ran)', () => {
    const covered = [{ from: T('2025-01-01'), to: T('2025-06-01'), asOf: T('2026-03-01') }];
    expect(planSegments(covered, T('2025-01-01'), T('2026-04-01'))).toEqual([
      { from: T('2025-01-01'), to: T('2025-06-01'), updatedSince: T('2026-02-28'), after: null },
      { from: T('2025-06-01'), to: T('2026-04-01'), updatedSince: null, after: null },
    ]);
  });

  it('searches gaps in full and covered parts for updates, each moment its own', () => {
    const covered = [
      { from: T('2025-03-01'), to: T('2025-06-01'), asOf: T('2025-07-01') },
      { from: T('2025-09-01'), to: T('2025-10-01'), asOf: T('2025-12-01') },
    ];
    expect(planSegments(covered, T('2025-01-01'), T('2025-10-01')).map((s) => [s.from.slice(0, 10), s.to.slice(0, 10), s.updatedSince?.slice(0, 10) ?? null])).toEqual([
      ['2025-01-01', '2025-03-01', null],
      ['2025-03-01', '2025-06-01', '2025-06-30'],
      ['2025-06-01', '2025-09-01', null],
      ['2025-09-01', '2025-10-01', '2025-11-30'],
    ]);
  });

  it('plans nothing for an empty window', () => {
    expect(planSegments([], T('2026-01-01'), T('2026-01-01'))).toEqual([]);
  });
});

describe('addCovered', () => {
  it('keeps older coverage outside the new window with its own moment and merges neighbours of the same moment', () => {
    const covered = [{ from: T('2025-01-01'), to: T('2025-12-01'), asOf: T('2025-12-01') }];
    expect(addCovered(covered, { from: T('2025-06-01'), to: T('2026-01-01'), asOf: T('2026-01-01') })).toEqual([
      { from: T('2025-01-01'), to: T('2025-06-01'), asOf: T('2025-12-01') },
      { from: T('2025-06-01'), to: T('2026-01-01'), asOf: T('2026-01-01') },
    ]);
    const twice = addCovered(addCovered([], { from: T('2025-01-01'), to: T('2025-02-01'), asOf: T('2026-01-01') }), { from: T('2025-02-01'), to: T('2025-03-01'), asOf: T('2026-01-01') });
    expect(twice).toEqual([{ from: T('2025-01-01'), to: T('2025-03-01'), asOf: T('2026-01-01') }]);
  });
});
