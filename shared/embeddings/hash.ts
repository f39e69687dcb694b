/** 32-bit FNV-1a over the UTF-16 code units of `s`, with a seed; stable across runs and platforms. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  return fnv1aRange(s, 0, s.length, seed);
}

/** fnv1a over s[start, end) without slicing, for hashing n-grams in place. */
export function fnv1aRange(s: string, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so nearby strings spread over all bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
