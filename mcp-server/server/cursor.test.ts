import { describe, expect, it } from 'vitest';
import { isRepoScoutError } from '../../shared/errors';
import { comparePositions, decodeCursor, encodeCursor, pageOf } from './cursor';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `k${i}`, score: i % 3 }));
const position = (item: { id: string; score: number }) => [-item.score, item.id];
const sorted = [...items].sort((a, b) => comparePositions(position(a), position(b)));

describe('cursors: behaviour', () => {
  it('round-trips a position for the same tool and query', () => {
    const cursor = encodeCursor('t', { a: 1 }, [-2, 'k5']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('t', { a: 1 }, cursor)).toEqual([-2, 'k5']);
  });

  it.each([1, 2, 3, 7, 10])('pages through everything exactly once with limit %i', (limit) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i += 1) {
      const { page, nextCursor } = pageOf(sorted, position, { tool: 't', query: {}, cursor, limit });
      seen.push(...page.map((p) => p.id));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen).toEqual(sorted.map((s) => s.id));
  });

  it('continues after the last item even when it has since disappeared', () => {
    const first = pageOf(sorted, position, { tool: 't', query: {}, cursor: undefined, limit: 2 });
    const withoutSecond = sorted.filter((s) => s.id !== first.page[1]?.id);
    const next = pageOf(withoutSecond, position, { tool: 't', query: {}, cursor: first.nextCursor!, limit: 2 });
    expect(next.page[0]).toEqual(sorted[2]);
  });

  it('compares numbers numerically, strings by code unit, null first', () => {
    expect(comparePositions([2], [10])).toBeLessThan(0);
    expect(comparePositions(['b'], ['a'])).toBeGreaterThan(0);
    expect(comparePositions([null], [0])).toBeLessThan(0);
    expect(comparePositions([1, 'a'], [1, 'a'])).toBe(0);
  });
});

describe('cursors: bad input', () => {
  it.each(['', 'garbage', '!!!', Buffer.from('{"t":"t"}').toString('base64url'), Buffer.from('{"t":"t","q":"x","after":[{}]}').toString('base64url'), Buffer.from('[]').toString('base64url')])(
    'refuses %j as INVALID_INPUT',
    (cursor) => {
      try {
        decodeCursor('t', {}, cursor);
        expect.unreachable();
      } catch (error) {
        expect(isRepoScoutError(error, 'INVALID_INPUT')).toBe(true);
        expect((error as Error).message).toMatch(/leave cursor out/);
      }
    },
  );

  it('refuses a cursor from another tool or another query', () => {
    const cursor = encodeCursor('t', { a: 1 }, [1]);
    expect(() => decodeCursor('other', { a: 1 }, cursor)).toThrow(/different query/);
    expect(() => decodeCursor('t', { a: 2 }, cursor)).toThrow(/different query/);
  });
});
