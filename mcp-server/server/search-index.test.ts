import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Embedder } from '../../shared/embeddings/types';
import { importRepositories } from '../../shared/exchange/import';
import { remember } from '../../shared/memory/remember';
import { countPending } from '../../shared/search/sync';
import { tempDir } from '../../test/helpers/git-fixture';
import { silentLogger, type Logger } from './logger';
import { createSearchIndex, embedderFromEnvironment, type EmbedderSetting } from './search-index';
import { connectInMemory, emptyStore, searchableFixture, textOf } from './test-support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** An index whose write lane counts how often it is entered. */
function countingIndex(store: Parameters<typeof createSearchIndex>[0], setting: EmbedderSetting = 'lexical') {
  let lanes = 0;
  const index = createSearchIndex(store, setting, (_signal, work) => {
    lanes += 1;
    return work();
  });
  return { index, lanes: () => lanes };
}

const run = (log: Logger = silentLogger) => ({ signal: new AbortController().signal, progress: () => {}, log });

/** A deterministic stand-in for a model: words hashed into 16 dimensions. */
const fakeModel: Embedder = {
  name: 'transformers',
  model: 'test/fake-model',
  revision: '1',
  dimensions: 16,
  batchSize: 8,
  embed: (texts) =>
    Promise.resolve(
      texts.map((text) => {
        const v = new Float32Array(16);
        for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) v[[...word].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 16, 7)]! += 1;
        const norm = Math.hypot(...v) || 1;
        return v.map((x) => x / norm);
      }),
    ),
};

describe('search index: one space per server, synced only when the store changed', () => {
  it('opens the space once, skips the lane while nothing changed, and embeds what an import adds', async () => {
    const fx = await searchableFixture();
    cleanups.push(fx.cleanup);
    const { index, lanes } = countingIndex(fx.store);
    const first = await index.ready(run());
    expect(countPending(fx.store, first!)).toBe(0);
    expect(await index.ready(run())).toBe(first);
    expect(lanes()).toBe(1);

    await importRepositories(fx.store, Readable.from([JSON.stringify({ full_name: 'octo/new-one', description: 'Brand new search tool.' })]));
    const again = await index.ready(run());
    expect(lanes()).toBe(2);
    expect(countPending(fx.store, again!)).toBe(0);
  });

  it('refreshes documents only (no embedder) when vectors are not needed', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const { index } = countingIndex(db.store, { embedder: 'transformers', modelDir: '/nowhere', defaultModelDir: '/nowhere' });
    // An unloadable model does not matter to a documents-only call...
    await expect(index.ready(run(), false)).resolves.toBeNull();
    // ...but is a clear error when vectors are needed.
    await expect(index.ready(run())).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });

  it('stays current after its own memory write, so the next search does not re-scan', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const { index, lanes } = countingIndex(db.store);
    await index.write(run(), (space) => remember(db.store, space, { text: 'Keep the lockfile in the CI cache key.' }));
    expect(lanes()).toBe(1);
    await index.ready(run());
    expect(lanes()).toBe(1);
  });
});

describe('search index: the embedder setting', () => {
  it('reads REPOSCOUT_EMBEDDER and REPOSCOUT_MODEL_DIR like the CLI', () => {
    expect(embedderFromEnvironment({ REPOSCOUT_EMBEDDER: 'lexical', REPOSCOUT_MODEL_DIR: '/models/x' })).toMatchObject({ embedder: 'lexical', modelDir: path.resolve('/models/x') });
    expect(embedderFromEnvironment({})).toMatchObject({ embedder: 'auto', modelDir: null });
  });

  it('uses the embedder createServer is given', async () => {
    const fx = await searchableFixture();
    cleanups.push(fx.cleanup);
    const mcp = await connectInMemory({ store: fx.store, embedder: fakeModel });
    cleanups.push(() => mcp.close());
    const result = await mcp.client.callTool({ name: 'search', arguments: { query: 'search ranking' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ mode: 'hybrid', embedder: { name: 'transformers', model: 'test/fake-model' } });
  });

  it('falls back to lexical with a logged warning when a configured model folder is broken (auto)', async () => {
    const broken = tempDir('reposcout-model-');
    cleanups.push(() => fs.rmSync(broken, { recursive: true, force: true }));
    fs.writeFileSync(path.join(broken, 'config.json'), '{ not json');
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const warnings: string[] = [];
    const log: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
    const mcp = await connectInMemory({ store: db.store, log, embedder: { embedder: 'auto', modelDir: broken, defaultModelDir: broken } });
    cleanups.push(() => mcp.close());
    const result = await mcp.client.callTool({ name: 'search', arguments: { query: 'anything' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ embedder: { name: 'lexical' } });
    expect(warnings.join('\n')).toMatch(/lexical embedder instead/);
  });

  it('answers an explicitly requested but missing model with MODEL_UNAVAILABLE and what the user can do', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const mcp = await connectInMemory({ store: db.store, embedder: { embedder: 'transformers', modelDir: '/nowhere/model', defaultModelDir: '/nowhere/model' } });
    cleanups.push(() => mcp.close());
    const result = await mcp.client.callTool({ name: 'recall', arguments: { query: 'anything' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^MODEL_UNAVAILABLE: .*REPOSCOUT_EMBEDDER=lexical/);
    // BM25 needs no model.
    expect((await mcp.client.callTool({ name: 'recall', arguments: { query: 'anything', mode: 'bm25' } })).isError).toBeFalsy();
  });
});

describe('search index: refit in the background', () => {
  const records = (from: number, count: number) =>
    Readable.from(
      Array.from({ length: count }, (_, i) =>
        JSON.stringify({ full_name: `org${(from + i) % 7}/project-${from + i}`, description: `${['Postgres driver', 'HTTP router', 'Kubernetes client', 'Test runner', 'Markdown parser'][(from + i) % 5]} number ${from + i} with streaming support` }),
      ).map((line) => `${line}\n`),
    );

  it('keeps serving the previous space while the new fit is made, then swaps to it', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const { index } = countingIndex(db.store);
    await importRepositories(db.store, records(0, 60));
    const before = (await index.ready(run()))!;
    expect(index.refitting()).toBeNull();

    // The corpus more than doubles: the fit is stale.
    await importRepositories(db.store, records(60, 240));
    const during = (await index.ready(run()))!;
    // Answered with the previous space, new documents embedded in it with the old fit...
    expect(during.id).toBe(before.id);
    expect(countPending(db.store, during)).toBe(0);
    const refit = index.refitting();
    expect(refit).not.toBeNull();
    // ...and a search meanwhile is served by it.
    const { searchDocuments } = await import('../../shared/search/search');
    const hits = await searchDocuments(db.store, during, { query: 'postgres driver', limit: 3 });
    expect(hits.hits.length).toBe(3);

    await refit;
    const after = (await index.ready(run()))!;
    expect(after.id).not.toBe(before.id);
    expect(countPending(db.store, after)).toBe(0);
    const live = db.store.db.prepare('select id from embedding_spaces where retired_at is null').all() as { id: number }[];
    expect(live.map((r) => r.id)).toEqual([after.id]);
    const fitted = db.store.db.prepare('select fitted_documents from embedding_spaces where id = ?').get(after.id) as { fitted_documents: number };
    expect(fitted.fitted_documents).toBe(300);
  });
});
