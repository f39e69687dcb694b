import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo, type SyntheticRepoSummary } from './synthetic-repo.mjs';

const quiet = () => {};
const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'reposcout-synthetic-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generateSyntheticRepo: bad input', () => {
  it.each([
    [{ commits: 5 }, /commits must be an integer >= 20, got 5/],
    [{ commits: 100.5 }, /commits must be an integer/],
    [{ commits: 100, authors: 1 }, /authors must be an integer >= 2, got 1/],
    [{ commits: 100, seed: 1.5 }, /seed must be an integer, got 1.5/],
  ])('rejects %o', async (options, message) => {
    await expect(generateSyntheticRepo(path.join(scratch, 'bad'), { ...options, log: quiet })).rejects.toThrow(message);
  });

  it('refuses a directory that already holds a repository', async () => {
    const dir = path.join(scratch, 'existing');
    await generateSyntheticRepo(dir, { commits: 20, authors: 3, log: quiet });
    await expect(generateSyntheticRepo(dir, { commits: 20, log: quiet })).rejects.toThrow(/already contains a git repository/);
  });
});

describe('generateSyntheticRepo: a 300-commit repository', () => {
  let repo: string;
  let summary: SyntheticRepoSummary;
  beforeAll(async () => {
    repo = path.join(scratch, 'repo-300');
    summary = await generateSyntheticRepo(repo, { commits: 300, authors: 25, seed: 7, log: quiet });
  });

  it('has exactly the requested commits on main, and HEAD points at main', () => {
    expect(git(repo, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(Number(git(repo, 'rev-list', '--count', 'HEAD'))).toBe(300);
    expect(summary.commits).toBe(300);
    expect(git(repo, 'rev-parse', 'HEAD').trim()).toBe(summary.head);
  });

  it('has true two-parent pull-request merges, about an eighth of all commits', () => {
    const merges = lines(git(repo, 'log', '--merges', '--format=%P%x09%s', 'HEAD'));
    expect(merges).toHaveLength(summary.merges);
    expect(merges.length).toBeGreaterThan(300 * 0.05);
    expect(merges.length).toBeLessThan(300 * 0.2);
    for (const merge of merges) {
      const [parents = '', subject = ''] = merge.split('\t');
      expect(parents.split(' ')).toHaveLength(2);
      expect(subject).toMatch(/^Merge pull request #\d+ from [^/\s]+\/\S+$/);
    }
  });

  it('has squash commits with "Title (#N)" subjects', () => {
    const squashes = lines(git(repo, 'log', '--no-merges', '--format=%s', 'HEAD')).filter((s) => /\(#\d+\)$/.test(s));
    expect(squashes).toHaveLength(summary.squashCommits);
    expect(squashes.length).toBeGreaterThan(300 * 0.1);
  });

  it('has skewed human authors plus bot authors', () => {
    const shortlog = lines(git(repo, 'shortlog', '-sne', 'HEAD'));
    expect(shortlog).toHaveLength(summary.authorIdentities);
    expect(shortlog.some((line) => line.includes('dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>'))).toBe(true);
    expect(shortlog.some((line) => line.includes('github-actions[bot]'))).toBe(true);
    const counts = shortlog.map((line) => Number.parseInt(line, 10));
    const medianCount = [...counts].sort((a, b) => a - b)[counts.length >> 1] ?? 0;
    expect(counts[0]).toBeGreaterThanOrEqual(3 * medianCount);
  });

  it('has the release tags it reports, annotated and lightweight', () => {
    expect(lines(git(repo, 'tag', '-l')).sort()).toEqual(summary.tags.map((t) => t.name).sort());
    expect(summary.tags.length).toBeGreaterThanOrEqual(3);
    for (const tag of summary.tags) {
      expect(git(repo, 'cat-file', '-t', tag.name).trim()).toBe(tag.annotated ? 'tag' : 'commit');
      expect(tag.name).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });

  it('has community files, non-ASCII paths and binary files at HEAD', () => {
    const paths = git(repo, 'ls-tree', '-r', '-z', '--name-only', 'HEAD').split('\0');
    expect(paths).toHaveLength(summary.files + 1); // trailing NUL
    for (const p of ['README.md', 'LICENSE', 'CONTRIBUTING.md', '.github/workflows/ci.yml', ...summary.specialPaths]) expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('tests/'))).toBe(true);
    expect(git(repo, 'log', '--numstat', '--format=', 'HEAD', '--', '*.png')).toMatch(/^-\t-\t/m);
  });

  it('passes git fsck', () => {
    expect(() => git(repo, 'fsck', '--no-progress')).not.toThrow();
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const again = await generateSyntheticRepo(path.join(scratch, 'again'), { commits: 300, authors: 25, seed: 7, log: quiet });
    const other = await generateSyntheticRepo(path.join(scratch, 'other'), { commits: 300, authors: 25, seed: 8, log: quiet });
    expect(again.head).toBe(summary.head);
    expect(other.head).not.toBe(summary.head);
  });
});

describe('generateSyntheticRepo: the git/git shape', () => {
  let repo: string;
  let summary: SyntheticRepoSummary;
  beforeAll(async () => {
    repo = path.join(scratch, 'git-300');
    summary = await generateSyntheticRepo(repo, { commits: 300, authors: 12, seed: 5, shape: 'git', log: quiet });
  });

  it('has a quarter of its commits topic-branch merges with git\'s merge message, and few squashes', () => {
    expect(Number(git(repo, 'rev-list', '--count', 'HEAD'))).toBe(300);
    const merges = lines(git(repo, 'log', '--merges', '--format=%P%x09%s', 'HEAD'));
    expect(merges).toHaveLength(summary.merges);
    expect(merges.length).toBeGreaterThan(300 * 0.15);
    expect(merges.length).toBeLessThan(300 * 0.35);
    for (const merge of merges) expect(merge).toMatch(/^[0-9a-f]{40} [0-9a-f]{40}\tMerge branch '[a-z]{1,2}\/[a-z-]+'$/);
    expect(summary.squashCommits).toBeLessThan(300 * 0.03);
    expect(summary.shape).toBe('git');
  });

  it('has fewer, larger files than the github shape (hundreds of lines on average)', () => {
    const sizes = lines(git(repo, 'ls-tree', '-r', '-l', 'HEAD')).map((line) => Number(line.split(/\s+/)[3]));
    const average = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(sizes.length).toBe(summary.files);
    expect(average).toBeGreaterThan(4_000);
  });

  it('rejects an unknown shape', async () => {
    await expect(generateSyntheticRepo(path.join(scratch, 'bad-shape'), { commits: 20, shape: 'svn' as 'git', log: quiet })).rejects.toThrow(/shape must be one of github, git, got svn/);
  });
});
