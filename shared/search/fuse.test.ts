import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from './fuse';
import { ftsMatchExpression, prepareQuery } from './query';

describe('reciprocalRankFusion', () => {
  it('adds 1/(k + rank) over lists, so agreement beats one strong vote', () => {
    const fused = reciprocalRankFusion([
      { name: 'a', ids: [1, 2, 3] },
      { name: 'b', ids: [2, 4, 1] },
    ]);
    expect(fused.map((f) => f.id)).toEqual([2, 1, 4, 3]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
  });

  it('handles empty lists and weights', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ name: 'a', ids: [1] }, { name: 'b', ids: [2], weight: 2 }]).map((f) => f.id)).toEqual([2, 1]);
  });
});

describe('query preparation', () => {
  it('quotes and ORs distinct words, dropping stop words', () => {
    expect(ftsMatchExpression('The fast "web" server, the FAST one')).toBe('"fast" OR "web" OR "server" OR "one"');
    expect(ftsMatchExpression('the of and ...')).toBeNull();
  });

  it('caps the number of OR branches', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    expect(ftsMatchExpression(words)!.split(' OR ')).toHaveLength(32);
  });

  it('collapses whitespace and cuts at a word boundary', () => {
    expect(prepareQuery('  a\n\tb  ')).toEqual({ text: 'a b', notice: null });
    const long = prepareQuery('abcdefghi '.repeat(200));
    expect(long.text.length).toBeLessThanOrEqual(1_000);
    expect(long.text.endsWith('abcdefghi')).toBe(true);
  });
});

describe('highlightSnippet', () => {
  it('bolds query words and their inflections in the densest passage', async () => {
    const { highlightSnippet } = await import('./snippet');
    expect(highlightSnippet('Streaming torrent client for Node.js and the browser.', 'stream torrents')).toBe('**Streaming** **torrent** client for Node.js and the browser.');
    const long = `${'filler '.repeat(100)}the parser handles JSON streams ${'filler '.repeat(100)}`;
    const out = highlightSnippet(long, 'json parser');
    expect(out).toMatch(/^….*\*\*parser\*\* handles \*\*JSON\*\*.*…$/);
    expect(out.length).toBeLessThan(260);
    expect(highlightSnippet('', 'x')).toBe('');
  });
});
