import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo } from '../../test/bench/synthetic-repo.mjs';
import { tempDir } from '../../test/helpers/git-fixture';
import { listCommits, readCommits, readHistory, readLog, type CommitRecord } from '../git/log';
import { openStore, type Store } from '../store/open';
import { researchLocalRepository } from './research-local';

// The parallel history read must give exactly what one `git log` gives: same commits in the
// same order, same per-file numstat (merges against their first parent), same PR sizes, and
// the same research. Checked on generated histories with thousands of commits and merges.

const NOW = Date.UTC(2026, 10, 2) / 1000; // just after the generator's fixed end of history
const quiet = (): void => {};
let scratch: string;
let github: string; // GitHub shape, above the bulk-load threshold (index rebuild path)
let gitShape: string; // git/git shape: topic merges over large files

beforeAll(async () => {
  scratch = tempDir('reposcout-parallel-');
  github = path.join(scratch, 'github');
  gitShape = path.join(scratch, 'git');
  await generateSyntheticRepo(github, { commits: 5_200, authors: 60, seed: 11, log: quiet });
  await generateSyntheticRepo(gitShape, { commits: 400, authors: 20, seed: 12, shape: 'git', log: quiet });
}, 240_000);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const headOf = (dir: string): string => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readHistory and readCommits against one git log', () => {
  it.each([
    ['github shape, 3 processes, 400-commit slices', () => github, 3, 400],
    ['git shape, 2 processes, 64-commit slices', () => gitShape, 2, 64],
    ['git shape, 1 process, one slice', () => gitShape, 1, 10_000],
  ])('%s: identical records in identical order', async (_label, dir, processes, sliceSize) => {
    const head = headOf(dir());
    const reference = await collect(readLog(dir(), head, null));
    const shas = await listCommits(dir(), head, null);
    expect(shas).toEqual(reference.map((c) => c.sha));
    const history = readHistory(dir(), head, null, { processes, sliceSize });
    const parallel = await collect(history.commits);
    expect(await history.total).toBe(reference.length);
    expect(parallel).toHaveLength(reference.length);
    expect(parallel).toEqual(reference);
    expect(await collect(readCommits(dir(), shas, { processes, sliceSize }))).toEqual(reference);
    expect(reference.filter((c) => c.parents.length === 2).length).toBeGreaterThan(reference.length / 10);
  });

  it('reads an excluded range the same way', async () => {
    const head = headOf(gitShape);
    const base = execFileSync('git', ['rev-parse', 'HEAD~40'], { cwd: gitShape, encoding: 'utf8' }).trim();
    const reference = await collect(readLog(gitShape, head, base));
    const parallel = await collect(readHistory(gitShape, head, base, { processes: 2, sliceSize: 7 }).commits);
    expect(parallel).toEqual(reference);
    expect(reference.length).toBeGreaterThan(40);
  });

  it('gives the first commits in order when the reader stops early, and stops', async () => {
    const history = readHistory(gitShape, headOf(gitShape), null, { processes: 2, sliceSize: 20 });
    const first: CommitRecord[] = [];
    for await (const commit of history.commits) {
      first.push(commit);
      if (first.length === 30) break;
    }
    history.stop();
    expect(first.map((c) => c.sha)).toEqual((await listCommits(gitShape, headOf(gitShape), null)).slice(0, 30));
  });

  it('reports a failing git with its message and stops the other processes', async () => {
    const shas = await listCommits(gitShape, headOf(gitShape), null);
    const broken = [...shas.slice(0, 100), 'f'.repeat(40), ...shas.slice(100)];
    await expect(collect(readCommits(gitShape, broken, { processes: 2, sliceSize: 50 }))).rejects.toMatchObject({ code: 'GIT_FAILED', message: expect.stringMatching(/^git log failed \(exit 128\): fatal: bad object f{40}/) });
  });
});

describe('ingest with parallel reads against one git log', () => {
  const stores: Store[] = [];
  afterAll(() => stores.forEach((s) => s.close()));
  const open = (name: string): Store => {
    const store = openStore(path.join(scratch, `${name}.db`));
    stores.push(store);
    return store;
  };

  it('stores every commit and file change exactly as one git log reads them, and the same research for 1 and 3 processes', async () => {
    const head = headOf(github);
    const reference = await collect(readLog(github, head, null));
    const one = open('one');
    const three = open('three');
    const single = await researchLocalRepository(one, github, { now: NOW, gitProcesses: 1 });
    const parallel = await researchLocalRepository(three, github, { now: NOW, gitProcesses: 3 });
    expect(parallel.newCommits).toBe(5_200);
    expect(parallel.research).toEqual(single.research);
    expect(storedHistory(three)).toEqual(expectedHistory(reference));
    expect(storedHistory(one)).toEqual(expectedHistory(reference));
    // 5,200 commits into an empty store is a bulk load: its dropped indexes are all back.
    const indexes = three.db.prepare(`select name from sqlite_master where type = 'index' and tbl_name in ('commits', 'file_changes') and sql is not null order by name`).all();
    expect(indexes.map((row) => (row as { name: string }).name)).toEqual(['commits_author', 'commits_repo_committed', 'commits_repo_time', 'file_changes_commit', 'file_changes_path']);
  }, 120_000);

  it('gives merged PRs the size of `git diff --numstat <merge>^1 <merge>` and the title of the merge body', async () => {
    const store = stores[1]!;
    const prs = store.db
      .prepare(`select pr.number, pr.title, pr.additions, pr.deletions, pr.files_changed, c.sha from pull_requests pr join commits c on c.id = pr.commit_id where pr.source = 'merge' order by pr.number`)
      .all() as { number: number; title: string; additions: number; deletions: number; files_changed: number; sha: string }[];
    expect(prs.length).toBeGreaterThan(200);
    for (const pr of prs.filter((_, i) => i % 25 === 0)) {
      const numstat = execFileSync('git', ['diff', '--numstat', '-M', `${pr.sha}^1`, pr.sha], { cwd: github, encoding: 'utf8' }).trim().split('\n');
      const sum = (column: number): number => numstat.reduce((total, line) => total + (Number(line.split('\t')[column]) || 0), 0);
      expect({ number: pr.number, additions: pr.additions, deletions: pr.deletions, files: pr.files_changed }).toEqual({ number: pr.number, additions: sum(0), deletions: sum(1), files: numstat.length });
      const body = execFileSync('git', ['log', '-1', '--format=%b', pr.sha], { cwd: github, encoding: 'utf8' }).trim().split('\n')[0];
      expect(pr.title).toBe(body);
    }
  });
});

interface StoredCommit {
  sha: string;
  parents: string[];
  email: string;
  authoredAt: number;
  committedAt: number;
  subject: string;
  files: { path: string; oldPath: string | null; additions: number | null; deletions: number | null }[];
}

/** Commits in id order (the order they were written) with their file changes. */
function storedHistory(store: Store): StoredCommit[] {
  const commits = store.db
    .prepare(`select c.id, c.sha, c.first_parent, c.second_parent, p.email, c.authored_at, c.committed_at, c.subject from commits c join people p on p.id = c.author_id order by c.id`)
    .all() as { id: number; sha: string; first_parent: string | null; second_parent: string | null; email: string; authored_at: number; committed_at: number; subject: string }[];
  const changes = store.db.prepare(
    `select np.path, op.path as old_path, f.additions, f.deletions from file_changes f join paths np on np.id = f.path_id left join paths op on op.id = f.old_path_id where f.commit_id = ? order by f.rowid`,
  );
  return commits.map((c) => ({
    sha: c.sha,
    parents: [c.first_parent, c.second_parent].filter((p): p is string => p !== null),
    email: c.email,
    authoredAt: c.authored_at,
    committedAt: c.committed_at,
    subject: c.subject,
    files: (changes.all(c.id) as { path: string; old_path: string | null; additions: number | null; deletions: number | null }[]).map((f) => ({ path: f.path, oldPath: f.old_path, additions: f.additions, deletions: f.deletions })),
  }));
}

function expectedHistory(records: CommitRecord[]): StoredCommit[] {
  return records.map((c) => ({
    sha: c.sha,
    parents: c.parents.slice(0, 2),
    email: (c.authorEmail.trim() || c.authorName.trim()).toLowerCase(),
    authoredAt: c.authoredAt,
    committedAt: c.committedAt,
    subject: c.subject,
    files: c.files,
  }));
}
