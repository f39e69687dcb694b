import { afterEach, describe, expect, it } from 'vitest';
import { alice, bob, jose, li, TestRepo } from '../../test/helpers/git-fixture';
import { readSlice } from './history-slice';
import { listCommits, readCommits, readHistory, readLog } from './log';

// readSlice takes most merges' first-parent numstat from the numstat of the commits that made
// the same file pairs. These repositories hold every case where that could go wrong; each
// reader must give exactly the records of the one `git log --diff-merges=first-parent`.

const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((r) => r.remove()));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const lines = (prefix: string, count: number): string => Array.from({ length: count }, (_, i) => `${prefix} ${i}\n`).join('');
let day = 0;
const next = (): string => new Date(Date.UTC(2025, 0, 1) + (day += 1) * 86_400_000).toISOString();

/** A topic branch off main with `edit` committed on it, merged back with --no-ff. */
function topic(repo: TestRepo, name: string, edits: ((repo: TestRepo) => void)[], merge: (repo: TestRepo) => void = (r) => void r.merge(name, `Merge branch '${name}'`, bob, next())): void {
  repo.git('checkout', '-q', '-b', name, 'main');
  for (const edit of edits) {
    edit(repo);
    repo.commit(`${name}: change`, jose, next());
  }
  repo.git('checkout', '-q', 'main');
  merge(repo);
}

/** Clean topic merges only: every merge's file pairs were diffed by one topic commit. */
function cleanRepo(): TestRepo {
  const repo = TestRepo.create();
  repos.push(repo);
  repo.write('src/big.c', lines('int x =', 400)).write('logo.png', Buffer.from([0, 1, 2, 255, 0, 9])).write('docs/straße.md', lines('Zeile', 20)).write('old/name.txt', lines('keep', 30));
  repo.commit('initial', alice, next());
  topic(repo, 'edit-big', [(r) => void r.write('src/big.c', lines('int x =', 400).replace('int x = 7\n', 'int y = 7\n') + 'int z;\n')]);
  topic(repo, 'binary', [(r) => void r.write('logo.png', Buffer.from([0, 1, 2, 254, 0, 9, 9]))]);
  topic(repo, 'unicode', [(r) => void r.write('docs/straße.md', `${lines('Zeile', 20)}neu\n`).write('新しい/ファイル.txt', 'こんにちは\n')]);
  topic(repo, 'rename', [
    (r) => {
      r.write('new/name.txt', `${lines('keep', 30)}added\n`);
      r.git('rm', '-q', 'old/name.txt');
    },
  ]);
  return repo;
}

/** Merges whose pairs no single commit diffed: the slice must ask git for their numstat. */
function trickyRepo(): TestRepo {
  const repo = cleanRepo();
  // Two topic commits on one file: the merge's pair is neither commit's pair.
  topic(repo, 'twice', [(r) => void r.write('src/big.c', `${lines('int x =', 400)}one;\n`), (r) => void r.write('src/big.c', `${lines('int x =', 400)}one;\ntwo;\n`)]);
  // main moves on the same file after the fork: the merge's old blob is main's, not the fork point's.
  repo.git('checkout', '-q', '-b', 'late', 'main');
  repo.write('docs/straße.md', `vorne\n${lines('Zeile', 20)}neu\n`).commit('late: prepend', li, next());
  repo.git('checkout', '-q', 'main');
  repo.write('docs/straße.md', `${lines('Zeile', 20)}neu\nhinten\n`).commit('main: append', alice, next());
  repo.merge('late', "Merge branch 'late'", bob, next());
  // An evil merge: the merge commit changes a file beyond what its topic did.
  repo.git('checkout', '-q', '-b', 'evil', 'main');
  repo.write('src/evil.ts', lines('export const a =', 12)).commit('evil: add', jose, next());
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', '--no-commit', 'evil');
  repo.write('src/evil.ts', `${lines('export const a =', 12)}// fixed in the merge\n`);
  repo.commit("Merge branch 'evil'", bob, next());
  // An octopus merge of two topics.
  for (const name of ['oct-a', 'oct-b']) {
    repo.git('checkout', '-q', '-b', name, 'main');
    repo.write(`${name}.txt`, lines(name, 5)).commit(`${name}: add`, li, next());
  }
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', '--no-commit', 'oct-a', 'oct-b');
  repo.commit("Merge branches 'oct-a' and 'oct-b'", bob, next());
  // A merge that takes nothing (-s ours): an empty first-parent diff.
  repo.git('checkout', '-q', '-b', 'ignored', 'main');
  repo.write('ignored.txt', 'x\n').commit('ignored: add', jose, next());
  repo.git('checkout', '-q', 'main');
  repo.git('merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'ignored');
  repo.commit("Merge branch 'ignored'", bob, next());
  return repo;
}

describe('readSlice', () => {
  it.each([
    ['clean topic merges', cleanRepo],
    ['composite, moved, evil, octopus and empty merges', trickyRepo],
  ])('%s: the same records as one git log, with every reader', async (_label, make) => {
    const repo = make();
    const head = repo.head();
    const reference = await collect(readLog(repo.dir, head, null));
    expect(reference.filter((c) => c.parents.length > 1).length).toBeGreaterThanOrEqual(4);
    const processes = { track: () => {} };
    expect(await readSlice(repo.dir, [head], null, processes)).toEqual(reference);
    const shas = await listCommits(repo.dir, head, null);
    for (const sliceSize of [1, 2, 3, 100]) {
      expect(await collect(readHistory(repo.dir, head, null, { processes: 2, sliceSize }).commits)).toEqual(reference);
      expect(await collect(readCommits(repo.dir, shas, { processes: 2, sliceSize }))).toEqual(reference);
    }
  });

  it('diffs no merge itself when its commits made every file pair, and asks git for the others', async () => {
    const count = async (repo: TestRepo): Promise<number> => {
      let spawned = 0;
      await readSlice(repo.dir, [repo.head()], null, { track: () => void (spawned += 1) });
      return spawned;
    };
    const clean = cleanRepo();
    const reference = await collect(readLog(clean.dir, clean.head(), null));
    const rename = reference.find((c) => c.subject === "Merge branch 'rename'")!;
    expect(rename.files).toEqual([{ path: 'new/name.txt', oldPath: 'old/name.txt', additions: 1, deletions: 0 }]);
    expect(reference.find((c) => c.subject === "Merge branch 'binary'")!.files).toEqual([{ path: 'logo.png', oldPath: null, additions: null, deletions: null }]);
    expect(await count(clean)).toBe(2); // all commits, then the merges' file pairs
    expect(await count(trickyRepo())).toBe(3); // and the numstat of the merges left over
  });
});
