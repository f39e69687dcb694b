import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RepoScoutError } from '../errors';
import { alice, bob, daysAgo, dependabot, jose, li, tempDir, TestRepo, type Author } from '../../test/helpers/git-fixture';
import { openStore, type Store } from '../store/open';
import { researchRecordProblem } from '../../test/helpers/research-record';
import { researchLocalRepository, storedLocalResearch } from './research-local';
import type { RepositoryResearch } from './types';

const NOW = Date.parse('2026-06-01T12:00:00Z') / 1000;
const carol: Author = { name: 'Carol Old', email: 'carol@example.com' };
const MIT = 'MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED.';

let repo: TestRepo;
let store: Store;
let dbDir: string;

/**
 * The scenario every test here reads:
 * - carol: 6 commits three years ago (outside the 12-month window);
 * - alice 6, bob 3 (+1 squash PR), jose 2 on a branch merged as PR #7, 李雷 1 rename, dependabot 2: all in the window;
 * - a binary file, a unicode path, a rename, README, LICENSE (MIT), CI, a test file, a tag 30 days ago.
 */
function buildScenario(r: TestRepo): void {
  for (let i = 0; i < 6; i++) r.write('legacy.c', `int v = ${i};\n`).commit(`legacy ${i}`, carol, daysAgo(NOW, 1100 - i));
  r.write('README.md', '# Demo\n').write('LICENSE', MIT).write('.github/workflows/ci.yml', 'on: push\n');
  r.write('logo.png', Buffer.from([137, 80, 78, 71, 0, 0, 0, 13, 0, 255]));
  r.commit('project files', alice, daysAgo(NOW, 200));
  for (let i = 0; i < 5; i++) r.write('src/core.ts', `export const v = ${i};\n`.repeat(i + 1)).commit(`core ${i}`, alice, daysAgo(NOW, 150 - i * 7));
  r.write('src/util.ts', 'export {}\n').commit('util', bob, daysAgo(NOW, 120));
  r.write('src/util.ts', 'export const x = 1;\n').commit('util 2', bob, daysAgo(NOW, 110));
  r.write('src/util.ts', 'export const x = 2;\n').commit('util 3', bob, daysAgo(NOW, 100));
  r.git('checkout', '-q', '-b', 'feature');
  r.write('docs/guía.md', 'uno\ndos\n').commit('guide part 1', jose, daysAgo(NOW, 60));
  r.write('docs/guía.md', 'uno\ndos\ntres\n').commit('guide part 2', jose, daysAgo(NOW, 59));
  r.git('checkout', '-q', 'main');
  r.merge('feature', 'Merge pull request #7 from jose/feature\n\nAdd a Spanish guide', alice, daysAgo(NOW, 58));
  r.write('test/core.test.ts', 'test("x", () => {});\n').commit('Add core tests (#8)', bob, daysAgo(NOW, 40));
  r.git('mv', 'src/util.ts', 'src/工具.ts');
  r.commit('rename util', li, daysAgo(NOW, 35));
  r.git('tag', 'v1.0.0');
  r.write('package.json', '{"dependencies":{"a":"1.0.1"}}\n').commit('Bump a from 1.0.0 to 1.0.1', dependabot, daysAgo(NOW, 20));
  r.write('package.json', '{"dependencies":{"a":"1.0.2"}}\n').commit('Bump a from 1.0.1 to 1.0.2', dependabot, daysAgo(NOW, 10));
}

beforeEach(() => {
  repo = TestRepo.create();
  dbDir = tempDir('reposcout-db-');
  store = openStore(path.join(dbDir, 'test.db'));
});
afterEach(() => {
  store.close();
  repo.remove();
  fs.rmSync(dbDir, { recursive: true, force: true });
});

describe('researchLocalRepository: analyses', () => {
  it('computes contributors, bots, bus factor, activity, hotspots, files, PRs, releases and health', async () => {
    buildScenario(repo);
    const { research: r, newCommits } = await researchLocalRepository(store, repo.dir, { now: NOW });
    expect(newCommits).toBe(22);

    const humans = Object.fromEntries(r.contributors.humans.map((c) => [c.email, c]));
    expect(humans['carol@example.com']).toMatchObject({ commits: 6, commitsInWindow: 0, merges: 0 });
    expect(humans['alice@example.com']).toMatchObject({ commits: 6, merges: 1, commitsInWindow: 6 });
    expect(humans['bob@example.com']).toMatchObject({ commits: 4, commitsInWindow: 4 });
    expect(humans['jose@example.com']).toMatchObject({ name: 'José Núñez', commits: 2, activeWeeks: 1 });
    expect(humans['lilei@example.com']?.name).toBe('李雷');
    expect(r.contributors.bots.map((b) => b.name)).toEqual(['dependabot[bot]']);
    expect(r.contributors.bots[0]!.commits).toBe(2);

    // Window (humans only): alice 6, bob 4, jose 2, li 1 → alice + bob cover half.
    expect(r.busFactor.window.factor).toBe(2);
    expect(r.busFactor.window.people.map((p) => p.email)).toEqual(['alice@example.com', 'bob@example.com']);
    // All time: carol 6, alice 6, bob 4, jose 2, li 1 = 19 → two people reach 12.
    expect(r.busFactor.allTime.factor).toBe(2);

    expect(r.activity.totalCommits).toBe(21);
    expect(r.activity.totalMerges).toBe(1);
    expect(r.activity.daysSinceLastCommit).toBe(10);
    expect(r.activity.weeks.reduce((s, w) => s + w.commits, 0)).toBe(15);
    expect(r.activity.weeks.length).toBeGreaterThanOrEqual(52);
    expect(r.activity.weeks.every((w, i, all) => i === 0 || Date.parse(w.week) - Date.parse(all[i - 1]!.week) === 7 * 86_400_000)).toBe(true);

    expect(r.hotspots[0]!.path).toBe('src/core.ts');
    expect(r.hotspots.map((h) => h.path)).toContain('docs/guía.md');
    expect(r.hotspots.map((h) => h.path)).not.toContain('legacy.c');

    expect(r.communityFiles.readme).toBe('README.md');
    expect(r.communityFiles.license).toEqual({ path: 'LICENSE', spdxId: 'MIT' });
    expect(r.communityFiles.ci).toEqual(['.github/workflows/ci.yml']);
    expect(r.communityFiles.tests.present).toBe(true);
    expect(r.communityFiles.security).toBeNull();

    expect(r.pullRequests).toMatchObject({ total: 2, merge: 1, squash: 1, inWindow: 2 });
    const pr7 = r.pullRequests.recent.find((p) => p.number === 7)!;
    expect(pr7).toMatchObject({ source: 'merge', title: 'Add a Spanish guide', headRef: 'jose/feature', additions: 3, filesChanged: 1, files: ['docs/guía.md'] });
    expect(pr7.author?.email).toBe('jose@example.com');
    const pr8 = r.pullRequests.recent.find((p) => p.number === 8)!;
    expect(pr8).toMatchObject({ source: 'squash', title: 'Add core tests', author: { name: 'Bob Builder', email: 'bob@example.com' } });
    // Main line in the window: project files, core×5, util×3, merge, #8, rename, bump×2 = 14 steps, 2 via PRs.
    expect(r.pullRequests.reviewedShare).toBeCloseTo(2 / 14);

    expect(r.releases).toMatchObject({ tags: 1, last365Days: 1, latest: { name: 'v1.0.0' } });
    expect(r.languages[0]!.language).toBe('TypeScript');

    expect(r.health.score).toBeGreaterThan(0);
    expect(r.health.score).toBeLessThanOrEqual(100);
    const points = r.health.components.reduce((s, c) => s + c.points, 0);
    expect(Math.abs(points - r.health.score)).toBeLessThanOrEqual(0.5);
    expect(r.health.components.find((c) => c.id === 'responsiveness')).toMatchObject({ score: null, points: 0 });
    expect(r.health.components.find((c) => c.id === 'license')?.score).toBe(1);
    expect(r.health.components.find((c) => c.id === 'security-policy')?.score).toBe(0);
  });

  it('honours the window option', async () => {
    buildScenario(repo);
    const { research } = await researchLocalRepository(store, repo.dir, { now: NOW, windowMonths: 48 });
    // Carol's six commits are now in the window and tie alice.
    expect(research.busFactor.window.commits).toBe(19);
    expect(research.hotspots.map((h) => h.path)).toContain('legacy.c');
  });

  it('stores exactly the research record shared/protocol/research.ts declares, every field at every depth', async () => {
    buildScenario(repo);
    await researchLocalRepository(store, repo.dir, { now: NOW });
    const json = JSON.parse((store.db.prepare('select result_json from research').get() as { result_json: string }).result_json) as RepositoryResearch;
    // The scenario fills the lists whose items have fields of their own: a merge and a squash PR, a bot, a tag.
    expect(json.pullRequests.recent.map((pr) => pr.source).sort()).toEqual(['merge', 'squash']);
    expect(json.contributors.bots.length).toBe(1);
    expect(json.releases.latest).not.toBeNull();
    expect(researchRecordProblem(json)).toBeNull();
    // ...and the check bites: a field the schema does not declare, deep in the record, or a missing one.
    const extra = structuredClone(json);
    Object.assign(extra.pullRequests.recent[0]!, { reviewers: ['bob'] });
    expect(researchRecordProblem(extra)).toBe('fields the schema does not declare: $.pullRequests.recent[0].reviewers');
    const missing: Partial<RepositoryResearch> = structuredClone(json);
    delete missing.activity;
    expect(researchRecordProblem(missing)).toContain('activity');
  });
});

describe('researchLocalRepository: incremental runs', () => {
  it('reads only new commits, and reuses the stored result when nothing changed', async () => {
    buildScenario(repo);
    await researchLocalRepository(store, repo.dir, { now: NOW });
    const again = await researchLocalRepository(store, repo.dir, { now: NOW + 60 });
    expect(again).toMatchObject({ newCommits: 0, reused: true });

    repo.write('src/new.ts', 'x\n').commit('new work', bob, daysAgo(NOW, 1));
    repo.write('src/new.ts', 'y\n').commit('more work', bob, daysAgo(NOW, 0.5));
    const next = await researchLocalRepository(store, repo.dir, { now: NOW + 120 });
    expect(next.newCommits).toBe(2);
    expect(next.reused).toBe(false);
    expect(next.research.activity.totalCommits).toBe(23);
    const count = store.db.prepare('select count(*) as n from commits').get() as { n: number };
    expect(count.n).toBe(24);
  });

  it('re-reads from scratch after history is rewritten, without duplicates', async () => {
    buildScenario(repo);
    await researchLocalRepository(store, repo.dir, { now: NOW });
    repo.git('reset', '-q', '--hard', 'HEAD~2');
    repo.write('other.txt', 'z\n').commit('rewritten', alice, daysAgo(NOW, 5));
    const result = await researchLocalRepository(store, repo.dir, { now: NOW });
    expect(result.newCommits).toBe(21);
    expect(result.research.contributors.bots).toEqual([]);
    const count = store.db.prepare('select count(*) as n from commits').get() as { n: number };
    expect(count.n).toBe(21);
  });

  it('a cancelled run leaves the previous good state', async () => {
    buildScenario(repo);
    await researchLocalRepository(store, repo.dir, { now: NOW });
    const before = store.db.prepare('select count(*) as n from commits').get();
    repo.write('late.txt', 'late\n').commit('late commit', alice, daysAgo(NOW, 1));
    const controller = new AbortController();
    const run = researchLocalRepository(store, repo.dir, {
      now: NOW,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'INTERRUPTED' });
    expect(store.db.inTransaction).toBe(false);
    expect(store.db.prepare('select count(*) as n from commits').get()).toEqual(before);
    const resumed = await researchLocalRepository(store, repo.dir, { now: NOW });
    expect(resumed.newCommits).toBe(1);
  });
});

describe('researchLocalRepository: bad input', () => {
  it.each([
    ['a path that does not exist', () => '/nonexistent/reposcout/path', 'PATH_NOT_FOUND'],
    ['a folder that is not a git repository', () => tempDir('reposcout-plain-'), 'NOT_A_GIT_REPOSITORY'],
    ['a file', () => { const d = tempDir(); fs.writeFileSync(path.join(d, 'f'), 'x'); return path.join(d, 'f'); }, 'NOT_A_GIT_REPOSITORY'],
    ['a repository with no commits', () => TestRepo.create().dir, 'EMPTY_REPOSITORY'],
  ])('%s', async (_name, makePath, code) => {
    await expect(researchLocalRepository(store, makePath(), { now: NOW })).rejects.toMatchObject({ code });
    expect((store.db.prepare('select count(*) as n from repositories').get() as { n: number }).n).toBe(0);
  });

  it('rejects a window outside 1..240 months', async () => {
    buildScenario(repo);
    await expect(researchLocalRepository(store, repo.dir, { windowMonths: 0 })).rejects.toBeInstanceOf(RepoScoutError);
  });

  it('reports NOT_RESEARCHED for a repository never researched, with researching it as the remedy', () => {
    try {
      storedLocalResearch(store, repo.dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RepoScoutError);
      expect((error as RepoScoutError).code).toBe('NOT_RESEARCHED');
      expect((error as RepoScoutError).remedy).toEqual({ do: 'research_local', path: repo.dir });
    }
  });
});
