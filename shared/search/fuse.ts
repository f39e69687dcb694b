/** The RRF constant from Cormack et al. (2009): damps the head so no single list dominates. */
export const RRF_K = 60;

export interface RankedList {
  name: string;
  /** Ids best first. */
  ids: readonly number[];
  weight?: number;
}

/**
 * Reciprocal rank fusion: score(id) = sum over lists of weight / (k + rank), rank from 1.
 * Returns ids by descending fused score; ties keep the order of first appearance.
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = RRF_K): { id: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    const weight = list.weight ?? 1;
    list.ids.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + weight / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
