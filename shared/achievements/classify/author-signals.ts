import type { PrClass } from '../../protocol/achievements';

// The author's own words about a change: a Conventional Commits type and GitHub labels.
// These come first in the cascade because nobody knows a change better than its author.

const PREFIX = /^\s*([a-z][a-z-]*)(\([^)]*\))?(!)?\s*:\s*\S/i;

const BY_TYPE = new Map<string, PrClass>([
  ['feat', 'feature'], ['feature', 'feature'], ['fix', 'fix'], ['bugfix', 'fix'], ['hotfix', 'fix'],
  ['perf', 'performance'], ['performance', 'performance'], ['security', 'security'], ['sec', 'security'],
  ['refactor', 'refactor'], ['docs', 'docs'], ['doc', 'docs'], ['test', 'tests'], ['tests', 'tests'],
  ['build', 'build-ci'], ['ci', 'build-ci'], ['workflow', 'build-ci'], ['deps', 'chore'],
  ['chore', 'chore'], ['style', 'chore'], ['revert', 'revert'],
]);

/** The class a Conventional Commits title declares ("fix(parser)!: ..."), or null when it declares none we know. */
export function classFromConventionalPrefix(title: string): PrClass | null {
  const match = PREFIX.exec(title);
  if (!match) return null;
  return BY_TYPE.get((match[1] ?? '').toLowerCase()) ?? null;
}

// Label words as GitHub's default labels and common label schemes spell them
// ("type: bug", "kind/feature", "documentation"). Checked in this order: security first,
// because a security fix is also labelled "bug".
const LABEL_RULES: ReadonlyArray<[RegExp, PrClass]> = [
  [/\b(security|vulnerability|cve)\b/i, 'security'],
  [/\brevert\b/i, 'revert'],
  [/\b(perf|performance)\b/i, 'performance'],
  [/\b(bug|bugfix|fix|regression|defect)\b/i, 'fix'],
  [/\b(feature|enhancement|feat|new feature)\b/i, 'feature'],
  [/\b(docs?|documentation)\b/i, 'docs'],
  [/\b(tests?|testing)\b/i, 'tests'],
  [/\b(ci|build|infra|infrastructure|github[_ ]actions)\b/i, 'build-ci'],
  [/\b(refactor|refactoring|cleanup|tech[- ]debt)\b/i, 'refactor'],
  [/\b(dependencies|deps|chore|maintenance)\b/i, 'chore'],
];

/** The class the labels declare, the most specific rule first, or null. */
export function classFromLabels(labels: readonly string[]): PrClass | null {
  for (const [pattern, cls] of LABEL_RULES) {
    if (labels.some((label) => pattern.test(label.replace(/[:/_-]+/g, ' ')))) return cls;
  }
  return null;
}

const QUOTED_TYPED_TITLE = /^\s*["“]([a-z]+)(\([^)]*\))?!?:\s/i;

/**
 * True for a revert's title: GitHub's 'Revert "..."', or a quoted Conventional Commits title
 * (what is left of 'revert: "fix: ..."' once the type is read). The quoted title must start
 * with a type we know: '"EISDIR: illegal operation" error on Windows' quotes an error message.
 */
export function isRevertTitle(title: string): boolean {
  if (/^\s*Revert\s+["“]/.test(title)) return true;
  const quoted = QUOTED_TYPED_TITLE.exec(title);
  return quoted !== null && BY_TYPE.has((quoted[1] ?? '').toLowerCase());
}

/** True when the title speaks of a security problem in words that rarely mean anything else. */
export function hasSecurityWords(title: string): boolean {
  // A dependency bump tagged "[security]" by Renovate is routine upkeep, not the author's security work.
  if (/^\s*(update|bump|upgrade)\b.*\bdependenc/i.test(title) || /^\s*bump\s+\S+\s+from\s/i.test(title)) return false;
  return /\b(security|vulnerabilit(y|ies)|cve-\d{4}-\d+|ghsa-[a-z0-9-]+|xss|csrf|ssrf|rce|path traversal|prototype pollution|redos)\b/i.test(title);
}
