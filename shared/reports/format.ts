// Plain-text formatting shared by the Markdown and HTML reports, so both show the same
// numbers. Fixed en-US formatting keeps reports identical on every machine.

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Returns `n` rounded to a whole number with thousands separators, e.g. "12,345". */
export function formatInteger(n: number): string {
  return INTEGER.format(n);
}

/** Returns `n` with exactly one decimal, e.g. "12.5". */
export function formatDecimal(n: number): string {
  return ONE_DECIMAL.format(n);
}

/** Returns a 0..1 fraction as a whole percentage, e.g. 0.456 → "46%". */
export function formatPercent(fraction: number): string {
  return `${INTEGER.format(fraction * 100)}%`;
}

/** Returns the YYYY-MM-DD day of an ISO-8601 timestamp, or "—" for null or empty input. */
export function formatDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** Returns line counts as "+12 / −3". */
export function formatLineChange(additions: number, deletions: number): string {
  return `+${INTEGER.format(additions)} / −${INTEGER.format(deletions)}`;
}

/** Returns a byte count in B, KB or MB (1024-based, one decimal above bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${INTEGER.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${ONE_DECIMAL.format(bytes / 1024)} KB`;
  return `${ONE_DECIMAL.format(bytes / (1024 * 1024))} MB`;
}

/** Returns the first 7 characters of a commit SHA, the length git itself abbreviates to. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Returns `n` followed by the singular or plural noun, e.g. "1 commit", "3 commits". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(n)} ${n === 1 ? singular : pluralForm}`;
}
