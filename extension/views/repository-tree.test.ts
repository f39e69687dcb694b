import { describe, expect, it } from 'vitest';
import type { RepositoryItem } from '../engine/research';
import { buildRepositoryTree, healthBand, LOCAL_GROUP, relativeTime } from './repository-tree';

const NOW = Date.parse('2026-06-01T12:00:00Z');

function item(over: Partial<RepositoryItem>): RepositoryItem {
  return {
    key: `local:/src/${over.name ?? 'app'}`,
    name: 'app',
    source: 'local',
    owner: null,
    path: `/src/${over.name ?? 'app'}`,
    researched: true,
    health: 72,
    grade: 'B',
    primaryLanguage: 'TypeScript',
    lastCommitAt: '2026-05-29T10:00:00Z',
    analyzedAt: '2026-06-01T11:00:00Z',
    ...over,
  };
}

describe('buildRepositoryTree', () => {
  it('groups by owner: GitHub owners A-Z, then local clones; repositories by name', () => {
    const tree = buildRepositoryTree(
      [
        item({ name: 'zeta' }),
        item({ name: 'web', source: 'github', owner: 'octo-org', key: 'github:octo-org/web', path: null }),
        item({ name: 'alpha' }),
        item({ name: 'api', source: 'github', owner: 'Acme', key: 'github:Acme/api', path: null }),
        item({ name: 'cli', source: 'github', owner: 'octo-org', key: 'github:octo-org/cli', path: null }),
      ],
      NOW,
    );
    expect(tree.map((o) => o.label)).toEqual(['Acme', 'octo-org', LOCAL_GROUP]);
    expect(tree[1]?.children.map((r) => r.label)).toEqual(['cli', 'web']);
    expect(tree[2]?.children.map((r) => r.label)).toEqual(['alpha', 'zeta']);
    expect(tree[2]?.owner).toBeNull();
    expect(tree[2]?.contextValue).toBe('owner.local');
    expect(tree[0]?.contextValue).toBe('owner');
    expect(tree[1]?.description).toBe('2 repositories · avg health 72');
  });

  it('shows health as band, badge and description; context values drive the menus', () => {
    const [group] = buildRepositoryTree([item({ health: 91, grade: 'A' })], NOW);
    const repo = group?.children[0];
    expect(repo?.band).toBe('good');
    expect(repo?.badge).toBe('A');
    expect(repo?.description).toBe('91 · TypeScript · 3 days ago');
    expect(repo?.contextValue).toBe('repository.researched.local');
    expect(repo?.children.map((f) => f.label)).toEqual(['Health', 'Main language', 'Last commit', 'Analysed', 'Folder']);
  });

  it('marks repositories that were never analysed to the end', () => {
    const [group] = buildRepositoryTree([item({ researched: false, health: null, grade: null, primaryLanguage: null, lastCommitAt: null, analyzedAt: null })], NOW);
    const repo = group?.children[0];
    expect(repo?.band).toBe('unknown');
    expect(repo?.badge).toBe('');
    expect(repo?.description).toBe('not analysed');
    expect(repo?.contextValue).toBe('repository.pending.local');
  });

  it('keeps repository text as it is (the provider renders it as plain text)', () => {
    const [group] = buildRepositoryTree([item({ name: '<img src=x onerror=alert(1)>' })], NOW);
    expect(group?.children[0]?.label).toBe('<img src=x onerror=alert(1)>');
  });

  it('returns no groups for no repositories (the welcome view shows instead)', () => {
    expect(buildRepositoryTree([], NOW)).toEqual([]);
  });
});

describe('healthBand', () => {
  it.each([
    [100, 'good'],
    [80, 'good'],
    [79, 'fair'],
    [65, 'fair'],
    [64, 'weak'],
    [50, 'weak'],
    [49, 'poor'],
    [0, 'poor'],
    [null, 'unknown'],
  ] as const)('%s → %s', (score, band) => {
    expect(healthBand(score)).toBe(band);
  });
});

describe('relativeTime', () => {
  it.each([
    ['2026-06-01T08:00:00Z', 'today'],
    ['2026-05-31T08:00:00Z', 'yesterday'],
    ['2026-05-20T08:00:00Z', '12 days ago'],
    ['2026-02-01T08:00:00Z', '3 months ago'],
    ['2024-01-01T08:00:00Z', '2 years ago'],
    ['not a date', 'unknown date'],
  ])('%s → %s', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text);
  });
});
