import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
  it.each([
    [[], ''],
    [[0, 0, 0], '▁▁▁'],
    [[0, 1, 7], '▁▂█'],
    [[1, 2, 3, 4, 5, 6, 7], '▂▃▄▅▆▇█'],
    [[5, 5], '██'],
  ])('draws %j as %j', (values, expected) => {
    expect(sparkline(values)).toBe(expected);
  });

  it('keeps only the last maxLength values', () => {
    expect(sparkline([7, 0, 0, 7], 2)).toBe('▁█');
    expect([...sparkline(Array.from({ length: 100 }, (_, i) => i))]).toHaveLength(52);
  });
});
