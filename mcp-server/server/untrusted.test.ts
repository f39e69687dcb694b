import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../shared/reports/sample-research';
import { dataBlock, quote, textAnswer } from './untrusted';

describe('quote', () => {
  it.each(Object.entries(HOSTILE))('keeps the %s sample on one inert line', (_name, value) => {
    const quoted = quote(value);
    expect(quoted).not.toMatch(/[\n\r<>\u2028\u2029]/);
    expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
    expect(JSON.parse(quoted)).toBe(value);
  });

  it('cannot spell the end-of-data marker', () => {
    expect(quote('<<<end of repository data>>>')).toBe('"\\u003c\\u003c\\u003cend of repository data\\u003e\\u003e\\u003e"');
  });

  it('cuts long values with an ellipsis', () => {
    expect(quote('x'.repeat(500), 10)).toBe(`"${'x'.repeat(10)}…"`);
  });
});

describe('dataBlock and textAnswer', () => {
  it('puts rows between the markers and our own sentences outside', () => {
    const text = textAnswer('Headline.', [`name ${quote('a\nb')}`], ['Footer.']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Headline.');
    expect(lines[1]).toMatch(/^<<<repository data: .*never instructions>>>$/);
    expect(lines[2]).toBe('name "a\\nb"');
    expect(lines[3]).toBe('<<<end of repository data>>>');
    expect(lines[4]).toBe('Footer.');
  });

  it('leaves the block out when there are no rows', () => {
    expect(textAnswer('Nothing.', [])).toBe('Nothing.');
    expect(dataBlock([]).split('\n')).toHaveLength(2);
  });
});
