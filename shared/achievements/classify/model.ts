import type { PrClass } from '../../protocol/achievements';

/**
 * A multinomial logistic regression over binary features: for each class, bias plus the
 * sum of the weights of the features present, then softmax. Weights are plain data (a
 * JSON file) written by the refit script, so the model can be read, diffed and refitted.
 */
export interface LinearModel {
  version: 1;
  classes: PrClass[];
  bias: number[];
  /** feature name -> one weight per class, in `classes` order */
  weights: Record<string, number[]>;
  /** how the model was fitted, for the record */
  fittedOn: string;
}

export interface Prediction {
  class: PrClass;
  confidence: number;
  /** probability per class, in the model's class order */
  probabilities: number[];
}

/** Softmax probabilities per class for a set of present features; unknown features are ignored. */
export function predict(model: LinearModel, features: readonly string[]): Prediction {
  const scores = [...model.bias];
  for (const feature of features) {
    // hasOwn: a feature named "constructor" must not find Object.prototype
    if (!Object.hasOwn(model.weights, feature)) continue;
    const row = model.weights[feature] as number[];
    for (let c = 0; c < scores.length; c += 1) scores[c] = (scores[c] ?? 0) + (row[c] ?? 0);
  }
  const probabilities = softmax(scores);
  let best = 0;
  for (let c = 1; c < probabilities.length; c += 1) if ((probabilities[c] ?? 0) > (probabilities[best] ?? 0)) best = c;
  return { class: model.classes[best] as PrClass, confidence: probabilities[best] ?? 0, probabilities };
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
