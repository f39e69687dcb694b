import { describe, expect, it } from 'vitest';
import { formatBytes, formatDay, formatDecimal, formatInteger, formatLineChange, formatPercent, plural, shortSha } from './format';

describe('format', () => {
  it.each([
    [formatInteger(1234567.4), '1,234,567'],
    [formatDecimal(12.345), '12.3'],
    [formatPercent(0.456), '46%'],
    [formatDay('2025-06-02T12:00:00Z'), '2025-06-02'],
    [formatDay(null), '—'],
    [formatLineChange(1200, 3), '+1,200 / −3'],
    [formatBytes(512), '512 B'],
    [formatBytes(2048), '2.0 KB'],
    [formatBytes(3 * 1024 * 1024), '3.0 MB'],
    [shortSha('0123456789abcdef'), '0123456'],
    [plural(1, 'commit'), '1 commit'],
    [plural(2, 'commit'), '2 commits'],
    [plural(2, 'person', 'people'), '2 people'],
  ])('gives %j', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
