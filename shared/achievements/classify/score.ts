import type { PrClass } from '../../protocol/achievements';

export interface ClassScores {
  accuracy: number;
  macroF1: number;
  /** F1 per class that occurs in the truth or the predictions */
  perClass: { class: PrClass; f1: number; precision: number; recall: number; support: number }[];
  n: number;
}

/** Accuracy, macro-F1 (per-class F1 averaged over classes present in the truth) and per-class scores. */
export function scoreClassifications(pairs: readonly { truth: PrClass; predicted: PrClass }[]): ClassScores {
  const classes = [...new Set(pairs.flatMap((p) => [p.truth, p.predicted]))].sort();
  const perClass = classes.map((cls) => {
    const tp = pairs.filter((p) => p.truth === cls && p.predicted === cls).length;
    const predicted = pairs.filter((p) => p.predicted === cls).length;
    const support = pairs.filter((p) => p.truth === cls).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { class: cls, f1, precision, recall, support };
  });
  const inTruth = perClass.filter((c) => c.support > 0);
  return {
    accuracy: pairs.length === 0 ? 0 : pairs.filter((p) => p.truth === p.predicted).length / pairs.length,
    macroF1: inTruth.length === 0 ? 0 : inTruth.reduce((s, c) => s + c.f1, 0) / inTruth.length,
    perClass,
    n: pairs.length,
  };
}
