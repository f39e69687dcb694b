import type { PrClass } from '../../protocol/achievements';
import { seededRandom } from '../../research/seeded-random';
import { softmax, type LinearModel } from './model';

export interface FitExample {
  features: readonly string[];
  label: PrClass;
}

export interface FitOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty per example and step */
  l2?: number;
  /** features seen in fewer examples are dropped: one-off words are noise */
  minCount?: number;
  /** 0 = no class weighting, 1 = fully balanced; between helps macro-F1 without wrecking accuracy */
  balance?: number;
  seed?: number;
  fittedOn?: string;
}

/**
 * Fits the multinomial logistic regression with Adam over shuffled single examples,
 * deterministically (seeded order, fixed epochs). Weights are rounded and near-zero rows
 * dropped so the shipped JSON stays small.
 */
export function fitLinearModel(examples: readonly FitExample[], options: FitOptions = {}): LinearModel {
  const { epochs = 12, learningRate = 0.02, l2 = 1e-5, minCount = 2, balance = 0.5, seed = 7 } = options;
  const classes = [...new Set(examples.map((e) => e.label))].sort() as PrClass[];
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const K = classes.length;
  const rows = examples.map((e) => ({
    x: e.features.map((f) => featureIndex.get(f)).filter((i): i is number => i !== undefined),
    y: classIndex.get(e.label) as number,
  }));
  const perClass = classes.map((_, c) => rows.filter((r) => r.y === c).length);
  const classWeight = perClass.map((n) => Math.pow(rows.length / (K * Math.max(1, n)), balance));

  const W = new Float64Array(vocabulary.length * K);
  const b = new Float64Array(K);
  // Adam moments, per weight and per bias
  const mW = new Float64Array(W.length);
  const vW = new Float64Array(W.length);
  const mB = new Float64Array(K);
  const vB = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  const random = seededRandom(seed);
  const order = rows.map((_, i) => i);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const row = rows[index]!;
      t += 1;
      const scores = Array.from(b);
      for (const f of row.x) for (let c = 0; c < K; c += 1) scores[c]! += W[f * K + c]!;
      const p = softmax(scores);
      const weight = classWeight[row.y]!;
      const correction1 = 1 - Math.pow(beta1, t);
      const correction2 = 1 - Math.pow(beta2, t);
      for (let c = 0; c < K; c += 1) {
        const g = weight * ((p[c] ?? 0) - (c === row.y ? 1 : 0));
        mB[c] = beta1 * mB[c]! + (1 - beta1) * g;
        vB[c] = beta2 * vB[c]! + (1 - beta2) * g * g;
        b[c]! -= (learningRate * (mB[c]! / correction1)) / (Math.sqrt(vB[c]! / correction2) + eps);
        for (const f of row.x) {
          const k = f * K + c;
          const gw = g + l2 * W[k]!;
          mW[k] = beta1 * mW[k]! + (1 - beta1) * gw;
          vW[k] = beta2 * vW[k]! + (1 - beta2) * gw * gw;
          W[k]! -= (learningRate * (mW[k]! / correction1)) / (Math.sqrt(vW[k]! / correction2) + eps);
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((feature, f) => {
    const row = classes.map((_, c) => round(W[f * K + c]!));
    if (row.some((w) => Math.abs(w) >= 0.01)) weights[feature] = row;
  });
  return { version: 1, classes, bias: Array.from(b, round), weights, fittedOn: options.fittedOn ?? `${examples.length} examples` };
}
