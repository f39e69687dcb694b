/** Scales `v` in place to unit length; a zero vector stays zero. Returns `v`. */
export function normalize(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  if (sum === 0) return v;
  const inv = 1 / Math.sqrt(sum);
  for (let i = 0; i < v.length; i++) v[i]! *= inv;
  return v;
}

/** Dot product; the cosine similarity of two unit vectors. */
export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** A Float32Array view of a vector stored as a BLOB (copied, so it is aligned). */
export function vectorFromBlob(blob: Buffer): Float32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

export function isUnitOrZero(v: Float32Array, tolerance = 1e-3): boolean {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) return false;
    sum += v[i]! * v[i]!;
  }
  return sum === 0 || Math.abs(Math.sqrt(sum) - 1) <= tolerance;
}
