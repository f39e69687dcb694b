import type { FactorExplanation } from './types';
import { round } from './factors';

export interface DiversityOptions {
  /** Largest penalty, for an exact copy of an item ranked above. */
  strength: number;
  /** Similarity below which two results are not considered near-copies. */
  floor: number;
}

/**
 * The shipped near-copy penalty. Chosen by `npm run eval` on its development split only
 * (the eval prints the grid and says when this differs from its choice).
 */
export const DEFAULT_DIVERSITY: DiversityOptions = { strength: 0.2, floor: 0.95 };

export interface Diversifiable {
  id: number;
  score: number;
  label: string;
}

/**
 * Greedy maximal-marginal-relevance re-ranking with a similarity floor: each pick
 * maximises score - strength * max(0, sim - floor) / (1 - floor) against the items
 * already picked, so related results stay and near-copies sink. `similarity` returns
 * -1..1 (cosine) or null when unknown. Returns items in the new order with the penalty.
 */
export function diversify<T extends Diversifiable>(
  items: readonly T[],
  similarity: (a: T, b: T) => number | null,
  limit: number,
  options: Partial<DiversityOptions> = {},
): { item: T; penalty: number; explanation: FactorExplanation }[] {
  const { strength, floor } = { ...DEFAULT_DIVERSITY, ...options };
  const remaining = [...items];
  const picked: { item: T; penalty: number; explanation: FactorExplanation }[] = [];
  while (picked.length < limit && remaining.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    let bestPenalty = 0;
    let closest: { label: string; sim: number } | null = null;
    for (let i = 0; i < remaining.length; i++) {
      const candidate = remaining[i]!;
      let maxSim = -Infinity;
      let maxLabel = '';
      for (const p of picked) {
        const sim = similarity(candidate, p.item);
        if (sim !== null && sim > maxSim) {
          maxSim = sim;
          maxLabel = p.item.label;
        }
      }
      const penalty = maxSim > floor ? (strength * (maxSim - floor)) / (1 - floor) : 0;
      const value = candidate.score - penalty;
      if (value > bestValue) {
        best = i;
        bestValue = value;
        bestPenalty = penalty;
        closest = Number.isFinite(maxSim) ? { label: maxLabel, sim: maxSim } : null;
      }
    }
    const [item] = remaining.splice(best, 1);
    picked.push({
      item: item!,
      penalty: round(bestPenalty),
      explanation: {
        id: 'diversity',
        label: 'Diversity (near-copy penalty)',
        value: closest ? round(closest.sim) : null,
        weight: strength,
        contribution: bestPenalty > 0 ? -round(bestPenalty) : 0,
        detail: closest
          ? `most similar result ranked above: ${closest.label} (similarity ${closest.sim.toFixed(2)}${bestPenalty > 0 ? `, above the ${floor} floor` : `, under the ${floor} floor: no penalty`})`
          : 'first result: nothing above it to compare with',
      },
    });
  }
  return picked;
}
