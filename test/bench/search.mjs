// `npm run bench:search`: search-engine figures through the engine API, printed, not asserted.
// - KNN (vector mode) and hybrid query latency, top 10, at 10,000 and 100,000 stored items
//   (targets from issue 6: p50 <= 5 ms at 10k and <= 50 ms at 100k);
// - lexical embedding throughput (items/s);
// - memory recall latency over 2,000 memories.
// Documents are synthetic: random 12-40 word texts over the vocabulary of the evaluation set.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../eval/bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = path.join(root, '.bench', 'search');
const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
const QUERIES = 200;
const engine = await loadEngine();

// Deterministic PRNG (mulberry32) so runs are comparable.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const vocabulary = [
  ...new Set(
    fs
      .readFileSync(path.join(root, 'test', 'eval', 'awesome-nodejs.jsonl'), 'utf8')
      .toLowerCase()
      .match(/"description": "([^"]*)"/g)
      .join(' ')
      .match(/[a-z][a-z0-9-]{2,}/g),
  ),
].filter((w) => w !== 'description');
const languages = ['JavaScript', 'TypeScript', 'Go', 'Rust', 'Python', 'C++'];
function text(random, min, max) {
  const n = min + Math.floor(random() * (max - min));
  return Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
}
function documents(count, random) {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 10 === 0 ? 'issue' : 'repository',
    refKey: `github:owner${i % 500}/project-${i}`,
    owner: `owner${i % 500}`,
    title: text(random, 1, 3),
    body: text(random, 12, 40),
    language: languages[i % languages.length],
    health: Math.floor(random() * 100),
    stars: Math.floor(random() * 10_000),
  }));
}
function percentiles(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}
async function latency(fn, queries) {
  for (const q of queries.slice(0, 20)) await fn(q); // warm-up
  const times = [];
  for (const q of queries) {
    const start = performance.now();
    await fn(q);
    times.push(performance.now() - start);
  }
  return percentiles(times);
}
const fmt = (x) => x.toFixed(2).padStart(7);
fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const lines = [];
const log = (s) => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};
log(`Search benchmarks (Node ${process.version}, ${process.arch}); latencies in ms, ${QUERIES} queries each, top 10.`);
log('');

for (const size of sizes) {
  const random = rng(size);
  const store = engine.openStore(path.join(scratch, `bench-${size}.db`));
  try {
    let start = performance.now();
    const docs = documents(size, random);
    for (let i = 0; i < docs.length; i += 5_000) engine.indexDocuments(store, docs.slice(i, i + 5_000));
    const indexMs = performance.now() - start;
    start = performance.now();
    const space = await engine.openSpace(store, 'lexical');
    const fitMs = performance.now() - start;
    start = performance.now();
    await engine.syncEmbeddings(store, space);
    const embedMs = performance.now() - start;
    const queries = Array.from({ length: QUERIES }, () => text(random, 2, 5));
    const knn = await latency((q) => engine.searchDocuments(store, space, { query: q, mode: 'vector', limit: 10 }), queries);
    const hybrid = await latency((q) => engine.searchDocuments(store, space, { query: q, mode: 'hybrid', limit: 10 }), queries);
    const bm25 = await latency((q) => engine.searchDocuments(store, null, { query: q, mode: 'bm25', limit: 10 }), queries);
    // The same hybrid query without the lexicon, interleaved in time with the others: the lexicon's cost under the same load.
    const plain = await latency((q) => engine.searchDocuments(store, space, { query: q, mode: 'hybrid', limit: 10, expand: false }), queries);
    const filtered = await latency((q) => engine.searchDocuments(store, space, { query: q, mode: 'hybrid', limit: 10, kinds: ['issue'], minHealth: 50 }), queries);
    log(`${size.toLocaleString('en-US')} items (lexical, ${space.embedder.dimensions} dimensions): index ${(indexMs / 1000).toFixed(1)} s, fit (IDF + LSA) ${(fitMs / 1000).toFixed(1)} s, embed+store ${(embedMs / 1000).toFixed(1)} s (${Math.round(size / (embedMs / 1000)).toLocaleString('en-US')} items/s)`);
    log(`  KNN (vector mode)        p50 ${fmt(knn.p50)}  p99 ${fmt(knn.p99)}`);
    log(`  BM25 only                p50 ${fmt(bm25.p50)}  p99 ${fmt(bm25.p99)}`);
    log(`  hybrid (BM25 + KNN, RRF) p50 ${fmt(hybrid.p50)}  p99 ${fmt(hybrid.p99)}`);
    log(`  hybrid without lexicon   p50 ${fmt(plain.p50)}  p99 ${fmt(plain.p99)}`);
    log(`  hybrid, kind + health    p50 ${fmt(filtered.p50)}  p99 ${fmt(filtered.p99)}`);
  } finally {
    store.close();
  }
}

{
  // Issue 14: the index is ready when the data is. Import 10,000 records (JSON Lines, as
  // `reposcout import` reads them) and prepare the index as the import command does; then,
  // as a new process would, open the store again and time the first search end to end.
  // Then a refit in the background (as the MCP server runs it when the corpus has outgrown
  // the fit): the longest event-loop stall and the latency of searches served meanwhile.
  const size = Number(process.env.BENCH_IMPORT_SIZE ?? 10_000);
  const random = rng(99);
  const file = path.join(scratch, 'import.jsonl');
  fs.writeFileSync(
    file,
    documents(size, random)
      .map((d, i) => JSON.stringify({ full_name: `${d.owner}/project-${i}`, description: d.body, language: d.language, stars: d.stars }))
      .join('\n'),
  );
  const dbFile = path.join(scratch, 'bench-import.db');
  let store = engine.openStore(dbFile);
  let start = performance.now();
  const imported = await engine.importRepositories(store, file);
  const importMs = performance.now() - start;
  start = performance.now();
  await engine.prepareSearchIndex(store, 'lexical');
  const prepareMs = performance.now() - start;
  store.close();
  start = performance.now();
  store = engine.openStore(dbFile);
  const fresh = await engine.prepareSearchIndex(store, 'lexical');
  const first = await engine.searchDocuments(store, fresh.space, { query: 'streaming parser for json', limit: 10 });
  const firstMs = performance.now() - start;
  log('');
  log(`Import of ${imported.repositories.toLocaleString('en-US')} records: import ${(importMs / 1000).toFixed(1)} s, then fit + embed ${(prepareMs / 1000).toFixed(1)} s as part of the import`);
  log(`  first search afterwards (open store, load the fit, nothing pending, hybrid query): ${firstMs.toFixed(0)} ms (${first.hits.length} hits, ${fresh.embedded} embedded)`);

  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const queries = Array.from({ length: 400 }, () => text(random, 2, 5));
  const served = [];
  let stop = false;
  const serving = (async () => {
    for (let i = 0; !stop; i++) {
      const t = performance.now();
      await engine.searchDocuments(store, fresh.space, { query: queries[i % queries.length], limit: 10 });
      served.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  start = performance.now();
  const next = await engine.openSpace(store, 'lexical', { refit: 'force', background: true });
  await engine.syncEmbeddings(store, next, { background: true, batchSize: 64 });
  const refitMs = performance.now() - start;
  delay.disable();
  stop = true;
  await serving;
  const p = percentiles(served);
  log(`  background refit of the same corpus: ${(refitMs / 1000).toFixed(1)} s; longest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms);`);
  log(`  ${served.length} searches served meanwhile from the previous space: p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms`);
  store.close();
}

{
  // Lexical embedding throughput, separate from storage.
  const random = rng(7);
  const texts = documents(20_000, random).map((d) => `${d.title}\n${d.body}`);
  const embedder = engine.createLexicalEmbedder(engine.fitLexicalModel(texts));
  const start = performance.now();
  for (let i = 0; i < texts.length; i += 512) await embedder.embed(texts.slice(i, i + 512));
  const seconds = (performance.now() - start) / 1000;
  log('');
  log(`Lexical embedding throughput: ${Math.round(texts.length / seconds).toLocaleString('en-US')} items/s (20,000 texts of 13-43 words, batches of 512)`);
}

{
  const random = rng(11);
  const store = engine.openStore(path.join(scratch, 'bench-memory.db'));
  try {
    let space = await engine.openSpace(store, 'lexical');
    const tags = ['ci', 'perf', 'search', 'release', 'infra'];
    const start = performance.now();
    for (let i = 0; i < 2_000; i++) {
      if (i % 500 === 0) space = await engine.openSpace(store, 'lexical');
      await engine.remember(store, space, { text: `${text(random, 8, 30)} (${i})`, tags: [tags[i % tags.length]], merge: true });
    }
    const rememberMs = (performance.now() - start) / 2_000;
    space = await engine.openSpace(store, 'lexical');
    await engine.syncEmbeddings(store, space);
    const queries = Array.from({ length: QUERIES }, () => text(random, 2, 6));
    const plain = await latency((q) => engine.recall(store, space, { query: q, limit: 10 }), queries);
    const tagged = await latency((q) => engine.recall(store, space, { query: q, limit: 10, tags: ['perf'] }), queries);
    log('');
    log(`Memory (2,000 memories): remember ${rememberMs.toFixed(2)} ms each (embed + duplicate check + write)`);
    log(`  recall                   p50 ${fmt(plain.p50)}  p99 ${fmt(plain.p99)}`);
    log(`  recall, one tag          p50 ${fmt(tagged.p50)}  p99 ${fmt(tagged.p99)}`);
  } finally {
    store.close();
  }
}
fs.writeFileSync(path.join(scratch, 'results.txt'), `${lines.join('\n')}\n`);
