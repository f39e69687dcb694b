// `npm run fit:classify`: refits the shipped classifier model on all of
// ../shared/data/pr-classes-vite.jsonl (the held-out score is `npm run eval:classify`'s job)
// and writes shared/achievements/classify/model-weights.json.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataFile, FIT_OPTIONS, loadClassifierEngine, readLabelled } from './classify-data.mjs';

const engine = await loadClassifierEngine();
const records = readLabelled(dataFile());
const model = engine.fitLinearModel(
  records.map((r) => ({ features: engine.changeFeatures({ title: r.title, files: r.files }), label: r.label })),
  { ...FIT_OPTIONS, fittedOn: `${records.length} squash-merged vitejs/vite pull requests (pr-classes-vite.jsonl), npm run fit:classify` },
);
const out = fileURLToPath(new URL('../../shared/achievements/classify/model-weights.json', import.meta.url));
// One feature per line keeps diffs of a refit readable.
const body = Object.entries(model.weights).map(([f, w]) => `    ${JSON.stringify(f)}: ${JSON.stringify(w)}`).join(',\n');
fs.writeFileSync(
  out,
  `{\n  "version": 1,\n  "fittedOn": ${JSON.stringify(model.fittedOn)},\n  "classes": ${JSON.stringify(model.classes)},\n  "bias": ${JSON.stringify(model.bias)},\n  "weights": {\n${body}\n  }\n}\n`,
);
console.log(`wrote ${out}: ${model.classes.length} classes, ${Object.keys(model.weights).length} features`);
