import { languageOf } from '../analyses/languages';
import type { AchievementRecord, Impact, ImpactComponent } from '../protocol/achievements';
import { pathKind } from './path-kind';

/** What the impact model reads: a record without its own impact. */
export type ImpactInput = Omit<AchievementRecord, 'impact' | 'classification'>;

interface ImpactRule {
  id: string;
  label: string;
  /** negative for a penalty that subtracts its points from the total */
  weight: number;
  /** How the score is computed, in one sentence, for the README and reports. */
  rule: string;
  /** A 0..1 score (a penalty: 0 or 1) and why, or null when the data cannot tell (git has no reviews). */
  measure(pr: ImpactInput): { score: number; detail: string } | null;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
// Lines that say little about effort: lock files, generated and vendored code.
const isNoise = (path: string) => ['lock', 'generated'].includes(pathKind(path));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * THE impact formula, one place. Each positive component scores 0..1; the total is
 *   100 × Σ(weight × score) / Σ(weight)  over the components the data can measure
 * (so a PR reconstructed from git is not penalised for reviews git cannot see),
 * minus the points of penalties that apply, clamped to 0..100.
 */
export const impactComponents: readonly ImpactRule[] = [
  {
    id: 'size',
    label: 'Size',
    weight: 25,
    rule: 'Lines added + deleted, lock files and generated or vendored files left out, on a log scale: 10 lines → 0.33, 100 → 0.67, 1,000+ → 1.',
    measure: (pr) => {
      const counted = pr.files.filter((f) => !isNoise(f.path));
      const lines = counted.reduce((s, f) => s + (f.additions ?? 0) + (f.deletions ?? 0), 0);
      const left = pr.files.length - counted.length;
      return { score: clamp(Math.log10(1 + lines) / 3), detail: `${lines.toLocaleString('en-US')} line${lines === 1 ? '' : 's'} changed${left > 0 ? ` (${plural(left, 'lock or generated file')} left out)` : ''}` };
    },
  },
  {
    id: 'spread',
    label: 'Spread',
    weight: 15,
    rule: 'Mean of files (20+ → 1), directories (8+ → 1) and languages (3+ → 1) touched, noise files left out.',
    measure: (pr) => {
      const paths = pr.files.map((f) => f.path).filter((p) => !isNoise(p));
      const dirs = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.')));
      const languages = new Set(paths.map(languageOf).filter((l): l is string => l !== null));
      return {
        score: (clamp(paths.length / 20) + clamp(dirs.size / 8) + clamp(languages.size / 3)) / 3,
        detail: `${plural(paths.length, 'file')} in ${plural(dirs.size, 'directory').replace('directorys', 'directories')}, ${plural(languages.size, 'language')}`,
      };
    },
  },
  {
    id: 'existing-code',
    label: 'Change to existing code',
    weight: 10,
    rule: 'Share of changed files that were edited (lines both added and deleted) rather than only added: reworking existing code is harder than adding new files.',
    measure: (pr) => {
      const files = pr.files.filter((f) => !isNoise(f.path) && f.additions !== null);
      if (files.length === 0) return null;
      const edited = files.filter((f) => (f.additions ?? 0) > 0 && (f.deletions ?? 0) > 0).length;
      return { score: edited / files.length, detail: `${edited} of ${plural(files.length, 'file')} edited in place` };
    },
  },
  {
    id: 'review-effort',
    label: 'Review effort',
    weight: 15,
    rule: 'Mean of reviewers (3+ → 1), review rounds (4+ → 1) and comments (10+ → 1) by people other than the author, bots left out. GitHub only.',
    measure: (pr) => {
      if (pr.source === 'git') return null;
      const human = pr.interactions.filter((i) => !i.isBot && i.login.toLowerCase() !== (pr.author.login ?? '').toLowerCase());
      const reviews = human.filter((i) => i.kind === 'review');
      const reviewers = new Set(reviews.map((i) => i.login.toLowerCase())).size;
      const comments = human.filter((i) => i.kind === 'comment').length;
      return {
        score: (clamp(reviewers / 3) + clamp(reviews.length / 4) + clamp(comments / 10)) / 3,
        detail: `${plural(reviewers, 'reviewer')}, ${plural(reviews.length, 'review')}, ${plural(comments, 'comment')}`,
      };
    },
  },
  {
    id: 'tests',
    label: 'Tests alongside code',
    weight: 15,
    rule: 'Source changed with tests → 1; source changed without tests → 0; PRs that change no source (docs, tests, CI only) are not measured.',
    measure: (pr) => {
      const kinds = pr.files.map((f) => pathKind(f.path));
      if (!kinds.includes('source')) return null;
      const tests = kinds.filter((k) => k === 'test').length;
      return { score: tests > 0 ? 1 : 0, detail: tests > 0 ? `${plural(tests, 'test file')} changed with the code` : 'code changed without tests' };
    },
  },
  {
    id: 'linked-issues',
    label: 'Linked issues',
    weight: 20,
    rule: 'Issues the PR closes: none → 0, one → 0.6, two or more → 0.8; +0.2 when one is labelled as a bug, regression or security problem (capped at 1). GitHub only.',
    measure: (pr) => {
      if (pr.source === 'git') return null;
      const n = pr.closingIssues.length;
      const severe = pr.closingIssues.some((i) => i.labels.some((l) => /bug|regression|security|vulnerab|critical|crash/i.test(l)));
      const base = n === 0 ? 0 : n === 1 ? 0.6 : 0.8;
      return { score: clamp(base + (severe && n > 0 ? 0.2 : 0)), detail: n === 0 ? 'closes no linked issue' : `closes ${plural(n, 'issue')}${severe ? ', one labelled bug/security' : ''}` };
    },
  },
  {
    id: 'reverted',
    label: 'Reverted later',
    weight: -40,
    rule: 'Penalty: 40 points off when a later commit or PR reverted this one.',
    measure: (pr) => (pr.revertedBy === null ? { score: 0, detail: 'not reverted' } : { score: 1, detail: `reverted by ${pr.revertedBy}` }),
  },
];

/** The impact score 0..100 with each component's points, like the health breakdown. */
export function scoreImpact(pr: ImpactInput): Impact {
  const measured = impactComponents.map((rule) => ({ rule, result: rule.measure(pr) }));
  const positiveWeight = measured.filter((m) => m.result !== null && m.rule.weight > 0).reduce((s, m) => s + m.rule.weight, 0);
  const components: ImpactComponent[] = [];
  let total = 0;
  for (const { rule, result } of measured) {
    if (result === null) continue;
    const points = rule.weight > 0 ? (positiveWeight === 0 ? 0 : (100 * rule.weight * result.score) / positiveWeight) : rule.weight * result.score;
    total += points;
    components.push({ id: rule.id, label: rule.label, weight: rule.weight, score: round(result.score), points: round(points), detail: result.detail });
  }
  return { score: round(Math.max(0, Math.min(100, total))), components };
}

/** The README table, generated from the rules above (a test keeps them equal). */
export function impactFormulaMarkdown(): string {
  const rows = impactComponents.map((c) => `| ${c.label} | ${c.weight} | ${c.rule} |`);
  return ['| component | weight | how the score is computed |', '|---|---:|---|', ...rows].join('\n');
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
