import { fnv1aRange } from './hash';

/**
 * The features the lexical embedder hashes: words, adjacent word pairs, and
 * character 3- to 5-grams of each word (so "torrent" meets "torrents" and
 * "bitcoinjs" meets "bitcoin"). Text is case- and accent-folded; identifiers
 * are split at camelCase humps and at - _ . / boundaries.
 */
/** Feature counts keyed by 32-bit feature hash, per group. */
export interface FeatureCounts {
  words: Map<number, number>;
  pairs: Map<number, number>;
  grams: Map<number, number>;
}

// English function words only: domain words ("node", "library") are left to IDF.
const STOPWORDS = new Set(
  ('a an and are as at be but by can for from has have how i if in into is it its of on or our so such than that the their then there these this ' +
    'those to was we were what when which while who will with you your').split(' '),
);

const MIN_GRAM = 3;
const MAX_GRAM = 5;
/** Words longer than this are cut: hashes, base64 and minified code are not language. */
const MAX_WORD = 40;

export function tokenize(text: string): string[] {
  const split = text
    // aB -> a B and ABc -> A Bc: split camelCase humps before folding case.
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const tokens: string[] = [];
  for (const match of split.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].slice(0, MAX_WORD);
    if (!STOPWORDS.has(word)) tokens.push(word);
  }
  return tokens;
}

export function extractFeatures(text: string): FeatureCounts {
  const tokens = tokenize(text);
  const words = new Map<number, number>();
  const pairs = new Map<number, number>();
  const grams = new Map<number, number>();
  let previous = 0;
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    const wordHash = fnv1aRange(word, 0, word.length, SEEDS.words);
    bump(words, wordHash);
    // A pair hashes the previous word's hash and this word: no string is built.
    if (i > 0) bump(pairs, fnv1aRange(word, 0, word.length, (previous ^ SEEDS.pairs) >>> 0));
    previous = wordHash;
    if (word.length < MIN_GRAM || /^\p{N}+$/u.test(word)) continue;
    const padded = `<${word}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let start = 0; start + n <= padded.length; start++) bump(grams, fnv1aRange(padded, start, start + n, SEEDS.grams));
    }
  }
  return { words, pairs, grams };
}

// One seed per group keeps "abc" the word apart from "abc" the n-gram.
const SEEDS = { words: 0x9e3779b1, grams: 0x85ebca77, pairs: 0xc2b2ae3d };

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
