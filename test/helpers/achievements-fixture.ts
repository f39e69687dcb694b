import { alice, bob, dependabot, TestRepo, type Author } from './git-fixture';

export const aliceOld: Author = { name: 'Alice L.', email: 'alice@old.example' };
export const aliceNoreply: Author = { name: 'alice', email: '1234+alice@users.noreply.github.com' };

/**
 * A repository with Alice's merged work in every shape git shows it: a merge-button PR
 * (two branch commits, code + tests + a manifest), a squash PR under her GitHub noreply
 * address that Bob later reverts, a squash PR under an old address that .mailmap maps to
 * her, plus Bob's and a bot's PRs that must not count as hers.
 */
export function portfolioRepo(hostileTitle = 'Tidy the <img src=x onerror=alert(1)> parser'): TestRepo {
  const repo = TestRepo.create();
  repo
    .write('README.md', '# demo\n')
    .write('src/parser.ts', 'export const parse = (s: string) => s;\n')
    .write('package.json', JSON.stringify({ name: 'demo', dependencies: {} }, null, 2))
    .write('.mailmap', 'Alice Liddell <alice@example.com> <alice@old.example>\n')
    .commit('start', bob, '2025-12-01T10:00:00Z');
  repo.git('checkout', '-q', '-b', 'alice/parser');
  repo.write('src/parser.ts', 'export const parse = (s: string) => s.trim();\nexport const size = 1;\n').commit('Parse trimmed input', alice, '2026-01-02T09:00:00Z');
  repo
    .write('test/parser.test.ts', "import { parse } from '../src/parser';\nparse(' a ');\n")
    .write('package.json', JSON.stringify({ name: 'demo', dependencies: { react: '^19.0.0' }, devDependencies: { vitest: '^4.0.0' } }, null, 2))
    .commit('Add a streaming parser with tests', alice, '2026-01-03T09:00:00Z');
  repo.git('checkout', '-q', 'main');
  repo.merge('alice/parser', 'Merge pull request #1 from alice/parser', bob, '2026-01-05T12:00:00Z');
  repo.write('src/empty.ts', 'export const empty = (s: string) => s === "";\n').commit('fix: handle empty input (#2)', aliceNoreply, '2026-02-10T10:00:00Z');
  repo.write('docs/guide.md', '# Guide\n').commit('docs: explain the parser (#3)', bob, '2026-02-11T10:00:00Z');
  repo.write('src/empty.ts', '').commit('Revert "fix: handle empty input (#2)"', bob, '2026-02-12T10:00:00Z');
  repo.write('package-lock.json', '{}\n').commit('Bump react from 19.0.0 to 19.0.1 (#4)', dependabot, '2026-02-13T10:00:00Z');
  repo.write('src/style.ts', `export const style = 1;\n`).commit(`${hostileTitle} (#5)`, aliceOld, '2026-03-01T10:00:00Z');
  return repo;
}
