import { describe, expect, it } from 'vitest';
import type { ContributorsPage, RepositoryItem } from '../engine/research';
import { dashboardModelSchema } from './protocol';
import { toDashboardModel, toOrganizationDashboardModel } from './report-model';

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
    expect(dashboardModelSchema.parse(model)).toEqual(model);
    expect(model.title).toBe('Local clones');
    expect(model.grades).toEqual([
      { grade: 'A', count: 0 },
      { grade: 'B', count: 1 },
      { grade: 'C', count: 0 },
      { grade: 'D', count: 1 },
      { grade: 'F', count: 0 },
      { grade: 'n/a', count: 1 },
    ]);
    expect(model.languages).toEqual([{ language: 'TypeScript', repositories: 2 }]);
    // Bots are not part of the network; Alice is one person across both repositories.
    const people = model.network.nodes.filter((n) => n.kind === 'person');
    expect(people.map((p) => p.label).sort()).toEqual([HOSTILE, 'Alice'].sort());
    expect(model.network.edges.filter((e) => e.source === 'p:alice@x').map((e) => e.target)).toEqual(['r:local:/src/app', 'r:local:/src/lib']);
    expect(people.find((p) => p.label === 'Alice')?.weight).toBe(15);
  });
});

describe('toOrganizationDashboardModel (GitHub owners)', () => {
  it('reads the organization research and its graph', () => {
    const repos: RepositoryItem[] = [{ key: 'github:acme/web', name: 'web', source: 'github', owner: 'acme', path: null, researched: true, health: 81, grade: 'A', primaryLanguage: 'Go', lastCommitAt: null, analyzedAt: null }];
    const model = toOrganizationDashboardModel('acme', repos, {
      details: {
        owner: { login: 'acme', host: 'github.com', kind: 'Organization', name: 'Acme', description: HOSTILE },
        analyzedAt: '2026-06-01T00:00:00Z',
        windowMonths: 12,
        syncedAt: null,
        totals: { repositories: 1, ranked: 1, archived: 0, forks: 0, empty: 0, active: 1, dormant: 0, stars: 5, openIssues: 0, openPullRequests: 0, contributors: 2 },
        health: { median: 81, mean: 81, grades: { A: 1, B: 0, C: 0, D: 0, F: 0 } },
        network: { people: 2, edges: 1, communities: 1 },
        topics: { terms: 2, clusters: 1 },
        citations: { repositories: 0, references: 0 },
        healthDistribution: { histogram: [], components: [{ id: 'ci', label: 'CI and tests', weight: 15, averageScore: 0.2, measured: 1 }, { id: 'activity', label: 'Activity', weight: 20, averageScore: 0.9, measured: 1 }] },
        languages: [{ language: 'Go', share: 1, repositories: 1 }],
        worst: [],
      },
      network: {
        owner: 'acme',
        counts: { people: 2, edges: 1, repositories: 1, communities: 1 },
        notes: [],
        view: 'overview',
        total: 1,
        nextCursor: null,
        repositories: [{ name: 'web', key: 'github:acme/web', contributors: 2, busFactor: 1, busFactorWindow: 1, topContributors: [] }],
        graph: {
          nodes: [
            { key: 'repo:web', attributes: { kind: 'repository', label: 'web' } },
            { key: 'person:ann', attributes: { kind: 'person', label: 'ann' } },
            { key: 'person:bob', attributes: { kind: 'person', label: 'bob' } },
          ],
          edges: [
            { source: 'person:ann', target: 'repo:web', attributes: { kind: 'contributes', weight: 7 } },
            { source: 'person:bob', target: 'repo:web', attributes: { kind: 'contributes', weight: 3 } },
            { source: 'person:ann', target: 'person:bob', attributes: { kind: 'co-contributes', weight: 3 } },
          ],
          truncated: false,
        },
      },
      topics: { owner: 'acme', clusters: [{ id: 0, label: 'web', terms: ['http', 'server'], repositories: ['web'], repositoryCount: 1 }], terms: [], total: 0, nextCursor: null },
      citations: null,
    });
    expect(dashboardModelSchema.parse(model)).toEqual(model);
    expect(model.title).toBe('Acme (acme)');
    expect(model.organization?.description).toBe(HOSTILE);
    expect(model.components.map((c) => c.label)).toEqual(['CI and tests', 'Activity']);
    expect(model.network.nodes.find((n) => n.id === 'repo:web')).toMatchObject({ kind: 'repository', key: 'github:acme/web', health: 81, weight: 10 });
    expect(model.network.edges).toHaveLength(2);
    expect(model.repositories[0]?.busFactor).toBe(1);
  });
});
