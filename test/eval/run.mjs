// `npm run eval`: similar-repository retrieval on 498 real Node.js projects labelled with
// the "Awesome Node.js" category a human editor filed them under. For each project we ask
// the engine for similar repositories and count a hit when a result shares the category.
// The labels are read only here, for scoring; the engine never sees them.
//
// So that the figure cannot flatter itself, the projects are split once, by a hash of their
// name, into a development half and a held-out half. Every search parameter (the expansion
// field's BM25 weight, the vector list's fusion weight) is chosen on the development queries
// only; so is the near-copy (diversity) penalty of the default "similar" path. The held-out
// queries are scored once, with those parameters, and both hybrid and the default "similar"
// path (hybrid + near-copy penalty, what `reposcout similar` and find_similar_repositories
// give) are compared with plain BM25 (current field weights, no lexicon) by a paired
// bootstrap over queries. All 498 projects stay in the corpus on both sides: only whose
// labels are used differs.
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
  async function score(queries, { space, mode, expand, tuning, diversity = false, diversityTuning }) {
    const p5 = [];
    const rr = [];
    for (const record of queries) {
      const result = await engine.similarRepositories(store, space, `github:${record.full_name}`, { limit: 10, mode, diversity, diversityTuning, expand, tuning });
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

  // 1b. The near-copy penalty of the default "similar" path, on the development split too.
  // This set has no forks or mirrors, so the penalty can only cost precision here; the grid
  // therefore keeps to settings that still do the penalty's job anywhere (an exact copy of a
  // result ranked above loses at least 0.2 of its 0..1 score: strength >= 0.2) and picks the
  // one that costs the least development P@5 (then MRR).
  const diversityGrid = [];
  for (const floor of [0.8, 0.85, 0.9, 0.95]) {
    for (const strength of [0.2, 0.3, 0.4]) {
      const s = await score(dev, { space: lexical, mode: 'hybrid', expand: true, tuning: chosen, diversity: true, diversityTuning: { floor, strength } });
      diversityGrid.push({ floor, strength, ...s });
    }
  }
  const byDevScore = [...diversityGrid].sort((a, b) => b.meanP5 - a.meanP5 || b.mrr - a.mrr);
  const chosenDiversity = { floor: byDevScore[0].floor, strength: byDevScore[0].strength };
  const shippedDiversity = engine.DEFAULT_DIVERSITY;
  const sameDiversity = shippedDiversity.floor === chosenDiversity.floor && shippedDiversity.strength === chosenDiversity.strength;
  log(`Development split: ${diversityGrid.length} settings of the near-copy penalty (similarity floor, strength) on top of that, P@5 / MRR:`);
  for (const floor of [...new Set(diversityGrid.map((g) => g.floor))]) {
    const cells = diversityGrid.filter((g) => g.floor === floor).map((g) => `strength ${g.strength}: ${g.meanP5.toFixed(3)} / ${g.mrr.toFixed(3)}`);
    log(`  floor ${String(floor).padEnd(4)}  ${cells.join('   ')}`);
  }
  log(`Chosen: floor ${chosenDiversity.floor}, strength ${chosenDiversity.strength}; the engine's default is floor ${shippedDiversity.floor}, strength ${shippedDiversity.strength}${sameDiversity ? ' (the same)' : ' (DIFFERENT: update DEFAULT_DIVERSITY in shared/recommend/diversity.ts)'}.`);
  log('');

  // 2. Every configuration on both splits with the chosen parameters; the held-out split is the result.
  const runs = [
    { name: 'BM25 alone (baseline: field weights 3/1/2, no lexicon)', space: null, mode: 'bm25', expand: false },
    { name: 'BM25 + lexicon expansion', space: null, mode: 'bm25', expand: true },
    { name: 'lexical embedder alone', space: lexical, mode: 'vector', expand: true },
    { name: 'hybrid, no query expansion (vectors embed concepts)', space: lexical, mode: 'hybrid', expand: false },
    { name: 'hybrid: BM25 + lexical, with lexicon (--no-diversity)', space: lexical, mode: 'hybrid', expand: true },
    // As shipped (DEFAULT_DIVERSITY), so this row is exactly what users get.
    { name: 'similar default: hybrid + near-copy penalty', space: lexical, mode: 'hybrid', expand: true, diversity: true },
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

  // 3. Significance on the held-out split, paired by query, against the BM25 baseline: for the
  // default "similar" path (what users get) and for hybrid without the near-copy penalty.
  const bm25 = rows[0].held;
  const failures = [];
  const compared = [
    { label: 'similar default (hybrid + near-copy penalty)', held: rows[5].held, seeds: [20_261_132, 20_261_133] },
    { label: 'hybrid without the penalty (--no-diversity)', held: rows[4].held, seeds: [20_261_130, 20_261_131] },
  ];
  for (const { label, held, seeds } of compared) {
    const ratio = held.meanP5 / bm25.meanP5;
    const bootP5 = pairedBootstrap(held.p5, bm25.p5, { resamples: 10_000, seed: seeds[0] });
    const bootMrr = pairedBootstrap(held.rr, bm25.rr, { resamples: 10_000, seed: seeds[1] });
    const tP5 = pairedT(held.p5, bm25.p5);
    log(`Held-out, ${label} against BM25 alone, ${heldOut.length} paired queries:`);
    log(`  P@5 ${held.meanP5.toFixed(3)} vs ${bm25.meanP5.toFixed(3)}: ${ratio.toFixed(2)}x (target >= ${TARGET_RATIO}x); difference ${fmtDiff(bootP5)}`);
    log(`  MRR ${held.mrr.toFixed(3)} vs ${bm25.mrr.toFixed(3)}: difference ${fmtDiff(bootMrr)}`);
    log(`  paired t on P@5: t = ${tP5.t.toFixed(2)} (${tP5.df} df), two-sided p ${fmtP(tP5.p)}`);
    if (ratio < TARGET_RATIO) failures.push(`${label}: held-out P@5 is ${ratio.toFixed(2)}x BM25's, below the ${TARGET_RATIO}x target`);
    if (!(bootP5.low > 0)) failures.push(`${label}: the held-out P@5 gain is not significant at 95% (bootstrap interval reaches 0)`);
    if (!(held.mrr > bm25.mrr)) failures.push(`${label}: held-out MRR is not above BM25`);
  }
  log('  (paired bootstrap: 10,000 resamples of the held-out queries, seeded; p = share of resamples where the system is not better)');
  if (!sameDiversity || defaults.expansionWeight !== chosen.expansionWeight || defaults.vectorWeight !== chosen.vectorWeight) {
    failures.push('the engine defaults differ from the parameters chosen on the development split (see above)');
  }
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
