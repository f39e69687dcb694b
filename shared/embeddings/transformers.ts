import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RepoScoutError, throwIfAborted } from '../errors';
import type { Embedder } from './types';
import { isUnitOrZero } from './vector';
import type { Remedy } from '../protocol/errors';

// Model trouble is fixed by another model folder (or the lexical embedder, which each front door offers too).
const FIX_MODEL: { remedy: Remedy } = { remedy: { do: 'fix_input', input: 'modelDir' } };

/** The model RepoScout uses when one is installed: 384 dimensions, quantized ONNX. */
export const DEFAULT_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

export interface TransformersEmbedderOptions {
  /** A folder holding config.json, tokenizer.json, tokenizer_config.json and onnx/model_quantized.onnx or onnx/model.onnx. */
  modelDir: string;
  /** 'q8' reads onnx/model_quantized.onnx, 'fp32' onnx/model.onnx; default: whichever exists, quantized first. */
  dtype?: 'q8' | 'fp32';
  /** Characters per text kept before tokenizing; the model truncates to its own token limit anyway. */
  maxChars?: number;
}

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * Loads a sentence-embedding model with transformers.js from a local folder, never
 * from the network: mean pooling over the attention mask, then L2 normalisation.
 * A missing or corrupt folder is MODEL_UNAVAILABLE naming the folder and the fix.
 */
export async function loadTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const modelDir = path.resolve(options.modelDir);
  const { config, dtype, onnxPath } = inspectModelFolder(modelDir, options.dtype);
  const transformers = await importTransformers();
  const { env, LogLevel } = transformers;
  // Offline by construction: only `downloadModel` ever lets transformers.js reach the hub.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  // Its info/debug logging goes to stdout, which is the MCP protocol channel.
  env.logLevel = LogLevel.ERROR;
  let extractor: Awaited<ReturnType<typeof transformers.pipeline<'feature-extraction'>>>;
  try {
    // A path (not a hub id) is read directly from disk.
    extractor = await transformers.pipeline('feature-extraction', modelDir, { dtype });
  } catch (error) {
    throw unavailable(modelDir, `could not be loaded (${firstLine(error)})`, error);
  }
  const dimensions = config.hidden_size;
  const maxChars = options.maxChars ?? 4_000;
  const embed = async (texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> => {
    throwIfAborted(signal);
    if (texts.length === 0) return [];
    // An empty string tokenizes to just [CLS][SEP]; give it a space so every model sees a token.
    const inputs = texts.map((t) => (t.trim() === '' ? ' ' : t.slice(0, maxChars)));
    const output = await extractor(inputs, { pooling: 'mean', normalize: true });
    const [rows, width] = output.dims as [number, number];
    if (width !== dimensions) {
      throw new RepoScoutError(
        'EMBEDDING_DIMENSION_MISMATCH',
        `The model in ${modelDir} produced ${width}-dimensional vectors but its config.json says hidden_size ${dimensions}; the folder is inconsistent; replace it or use the lexical embedder.`,
        FIX_MODEL,
      );
    }
    const data = output.data as Float32Array;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < rows; i++) vectors.push(data.slice(i * width, (i + 1) * width));
    return vectors;
  };
  const [probe] = await embed(['probe']);
  if (!probe || !isUnitOrZero(probe)) throw unavailable(modelDir, 'produced a vector that is not finite and unit-length');
  return {
    name: 'transformers',
    model: config._name_or_path ?? path.basename(modelDir),
    revision: modelRevision(modelDir, onnxPath, dtype),
    dimensions,
    batchSize: 32,
    embed,
  };
}

interface ModelConfig {
  hidden_size: number;
  model_type?: string;
  _name_or_path?: string;
}

/** Checks the folder's shape before handing it to transformers.js, so errors name the missing piece. */
export function inspectModelFolder(modelDir: string, dtype?: 'q8' | 'fp32'): { config: ModelConfig; dtype: 'q8' | 'fp32'; onnxPath: string } {
  if (!fs.existsSync(modelDir) || !fs.statSync(modelDir).isDirectory()) {
    throw unavailable(modelDir, 'does not exist');
  }
  const missing = REQUIRED_FILES.filter((f) => !fs.existsSync(path.join(modelDir, f)));
  const quantized = path.join(modelDir, 'onnx', 'model_quantized.onnx');
  const full = path.join(modelDir, 'onnx', 'model.onnx');
  const chosen: 'q8' | 'fp32' | null = dtype ?? (fs.existsSync(quantized) ? 'q8' : fs.existsSync(full) ? 'fp32' : null);
  const onnxPath = chosen === 'q8' ? quantized : full;
  if (chosen === null || !fs.existsSync(onnxPath)) missing.push(chosen === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx (or onnx/model_quantized.onnx)');
  if (missing.length > 0) throw unavailable(modelDir, `is missing ${missing.join(', ')}`);
  let config: ModelConfig;
  try {
    config = JSON.parse(fs.readFileSync(path.join(modelDir, 'config.json'), 'utf8')) as ModelConfig;
  } catch (error) {
    throw unavailable(modelDir, `has an unreadable config.json (${firstLine(error)})`, error);
  }
  if (!Number.isInteger(config.hidden_size) || config.hidden_size <= 0) {
    throw unavailable(modelDir, 'has a config.json without a positive integer hidden_size');
  }
  return { config, dtype: chosen ?? 'fp32', onnxPath };
}

/**
 * Downloads a model from the Hugging Face hub into `cacheDir/<model id>` and returns that
 * folder. The only code path that lets transformers.js use the network; only the explicit
 * `reposcout embed --download` command calls it.
 */
export async function downloadModel(modelId: string, cacheDir: string): Promise<string> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(modelId)) {
    throw new RepoScoutError('INVALID_INPUT', `"${modelId}" is not a Hugging Face model id like ${DEFAULT_MODEL_ID}.`);
  }
  const transformers = await importTransformers();
  const { env, LogLevel } = transformers;
  const previous = { allowRemoteModels: env.allowRemoteModels, cacheDir: env.cacheDir, useFSCache: env.useFSCache };
  env.allowRemoteModels = true;
  env.useFSCache = true;
  env.cacheDir = cacheDir;
  env.logLevel = LogLevel.ERROR;
  try {
    await transformers.pipeline('feature-extraction', modelId, { dtype: 'q8' });
  } catch (error) {
    throw new RepoScoutError(
      'MODEL_UNAVAILABLE',
      `Could not download ${modelId} (${firstLine(error)}); check the network, or copy the model folder by hand.`,
      { cause: error, ...FIX_MODEL },
    );
  } finally {
    Object.assign(env, previous);
  }
  return path.join(cacheDir, ...modelId.split('/'));
}

async function importTransformers() {
  try {
    return await import('@huggingface/transformers');
  } catch (error) {
    throw new RepoScoutError(
      'MODEL_UNAVAILABLE',
      `@huggingface/transformers could not be loaded (${firstLine(error)}); reinstall RepoScout's dependencies or use the lexical embedder.`,
      { cause: error },
    );
  }
}

// Vectors depend on the exact weights and tokenizer: hash them so a replaced folder makes a new space.
function modelRevision(modelDir: string, onnxPath: string, dtype: string): string {
  const hash = createHash('sha256');
  for (const file of [...REQUIRED_FILES.map((f) => path.join(modelDir, f)), onnxPath]) hash.update(fs.readFileSync(file));
  return `${dtype}-${hash.digest('hex').slice(0, 12)}`;
}

function unavailable(modelDir: string, problem: string, cause?: unknown): RepoScoutError {
  return new RepoScoutError(
    'MODEL_UNAVAILABLE',
    `The embedding model folder ${modelDir} ${problem}; a model folder holds config.json, tokenizer.json, tokenizer_config.json and onnx/model_quantized.onnx (or use the lexical embedder).`,
    { cause, ...FIX_MODEL },
  );
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).slice(0, 200);
}
