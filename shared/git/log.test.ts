import { afterEach, describe, expect, it } from 'vitest';
import { alice, bob, jose, li, TestRepo } from '../../test/helpers/git-fixture';
import { LogParser, logEnv, readLog, type CommitRecord } from './log';

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.remove()));

async function collect(repo: TestRepo, exclude: string | null = null): Promise<CommitRecord[]> {
  const out: CommitRecord[] = [];
  for await (const c of readLog(repo.dir, repo.head(), exclude)) out.push(c);
  return out;
}

describe('LogParser', () => {
  it('parses headers, numstat, binary files and renames from NUL tokens', () => {
    const p = new LogParser();
    const tokens = [
      '\x1eaaa\x1fbbb ccc\x1fAna\x1fana@x\x1f100\x1f200\x1fMerge pull request #5 from ana/f',
      '\n1\t0\tc',
      '\x1ebbb\x1f\x1fBo\x1fbo@x\x1f50\x1f60\x1fsubject with \x1f separator',
      '\n-\t-\timg.png',
      '3\t1\t',
      'old name.txt',
      'nouveau/é.txt',
    ];
    const out = tokens.map((t) => p.push(t)).filter(Boolean) as CommitRecord[];
    out.push(p.finish()!);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ sha: 'aaa', parents: ['bbb', 'ccc'], authorName: 'Ana', authoredAt: 100, committedAt: 200, files: [{ path: 'c', additions: 1, deletions: 0, oldPath: null }] });
    expect(out[1]!.subject).toBe('subject with \x1f separator');
    expect(out[1]!.parents).toEqual([]);
    expect(out[1]!.files).toEqual([
      { path: 'img.png', oldPath: null, additions: null, deletions: null },
      { path: 'nouveau/é.txt', oldPath: 'old name.txt', additions: 3, deletions: 1 },
    ]);
  });

  it('ignores noise before the first header and returns null from finish on empty input', () => {
    const p = new LogParser();
    expect(p.push('1\t2\tstray')).toBeNull();
    expect(p.finish()).toBeNull();
  });
});

describe('logEnv', () => {
  it('fixes the glibc malloc trim threshold for git and keeps tunables a user set, which win', () => {
    expect(logEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=134217728' });
    expect(logEnv({ GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=1' }).GLIBC_TUNABLES).toBe('glibc.malloc.trim_threshold=134217728:glibc.malloc.trim_threshold=1');
  });
});

describe('readLog on real repositories', () => {
  it('reads merges (diffed against the first parent), renames, binary files and unicode paths', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    repo.write('src/app.ts', 'line\n'.repeat(40)).write('logo.png', Buffer.from([0, 1, 2, 255, 0, 9]));
    repo.commit('initial', alice, '2025-01-06T10:00:00Z');
    repo.git('mv', 'src/app.ts', 'src/应用.ts');
    repo.commit('rename to unicode', li, '2025-01-07T10:00:00Z');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('docs/résumé.md', 'a\nb\n');
    repo.commit('add résumé', jose, '2025-01-08T10:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.write('README.md', 'hi\n');
    repo.commit('readme', bob, '2025-01-09T10:00:00Z');
    repo.merge('feature', 'Merge pull request #7 from jose/feature', bob, '2025-01-10T10:00:00Z');

    const commits = await collect(repo);
    expect(commits).toHaveLength(5);
    const merge = commits[0]!;
    expect(merge.parents).toHaveLength(2);
    expect(merge.files).toEqual([{ path: 'docs/résumé.md', oldPath: null, additions: 2, deletions: 0 }]);
    const rename = commits.find((c) => c.subject === 'rename to unicode')!;
    expect(rename.authorName).toBe('李雷');
    expect(rename.files).toEqual([{ path: 'src/应用.ts', oldPath: 'src/app.ts', additions: 0, deletions: 0 }]);
    const initial = commits.find((c) => c.subject === 'initial')!;
    expect(initial.files).toContainEqual({ path: 'logo.png', oldPath: null, additions: null, deletions: null });
    expect(initial.authoredAt).toBe(Date.parse('2025-01-06T10:00:00Z') / 1000);
  });

  it('honours .mailmap for author identity', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    repo.write('a', '1\n').commit('one', { name: 'alice', email: 'alice@old.example' }, '2025-01-01T00:00:00Z');
    repo.write('.mailmap', 'Alice Liddell <alice@example.com> alice <alice@old.example>\n');
    repo.commit('two', alice, '2025-01-02T00:00:00Z');
    const commits = await collect(repo);
    expect(new Set(commits.map((c) => `${c.authorName} <${c.authorEmail}>`))).toEqual(new Set(['Alice Liddell <alice@example.com>']));
  });

  it('reads only commits not reachable from `exclude`', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    const first = repo.write('a', '1\n').commit('one', alice, '2025-01-01T00:00:00Z');
    repo.write('a', '2\n').commit('two', alice, '2025-01-02T00:00:00Z');
    repo.write('a', '3\n').commit('three', bob, '2025-01-03T00:00:00Z');
    expect((await collect(repo, first)).map((c) => c.subject)).toEqual(['three', 'two']);
  });

  it('works in a linked worktree and a shallow clone', async () => {
    const repo = TestRepo.create();
    repos.push(repo);
    for (let i = 0; i < 5; i++) repo.write('f', `${i}\n`).commit(`c${i}`, alice, `2025-02-0${i + 1}T00:00:00Z`);
    const worktree = new TestRepo(`${repo.dir}-wt`);
    repo.git('worktree', 'add', '-q', worktree.dir);
    repos.push(worktree);
    expect(await collect(worktree)).toHaveLength(5);

    const shallow = new TestRepo(`${repo.dir}-shallow`);
    repos.push(shallow);
    repo.git('clone', '-q', '--depth', '2', `file://${repo.dir}`, shallow.dir);
    expect(await collect(shallow)).toHaveLength(2);
  });
});
