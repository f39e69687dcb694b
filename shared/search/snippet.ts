const WINDOW_WORDS = 24;
const MAX_CHARS = 240;

/**
 * A passage of `body` around the densest run of query words, matches in **bold**. Words
 * match on a shared prefix (all but the last two letters, at least four) so "streams"
 * lights up for "streaming" as the Porter-stemmed BM25 side would. Plain JavaScript over
 * the stored text: FTS5's snippet() re-runs the MATCH per hit, which costs more than the search.
 */
export function highlightSnippet(body: string, queryText: string): string {
  const stems = [...new Set((queryText.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2).map((w) => w.slice(0, Math.max(4, w.length - 2))))];
  const words = [...body.matchAll(/[\p{L}\p{N}]+/gu)];
  if (words.length === 0) return body.slice(0, MAX_CHARS);
  const hit = words.map((m) => {
    const w = m[0].toLowerCase();
    return stems.some((s) => w.startsWith(s));
  });
  // The window of WINDOW_WORDS words with the most hits (sliding count).
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (hit[i]) count += 1;
    if (i >= WINDOW_WORDS && hit[i - WINDOW_WORDS]) count -= 1;
    const start = Math.max(0, i - WINDOW_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  const first = words[best]!;
  const lastIndex = Math.min(words.length - 1, best + WINDOW_WORDS - 1);
  const last = words[lastIndex]!;
  const from = best === 0 ? 0 : first.index!;
  // Through the end of the body when the window reaches its last word (keep the closing punctuation).
  const end = lastIndex === words.length - 1 ? body.length : last.index! + last[0].length;
  const to = Math.min(end, from + MAX_CHARS);
  let out = '';
  let cursor = from;
  for (let i = best; i < words.length; i++) {
    const m = words[i]!;
    if (m.index! + m[0].length > to) break;
    if (!hit[i]) continue;
    out += `${body.slice(cursor, m.index)}**${m[0]}**`;
    cursor = m.index! + m[0].length;
  }
  out += body.slice(cursor, to);
  return `${from > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${to < body.length ? '…' : ''}`;
}
