import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell, escapeMarkdownText } from './markdown-escape';

describe('escapeMarkdownText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['# heading', '\\# heading'],
    ['#123', '\\#123'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    ['---', '\\---'],
    ['[link](javascript:alert(1))', '\\[link\\](javascript:alert(1))'],
    ['**bold** _em_ ~~strike~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~strike\\~\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['R&D', 'R&amp;D'],
    // Not block markers: leave figures readable.
    ['+4,800 / −1,800', '+4,800 / −1,800'],
    ['-3', '-3'],
    ['25.0', '25.0'],
    ['José 李雷', 'José 李雷'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdownText(input)).toBe(expected);
  });
});

describe('escapeMarkdownCell', () => {
  it('never returns an empty cell', () => {
    expect(escapeMarkdownCell('')).toBe('—');
    expect(escapeMarkdownCell('  \n ')).toBe('—');
  });

  it('trims the flattened text', () => {
    expect(escapeMarkdownCell('  a\nb  ')).toBe('a b');
  });
});
