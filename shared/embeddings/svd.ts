/**
 * Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson and
 * Tropp, 2011): a Gaussian sketch, a few power iterations, then an exact eigen-
 * decomposition of the small projected Gram matrix (cyclic Jacobi). Returns the top
 * right singular vectors, which project a row of the matrix to `rank` coordinates.
 */
export interface SparseRow {
  index: Int32Array;
  value: Float32Array;
}

export interface TruncatedSvd {
  /** Right singular vectors as columns: `columns` x `rank`, row-major. */
  components: Float32Array;
  singularValues: Float64Array;
}

export function truncatedSvd(rows: readonly SparseRow[], columns: number, rank: number, seed = 1, powerIterations = 1): TruncatedSvd {
  return runSteps(truncatedSvdSteps(rows, columns, rank, seed, powerIterations));
}

/** Runs a stepwise computation to the end in one go. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same computation as `truncatedSvd`, pausing (yield) between its matrix products, each
 * well under a second at 5,000 rows: a caller that must stay responsive (the MCP server
 * refitting in the background) gives other work a turn at every pause.
 */
export function* truncatedSvdSteps(rows: readonly SparseRow[], columns: number, rank: number, seed = 1, powerIterations = 1): Generator<void, TruncatedSvd> {
  const l = Math.min(rank + 10, Math.max(rows.length, 1) + 10);
  const random = gaussian(seed);
  // Omega: columns x l.
  const omega = new Float64Array(columns * l);
  for (let i = 0; i < omega.length; i++) omega[i] = random();
  let y = yield* multiply(rows, omega, l); // n x l
  yield;
  for (let it = 0; it < powerIterations; it++) {
    orthonormalize(y, rows.length, l);
    yield;
    const z = yield* multiply(rows, y, l, columns); // columns x l
    yield;
    orthonormalize(z, columns, l);
    yield;
    y = yield* multiply(rows, z, l);
    yield;
  }
  orthonormalize(y, rows.length, l);
  yield;
  const b = yield* multiply(rows, y, l, columns); // columns x l  (= B transposed)
  yield;
  // C = B B^T (l x l), with B^T stored as `b` (columns x l).
  const c = new Float64Array(l * l);
  for (let j = 0; j < columns; j++) {
    const off = j * l;
    for (let p = 0; p < l; p++) {
      const bp = b[off + p]!;
      if (bp === 0) continue;
      for (let q = p; q < l; q++) c[p * l + q]! += bp * b[off + q]!;
    }
  }
  for (let p = 0; p < l; p++) for (let q = 0; q < p; q++) c[p * l + q] = c[q * l + p]!;
  yield;
  const { values, vectors } = jacobiEigen(c, l);
  yield;
  const order = [...values.keys()].sort((a, b2) => values[b2]! - values[a]!).slice(0, rank);
  const components = new Float32Array(columns * rank);
  const singularValues = new Float64Array(rank);
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!;
    const sigma = Math.sqrt(Math.max(values[e]!, 0));
    singularValues[k] = sigma;
    if (k % 16 === 15) yield;
    if (sigma < 1e-9) continue;
    // v_k = B^T u_k / sigma_k
    for (let j = 0; j < columns; j++) {
      let s = 0;
      const off = j * l;
      for (let p = 0; p < l; p++) s += b[off + p]! * vectors[p * l + e]!;
      components[j * rank + k] = s / sigma;
    }
  }
  return { components, singularValues };
}

// Rows of a sparse product between pauses.
const ROWS_PER_STEP = 64;

/**
 * rows (n x columns, sparse) times m (columns x l, row-major) -> n x l; with `transposedColumns`
 * set, rows^T (columns x n) times m (n x l) -> columns x l. Both walk the non-zeros in the same
 * order; the transpose only swaps which side a non-zero's row and column index.
 */
function* multiply(rows: readonly SparseRow[], m: Float64Array, l: number, transposedColumns?: number): Generator<void, Float64Array> {
  const transposed = transposedColumns !== undefined;
  const out = new Float64Array((transposed ? transposedColumns : rows.length) * l);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const o = i * l;
    for (let t = 0; t < row.index.length; t++) {
      const v = row.value[t]!;
      const off = row.index[t]! * l;
      const to = transposed ? off : o;
      const from = transposed ? o : off;
      for (let p = 0; p < l; p++) out[to + p]! += v * m[from + p]!;
    }
  }
  return out;
}

/**
 * Orthonormalises the l columns of a row-major n x l matrix in place. Tall matrices use
 * Cholesky QR (one pass for the Gram matrix, one triangular solve per row: cache-friendly);
 * small or rank-deficient ones modified Gram-Schmidt, where dependent columns become zero.
 */
function orthonormalize(m: Float64Array, n: number, l: number): void {
  if (n >= 4 * l && choleskyQr(m, n, l)) return;
  gramSchmidt(m, n, l);
}

function choleskyQr(m: Float64Array, n: number, l: number): boolean {
  const g = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let p = 0; p < l; p++) {
      const x = m[o + p]!;
      if (x === 0) continue;
      for (let q = p; q < l; q++) g[p * l + q]! += x * m[o + q]!;
    }
  }
  // Upper-triangular R with R^T R = G.
  const r = new Float64Array(l * l);
  for (let p = 0; p < l; p++) {
    let d = g[p * l + p]!;
    for (let k = 0; k < p; k++) d -= r[k * l + p]! ** 2;
    if (!(d > 1e-12 * (g[p * l + p]! || 1))) return false;
    const rpp = Math.sqrt(d);
    r[p * l + p] = rpp;
    for (let q = p + 1; q < l; q++) {
      let s = g[p * l + q]!;
      for (let k = 0; k < p; k++) s -= r[k * l + p]! * r[k * l + q]!;
      r[p * l + q] = s / rpp;
    }
  }
  // Each row x becomes x R^-1 (forward substitution on R^T).
  const row = new Float64Array(l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let q = 0; q < l; q++) {
      let s = m[o + q]!;
      for (let k = 0; k < q; k++) s -= row[k]! * r[k * l + q]!;
      row[q] = s / r[q * l + q]!;
    }
    for (let q = 0; q < l; q++) m[o + q] = row[q]!;
  }
  return true;
}

function gramSchmidt(m: Float64Array, n: number, l: number): void {
  for (let p = 0; p < l; p++) {
    for (let q = 0; q < p; q++) {
      let d = 0;
      for (let i = 0; i < n; i++) d += m[i * l + p]! * m[i * l + q]!;
      if (d === 0) continue;
      for (let i = 0; i < n; i++) m[i * l + p]! -= d * m[i * l + q]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += m[i * l + p]! ** 2;
    norm = Math.sqrt(norm);
    const scale = norm > 1e-10 ? 1 / norm : 0;
    for (let i = 0; i < n; i++) m[i * l + p]! *= scale;
  }
}

/** Eigen-decomposition of a symmetric l x l matrix by cyclic Jacobi rotations. Vectors are columns. */
function jacobiEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(t * t + 1);
        const sin = t * cos;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = cos * akp - sin * akq;
          a[k * l + q] = sin * akp + cos * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = cos * apk - sin * aqk;
          a[q * l + k] = sin * apk + cos * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = cos * vkp - sin * vkq;
          v[k * l + q] = sin * vkp + cos * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/** Seeded standard normal numbers (mulberry32 + Box-Muller). */
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}
