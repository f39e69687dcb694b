// Paired significance tests over per-query scores (the same queries under two systems).

/** Seeded PRNG (mulberry32), so a run's figures can be reproduced. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paired bootstrap of mean(a - b): resample queries with replacement. Returns the observed
 * mean difference, the 2.5th and 97.5th percentiles of the resampled means, and the share
 * of resamples where the difference is <= 0 (one-sided p for "a is better").
 */
export function pairedBootstrap(a, b, { resamples = 10_000, seed = 1 } = {}) {
  if (a.length !== b.length || a.length === 0) throw new Error('pairedBootstrap needs two equally long, non-empty score lists');
  const diff = a.map((x, i) => x - b[i]);
  const n = diff.length;
  const random = rng(seed);
  const means = new Float64Array(resamples);
  let notBetter = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += diff[Math.floor(random() * n)];
    means[r] = sum / n;
    if (means[r] <= 0) notBetter += 1;
  }
  means.sort();
  return {
    mean: diff.reduce((s, x) => s + x, 0) / n,
    low: means[Math.floor(0.025 * resamples)],
    high: means[Math.min(resamples - 1, Math.floor(0.975 * resamples))],
    p: notBetter / resamples,
  };
}

/**
 * Percentile bootstrap interval of a statistic over n items: `statistic(indices)` is computed
 * on resamples of 0..n-1 drawn with replacement. Returns the 2.5th and 97.5th percentiles.
 */
export function bootstrapInterval(n, statistic, { resamples = 2_000, seed = 1 } = {}) {
  if (n === 0) throw new Error('bootstrapInterval needs at least one item');
  const random = rng(seed);
  const values = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const indices = new Array(n);
    for (let i = 0; i < n; i++) indices[i] = Math.floor(random() * n);
    values[r] = statistic(indices);
  }
  values.sort();
  return { low: values[Math.floor(0.025 * resamples)], high: values[Math.min(resamples - 1, Math.floor(0.975 * resamples))] };
}

/** Paired t-test on a - b; two-sided p from Student's t with n - 1 degrees of freedom. */
export function pairedT(a, b) {
  const diff = a.map((x, i) => x - b[i]);
  const n = diff.length;
  const m = diff.reduce((s, x) => s + x, 0) / n;
  const variance = diff.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
  const t = m / Math.sqrt(variance / n);
  const df = n - 1;
  return { t, df, p: Number.isFinite(t) ? 2 * studentTail(Math.abs(t), df) : 0 };
}

// Upper tail of Student's t: I_{df/(df+t^2)}(df/2, 1/2) / 2, via the regularized incomplete beta.
function studentTail(t, df) {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * continuedFraction(x, a, b)) / a : 1 - (front * continuedFraction(1 - x, b, a)) / b;
}

// Lentz's method for the incomplete beta continued fraction (Numerical Recipes' betacf, written from the formula).
function continuedFraction(x, a, b) {
  const tiny = 1e-30;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 3e-14) break;
  }
  return h;
}

// Lanczos approximation (g = 7, n = 9).
function logGamma(z) {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = g[0];
  for (let i = 1; i < 9; i++) x += g[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}
