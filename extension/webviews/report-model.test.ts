import { describe, expect, it } from 'vitest';
import type { ContributorsPage, RepositoryItem } from '../engine/research';
import { orgReportModelSchema } from './protocol';
import { toDashboardModel } from './report-model';

const HOSTILE = '<img src=x onerror=alert(1)>';
const identity = { key: 'local:/src/app', name: 'app', source: 'local' as const, owner: null, path: '/src/app' };
const person = (name: string, email: string, commits: number) => ({
  name,
  email,
  commits,
  merges: 0,
  additions: 10,
  deletions: 2,
  firstCommitAt: '2025-01-01T00:00:00Z',
  lastCommitAt: '2026-05-30T00:00:00Z',
  activeWeeks: 3,
  commitsInWindow: commits,
});
const busFactor = { windowMonths: 12, window: { factor: 1, commits: 100, people: [{ name: HOSTILE, email: 'm@x', commits: 90, share: 0.9 }] }, allTime: { factor: 2, commits: 120, people: [] } };
const contributors: ContributorsPage = {
  repository: identity,
  busFactor,
  humans: 2,
  bots: 1,
  contributors: [{ ...person(HOSTILE, 'm@x', 90), isBot: false }, { ...person('Alice', 'alice@x', 10), isBot: false }, { ...person('dependabot[bot]', 'bot@x', 20), isBot: true }],
  total: 3,
  nextCursor: null,
};

describe('toDashboardModel (local clones)', () => {
  const item = (name: string, health: number | null, grade: RepositoryItem['grade'], language: string | null): RepositoryItem => ({
    key: `local:/src/${name}`,
    name,
    source: 'local',
    owner: null,
    path: `/src/${name}`,
    researched: health !== null,
    health,
    grade,
    primaryLanguage: language,
    lastCommitAt: null,
    analyzedAt: null,
  });

  it('counts grades and languages and links people to the repositories they committed to', () => {
    const repos = [item('app', 72, 'B', 'TypeScript'), item('lib', 40, 'D', 'TypeScript'), item('old', null, null, null)];
    const pages = new Map([
      ['local:/src/app', contributors],
      ['local:/src/lib', { ...contributors, contributors: [{ ...person('Alice', 'alice@x', 5), isBot: false }] }],
    ]);
    const model = toDashboardModel(null, repos, pages);
    expect(orgReportModelSchema.parse(model)).toEqual(model);
    expect(model.owner).toMatchObject({ login: null, title: 'Local clones' });
    expect(model.kpis).toMatchObject({ repositories: 3, averageHealth: 56, medianHealth: null, contributors: 2 });
    expect(model.health.grades).toEqual([
      { grade: 'A', count: 0 },
      { grade: 'B', count: 1 },
      { grade: 'C', count: 0 },
      { grade: 'D', count: 1 },
      { grade: 'F', count: 0 },
      { grade: 'n/a', count: 1 },
    ]);
    expect(model.languages).toEqual([{ language: 'TypeScript', share: null, repositories: 2 }]);
    // What only an organization research has stays empty: the renderer leaves those sections out.
    expect([model.activity, model.topics, model.citations, model.overview, model.health.components]).toEqual([null, null, null, [], []]);
    // Bots are not part of the network; Alice is one person across both repositories.
    const people = model.network.nodes.filter((n) => n.kind === 'person');
    expect(people.map((p) => p.label).sort()).toEqual([HOSTILE, 'Alice'].sort());
    expect(model.network.edges.filter((e) => e.source === 'p:alice@x').map((e) => e.target)).toEqual(['r:local:/src/app', 'r:local:/src/lib']);
    // Alice (15 commits) is drawn smaller than the repository app (100 commits by its people).
    const size = (id: string) => model.network.nodes.find((n) => n.id === id)?.size ?? 0;
    expect(size('r:local:/src/app')).toBe(50);
    expect(size('p:alice@x')).toBe(16 + Math.round(34 * Math.sqrt(15 / 100)));
    expect(model.network.nodes.find((n) => n.id === 'r:local:/src/app')).toMatchObject({ key: 'local:/src/app', health: 72 });
    // Healthiest first; bus factor and contributor count from each repository's page.
    expect(model.repositories.map((r) => [r.name, r.busFactor, r.contributors])).toEqual([
      ['app', 1, 2],
      ['lib', 1, 2],
      ['old', null, null],
    ]);
  });
});
