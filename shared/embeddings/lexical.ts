import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { RepoScoutError, throwIfAborted } from '../errors';
import { extractFeatures, type FeatureCounts } from './lexical-features';
import { runSteps, truncatedSvdSteps, type SparseRow } from './svd';
import type { Embedder } from './types';
import { normalize } from './vector';

/**
 * The built-in embedder, which needs no downloaded weights:
 * 1. features: words, word pairs and character 3-5-grams (lexical-features.ts);
 * 2. weights: sublinear term frequency x IDF, each group L2-normalised, features that
 *    fewer than two fitted documents share left out (they cannot make two documents
 *    similar, only add noise);
 * 3. a sparse vector in 2^13 signed hash buckets;
 * 4. latent semantic analysis: projected onto the top `dimensions` right singular vectors
 *    of the corpus matrix (truncated SVD fitted on up to 5,000 documents), so words that
 *    occur together land near each other and hash noise is averaged out. Corpora under 50
 *    documents skip the projection and hash straight into `dimensions` buckets.
 * The fit (IDF table and projection) is stored with the embedding space, so every vector of
 * a space uses the same weights; a refit is a new space.
 */
export const LEXICAL_MODEL = 'hashed-ngrams-lsa-v1';
// 128 LSA dimensions: within the usual 100-300 for LSA, and small enough that sqlite-vec's
// brute-force KNN answers in milliseconds at 10,000 items and tens at 100,000.
export const LEXICAL_DIMENSIONS = 128;

// Document frequencies are counted in 2^20 hashed buckets, far more than the
// projection's input, so IDF stays specific even where buckets collide.
const DF_BITS = 20;
const DF_BUCKETS = 1 << DF_BITS;
const HASH_BITS = 13;
const HASH_BUCKETS = 1 << HASH_BITS;
const MIN_DOCUMENTS_FOR_FIT = 50;
const MAX_SVD_DOCUMENTS = 5_000;

// How much each feature group contributes, fixed a priori (not tuned on the evaluation set):
// whole words carry meaning; n-grams rescue inflections and compounds; pairs add phrase order.
const GROUP_WEIGHTS: Record<keyof FeatureCounts, number> = { words: 1, grams: 0.7, pairs: 0.4 };

export interface LexicalModel {
  dimensions: number;
  /** Documents the table was fitted on; 0 means plain term frequency. */
  documents: number;
  /** Document frequency per hashed feature bucket (length 2^20). */
  df: Uint32Array;
  /** LSA projection, 2^13 x dimensions row-major; null for small corpora. */
  projection: Float32Array | null;
}

/**
 * Fits the embedder on a corpus: document frequencies, then (for 50 documents or more) the
 * LSA projection from a uniform sample of at most 5,000 documents. Deterministic.
 */
export function fitLexicalModel(texts: Iterable<string>, dimensions = LEXICAL_DIMENSIONS): LexicalModel {
  return runSteps(fitSteps(texts, dimensions));
}

/**
 * The same fit, giving the event loop a turn every few hundred documents and between the
 * SVD's matrix products (a server refitting in the background keeps answering meanwhile).
 */
export async function fitLexicalModelAsync(texts: Iterable<string>, dimensions = LEXICAL_DIMENSIONS, signal?: AbortSignal): Promise<LexicalModel> {
  const steps = fitSteps(texts, dimensions);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise((resolve) => setImmediate(resolve));
    throwIfAborted(signal);
  }
}

// Documents between pauses of an asynchronous fit.
const FIT_DOCUMENTS_PER_STEP = 64;

function* fitSteps(texts: Iterable<string>, dimensions: number): Generator<void, LexicalModel> {
  const df = new Uint32Array(DF_BUCKETS);
  let documents = 0;
  const sample: FeatureCounts[] = [];
  const random = seeded(documents + 17);
  for (const text of texts) {
    documents += 1;
    if (documents % FIT_DOCUMENTS_PER_STEP === 0) yield;
    const features = extractFeatures(text);
    const seen = new Set<number>();
    for (const [, counts] of groups(features)) for (const hash of counts.keys()) seen.add(hash & (DF_BUCKETS - 1));
    for (const bucket of seen) df[bucket]! += 1;
    // Reservoir sampling keeps a uniform sample without holding the corpus.
    if (sample.length < MAX_SVD_DOCUMENTS) sample.push(features);
    else {
      const j = Math.floor(random() * documents);
      if (j < MAX_SVD_DOCUMENTS) sample[j] = features;
    }
  }
  const model: LexicalModel = { dimensions, documents, df, projection: null };
  if (documents < MIN_DOCUMENTS_FOR_FIT) return model;
  const rows: SparseRow[] = [];
  for (const features of sample) {
    if (rows.length % FIT_DOCUMENTS_PER_STEP === FIT_DOCUMENTS_PER_STEP - 1) yield;
    const sparse = weightedFeatures(model, features);
    const index = new Int32Array(sparse.size);
    const value = new Float32Array(sparse.size);
    let i = 0;
    for (const [bucket, weight] of sparse) {
      index[i] = bucket;
      value[i] = weight;
      i += 1;
    }
    rows.push({ index, value });
  }
  model.projection = (yield* truncatedSvdSteps(rows, HASH_BUCKETS, dimensions, 7)).components;
  return model;
}

/** An embedder over a fitted model; `revision` names the fit so spaces never mix fits. */
export function createLexicalEmbedder(model: LexicalModel = fitLexicalModel([])): Embedder {
  const { dimensions, documents, df, projection } = model;
  if (!Number.isInteger(dimensions) || dimensions < 8 || dimensions > 8192) {
    throw new RepoScoutError('INVALID_INPUT', `The lexical embedder needs 8 to 8192 dimensions, got ${dimensions}.`);
  }
  const digest = createHash('sha256').update(df);
  if (projection) digest.update(projection);
  const revision = `idf-${documents}-${digest.digest('hex').slice(0, 12)}`;
  const embedOne = (text: string): Float32Array => {
    const sparse = weightedFeatures(model, extractFeatures(text));
    const out = new Float32Array(dimensions);
    if (projection) {
      for (const [bucket, weight] of sparse) {
        const off = bucket * dimensions;
        for (let k = 0; k < dimensions; k++) out[k]! += weight * projection[off + k]!;
      }
    } else {
      for (const [bucket, weight] of sparse) out[bucket % dimensions]! += weight;
    }
    return normalize(out);
  };
  return {
    name: 'lexical',
    model: LEXICAL_MODEL,
    revision,
    dimensions,
    batchSize: 512,
    embed: async (texts, signal) => {
      throwIfAborted(signal);
      return texts.map(embedOne);
    },
  };
}

/** The L2-normalised sparse vector of a text in 2^13 signed hash buckets. */
function weightedFeatures(model: Pick<LexicalModel, 'documents' | 'df'>, features: FeatureCounts): Map<number, number> {
  const { documents, df } = model;
  // A feature seen in fewer than two fitted documents cannot make two documents similar;
  // it only adds noise (at the highest IDF). Small fits keep everything.
  const minDf = documents >= MIN_DOCUMENTS_FOR_FIT ? 2 : 0;
  const out = new Map<number, number>();
  for (const [group, counts] of groups(features)) {
    const entries: { hash: number; weight: number }[] = [];
    let norm = 0;
    for (const [hash, tf] of counts) {
      const count = df[hash & (DF_BUCKETS - 1)]!;
      if (count < minDf) continue;
      const weight = (1 + Math.log(tf)) * (Math.log((documents + 1) / (count + 1)) + 1);
      entries.push({ hash, weight });
      norm += weight * weight;
    }
    if (norm === 0) continue;
    const scale = GROUP_WEIGHTS[group] / Math.sqrt(norm);
    for (const { hash, weight } of entries) {
      // Bucket from bits the IDF table does not use; sign from the top bit.
      const bucket = (hash >>> (32 - HASH_BITS - 1)) & (HASH_BUCKETS - 1);
      out.set(bucket, (out.get(bucket) ?? 0) + (hash & 0x80000000 ? -1 : 1) * weight * scale);
    }
  }
  let norm = 0;
  for (const w of out.values()) norm += w * w;
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (const [k, w] of out) out.set(k, w * inv);
  }
  return out;
}

/** Compact bytes for storing a fitted model with its space. */
export function serializeLexicalModel(model: LexicalModel): Buffer {
  const df = deflateSync(Buffer.from(model.df.buffer, model.df.byteOffset, model.df.byteLength));
  const header = Buffer.alloc(20);
  header.writeUInt32LE(2, 0);
  header.writeUInt32LE(model.dimensions, 4);
  header.writeUInt32LE(model.documents, 8);
  header.writeUInt32LE(model.projection ? HASH_BUCKETS : 0, 12);
  header.writeUInt32LE(df.length, 16);
  const projection = model.projection ? Buffer.from(model.projection.buffer, model.projection.byteOffset, model.projection.byteLength) : Buffer.alloc(0);
  return Buffer.concat([header, df, projection]);
}

export function deserializeLexicalModel(bytes: Buffer): LexicalModel {
  const corrupt = (why: string) => new RepoScoutError('DB_CORRUPT', `The stored lexical embedding state is unreadable (${why}); it has to be refitted.`, { remedy: { do: 'rebuild_vectors' } });
  if (bytes.length < 20 || bytes.readUInt32LE(0) !== 2) throw corrupt('unknown format');
  const dimensions = bytes.readUInt32LE(4);
  const documents = bytes.readUInt32LE(8);
  const hashBuckets = bytes.readUInt32LE(12);
  const dfLength = bytes.readUInt32LE(16);
  let raw: Buffer;
  try {
    raw = inflateSync(bytes.subarray(20, 20 + dfLength));
  } catch {
    throw corrupt('damaged document frequencies');
  }
  if (raw.byteLength !== DF_BUCKETS * 4) throw corrupt('wrong size');
  const df = new Uint32Array(DF_BUCKETS);
  new Uint8Array(df.buffer).set(raw);
  let projection: Float32Array | null = null;
  if (hashBuckets !== 0) {
    const rest = bytes.subarray(20 + dfLength);
    if (hashBuckets !== HASH_BUCKETS || rest.byteLength !== HASH_BUCKETS * dimensions * 4) throw corrupt('wrong projection size');
    projection = new Float32Array(HASH_BUCKETS * dimensions);
    new Uint8Array(projection.buffer).set(rest);
  }
  return { dimensions, documents, df, projection };
}

function groups(features: FeatureCounts): [keyof FeatureCounts, Map<number, number>][] {
  return [
    ['words', features.words],
    ['grams', features.grams],
    ['pairs', features.pairs],
  ];
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
