const BLOCKS = ['▂', '▃', '▄', '▅', '▆', '▇', '█'];
// Zero gets its own lowest glyph so a quiet week is never confused with a small one.
const ZERO = '▁';

/**
 * Returns one block character per value, scaled to the largest value: `▁` for zero,
 * `▂`..`█` for positive values. Keeps only the last `maxLength` values so a long
 * history stays one readable line. Empty input gives an empty string.
 */
export function sparkline(values: number[], maxLength = 52): string {
  const recent = values.slice(-maxLength);
  const max = Math.max(0, ...recent);
  return recent
    .map((value) => {
      if (value <= 0 || max === 0) return ZERO;
      const index = Math.ceil((value / max) * BLOCKS.length) - 1;
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, index))];
    })
    .join('');
}
