// `npm run eval`: similar-repository retrieval on 498 real Node.js projects labelled with
// the "Awesome Node.js" category a human editor filed them under. For each project we ask
// the engine for similar repositories and count a hit when a result shares the category.
// The labels are read only here, for scoring; the engine never sees them.
//
// So that the figure cannot flatter itself, the projects are split once, by a hash of their
// name, into a development half and a held-out half. Every search parameter (the expansion
// field's BM25 weight, the vector list's fusion weight) is chosen on the development queries
// only; the held-out queries are scored once, with those parameters, and hybrid is compared
// with plain BM25 (current field weights, no lexicon) by a paired bootstrap over queries.
// All 498 projects stay in the corpus on both sides: only whose labels are used differs.
//
// Options: --model-dir <dir> (or REPOSCOUT_MODEL_DIR) also measures a sentence model.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './bundle.mjs';
import { pairedBootstrap, pairedT } from './significance.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataFile = path.join(here, 'awesome-nodejs.jsonl');
const K = 5;
const TARGET_RATIO = 1.25;
const modelDirArg = process.argv.indexOf('--model-dir');
const modelDir = modelDirArg > 0 ? process.argv[modelDirArg + 1] : process.env.REPOSCOUT_MODEL_DIR || null;

const engine = await loadEngine();
const records = fs.readFileSync(dataFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const category = new Map(records.map((r) => [`github:${r.full_name}`.toLowerCase(), r.category]));
// Half by the first byte of sha256(full_name): fixed, independent of file order and labels.
const split = (r) => (createHash('sha256').update(r.full_name).digest()[0] < 128 ? 'dev' : 'held-out');
const dev = records.filter((r) => split(r) === 'dev');
const heldOut = records.filter((r) => split(r) === 'held-out');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-eval-'));
const store = engine.openStore(path.join(work, 'eval.db'));
const lines = [];
const log = (s = '') => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};
try {
  const imported = await engine.importRepositories(store, dataFile);
  const lexical = await engine.openSpace(store, 'lexical');
  await engine.syncEmbeddings(store, lexical);

  /** Per-query P@5 and reciprocal rank (top 10) of one configuration over some records. */
  async function score(queries, { space, mode, expand, tuning, diversity = false }) {
    const p5 = [];
    const rr = [];
    for (const record of queries) {
      const result = await engine.similarRepositories(store, space, `github:${record.full_name}`, { limit: 10, mode, diversity, expand, tuning });
      const hits = result.recommendations.map((r) => category.get(r.repository.key.toLowerCase()) === record.category);
      p5.push(hits.slice(0, K).filter(Boolean).length / K);
      const first = hits.indexOf(true);
      rr.push(first === -1 ? 0 : 1 / (first + 1));
    }
    return { p5, rr, meanP5: mean(p5), mrr: mean(rr) };
  }

  log(`Similar repositories on ${imported.repositories} awesome-nodejs projects (${new Set(category.values()).size} categories); hit = same category; MRR over the top 10.`);
  log(`Split by a hash of the project name: ${dev.length} development queries, ${heldOut.length} held-out queries (the corpus is all ${records.length} on both).`);
  log('');

  // 1. Parameters fixed on the development split.
  const grid = [];
  for (const expansionWeight of [0.5, 1, 2, 3, 4]) {
    for (const vectorWeight of [0.5, 1, 1.5, 2, 3, 4]) {
      const s = await score(dev, { space: lexical, mode: 'hybrid', expand: true, tuning: { expansionWeight, vectorWeight } });
      grid.push({ expansionWeight, vectorWeight, ...s });
    }
  }
  grid.sort((a, b) => b.meanP5 - a.meanP5 || b.mrr - a.mrr);
  const chosen = { expansionWeight: grid[0].expansionWeight, vectorWeight: grid[0].vectorWeight };
  const defaults = engine.DEFAULT_TUNING;
  log(`Development split: ${grid.length} settings of (expansion-field weight, vector fusion weight) for hybrid + lexicon; best five by P@5:`);
  for (const g of grid.slice(0, 5)) log(`  expansion ${String(g.expansionWeight).padEnd(4)} vector ${String(g.vectorWeight).padEnd(4)}  P@5 ${g.meanP5.toFixed(3)}  MRR ${g.mrr.toFixed(3)}`);
  log(`Chosen: expansion weight ${chosen.expansionWeight}, vector weight ${chosen.vectorWeight}; the engine's defaults are ${defaults.expansionWeight} and ${defaults.vectorWeight}${defaults.expansionWeight === chosen.expansionWeight && defaults.vectorWeight === chosen.vectorWeight ? ' (the same)' : ' (DIFFERENT: update DEFAULT_TUNING in shared/search/search.ts)'}.`);
  log('');

  // 2. Every configuration on both splits with the chosen parameters; the held-out split is the result.
  const runs = [
    { name: 'BM25 alone (baseline: field weights 3/1/2, no lexicon)', space: null, mode: 'bm25', expand: false },
    { name: 'BM25 + lexicon expansion', space: null, mode: 'bm25', expand: true },
    { name: 'lexical embedder alone', space: lexical, mode: 'vector', expand: true },
    { name: 'hybrid, no query expansion (vectors embed concepts)', space: lexical, mode: 'hybrid', expand: false },
    { name: 'hybrid: BM25 + lexical, with lexicon (default)', space: lexical, mode: 'hybrid', expand: true },
    { name: 'hybrid + diversity penalty (similar default)', space: lexical, mode: 'hybrid', expand: true, diversity: true },
  ];
  if (modelDir) {
    const model = await engine.openSpace(store, await engine.loadTransformersEmbedder({ modelDir }));
    await engine.syncEmbeddings(store, model);
    runs.push({ name: `sentence model alone (${path.basename(modelDir)})`, space: model, mode: 'vector', expand: true });
    runs.push({ name: `hybrid: BM25 + sentence model, with lexicon`, space: model, mode: 'hybrid', expand: true });
  }
  const rows = [];
  for (const run of runs) {
    const started = performance.now();
    const d = await score(dev, { ...run, tuning: chosen });
    const h = await score(heldOut, { ...run, tuning: chosen });
    rows.push({ name: run.name, dev: d, held: h, ms: (performance.now() - started) / records.length });
  }
  const width = Math.max(...rows.map((r) => r.name.length));
  log(`| ${'retrieval'.padEnd(width)} | dev P@5 | dev MRR | held-out P@5 | held-out MRR | ms/query |`);
  log(`|${'-'.repeat(width + 2)}|---------|---------|--------------|--------------|----------|`);
  for (const r of rows) {
    log(`| ${r.name.padEnd(width)} | ${r.dev.meanP5.toFixed(3).padStart(7)} | ${r.dev.mrr.toFixed(3).padStart(7)} | ${r.held.meanP5.toFixed(3).padStart(12)} | ${r.held.mrr.toFixed(3).padStart(12)} | ${r.ms.toFixed(1).padStart(8)} |`);
  }
  log('');

  // 3. Significance on the held-out split: hybrid (default) against the BM25 baseline, paired by query.
  const bm25 = rows[0].held;
  const hybrid = rows[4].held;
  const ratio = hybrid.meanP5 / bm25.meanP5;
  const bootP5 = pairedBootstrap(hybrid.p5, bm25.p5, { resamples: 10_000, seed: 20_261_130 });
  const bootMrr = pairedBootstrap(hybrid.rr, bm25.rr, { resamples: 10_000, seed: 20_261_131 });
  const tP5 = pairedT(hybrid.p5, bm25.p5);
  log(`Held-out, hybrid (default) against BM25 alone, ${heldOut.length} paired queries:`);
  log(`  P@5 ${hybrid.meanP5.toFixed(3)} vs ${bm25.meanP5.toFixed(3)}: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x); difference ${fmtDiff(bootP5)}`);
  log(`  MRR ${hybrid.mrr.toFixed(3)} vs ${bm25.mrr.toFixed(3)}: difference ${fmtDiff(bootMrr)}`);
  log(`  paired t on P@5: t = ${tP5.t.toFixed(2)} (${tP5.df} df), two-sided p ${fmtP(tP5.p)}`);
  log('  (paired bootstrap: 10,000 resamples of the held-out queries, seeded; p = share of resamples where hybrid is not better)');
  log('');
  log('Diversity trades some same-category precision for variety; it is reported, not gated.');

  const failures = [];
  if (ratio < TARGET_RATIO) failures.push(`held-out P@5 is ${ratio.toFixed(2)}x BM25's, below the ${TARGET_RATIO}x target`);
  if (!(bootP5.low > 0)) failures.push('the held-out P@5 gain is not significant at 95% (bootstrap interval reaches 0)');
  if (!(hybrid.mrr > bm25.mrr)) failures.push('held-out MRR is not above BM25');
  for (const f of failures) process.stderr.write(`eval: ${f}\n`);
  if (failures.length) process.exitCode = 1;
} finally {
  store.close();
  fs.rmSync(work, { recursive: true, force: true });
}

function mean(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
function fmtDiff(b) {
  return `${b.mean >= 0 ? '+' : ''}${b.mean.toFixed(3)}, 95% CI [${b.low.toFixed(3)}, ${b.high.toFixed(3)}], one-sided p ${fmtP(b.p)}`;
}
function fmtP(p) {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4);
}
