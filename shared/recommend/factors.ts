import type { FactorExplanation, FactorId } from './types';

/**
 * A scoring factor as data: a weight and a function giving a 0..1 value (or null when it
 * cannot be measured). Weights are fixed a priori; `combine` renormalises them over
 * the factors that could be measured, as the health score does.
 */
export interface Factor<C> {
  id: FactorId;
  label: string;
  weight: number;
  measure(context: C): { value: number | null; detail: string };
}

export function combine<C>(factors: readonly Factor<C>[], context: C): { score: number; factors: FactorExplanation[] } {
  const measured = factors.map((f) => ({ factor: f, ...f.measure(context) }));
  const totalWeight = measured.reduce((sum, m) => sum + (m.value === null ? 0 : m.factor.weight), 0);
  const explanations = measured.map(({ factor, value, detail }) => ({
    id: factor.id,
    label: factor.label,
    value: value === null ? null : round(value),
    weight: factor.weight,
    contribution: value === null || totalWeight === 0 ? 0 : round((factor.weight / totalWeight) * value),
    detail,
  }));
  const score = explanations.reduce((sum, e) => sum + e.contribution, 0);
  return { score: round(score), factors: explanations };
}

/** Jaccard overlap of two lower-cased sets; null when either is empty. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number | null {
  if (a.size === 0 || b.size === 0) return null;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** Stars on a log scale that saturates at 100,000: each tenfold adds the same. */
export function popularity(stars: number | null): number | null {
  if (stars === null || stars < 0) return null;
  return Math.min(1, Math.log10(1 + stars) / 5);
}

/** Recent activity: 1 today, halving every 180 days. Null without a date. */
export function recency(isoDate: string | null, nowMs: number, halfLifeDays = 180): number | null {
  if (!isoDate) return null;
  const t = Date.parse(isoDate);
  if (Number.isNaN(t)) return null;
  const days = Math.max(0, (nowMs - t) / 86_400_000);
  return 0.5 ** (days / halfLifeDays);
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
