// A second process for memory.concurrency.test.ts: remembers a list of texts into one
// database as fast as it can, re-opening the lexical space now and then (as separate CLI
// runs would), and prints a JSON summary. Bundled by the test with esbuild.
import { openStore } from '../store/open';
import { openSpace } from '../search/spaces';
import { syncEmbeddings } from '../search/sync';
import { remember } from './remember';

const [dbPath, name, countArg] = process.argv.slice(2);
const count = Number(countArg);
const store = openStore(dbPath!);
const outcomes: Record<string, number> = { created: 0, merged: 0 };
let space = await openSpace(store, 'lexical');
for (let i = 0; i < count; i++) {
  if (i % 10 === 0) {
    space = await openSpace(store, 'lexical');
    await syncEmbeddings(store, space);
  }
  // Even items are shared by both writers (same text); odd ones are this writer's own.
  const text = i % 2 === 0 ? `Shared lesson number ${i}: check the ${i}th cache before rebuilding.` : privateNote(name!, i);
  const result = await remember(store, space, { text, tags: [name!] });
  outcomes[result.outcome]! += 1;
}
store.close();

// Distinct wording per note, so private notes are never near-duplicates of each other.
function privateNote(writer: string, i: number): string {
  const words = ['amber', 'basalt', 'cobalt', 'dune', 'ember', 'fjord', 'glacier', 'harbor', 'iris', 'jade', 'kelp', 'lagoon', 'maple', 'nebula', 'onyx'];
  const pick = (k: number) => words[(i * 7 + k * 3 + writer.length) % words.length];
  return `${writer} observed ${pick(0)} ${pick(1)} near the ${pick(2)} ${pick(3)} (note ${i}).`;
}
process.stdout.write(JSON.stringify(outcomes));
