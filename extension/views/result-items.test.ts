import { describe, expect, it } from 'vitest';
import type { FactorId } from '../../shared/protocol';
import { memoryItems, peopleItems, searchItems, similarItems } from './result-items';

const HOSTILE = '<img src=x onerror=alert(1)>';
const card = (name: string) => ({ key: `github:acme/${name}`, name, owner: 'acme', description: HOSTILE, language: 'Go', topics: ['web'], health: 70, stars: 3, url: `https://github.com/acme/${name}` });
const factor = (id: FactorId, contribution: number, value: number | null = 0.5) => ({ id, label: id, value, weight: 0.2, contribution, detail: `${id} detail` });

describe('searchItems', () => {
  it('turns hits into rows that open their repository; snippets lose their bold markers', () => {
    const rows = searchItems({
      query: 'parser',
      mode: 'hybrid',
      embedder: null,
      notice: null,
      hits: [
        { kind: 'repository', key: 'github:acme/web', repository: 'github:acme/web', title: 'acme/web', snippet: 'a **parser** for the web', owner: 'acme', language: 'Go', health: 70, url: null, score: 0.03, updatedAt: null, bm25: null, vector: null, expansions: [] },
        { kind: 'pull_request', key: 'github:acme/web#7', repository: 'github:acme/web', title: HOSTILE, snippet: 'x', owner: 'acme', language: null, health: null, url: 'https://github.com/acme/web/pull/7', score: 0.02, updatedAt: null, bm25: null, vector: null, expansions: [] },
        { kind: 'memory', key: 'memory:12', repository: null, title: 'note', snippet: 'y', owner: null, language: null, health: null, url: null, score: 0.01, updatedAt: null, bm25: null, vector: null, expansions: [] },
      ],
    });
    expect(rows.map((r) => [r.icon, r.contextValue, r.repositoryKey, r.memoryId])).toEqual([
      ['repo', 'searchHit.repository', 'github:acme/web', null],
      ['git-pull-request', 'searchHit.repository', 'github:acme/web', null],
      ['note', 'searchHit', null, 12],
    ]);
    expect(rows[0]?.tooltip).toContain('a parser for the web');
    expect(rows[0]?.description).toBe('repository · acme · Go · health 70');
    expect(rows[1]?.label).toBe(HOSTILE);
  });
});

describe('similarItems', () => {
  it('lists recommendations with their factors as children, leaving out unmeasured ones that added nothing', () => {
    const rows = similarItems({
      repository: card('seed'),
      mode: 'hybrid',
      embedder: null,
      recommendations: [{ rank: 1, score: 0.62, repository: card('web'), factors: [factor('relevance', 0.3), factor('diversity', -0.05), factor('popularity', 0, null)] }],
    });
    expect(similarItems({ repository: card('seed'), mode: 'hybrid', embedder: null, recommendations: [{ rank: 1, score: 0.5, repository: { ...card('x'), name: 'acme/x' }, factors: [] }] })[0]?.label).toBe('acme/x');
    expect(rows[0]).toMatchObject({ label: 'acme/web', description: 'score 0.62 · Go · health 70', repositoryKey: 'github:acme/web', url: 'https://github.com/acme/web' });
    expect(rows[0]?.children.map((c) => [c.label, c.icon])).toEqual([
      ['relevance +0.30', 'arrow-up'],
      ['diversity -0.05', 'arrow-down'],
    ]);
  });
});

describe('memoryItems', () => {
  it('shows the first line, tags and age; links to a repository open it', () => {
    const [row] = memoryItems(
      [{ id: 4, text: 'Use WAL mode\nbecause readers', tags: ['db', 'perf'], links: [{ kind: 'repository', target: 'local:/src/app' }], timesRemembered: 2, createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-30T00:00:00Z' }],
      Date.parse('2026-06-01T00:00:00Z'),
    );
    expect(row).toMatchObject({ label: 'Use WAL mode', description: '#db #perf · 2 days ago · ×2', memoryId: 4, repositoryKey: 'local:/src/app', contextValue: 'memory' });
    expect(row?.tooltip).toContain('because readers');
  });
});

describe('peopleItems', () => {
  it('ranks people with their evidence', () => {
    const [row] = peopleItems({ repository: 'local:/src/app', path: 'src', people: [{ rank: 1, name: 'Alice', email: 'a@x', score: 0.81, commits: 12, linesChanged: 40, files: 3, lastTouched: '2026-05-01T00:00:00Z', factors: [factor('ownership', 0.5)] }] });
    expect(row).toMatchObject({ label: 'Alice', description: '12 commits · last 2026-05-01 · score 0.81' });
    expect(row?.tooltip).toContain('ownership +0.50');
  });
});
