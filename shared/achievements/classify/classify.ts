import type { ChangedFile, Classification, PrClass } from '../../protocol/achievements';
import { pathKind, type PathKind } from '../path-kind';
import { classFromConventionalPrefix, classFromLabels, hasSecurityWords, isRevertTitle } from './author-signals';
import { changeFeatures } from './features';
import { predict, type LinearModel } from './model';
import shippedModel from './model-weights.json';

export interface ClassifyInput {
  title: string;
  files: readonly ChangedFile[];
  labels?: readonly string[];
}

// How often each rule step was right on the labelled set it was checked against
// (pr-classes-vite.jsonl, see `npm run eval:classify`); reported as its confidence.
const RULE_CONFIDENCE = {
  'conventional-prefix': 0.95,
  label: 0.9,
  'revert-title': 0.9,
  'security-words': 0.7,
  'paths-docs': 0.88,
  'paths-tests': 0.85,
  'paths-ci-build': 0.6,
  'paths-dependencies': 0.6,
} as const;

/**
 * Classifies one pull request by a cascade: the author's own signals (a Conventional
 * Commits prefix, then labels), a revert's title, what the change touched (only docs, only
 * tests, only CI/build, only dependency files), security wording, then the fitted
 * model of title words and path shapes. Returns the class, the step that decided it and a
 * confidence (the rule's measured precision, or the model's probability).
 */
export function classifyChange(input: ClassifyInput, model: LinearModel = shippedModel as LinearModel): Classification {
  const declared = classFromConventionalPrefix(input.title);
  if (declared) return decided(declared, 'conventional-prefix');
  const labelled = classFromLabels(input.labels ?? []);
  if (labelled) return decided(labelled, 'label');
  if (isRevertTitle(input.title)) return decided('revert', 'revert-title');
  // What the change touched comes before security words: a change to docs, tests or CI alone
  // that names a security topic ("document the Content Security Policy") is not a security fix.
  const byPaths = classFromPaths(input.files);
  if (byPaths) return byPaths;
  if (hasSecurityWords(input.title)) return decided('security', 'security-words');
  const prediction = predict(model, changeFeatures({ title: stripPrefix(input.title), files: input.files }));
  return { class: prediction.class, rule: 'model', confidence: round(prediction.confidence) };
}

function classFromPaths(files: readonly ChangedFile[]): Classification | null {
  if (files.length === 0) return null;
  const kinds = new Set<PathKind>(files.map((f) => pathKind(f.path)));
  const only = (...allowed: PathKind[]) => [...kinds].every((k) => allowed.includes(k));
  if (only('docs')) return decided('docs', 'paths-docs');
  if (only('test')) return decided('tests', 'paths-tests');
  if (only('ci', 'build')) return decided('build-ci', 'paths-ci-build');
  // Lock files alone are upkeep; a manifest change beside them may be a fix or a feature, so the model reads those.
  if (only('lock')) return decided('chore', 'paths-dependencies');
  return null;
}

function decided(cls: PrClass, rule: keyof typeof RULE_CONFIDENCE): Classification {
  return { class: cls, rule, confidence: RULE_CONFIDENCE[rule] };
}

/** A title without a type prefix we did not recognise ("wip: ..."), so the model reads the words. */
function stripPrefix(title: string): string {
  return title.replace(/^\s*[a-z][a-z-]*(\([^)]*\))?!?\s*:\s*/i, '');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
