/**
 * Turns texts into unit-length vectors. Vectors from two embedders (or two models,
 * or two revisions of one model) live in different spaces and are never compared:
 * `name`, `model`, `revision` and `dimensions` together identify the space.
 */
export interface Embedder {
  readonly name: EmbedderName;
  /** Model identifier, e.g. 'Xenova/all-MiniLM-L6-v2' or 'hashed-ngrams-v1'. */
  readonly model: string;
  /** What else the vectors depend on: the lexical IDF fit, the model files' digest. */
  readonly revision: string;
  readonly dimensions: number;
  /** Largest batch `embed` should be given at once. */
  readonly batchSize: number;
  /** One L2-normalised vector of length `dimensions` per text, in order. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

export type EmbedderName = 'lexical' | 'transformers';

/** The identity of an embedder's vector space; equal fingerprints mean comparable vectors. */
export function embedderFingerprint(e: Pick<Embedder, 'name' | 'model' | 'revision' | 'dimensions'>): string {
  return `${e.name}|${e.model}|${e.revision}|${e.dimensions}`;
}
