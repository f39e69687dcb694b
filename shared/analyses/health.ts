import type { HealthComponent, HealthScore, RepositoryResearch } from '../research/types';
import { defineAnalysis } from './analysis';

/** Everything the health score reads: the research result minus the score itself. */
export type HealthInput = Omit<RepositoryResearch, 'health'> & {
  /** API-only signals; absent for local repositories (the component is then left out). */
  responsiveness?: {
    medianHoursToFirstResponse: number | null;
    /** Issues and pull requests opened in the window that the median is over. */
    sampled?: number;
    /** Of those, how many nobody but their author has answered yet (counted at their age so far). */
    unanswered?: number;
  } | null;
  /** CHAOSS change request closure ratio inputs: pull requests opened and closed (merged or not) in the window. */
  changeRequests?: { opened: number; closed: number; merged: number } | null;
  /** Scorecard "Maintained" inputs from the API. */
  maintenance?: { archived: boolean; commitsLast90Days: number; maintainerActionsLast90Days: number } | null;
};

interface ComponentRule {
  id: string;
  label: string;
  weight: number;
  /** How the 0..1 score is computed, in one sentence, for the README and reports. */
  rule: string;
  /** Returns a 0..1 score and a sentence on why, or null when not measurable. */
  measure(input: HealthInput): { score: number; detail: string } | null;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * THE health formula. Each component scores 0..1; the total is
 *   100 × Σ(weight × score) / Σ(weight)   over the components that can be measured,
 * so a local clone is not penalised for signals only the GitHub API has.
 * Components follow OpenSSF Scorecard's file-based checks (License, Security-Policy,
 * CI-Tests, Dependency-Update-Tool, Code-Review, Maintained) and CHAOSS metrics
 * (activity, contributor absence factor, release frequency, responsiveness).
 */
export const healthComponents: readonly ComponentRule[] = [
  {
    id: 'activity',
    label: 'Activity',
    weight: 20,
    rule: 'Half from weeks with commits among the last 26 (13+ is full), half from recency (full within 30 days of the last commit, zero after 365). Scorecard Maintained, CHAOSS activity.',
    measure: ({ activity }) => {
      // Scorecard "Maintained": commits in most recent weeks; CHAOSS recency.
      const weekly = clamp(activity.activeWeeksLast26 / 13);
      const recency = activity.daysSinceLastCommit <= 30 ? 1 : clamp(1 - (activity.daysSinceLastCommit - 30) / 335);
      return {
        score: 0.5 * weekly + 0.5 * recency,
        detail: `${activity.activeWeeksLast26} of the last 26 weeks had commits (13+ scores full); last commit ${activity.daysSinceLastCommit} days ago (full within 30, none after 365).`,
      };
    },
  },
  {
    id: 'bus-factor',
    label: 'Bus factor',
    weight: 15,
    rule: 'CHAOSS contributor absence factor over the window: 1 person → 0.2, 2 → 0.5, 3 → 0.75, 4+ → 1; no human commits → 0.',
    measure: ({ busFactor }) => {
      const f = busFactor.window.factor;
      const score = f === 0 ? 0 : f === 1 ? 0.2 : f === 2 ? 0.5 : f === 3 ? 0.75 : 1;
      return {
        score,
        detail:
          f === 0
            ? `No human commits in the last ${busFactor.windowMonths} months.`
            : `${f} ${f === 1 ? 'person covers' : 'people cover'} half of the last ${busFactor.windowMonths} months' commits (1 → 20%, 2 → 50%, 3 → 75%, 4+ → full).`,
      };
    },
  },
  {
    id: 'code-review',
    label: 'Changes via pull requests',
    weight: 10,
    rule: 'Share of main-line (first-parent) changes in the window that arrived as a merged or squashed pull request (GitHub: share of PRs merged in the window that someone other than the author reviewed or answered). Scorecard Code-Review.',
    measure: ({ pullRequests, repository }) =>
      pullRequests.reviewedShare === null
        ? null
        : repository.source === 'github'
          ? { score: pullRequests.reviewedShare, detail: `${pct(pullRequests.reviewedShare)} of the pull requests merged in the window were reviewed or answered by someone other than their author.` }
          : { score: pullRequests.reviewedShare, detail: `${pct(pullRequests.reviewedShare)} of main-line changes in the window arrived as a merged or squashed pull request.` },
  },
  {
    id: 'ci-tests',
    label: 'CI and tests',
    weight: 15,
    rule: 'CI configuration present → 0.5; test files present → 0.5. Scorecard CI-Tests.',
    measure: ({ communityFiles: f }) => ({
      score: (f.ci.length > 0 ? 0.5 : 0) + (f.tests.present ? 0.5 : 0),
      detail: `${f.ci.length > 0 ? `CI configured (${f.ci[0]})` : 'no CI configuration'}; ${f.tests.present ? `${f.tests.files} test files` : 'no tests found'}.`,
    }),
  },
  {
    id: 'documentation',
    label: 'Documentation and community files',
    weight: 15,
    rule: 'README 0.4, CONTRIBUTING 0.2, CODE_OF_CONDUCT 0.15, CHANGELOG 0.15, CITATION.cff 0.1. GitHub community profile.',
    measure: ({ communityFiles: f }) => {
      const parts: [string, string | null, number][] = [
        ['README', f.readme, 0.4],
        ['CONTRIBUTING', f.contributing, 0.2],
        ['CODE_OF_CONDUCT', f.codeOfConduct, 0.15],
        ['CHANGELOG', f.changelog, 0.15],
        ['CITATION.cff', f.citation, 0.1],
      ];
      const present = parts.filter(([, path]) => path !== null);
      const missing = parts.filter(([, path]) => path === null).map(([name]) => name);
      return {
        score: present.reduce((sum, [, , w]) => sum + w, 0),
        detail: missing.length === 0 ? 'README, CONTRIBUTING, CODE_OF_CONDUCT, CHANGELOG and CITATION.cff all present.' : `Missing: ${missing.join(', ')}.`,
      };
    },
  },
  {
    id: 'license',
    label: 'Licence',
    weight: 10,
    rule: 'Recognised SPDX licence → 1; unrecognised licence file → 0.7; none → 0. Scorecard License.',
    measure: ({ communityFiles: f }) =>
      f.license === null
        ? { score: 0, detail: 'No licence file: others cannot legally reuse the code.' }
        : f.license.spdxId
          ? { score: 1, detail: `${f.license.spdxId} (${f.license.path}).` }
          : { score: 0.7, detail: `${f.license.path} present but not a recognised SPDX licence.` },
  },
  {
    id: 'security-policy',
    label: 'Security policy',
    weight: 5,
    rule: 'SECURITY policy file present → 1. Scorecard Security-Policy.',
    measure: ({ communityFiles: f }) =>
      f.security ? { score: 1, detail: `${f.security} tells reporters how to disclose vulnerabilities.` } : { score: 0, detail: 'No SECURITY policy file.' },
  },
  {
    id: 'dependency-updates',
    label: 'Dependency updates and linters',
    weight: 5,
    rule: 'Dependabot/Renovate configuration → 0.6; linter or formatter configuration → 0.4. Scorecard Dependency-Update-Tool.',
    measure: ({ communityFiles: f }) => ({
      score: (f.dependencyUpdates.length > 0 ? 0.6 : 0) + (f.linters.length > 0 ? 0.4 : 0),
      detail: `${f.dependencyUpdates.length > 0 ? `dependency updates by ${f.dependencyUpdates.join(', ')}` : 'no dependency-update tool'}; ${f.linters.length > 0 ? `${f.linters.length} linter/formatter configs` : 'no linter configuration'}.`,
    }),
  },
  {
    id: 'releases',
    label: 'Release cadence',
    weight: 5,
    rule: 'Tags (GitHub: published releases) in the last 365 days: 4+ → 1, 1–3 → 0.4 + 0.2 each; older ones only → 0.2; none → 0. CHAOSS release frequency.',
    measure: ({ releases: r }) => {
      // GitHub repositories are measured by their published releases, local clones by tags.
      const what = r.source === 'github-releases' ? 'releases' : 'tags';
      return {
        score: r.last365Days >= 4 ? 1 : r.last365Days > 0 ? 0.4 + 0.2 * r.last365Days : r.tags > 0 ? 0.2 : 0,
        detail: r.tags === 0 ? `No release ${what}.` : `${r.last365Days} ${what} in the last 365 days (4+ scores full); ${r.tags} in all${r.latest ? `, latest ${r.latest.name}` : ''}.`,
      };
    },
  },
  {
    id: 'responsiveness',
    label: 'Issue and PR responsiveness',
    weight: 10,
    rule: 'Median time to first response on issues and PRs: full within 24 h, falling to zero at 30 days. GitHub API only. CHAOSS time to first response.',
    measure: ({ responsiveness }) => {
      const hours = responsiveness?.medianHoursToFirstResponse;
      if (hours === undefined || hours === null) return null;
      const sample = responsiveness?.sampled ? ` over ${responsiveness.sampled} issues and pull requests${responsiveness.unanswered ? `, ${responsiveness.unanswered} still unanswered` : ''}` : '';
      return { score: hours <= 24 ? 1 : clamp(1 - (hours - 24) / (24 * 29)), detail: `Median first response ${Math.round(hours)} h${sample} (full within a day, none after 30 days).` };
    },
  },
  {
    id: 'change-requests',
    label: 'Change request closure',
    weight: 5,
    rule: 'Pull requests closed (merged or declined) in the window over those opened in it, capped at 1. GitHub API only. CHAOSS change request closure ratio.',
    // CHAOSS "Change Request Closure Ratio": change requests closed (merged or declined) over those opened in the window.
    measure: ({ changeRequests: c }) => {
      if (!c || c.opened === 0) return null;
      const ratio = c.closed / c.opened;
      return { score: clamp(ratio), detail: `${c.closed} pull requests closed (${c.merged} merged) for ${c.opened} opened in the window: ratio ${ratio.toFixed(2)} (1.00+ scores full).` };
    },
  },
  {
    id: 'maintained',
    label: 'Maintained',
    weight: 10,
    rule: 'Archived → 0; otherwise commits plus maintainer actions (closing or answering issues and PRs) in the last 90 days, 13+ → 1. GitHub API only. Scorecard Maintained.',
    // OpenSSF Scorecard "Maintained": archived scores zero; otherwise about one commit or
    // maintainer action (a close or an answer on an issue / pull request) per week over 90 days.
    measure: ({ maintenance: m }) => {
      if (!m) return null;
      if (m.archived) return { score: 0, detail: 'Archived on GitHub: read-only, no longer maintained.' };
      const actions = m.commitsLast90Days + m.maintainerActionsLast90Days;
      return { score: clamp(actions / 13), detail: `${m.commitsLast90Days} commits and ${m.maintainerActionsLast90Days} maintainer actions on issues and pull requests in the last 90 days (13+ scores full).` };
    },
  },
];

const NOT_MEASURED = 'Not measurable from local history (needs the GitHub API); left out and the other weights renormalised.';
const NOT_MEASURED_GITHUB = 'Nothing to measure for this repository in the window; left out and the other weights renormalised.';

/** Applies the formula above and reports each component's contribution in points. */
export function healthScore(input: HealthInput): HealthScore {
  const measured = healthComponents.map((rule) => ({ rule, result: rule.measure(input) }));
  const applicable = measured.filter((m) => m.result !== null);
  const totalWeight = applicable.reduce((sum, m) => sum + m.rule.weight, 0);
  const components: HealthComponent[] = measured.map(({ rule, result }) => ({
    id: rule.id,
    label: rule.label,
    weight: rule.weight,
    score: result === null ? null : round(clamp(result.score), 3),
    points: result === null || totalWeight === 0 ? 0 : round((100 * rule.weight * clamp(result.score)) / totalWeight, 1),
    detail: result === null ? (input.repository.source === 'github' ? NOT_MEASURED_GITHUB : NOT_MEASURED) : result.detail,
  }));
  const score = Math.round(components.reduce((sum, c) => sum + c.points, 0));
  return { score, grade: grade(score), components };
}

function grade(score: number): HealthScore['grade'] {
  return score >= 80 ? 'A' : score >= 65 ? 'B' : score >= 50 ? 'C' : score >= 35 ? 'D' : 'F';
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The formula as a Markdown table (README and reports render the same source). */
export function healthFormulaMarkdown(): string {
  const rows = healthComponents.map((c) => `| ${c.label} | ${c.weight} | ${c.rule} |`);
  return ['| component | weight | how the 0–1 score is computed |', '|---|---:|---|', ...rows].join('\n');
}

/**
 * The score over everything listed before it; a GitHub repository's API-only inputs join in.
 * Listed last in the registry (its test holds that): it reads every other result.
 */
export const healthAnalysis = defineAnalysis({
  name: 'health',
  publish: (h) => h,
  needs: 'earlier',
  fromEarlier: (earlier) => healthScore({ ...(earlier as Omit<RepositoryResearch, 'health'>), ...earlier.githubInputs }),
});
