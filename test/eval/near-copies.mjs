// `npm run eval:near-copies`: where the near-copy floor of "similar repositories" sits
// against real neighbours and real copies, in the built-in lexical space, without labels.
// Every 25th project of awesome-nodejs.jsonl gets a fork (another owner, the same name and
// description, as a GitHub fork has); we print the cosine of each fork to its original, and
// the distribution of each default "similar" result's similarity to the closest result
// ranked above it (what the penalty compares). The floor should sit between the two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = await loadEngine();
const records = fs.readFileSync(path.join(here, 'awesome-nodejs.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const originals = records.filter((_, i) => i % 25 === 3);
const forkOf = (r) => ({ ...r, full_name: `fork-owner/${r.full_name.split('/')[1]}`, url: `https://github.com/fork-owner/${r.full_name.split('/')[1]}` });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-near-copies-'));
const file = path.join(work, 'with-forks.jsonl');
fs.writeFileSync(file, [...records, ...originals.map(forkOf)].map((r) => JSON.stringify(r)).join('\n'));
const store = engine.openStore(path.join(work, 'eval.db'));
try {
  await engine.importRepositories(store, file);
  const lexical = await engine.openSpace(store, 'lexical');
  await engine.syncEmbeddings(store, lexical);
  const idOf = (r) => store.db.prepare("select id from search_documents where kind = 'repository' and lower(ref_key) = ?").get(`github:${r.full_name}`.toLowerCase())?.id;
  const forkCosines = originals.map((r) => {
    const ids = [idOf(r), idOf(forkOf(r))];
    const vectors = engine.readVectors(store.db, lexical, ids);
    return engine.dot(vectors.get(ids[0]), vectors.get(ids[1]));
  });
  const closest = [];
  for (const r of records) {
    const result = await engine.similarRepositories(store, lexical, `github:${r.full_name}`, { limit: 10 });
    for (const rec of result.recommendations.slice(1)) {
      const value = rec.factors.find((f) => f.id === 'diversity')?.value;
      if (typeof value === 'number') closest.push(value);
    }
  }
  closest.sort((a, b) => a - b);
  forkCosines.sort((a, b) => a - b);
  const q = (xs, p) => xs[Math.floor(p * (xs.length - 1))].toFixed(2);
  const floor = engine.DEFAULT_DIVERSITY.floor;
  console.log(`Lexical space over ${records.length} projects + ${originals.length} forks (same name and description, another owner).`);
  console.log(`fork to its original, cosine: min ${q(forkCosines, 0)}, median ${q(forkCosines, 0.5)}, max ${q(forkCosines, 1)}`);
  console.log(`default "similar" results (ranks 2-10), cosine to the closest result above: ${[0.25, 0.5, 0.75, 0.9, 0.95, 0.99].map((p) => `p${Math.round(p * 100)} ${q(closest, p)}`).join(', ')}`);
  console.log(`near-copy floor ${floor}: ${forkCosines.filter((c) => c > floor).length}/${forkCosines.length} forks above it; ${((100 * closest.filter((c) => c > floor).length) / closest.length).toFixed(1)}% of results above it.`);
} finally {
  store.close();
  fs.rmSync(work, { recursive: true, force: true });
}
