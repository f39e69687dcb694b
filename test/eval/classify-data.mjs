// Shared by `npm run eval:classify` and `npm run fit:classify`: the engine bundle and the
// labelled pull requests of ../shared/data/pr-classes-vite.jsonl, split by time.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleEngine } from './bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function loadClassifierEngine() {
  return bundleEngine('test/eval/classify-engine.ts', `${root}dist/classify-engine.mjs`);
}

/** The data file: $REPOSCOUT_PR_CLASSES, else ../shared/data beside the checkout. */
export function dataFile() {
  const candidates = [process.env.REPOSCOUT_PR_CLASSES, `${root}../shared/data/pr-classes-vite.jsonl`, '/work/shared/data/pr-classes-vite.jsonl'];
  const found = candidates.find((file) => file && fs.existsSync(file));
  if (!found) {
    console.error('pr-classes-vite.jsonl not found; set REPOSCOUT_PR_CLASSES to its path.');
    process.exit(2);
  }
  return found;
}

export function readLabelled(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
    .map((r) => ({ ...r, number: Number(String(r.id).split('#')[1] ?? 0) }));
}

/**
 * A split by time, not at random: the newest 20% of pull requests (by number) are held out,
 * so the model is judged on changes made after everything it learned from, as in use.
 * Settings are chosen by cross-validation inside the training part (`--tune`).
 */
export function splitByTime(records) {
  const sorted = [...records].sort((a, b) => a.number - b.number);
  const cut = Math.floor(sorted.length * 0.8);
  const train = sorted.slice(0, cut);
  return { train, heldOut: sorted.slice(cut) };
}

/**
 * The settings the shipped model is fitted with, chosen by `npm run eval:classify -- --tune`
 * (cross-validation inside the training part only). A small learning rate over 12 epochs is
 * the regularisation that counts here: the fit stops well before it memorises the titles.
 */
export const FIT_OPTIONS = { epochs: 12, learningRate: 0.002, l2: 1e-5, minCount: 2, balance: 0.3, seed: 7 };
