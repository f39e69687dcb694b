import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/git-fixture';
import { TINY_MODEL_DIR } from '../../test/helpers/temp-store';
import { loadEmbedder, resolveEmbedderSettings } from './settings';
import { loadTransformersEmbedder } from './transformers';
import { dot, isUnitOrZero } from './vector';

const cleanup: string[] = [];
afterEach(() => {
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the tiny model that a test may break. */
function modelCopy(): string {
  const dir = path.join(tempDir('reposcout-model-'), 'tiny');
  cleanup.push(path.dirname(dir));
  fs.cpSync(TINY_MODEL_DIR, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'generate.py'));
  return dir;
}

describe('transformers.js embedder on the committed tiny model', () => {
  it('loads offline, tokenizes, mean-pools and normalises', async () => {
    const embedder = await loadTransformersEmbedder({ modelDir: TINY_MODEL_DIR });
    expect(embedder).toMatchObject({ name: 'transformers', dimensions: 16 });
    expect(embedder.revision).toMatch(/^fp32-[0-9a-f]{12}$/);
    const [a, b, c, empty] = await embedder.embed(['fast web server for node', 'Fast WEB server for Node', 'database query parser', '']);
    for (const v of [a, b, c, empty]) {
      expect(v).toHaveLength(16);
      expect(isUnitOrZero(v!)).toBe(true);
    }
    // BertNormalizer lower-cases: same tokens, same vector.
    expect(dot(a!, b!)).toBeCloseTo(1, 5);
    expect(dot(a!, c!)).toBeLessThan(0.99);
  });

  it('batches: one call with many texts equals one call per text', async () => {
    const embedder = await loadTransformersEmbedder({ modelDir: TINY_MODEL_DIR });
    const texts = ['a small cli tool', 'json stream parser for the web', 'memory'];
    const together = await embedder.embed(texts);
    for (let i = 0; i < texts.length; i++) {
      const [alone] = await embedder.embed([texts[i]!]);
      expect(dot(together[i]!, alone!)).toBeCloseTo(1, 5);
    }
  });
});

describe('transformers.js embedder: missing or corrupt model folders', () => {
  it.each([
    ['a folder that does not exist', (dir: string) => fs.rmSync(dir, { recursive: true }), /does not exist/],
    ['no tokenizer.json', (dir: string) => fs.rmSync(path.join(dir, 'tokenizer.json')), /missing tokenizer\.json/],
    ['no onnx file', (dir: string) => fs.rmSync(path.join(dir, 'onnx'), { recursive: true }), /missing onnx\/model\.onnx/],
    ['a config.json that is not JSON', (dir: string) => fs.writeFileSync(path.join(dir, 'config.json'), '{oops'), /unreadable config\.json/],
    ['a config.json without hidden_size', (dir: string) => fs.writeFileSync(path.join(dir, 'config.json'), '{"model_type":"bert"}'), /hidden_size/],
    ['a corrupt onnx file', (dir: string) => fs.writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'garbage'), /could not be loaded/],
  ])('%s is MODEL_UNAVAILABLE naming the folder and the fix', async (_name, breakIt, pattern) => {
    const dir = modelCopy();
    breakIt(dir);
    const error = await loadTransformersEmbedder({ modelDir: dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toContain(dir);
    expect((error as Error).message).toMatch(/use the lexical embedder/);
    expect(error).toMatchObject({ remedy: { do: 'fix_input', input: 'modelDir' } });
  });

  it('a config.json whose hidden_size disagrees with the weights is EMBEDDING_DIMENSION_MISMATCH', async () => {
    const dir = modelCopy();
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, hidden_size: 384 }));
    await expect(loadTransformersEmbedder({ modelDir: dir })).rejects.toMatchObject({ code: 'EMBEDDING_DIMENSION_MISMATCH' });
  });
});

describe('embedder settings: flags, then environment, then defaults', () => {
  const data = '/nonexistent-data';

  it('prefers flags over REPOSCOUT_EMBEDDER / REPOSCOUT_MODEL_DIR', () => {
    const env = { REPOSCOUT_EMBEDDER: 'transformers', REPOSCOUT_MODEL_DIR: '/env/model' };
    expect(resolveEmbedderSettings({}, env, data)).toMatchObject({ embedder: 'transformers', modelDir: '/env/model' });
    expect(resolveEmbedderSettings({ embedder: 'lexical', modelDir: '/flag' }, env, data)).toMatchObject({ embedder: 'lexical', modelDir: '/flag' });
    expect(resolveEmbedderSettings({}, {}, data)).toMatchObject({ embedder: 'auto', modelDir: null, defaultModelDir: '/nonexistent-data/models/Xenova/all-MiniLM-L6-v2' });
  });

  it('auto with no model anywhere is lexical, silently', async () => {
    expect(await loadEmbedder(resolveEmbedderSettings({}, {}, data))).toEqual({ embedder: 'lexical', warnings: [] });
  });

  it('auto with a broken configured folder falls back to lexical with a warning', async () => {
    const result = await loadEmbedder(resolveEmbedderSettings({ modelDir: '/nope/model' }, {}, data));
    expect(result.embedder).toBe('lexical');
    expect(result.warnings[0]).toMatch(/\/nope\/model does not exist.*Using the built-in lexical embedder instead/);
  });

  it('asking for transformers explicitly makes the same problem an error', async () => {
    await expect(loadEmbedder(resolveEmbedderSettings({ embedder: 'transformers', modelDir: '/nope/model' }, {}, data))).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });

  it('auto uses a model found in the data folder', async () => {
    const dataDir = tempDir('reposcout-data-');
    cleanup.push(dataDir);
    fs.cpSync(TINY_MODEL_DIR, path.join(dataDir, 'models', 'Xenova', 'all-MiniLM-L6-v2'), { recursive: true });
    const { embedder } = await loadEmbedder(resolveEmbedderSettings({}, {}, dataDir));
    expect(embedder).not.toBe('lexical');
    expect(embedder !== 'lexical' && embedder.dimensions).toBe(16);
  });
});
