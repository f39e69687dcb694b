import type { ChangedFile } from '../../protocol/achievements';
import { extensionOf, pathKind, type PathKind } from '../path-kind';

// Features for the fitted model: the title's wording and the shape of what the change
// touched. Paths are reduced to kinds and extensions on purpose: raw folder names are one
// project's habits and would not carry over to a project the model has never seen.

/** The input the model sees: a title (type prefix already removed or never there) and files. */
export interface ChangeShape {
  title: string;
  files: readonly ChangedFile[];
}

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'with', 'is', 'be', 'by', 'as', 'at', 'it', 'its', 'from', 'this', 'that']);

/**
 * A light suffix stemmer: "fix", "fixes", "fixed", "fixing" all become "fix"; "cache",
 * "cached", "caching" all become "cach".
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let base = word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3 && !word.endsWith('ss')) {
      base = word.slice(0, -suffix.length);
      // "uses" -> "use", not "us": only x/ch/sh/z take "es" as a suffix
      if (suffix === 'es' && !/(x|ch|sh|z)$/.test(base)) base = word.slice(0, -1);
      break;
    }
  }
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** The title's words: inline code replaced by one token (identifiers are project-specific), lower-cased, stemmed. */
export function titleWords(title: string): string[] {
  const text = title
    .replace(/`[^`]*`/g, ' codespan ')
    .replace(/\(#\d+\)\s*$/, ' ')
    .replace(/https?:\/\/\S+/g, ' url ')
    .toLowerCase();
  return text
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w))
    .map(stem);
}

// Word families that mean the same kind of change in any project; pooling them lets a
// synonym the training data rarely used ("speed up", "memoize") count like a common one.
const FAMILIES: ReadonlyArray<[string, RegExp]> = [
  ['perf', /^(perf|performanc|fast|faster|speed|slow|cach|lazy|lazily|memoiz|optimiz|parallel|concurren|allocat|memory|throughput|latency|hot|quick|reduc|overhead|expensiv|batch)/],
  ['refactor', /^(refactor|renam|mov|extract|simplif|clean|cleanup|reorganiz|restructur|inlin|dedup|consolidat|split|merg|unify|tidy|rework|internal)/],
  ['fix', /^(fix|bug|crash|error|wrong|incorrect|broken|regression|fail|issu|prevent|handl|correct|properly|missing|invalid|edg)/],
  ['feature', /^(add|support|introduc|allow|enabl|new|implement|expos|provid|option)/],
  ['chore', /^(bump|updat|upgrad|releas|version|deps|dependenc|renovat|lint|format|typo|ci|workflow|script|pin|unpin)/],
  ['remove', /^(remov|delet|drop|deprecat|unus)/],
];

function bucket(value: number, edges: readonly number[]): string {
  let i = 0;
  while (i < edges.length && value > (edges[i] ?? Infinity)) i += 1;
  return String(i);
}

/** The set of feature names for one change; the model weighs each present feature once. */
export function changeFeatures(change: ChangeShape): string[] {
  const features = new Set<string>();
  const words = titleWords(change.title);
  const first = words[0];
  if (first !== undefined) features.add(`first:${first}`);
  const content = words.filter((w) => !STOP.has(w));
  for (const w of content) {
    features.add(`w:${w}`);
    for (const [family, pattern] of FAMILIES) if (pattern.test(w)) features.add(`fam:${family}`);
  }
  if (first !== undefined) for (const [family, pattern] of FAMILIES) if (pattern.test(first)) features.add(`firstfam:${family}`);
  for (let i = 0; i + 1 < words.length; i += 1) features.add(`b:${words[i]}_${words[i + 1]}`);
  if (words.length === 0) features.add('title:empty');
  // "fix #123", "closes #45": naming an issue is how fixes are usually announced.
  if (/(^|[^\w&])#\d+\b/.test(change.title)) features.add('title:issue-ref');

  const kinds = new Map<PathKind, number>();
  let additions = 0;
  let deletions = 0;
  for (const file of change.files) {
    const kind = pathKind(file.path);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const ext = extensionOf(file.path);
    if (ext !== '' && ext.length <= 6) features.add(`ext:${ext}`);
    additions += file.additions ?? 0;
    deletions += file.deletions ?? 0;
    if (file.additions === null) features.add('binary');
    // A source file only added to (very likely new): features arrive as new files more than fixes do.
    if (kind === 'source' && (file.additions ?? 0) > 0 && file.deletions === 0) features.add('source-added');
  }
  const total = change.files.length;
  for (const [kind, count] of kinds) {
    features.add(`k:${kind}`);
    if (count === total) features.add(`kall:${kind}`);
    else if (count * 2 >= total) features.add(`kmost:${kind}`);
  }
  if (total > 0 && !kinds.has('test') && (kinds.get('source') ?? 0) > 0) features.add('source-without-tests');
  features.add(`files:${bucket(total, [0, 1, 3, 10, 30])}`);
  features.add(`churn:${bucket(additions + deletions, [0, 5, 20, 100, 500])}`);
  if (additions > 0 && deletions === 0) features.add('adds-only');
  if (deletions > 0 && additions === 0) features.add('deletes-only');
  if (deletions > additions * 2 && deletions > 10) features.add('deletes-heavy');
  return [...features];
}
