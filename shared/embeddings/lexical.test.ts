import { describe, expect, it } from 'vitest';
import { isRepoScoutError } from '../errors';
import { createLexicalEmbedder, deserializeLexicalModel, fitLexicalModel, serializeLexicalModel } from './lexical';
import { extractFeatures, tokenize } from './lexical-features';
import { dot, isUnitOrZero } from './vector';

const corpus = [
  'Streaming torrent client for Node.js and the browser.',
  'Streaming torrent client.',
  'Stream a torrent video to Chromecast.',
  'Clean, readable, proven Bitcoin library.',
  'Pure and powerful Bitcoin library.',
  'PDF generation library.',
  'Fast, unopinionated, minimalist web framework.',
  'Delightful JavaScript testing.',
];

describe('tokenize / extractFeatures', () => {
  it.each([
    ['WebTorrent', ['web', 'torrent']],
    ['parseHTTPHeaders', ['parse', 'http', 'headers']],
    ['snake_case-and.dots', ['snake', 'case', 'dots']],
    ['Ünïcödé façade', ['unicode', 'facade']],
    ['the and of', []],
    ['', []],
  ])('%j -> %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('makes words, adjacent pairs and 3-5 character grams with word boundaries', () => {
    const f = extractFeatures('torrent client torrent');
    expect([...f.words.values()]).toEqual([2, 1]);
    expect(f.pairs.size).toBe(2);
    // "<torrent>" has 7 + 6 + 5 grams of lengths 3..5, "<client>" 6 + 5 + 4; repeats count twice.
    expect([...f.grams.values()].reduce((a, b) => a + b, 0)).toBe(2 * 18 + 15);
    // Shared word parts hash alike: "torrents" contains every gram of "torrent" but the closing ones.
    const g = extractFeatures('torrents');
    const shared = [...extractFeatures('torrent').grams.keys()].filter((k) => g.grams.has(k)).length;
    expect(shared).toBe(18 - 3);
  });

  it('cuts absurdly long words (hashes, minified code) to 40 characters', () => {
    expect(tokenize('x'.repeat(5_000))[0]).toHaveLength(40);
  });
});

describe('lexical embedder', () => {
  const embedder = createLexicalEmbedder(fitLexicalModel(corpus));

  it('returns one unit vector per text, deterministic across instances', async () => {
    const a = await embedder.embed(corpus);
    const b = await createLexicalEmbedder(fitLexicalModel(corpus)).embed(corpus);
    expect(a).toHaveLength(corpus.length);
    for (let i = 0; i < a.length; i++) {
      expect(a[i]).toHaveLength(embedder.dimensions);
      expect(isUnitOrZero(a[i]!)).toBe(true);
      expect(Array.from(a[i]!)).toEqual(Array.from(b[i]!));
    }
  });

  it('puts texts that share rare words and word parts closer than unrelated ones', async () => {
    const [torrent, torrents, bitcoin] = await embedder.embed(['torrent streaming', 'Torrents that stream', 'bitcoin wallet library']);
    expect(dot(torrent!, torrents!)).toBeGreaterThan(0.15);
    expect(dot(torrent!, torrents!)).toBeGreaterThan(dot(torrent!, bitcoin!));
  });

  it('embeds empty and stop-word-only text as the zero vector', async () => {
    const [empty, stop] = await embedder.embed(['', 'the of and']);
    expect(empty!.every((x) => x === 0)).toBe(true);
    expect(stop!.every((x) => x === 0)).toBe(true);
  });

  it('names its fit in the revision, so two fits never share a space', () => {
    expect(createLexicalEmbedder(fitLexicalModel(corpus)).revision).toBe(embedder.revision);
    expect(createLexicalEmbedder(fitLexicalModel(corpus.slice(1))).revision).not.toBe(embedder.revision);
  });

  it('round-trips its fitted model through bytes', async () => {
    const model = fitLexicalModel(corpus);
    const restored = deserializeLexicalModel(serializeLexicalModel(model));
    expect(restored.documents).toBe(model.documents);
    const [x] = await createLexicalEmbedder(restored).embed(['torrent']);
    const [y] = await createLexicalEmbedder(model).embed(['torrent']);
    expect(Array.from(x!)).toEqual(Array.from(y!));
  });

  it('leaves out features fewer than two fitted documents have once the corpus is large enough', async () => {
    const big = Array.from({ length: 60 }, (_, i) => `common words here item${i}`);
    big.push('zqxjvw');
    const pruned = createLexicalEmbedder(fitLexicalModel(big));
    const [onlyUnique] = await pruned.embed(['zqxjvw']);
    expect(onlyUnique!.every((x) => x === 0)).toBe(true);
    const [shared] = await pruned.embed(['common words']);
    expect(shared!.some((x) => x !== 0)).toBe(true);
  });
});

describe('lexical embedder: bad input', () => {
  it('refuses unreadable stored state with DB_CORRUPT', () => {
    for (const bytes of [Buffer.alloc(3), Buffer.from('not a model at all, really')]) {
      try {
        deserializeLexicalModel(bytes);
        expect.unreachable();
      } catch (error) {
        expect(isRepoScoutError(error, 'DB_CORRUPT')).toBe(true);
      }
    }
  });

  it('refuses impossible dimensions', () => {
    expect(() => createLexicalEmbedder({ ...fitLexicalModel([]), dimensions: 3 })).toThrow(/8 to 8192/);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createLexicalEmbedder().embed(['x'], controller.signal)).rejects.toMatchObject({ code: 'INTERRUPTED' });
  });
});

describe('lexical embedder: LSA projection', () => {
  // Two topics whose documents share words only within their topic.
  const topicA = ['parser', 'tokenizer', 'grammar', 'syntax', 'lexer', 'ast'];
  const topicB = ['image', 'pixel', 'resize', 'crop', 'thumbnail', 'png'];
  const corpus = Array.from({ length: 120 }, (_, i) => {
    const words = i % 2 === 0 ? topicA : topicB;
    return `${words[i % 6]} ${words[(i + 1) % 6]} ${words[(i + 2) % 6]} item${i}`;
  });

  it('is fitted for 50+ documents and maps co-occurring words near each other', async () => {
    const model = fitLexicalModel(corpus);
    expect(model.projection).not.toBeNull();
    const embedder = createLexicalEmbedder(model);
    const [lexer, grammar, png] = await embedder.embed(['lexer', 'grammar', 'png']);
    // "lexer" and "grammar" never appear in the same document alone, but share a topic.
    expect(dot(lexer!, grammar!)).toBeGreaterThan(dot(lexer!, png!) + 0.2);
  });

  it('round-trips the projection through bytes', async () => {
    const model = fitLexicalModel(corpus);
    const restored = deserializeLexicalModel(serializeLexicalModel(model));
    expect(Array.from((await createLexicalEmbedder(restored).embed(['crop png']))[0]!)).toEqual(Array.from((await createLexicalEmbedder(model).embed(['crop png']))[0]!));
  });

  it('small corpora skip the projection', () => {
    expect(fitLexicalModel(corpus.slice(0, 10)).projection).toBeNull();
  });
});
