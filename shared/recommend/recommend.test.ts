import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alice, bob, dependabot, TestRepo } from '../../test/helpers/git-fixture';
import { tempStore } from '../../test/helpers/temp-store';
import { indexDocuments, type SearchDocumentInput } from '../search/documents';
import { indexStoredRepositories } from '../search/index-repositories';
import { openSpace, type VectorSpace } from '../search/spaces';
import { syncEmbeddings } from '../search/sync';
import { researchLocalRepository } from '../research/research-local';
import type { Store } from '../store/open';
import { diversify } from './diversity';
import { recommendForDeveloper } from './for-developer';
import { peopleToAsk } from './people';
import { similarRepositories } from './similar';

const NOW = Date.parse('2026-01-15T00:00:00Z');

const repos: SearchDocumentInput[] = [
  { kind: 'repository', refKey: 'github:acme/fast-json', owner: 'acme', title: 'fast-json', body: 'Fast JSON parser and serializer for Node.js streams.', language: 'TypeScript', topics: ['json', 'parser'], health: 90, stars: 12000, updatedAt: '2026-01-01T00:00:00Z' },
  { kind: 'repository', refKey: 'github:beta/json-stream', owner: 'beta', title: 'json-stream', body: 'Streaming JSON parser for Node.js.', language: 'TypeScript', topics: ['json', 'streams'], health: 60, stars: 800, updatedAt: '2025-06-01T00:00:00Z' },
  // A fork keeps its name and description under another owner.
  { kind: 'repository', refKey: 'github:zeta/json-stream', owner: 'zeta', title: 'json-stream', body: 'Streaming JSON parser for Node.js.', language: 'TypeScript', topics: ['json', 'streams'], health: 40, stars: 150, updatedAt: '2024-06-01T00:00:00Z' },
  { kind: 'repository', refKey: 'github:gamma/yaml-kit', owner: 'gamma', title: 'yaml-kit', body: 'YAML parser with comments preserved.', language: 'JavaScript', topics: ['yaml', 'parser'], health: 75, stars: 2000 },
  { kind: 'repository', refKey: 'github:delta/pixel', owner: 'delta', title: 'pixel', body: 'Image resizing and cropping.', language: 'C++', topics: ['image'], health: 50, stars: 40000 },
  { kind: 'issue', refKey: 'github:beta/json-stream#7', repoKey: 'github:beta/json-stream', owner: 'beta', title: 'Parser fails on a BOM at the start of a stream', body: 'TypeScript types need a fix too.', topics: ['good first issue', 'bug'], state: 'open', updatedAt: '2026-01-10T00:00:00Z' },
  { kind: 'issue', refKey: 'github:delta/pixel#1', repoKey: 'github:delta/pixel', owner: 'delta', title: 'Add WebP support', body: 'Image formats.', topics: ['help wanted'], state: 'open', updatedAt: '2025-01-10T00:00:00Z' },
  { kind: 'issue', refKey: 'github:acme/fast-json#2', repoKey: 'github:acme/fast-json', owner: 'acme', title: 'Closed parser issue', topics: ['good first issue'], state: 'closed' },
  { kind: 'issue', refKey: 'github:acme/fast-json#3', repoKey: 'github:acme/fast-json', owner: 'acme', title: 'Parser refactor, experts only', topics: ['refactor'], state: 'open' },
];

let ctx: ReturnType<typeof tempStore>;
let store: Store;
let space: VectorSpace;
const cleanup: TestRepo[] = [];
beforeEach(async () => {
  ctx = tempStore();
  store = ctx.store;
  indexDocuments(store, repos);
  space = await openSpace(store, 'lexical');
  await syncEmbeddings(store, space);
});
afterEach(() => {
  ctx.cleanup();
  for (const r of cleanup.splice(0)) r.remove();
});

describe('similarRepositories', () => {
  it('ranks by the factors and explains every one of them', async () => {
    const result = await similarRepositories(store, space, 'acme/fast-json', { now: NOW });
    expect(result.repository.key).toBe('github:acme/fast-json');
    const keys = result.recommendations.map((r) => r.repository.key);
    expect(keys).not.toContain('github:acme/fast-json');
    expect(keys[0]).toBe('github:beta/json-stream');
    const top = result.recommendations[0]!;
    expect(top.factors.map((f) => f.id)).toEqual(['relevance', 'stack', 'health', 'activity', 'popularity', 'diversity']);
    const stack = top.factors.find((f) => f.id === 'stack')!;
    expect(stack.detail).toMatch(/shares .*json/);
    // Contributions add up to the score (before the diversity penalty, which is 0 for the first).
    expect(top.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(top.score, 3);
    expect(top.factors.find((f) => f.id === 'relevance')!.detail).toMatch(/keyword rank \d+ .*semantic rank \d+/);
  });

  it('pushes a near-copy down with the diversity penalty, and --no-diversity keeps it', async () => {
    const diverse = await similarRepositories(store, space, 'acme/fast-json', { now: NOW });
    const plain = await similarRepositories(store, space, 'acme/fast-json', { now: NOW, diversity: false });
    const fork = (r: typeof diverse) => r.recommendations.find((x) => x.repository.key === 'github:zeta/json-stream')!;
    expect(fork(diverse).factors.find((f) => f.id === 'diversity')!.contribution).toBeLessThan(0);
    expect(fork(diverse).factors.find((f) => f.id === 'diversity')!.detail).toMatch(/json-stream \(similarity (0\.9[6-9]|1\.00), above the 0\.95 floor\)/);
    // Without the penalty the fork is second (it scores like its original); with it, it sinks below the distinct yaml-kit.
    expect(fork(plain).rank).toBe(2);
    expect(fork(diverse).rank).toBe(3);
    expect(fork(plain).factors.some((f) => f.id === 'diversity')).toBe(false);
    // A related but distinct parser is not a near-copy: under the floor, no penalty.
    const yaml = diverse.recommendations.find((x) => x.repository.key === 'github:gamma/yaml-kit')!;
    expect(yaml.factors.find((f) => f.id === 'diversity')!.contribution).toBe(0);
  });

  it('resolves owner/name, keys, URLs and unique bare names', async () => {
    for (const ref of ['acme/fast-json', 'github:acme/fast-json', 'https://github.com/acme/fast-json', 'fast-json', 'ACME/FAST-JSON']) {
      expect((await similarRepositories(store, space, ref, { limit: 1 })).repository.key).toBe('github:acme/fast-json');
    }
  });

  it('an unknown repository is REPOSITORY_NOT_FOUND with suggestions', async () => {
    await expect(similarRepositories(store, space, 'acme/fast-jsn')).rejects.toMatchObject({
      code: 'REPOSITORY_NOT_FOUND',
      message: 'No repository "acme/fast-jsn" in the database; did you mean acme/fast-json?',
      remedy: { do: 'add_repository' },
    });
  });

  it('an ambiguous bare name and a bad limit are INVALID_INPUT', async () => {
    indexDocuments(store, [{ kind: 'repository', refKey: 'github:other/pixel', title: 'pixel', body: 'x' }]);
    await expect(similarRepositories(store, space, 'pixel')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/names 2 repositories/) });
    await expect(similarRepositories(store, space, 'acme/fast-json', { limit: 51 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('diversify', () => {
  it('lets the best item lead and sinks a copy of it below a distinct item', () => {
    const items = [
      { id: 1, score: 0.9, label: 'a' },
      { id: 2, score: 0.85, label: 'a-copy' },
      { id: 3, score: 0.8, label: 'b' },
    ];
    const sim = (x: { id: number }, y: { id: number }) => ([x.id, y.id].sort().join() === '1,2' ? 0.99 : 0.1);
    expect(diversify(items, sim, 3).map((p) => p.item.id)).toEqual([1, 3, 2]);
    expect(diversify(items, () => null, 3).map((p) => p.item.id)).toEqual([1, 2, 3]);
  });
});

function collaborationRepo(): TestRepo {
  const repo = TestRepo.create();
  cleanup.push(repo);
  repo.write('README.md', '# Parser\nA streaming JSON parser in TypeScript.\n').commit('start', alice, '2025-01-05T10:00:00Z');
  repo.write('src/parser/lexer.ts', 'export const a = 1;\n'.repeat(50)).commit('Add JSON lexer for streams', alice, '2025-02-01T10:00:00Z');
  repo.write('src/parser/tokens.ts', 'export const t = 1;\n'.repeat(20)).commit('Add token types', alice, '2025-03-01T10:00:00Z');
  repo.write('docs/guide.md', 'guide\n'.repeat(10)).commit('Write the guide', bob, '2025-12-20T10:00:00Z');
  repo.write('src/parser/lexer.ts', 'export const a = 2;\n'.repeat(50)).commit('Fix BOM handling in the JSON parser (#4)', bob, '2025-12-28T10:00:00Z');
  repo.write('package.json', '{}\n').commit('Bump deps', dependabot, '2025-12-29T10:00:00Z');
  return repo;
}

describe('peopleToAsk', () => {
  it('ranks people for a path from history with explained factors, bots left out', async () => {
    const repo = collaborationRepo();
    await researchLocalRepository(store, repo.dir, { now: NOW / 1000 });
    indexStoredRepositories(store);
    const all = peopleToAsk(store, repo.dir, { now: NOW });
    // Bob rewrote the lexer recently (100 lines) and wrote the guide: more lines, more recent.
    expect(all.people.map((p) => p.email)).toEqual(['bob@example.com', 'alice@example.com']);
    expect(peopleToAsk(store, repo.dir, { path: 'src/parser/tokens.ts', now: NOW }).people.map((p) => p.email)).toEqual(['alice@example.com']);
    expect(all.people[0]!.factors.map((f) => f.id)).toEqual(['ownership', 'recency', 'breadth', 'reviews']);
    const docs = peopleToAsk(store, repo.dir, { path: 'docs/', now: NOW });
    expect(docs.path).toBe('docs');
    expect(docs.people.map((p) => p.email)).toEqual(['bob@example.com']);
    expect(docs.people[0]!.factors[0]!.detail).toMatch(/100% of changed lines/);
  });

  it('an unknown path is PATH_NOT_FOUND, an escaping path INVALID_INPUT, an imported record NOT_RESEARCHED', async () => {
    const repo = collaborationRepo();
    await researchLocalRepository(store, repo.dir, { now: NOW / 1000 });
    indexStoredRepositories(store);
    expect(() => peopleToAsk(store, repo.dir, { path: 'nope/' })).toThrow(expect.objectContaining({ code: 'PATH_NOT_FOUND' }));
    expect(() => peopleToAsk(store, repo.dir, { path: '../etc' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => peopleToAsk(store, 'acme/fast-json')).toThrow(expect.objectContaining({ code: 'NOT_RESEARCHED' }));
    expect(() => peopleToAsk(store, 'no/such-repo')).toThrow(expect.objectContaining({ code: 'REPOSITORY_NOT_FOUND' }));
  });
});

describe('recommendForDeveloper', () => {
  it('builds a profile from commits and PRs and recommends new repositories and good first issues', async () => {
    const repo = collaborationRepo();
    await researchLocalRepository(store, repo.dir, { now: NOW / 1000 });
    indexStoredRepositories(store);
    await syncEmbeddings(store, await openSpace(store, 'lexical'));
    const result = await recommendForDeveloper(store, await openSpace(store, 'lexical'), 'bob@example.com', { now: NOW });
    expect(result.profile).toMatchObject({ email: 'bob@example.com', pullRequests: 1 });
    expect(result.profile.languages.map((l) => l.language)).toContain('TypeScript');
    const keys = result.repositories.map((r) => r.repository.key);
    expect(keys.some((k) => k.includes('json'))).toBe(true);
    expect(keys.every((k) => !k.startsWith('local:'))).toBe(true);
    expect(result.issues.map((i) => i.key)).toEqual(['github:beta/json-stream#7', 'github:delta/pixel#1']);
    expect(result.issues[0]!.factors.map((f) => f.id)).toEqual(['relevance', 'stack', 'health', 'activity']);
  });

  it('finds people by name and login, and refuses unknown or ambiguous ones', async () => {
    const repo = collaborationRepo();
    await researchLocalRepository(store, repo.dir, { now: NOW / 1000 });
    for (const who of ['Alice Liddell', 'alice', '@alice']) {
      expect((await recommendForDeveloper(store, space, who, { issues: 0 })).profile.email).toBe('alice@example.com');
    }
    await expect(recommendForDeveloper(store, space, 'mallory@example.com')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    await expect(recommendForDeveloper(store, space, '   ')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(recommendForDeveloper(store, space, 'dependabot[bot]')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
  });
});
