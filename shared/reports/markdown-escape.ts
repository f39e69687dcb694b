// Markdown has no single safe context, so repository text is flattened to one line and
// every character that could start structure is neutralised. Code spans are never used
// for repository text because backslash escapes do not work inside them.

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// Inline punctuation with Markdown or GFM meaning: emphasis, code, links, tables, strikethrough.
const INLINE_PUNCTUATION = /[\\`*_[\]|~]/g;
// Block markers only matter at the start of a line and (except `#`, escaped always because
// some renderers accept `#title`) only when followed by a space: `- x` is a list, `-3` is not.
// Only punctuation can be backslash-escaped, so `1. x` becomes `1\. x`.
const LEADING_MARKERS: [RegExp, string][] = [
  [/^(\s*)(#)/, '$1\\$2'],
  [/^(\s*)([+-])(?=\s|$)/, '$1\\$2'],
  [/^(\s*)([=-])(?=[=\s-]*$)/, '$1\\$2'],
  [/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2'],
];

/**
 * Returns `text` as one line of inert Markdown: HTML-escaped (`<` → `&lt;`, since many
 * renderers pass raw HTML through), inline punctuation backslash-escaped, line breaks
 * turned into spaces and a leading block marker (`#`, `-`, `1.`) escaped.
 */
export function escapeMarkdownText(text: string): string {
  const oneLine = text.replace(LINE_BREAKS, ' ');
  const inert = oneLine
    .replace(/[&<>]/g, (char) => HTML_SPECIAL[char] ?? char)
    .replace(INLINE_PUNCTUATION, (char) => `\\${char}`);
  return LEADING_MARKERS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), inert);
}

/** Returns `text` safe inside a GFM table cell: escaped as text, never empty (an empty cell reads as missing data). */
export function escapeMarkdownCell(text: string): string {
  const escaped = escapeMarkdownText(text).trim();
  return escaped === '' ? '—' : escaped;
}
