import { describe, expect, it } from 'vitest';
import { sampleResearch } from '../reports/sample-research';
import { healthScore, type HealthInput } from './health';

// Every expected figure below is computed by hand from the rules in health.ts, not read back
// from the code: if a weight, a threshold or the rounding changes, these totals change.

type Files = HealthInput['communityFiles'];

/** A local research result where every measurable component scores zero (weights sum to 100). */
function blank(): HealthInput {
  const { health: _health, ...rest } = sampleResearch();
  const noFiles: Files = {
    readme: null,
    license: null,
    contributing: null,
    codeOfConduct: null,
    security: null,
    citation: null,
    changelog: null,
    ci: [],
    tests: { present: false, files: 0, examples: [] },
    linters: [],
    dependencyUpdates: [],
  };
  return {
    ...rest,
    activity: { ...rest.activity, activeWeeksLast26: 0, daysSinceLastCommit: 1000 },
    busFactor: { ...rest.busFactor, window: { ...rest.busFactor.window, factor: 0 } },
    pullRequests: { ...rest.pullRequests, reviewedShare: 0 },
    communityFiles: noFiles,
    releases: { tags: 0, last365Days: 0, latest: null },
  };
}

function withFiles(input: HealthInput, files: Partial<Files>): HealthInput {
  return { ...input, communityFiles: { ...input.communityFiles, ...files } };
}

function component(input: HealthInput, id: string) {
  const found = healthScore(input).components.find((c) => c.id === id);
  if (!found) throw new Error(`no component ${id}`);
  return found;
}

/** CI + tests (15), all five documentation files (15), an SPDX licence (10), security (5), dependency bot + linter (5), 4 releases (5). */
function filesAndReleases(input: HealthInput): HealthInput {
  return {
    ...withFiles(input, {
      readme: 'README.md',
      contributing: 'CONTRIBUTING.md',
      codeOfConduct: 'CODE_OF_CONDUCT.md',
      changelog: 'CHANGELOG.md',
      citation: 'CITATION.cff',
      license: { path: 'LICENSE', spdxId: 'MIT' },
      security: 'SECURITY.md',
      ci: ['.github/workflows/ci.yml'],
      tests: { present: true, files: 3, examples: ['a.test.ts'] },
      linters: ['eslint.config.mjs'],
      dependencyUpdates: ['.github/dependabot.yml'],
    }),
    releases: { tags: 9, last365Days: 4, latest: null },
  };
}

describe('health score: hand-computed totals', () => {
  it('scores the sample repository 80 (A): 20 + 7.5 + 6.2 + 15 + 11.3 + 10 + 0 + 5 + 5', () => {
    // activity: 22/26 weeks (full), 3 days ago (full) -> 20; bus factor 2 -> 0.5 x 15 = 7.5;
    // reviewed 62% x 10 = 6.2; CI + tests 15; README .4 + CONTRIBUTING .2 + CHANGELOG .15 = .75 x 15 = 11.25 -> 11.3;
    // MIT 10; no SECURITY 0; dependabot .6 + linter .4 = 5; 4 tags in a year 5. GitHub-only parts left out.
    const { health: _health, ...input } = sampleResearch();
    const health = healthScore(input);
    expect(Object.fromEntries(health.components.map((c) => [c.id, c.points]))).toEqual({
      activity: 20,
      'bus-factor': 7.5,
      'code-review': 6.2,
      'ci-tests': 15,
      documentation: 11.3,
      license: 10,
      'security-policy': 0,
      'dependency-updates': 5,
      releases: 5,
      responsiveness: 0,
      'change-requests': 0,
      maintained: 0,
    });
    expect(health.score).toBe(80);
    expect(health.grade).toBe('A');
  });

  it('scores zero (F) when nothing measurable is there', () => {
    const health = healthScore(blank());
    expect(health.score).toBe(0);
    expect(health.grade).toBe('F');
  });

  it.each([
    // [reviewed share, other parts, expected total, grade]
    [0.5, 'all', 80, 'A'], // 75 + 5
    [0.45, 'all', 80, 'A'], // 79.5 rounds up
    [0.44, 'all', 79, 'B'], // 79.4
    [1, 'no-activity', 65, 'B'], // 55 + 10
    [0.9, 'no-activity', 64, 'C'],
    [1, 'ci-docs-licence', 50, 'C'], // 15 + 15 + 10 + 10
    [0.9, 'ci-docs-licence', 49, 'D'],
    [1, 'ci-licence', 35, 'D'], // 15 + 10 + 10
    [0.9, 'ci-licence', 34, 'F'],
  ] as const)('grade boundary: reviewed %s with %s -> %s (%s)', (share, parts, total, grade) => {
    let input = blank();
    if (parts === 'all' || parts === 'no-activity') input = filesAndReleases(input);
    if (parts === 'all') input = { ...input, activity: { ...input.activity, activeWeeksLast26: 13, daysSinceLastCommit: 1 } };
    if (parts === 'ci-docs-licence' || parts === 'ci-licence') {
      input = withFiles(input, { ci: ['.ci/run'], tests: { present: true, files: 1, examples: [] }, license: { path: 'LICENSE', spdxId: 'MIT' } });
    }
    if (parts === 'ci-docs-licence') {
      input = withFiles(input, { readme: 'README.md', contributing: 'C.md', codeOfConduct: 'COC.md', changelog: 'CHANGELOG.md', citation: 'CITATION.cff' });
    }
    input = { ...input, pullRequests: { ...input.pullRequests, reviewedShare: share } };
    const health = healthScore(input);
    expect(health.score).toBe(total);
    expect(health.grade).toBe(grade);
  });
});

describe('health score: each component by hand', () => {
  it('activity: half weekly (13+ of 26 weeks full), half recency (full to 30 days, zero at 365)', () => {
    const at = (weeks: number, days: number) => component({ ...blank(), activity: { ...blank().activity, activeWeeksLast26: weeks, daysSinceLastCommit: days } }, 'activity');
    expect(at(13, 30).score).toBe(1);
    expect(at(26, 0).points).toBe(20);
    // 0.5 x 1 + 0.5 x (1 - 170/335) = 0.74627
    expect(at(13, 200).score).toBe(0.746);
    expect(at(13, 200).points).toBe(14.9);
    // 0.5 x 6.5/13... weeks are whole: 0.5 x 5/13 + 0.5 x 1 = 0.69231
    expect(at(5, 10).score).toBe(0.692);
    expect(at(0, 365).score).toBe(0);
    expect(at(0, 5000).score).toBe(0);
  });

  it('bus factor: 0 -> 0, 1 -> 0.2, 2 -> 0.5, 3 -> 0.75, 4 and more -> 1', () => {
    const at = (factor: number) => {
      const input = blank();
      return component({ ...input, busFactor: { ...input.busFactor, window: { ...input.busFactor.window, factor } } }, 'bus-factor').score;
    };
    expect([0, 1, 2, 3, 4, 9].map(at)).toEqual([0, 0.2, 0.5, 0.75, 1, 1]);
  });

  it('changes via pull requests: the reviewed share itself; left out (weights renormalised) when unknown', () => {
    const input = blank();
    expect(component({ ...input, pullRequests: { ...input.pullRequests, reviewedShare: 0.37 } }, 'code-review').points).toBe(3.7);
    // Unknown share: the other nine weights sum to 90, so a full CI component is 100 x 15 / 90 = 16.7 points.
    const unknown = withFiles({ ...input, pullRequests: { ...input.pullRequests, reviewedShare: null } }, { ci: ['Jenkinsfile'], tests: { present: true, files: 1, examples: [] } });
    const health = healthScore(unknown);
    expect(health.components.find((c) => c.id === 'code-review')?.score).toBeNull();
    expect(health.components.find((c) => c.id === 'ci-tests')?.points).toBe(16.7);
    expect(health.score).toBe(17);
  });

  it('CI and tests: 0.5 each', () => {
    const input = blank();
    expect(component(withFiles(input, { ci: ['.ci/run'] }), 'ci-tests').score).toBe(0.5);
    expect(component(withFiles(input, { tests: { present: true, files: 2, examples: [] } }), 'ci-tests').score).toBe(0.5);
    expect(component(withFiles(input, { ci: ['.ci/run'], tests: { present: true, files: 2, examples: [] } }), 'ci-tests').points).toBe(15);
  });

  it('documentation: README .4, CONTRIBUTING .2, CODE_OF_CONDUCT .15, CHANGELOG .15, CITATION .1', () => {
    const input = blank();
    expect(component(withFiles(input, { readme: 'README.md' }), 'documentation').score).toBe(0.4);
    expect(component(withFiles(input, { readme: 'README.md', citation: 'CITATION.cff' }), 'documentation').points).toBe(7.5);
    expect(component(withFiles(input, { codeOfConduct: 'CODE_OF_CONDUCT.md', changelog: 'CHANGELOG.md' }), 'documentation').score).toBe(0.3);
    expect(component(withFiles(input, { codeOfConduct: 'CODE_OF_CONDUCT.md' }), 'documentation').detail).toBe('Missing: README, CONTRIBUTING, CHANGELOG, CITATION.cff.');
  });

  it('licence: SPDX 1, unrecognised 0.7, none 0', () => {
    const input = blank();
    expect(component(withFiles(input, { license: { path: 'LICENSE', spdxId: 'Apache-2.0' } }), 'license').points).toBe(10);
    expect(component(withFiles(input, { license: { path: 'LICENSE.txt', spdxId: null } }), 'license').points).toBe(7);
    expect(component(input, 'license').points).toBe(0);
  });

  it('security policy 5 points; dependency updates .6 and linters .4', () => {
    const input = blank();
    expect(component(withFiles(input, { security: 'SECURITY.md' }), 'security-policy').points).toBe(5);
    expect(component(withFiles(input, { linters: ['.prettierrc'] }), 'dependency-updates').points).toBe(2);
    expect(component(withFiles(input, { dependencyUpdates: ['renovate.json'] }), 'dependency-updates').points).toBe(3);
  });

  it('release cadence: 4+ in a year 1; 1-3 -> 0.4 + 0.2 each; older only 0.2; none 0', () => {
    const at = (tags: number, last365Days: number) => component({ ...blank(), releases: { tags, last365Days, latest: null } }, 'releases').score;
    expect(at(10, 6)).toBe(1);
    expect(at(4, 4)).toBe(1);
    expect(at(3, 3)).toBe(1);
    expect(at(2, 2)).toBe(0.8);
    expect(at(5, 1)).toBe(0.6);
    expect(at(5, 0)).toBe(0.2);
    expect(at(0, 0)).toBe(0);
  });

  it('GitHub-only components: responsiveness, change request closure, maintained', () => {
    const input = blank();
    const responsive = (hours: number) => component({ ...input, responsiveness: { medianHoursToFirstResponse: hours } }, 'responsiveness').score;
    expect(responsive(3)).toBe(1);
    expect(responsive(24)).toBe(1);
    expect(responsive(24 + 348)).toBe(0.5); // 1 - 348 / 696
    expect(responsive(720)).toBe(0);
    expect(responsive(2000)).toBe(0);
    expect(component({ ...input, responsiveness: { medianHoursToFirstResponse: null } }, 'responsiveness').score).toBeNull();

    const closure = (opened: number, closed: number) => component({ ...input, changeRequests: { opened, closed, merged: closed } }, 'change-requests').score;
    expect(closure(4, 3)).toBe(0.75);
    expect(closure(4, 9)).toBe(1);
    expect(closure(0, 2)).toBeNull();

    const maintained = (archived: boolean, commits: number, actions: number) =>
      component({ ...input, maintenance: { archived, commitsLast90Days: commits, maintainerActionsLast90Days: actions } }, 'maintained').score;
    expect(maintained(false, 4, 9)).toBe(1);
    expect(maintained(false, 2, 0)).toBe(0.154); // 2 / 13
    expect(maintained(true, 400, 90)).toBe(0);
  });

  it('a GitHub repository with every component: weights sum to 125, points renormalised', () => {
    // Everything full except nothing: 125 weight, each point = 100 x w / 125; total 100.
    let input = filesAndReleases(blank());
    input = {
      ...input,
      activity: { ...input.activity, activeWeeksLast26: 20, daysSinceLastCommit: 2 },
      busFactor: { ...input.busFactor, window: { ...input.busFactor.window, factor: 5 } },
      pullRequests: { ...input.pullRequests, reviewedShare: 1 },
      responsiveness: { medianHoursToFirstResponse: 1 },
      changeRequests: { opened: 10, closed: 10, merged: 8 },
      maintenance: { archived: false, commitsLast90Days: 30, maintainerActionsLast90Days: 5 },
    };
    const health = healthScore(input);
    expect(health.components.find((c) => c.id === 'activity')?.points).toBe(16); // 100 x 20 / 125
    expect(health.components.find((c) => c.id === 'security-policy')?.points).toBe(4);
    expect(health.score).toBe(100);
    // Archiving it drops Maintained (10 / 125 = 8 points).
    const archived = healthScore({ ...input, maintenance: { archived: true, commitsLast90Days: 30, maintainerActionsLast90Days: 5 } });
    expect(archived.score).toBe(92);
    expect(archived.grade).toBe('A');
  });
});
