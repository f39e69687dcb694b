import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from './escape';
import { HOSTILE } from './sample-research';

describe('escapeHtml', () => {
  it.each([
    ['plain', 'plain'],
    ['a & b', 'a &amp; b'],
    [HOSTILE.imgTag, '&lt;img src=x onerror=alert(1)&gt;'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
    ['José 李雷', 'José 李雷'],
    ['', ''],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('jsonForScript', () => {
  const hostile = {
    script: HOSTILE.scriptBreakout,
    comment: '<!-- <script>',
    amp: 'a && b',
    separators: 'line\u2028para\u2029end',
    names: ['José', '李雷'],
  };

  it('round-trips through JSON.parse', () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
  });

  it('leaves no character that can end or re-mode a script block', () => {
    const out = jsonForScript(hostile);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
  });

  it('serialises undefined as null, which JSON can express', () => {
    expect(jsonForScript(undefined)).toBe('null');
  });
});
