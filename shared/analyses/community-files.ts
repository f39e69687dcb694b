import type { TreeEntry } from '../git/tree';
import type { CommunityFiles } from '../research/types';
import { defineAnalysis } from './analysis';
import { languageOf } from './languages';
import { detectSpdxId } from './license';
import type { GitHubSource, LocalSource } from './sources';

/** What the tree alone tells: the licence's path; its SPDX id needs the file's text (see license.ts). */
export type DetectedCommunityFiles = Omit<CommunityFiles, 'license'> & { licensePath: string | null };

// Markup and plain-text extensions GitHub renders for community files. Limiting
// names to these keeps source files such as `license.go` or `security.py` out.
const DOC_EXT = String.raw`(?:\.(?:md|markdown|mdown|mkdn|mkd|rst|txt|text|adoc|asciidoc|asc|org|textile|rdoc|pod|creole|wiki|mediawiki|html?))?`;

function named(source: string): RegExp {
  return new RegExp(`^${source}${DOC_EXT}$`, 'i');
}

/** A community file: the folders it may live in and its accepted names, each list best first. */
interface DocRule {
  dirs: string[];
  names: ((name: string) => boolean)[];
}

const matching = (re: RegExp) => (name: string) => re.test(name);

// GitHub's community profile looks in the root, docs/ and .github/; we prefer the root.
const COMMUNITY_DIRS = ['', '.github', 'docs'];

const README: DocRule = {
  dirs: COMMUNITY_DIRS,
  // Translations (README.zh-CN.md, README_ja.md), then other variants, only without a plain README.
  names: [
    matching(named('readme')),
    matching(named(String.raw`readme[._-][a-z]{2}(?:[-_][a-z0-9]{2,4})?`)),
    (name) => /^readme[._-]/i.test(name) && !isCodeOrData(name),
  ],
};

// Licensee's ranking: LICENSE/LICENCE/UNLICENSE, then COPYING, then suffixed
// (LICENSE-MIT, COPYING.LESSER), then prefixed (MIT-LICENSE).
const LICENSE: DocRule = {
  dirs: COMMUNITY_DIRS,
  names: [
    matching(named('(?:un)?licen[sc]e')),
    matching(named('copying')),
    (name) => /^(?:licen[sc]e|copying)[-_.][a-z0-9][\w.+-]*$/i.test(name) && !isCodeOrData(name),
    matching(named(String.raw`[a-z0-9][\w.+-]*[-_](?:licen[sc]e|copying)`)),
  ],
};

// REUSE keeps one text per licence in LICENSES/<SPDX id>.txt; used only without a LICENSE file.
const REUSE_LICENSES: DocRule = { dirs: ['licenses'], names: [matching(/^[a-z0-9][\w.+-]*\.txt$/i)] };

const CONTRIBUTING: DocRule = { dirs: COMMUNITY_DIRS, names: [matching(named('contributing'))] };
const CODE_OF_CONDUCT: DocRule = { dirs: COMMUNITY_DIRS, names: [matching(named('code[-_]?of[-_]?conduct'))] };
// Scorecard's Security-Policy check also accepts doc/.
const SECURITY: DocRule = { dirs: [...COMMUNITY_DIRS, 'doc'], names: [matching(named('security'))] };
// GitHub reads CITATION.cff from the root only.
const CITATION: DocRule = { dirs: [''], names: [matching(/^citation\.cff$/i)] };
const CHANGELOG: DocRule = {
  dirs: [...COMMUNITY_DIRS, 'doc'],
  names: [matching(named('change[-_]?log')), matching(named('(?:changes|history|news|releases|release[-_]?notes)'))],
};

// Full paths. Each CI service reads its configuration from one fixed place.
const CI_CONFIG: RegExp[] = [
  /^\.github\/workflows\/[^/]+\.ya?ml$/i,
  /^\.gitea\/workflows\/[^/]+\.ya?ml$/i,
  /^\.forgejo\/workflows\/[^/]+\.ya?ml$/i,
  /^\.gitlab-ci\.ya?ml$/i,
  /^\.circleci\/config\.ya?ml$/i,
  /^\.travis\.ya?ml$/i,
  /^jenkinsfile(?:\.[^/]+)?$/i,
  /^\.?azure-pipelines(?:[-.][^/]*)?\.ya?ml$/i,
  /^\.azure-pipelines\/[^/]+\.ya?ml$/i,
  /^\.buildkite\/[^/]+\.(?:ya?ml|json|sh)$/i,
  /^bitbucket-pipelines\.ya?ml$/i,
  /^\.?appveyor\.ya?ml$/i,
  /^\.drone\.(?:ya?ml|jsonnet|star)$/i,
  /^\.woodpecker\.ya?ml$/i,
  /^\.woodpecker\/[^/]+\.ya?ml$/i,
  /^\.cirrus\.(?:ya?ml|star)$/i,
  // A project's own CI entry point (a script its CI runs), as in this repository's .ci/run.
  /^\.ci\/[^/]+$/i,
  /^\.semaphore\/[^/]+\.ya?ml$/i,
  /^cloudbuild\.(?:ya?ml|json)$/i,
  /^buildspec\.ya?ml$/i,
  /^\.builds?\.ya?ml$/i,
  /^\.builds\/[^/]+\.ya?ml$/i,
  /^bitrise\.ya?ml$/i,
  /^codemagic\.ya?ml$/i,
  /^\.tekton\/[^/]+\.ya?ml$/i,
  /^\.?zuul\.ya?ml$/i,
  /^\.zuul\.d\/[^/]+\.ya?ml$/i,
  /^wercker\.ya?ml$/i,
];

// File names, matched in any folder (monorepos configure per package).
const LINTER_CONFIG: RegExp[] = [
  /^\.eslintrc(?:\.(?:js|cjs|mjs|json|ya?ml))?$/i,
  /^eslint\.config\.[cm]?[jt]s$/i,
  /^\.prettierrc(?:\.(?:json5?|ya?ml|toml|[cm]?[jt]s))?$/i,
  /^prettier\.config\.[cm]?[jt]s$/i,
  /^biome\.jsonc?$/i,
  /^rome\.json$/i,
  /^\.?dprint\.jsonc?$/i,
  /^\.oxlintrc\.json$/i,
  /^\.stylelintrc(?:\.(?:json|ya?ml|[cm]?js))?$/i,
  /^stylelint\.config\.[cm]?[jt]s$/i,
  /^\.jshintrc$/i,
  /^tslint\.json$/i,
  /^\.flake8$/i,
  /^\.?ruff\.toml$/i,
  /^\.?pylintrc$/i,
  /^\.?mypy\.ini$/i,
  /^\.isort\.cfg$/i,
  /^\.style\.yapf$/i,
  /^\.golangci\.(?:ya?ml|toml|json)$/i,
  /^\.rubocop\.yml$/i,
  /^\.standard\.yml$/i,
  /^\.?clippy\.toml$/i,
  /^\.?rustfmt\.toml$/i,
  /^[._]clang-(?:format|tidy)$/i,
  /^cpplint\.cfg$/i,
  /^\.editorconfig$/i,
  /^\.pre-commit-config\.ya?ml$/i,
  /^checkstyle(?:[-_][\w.-]*)?\.xml$/i,
  /^\.scalafmt\.conf$/i,
  /^\.scalafix\.conf$/i,
  /^detekt(?:[-_][\w.-]*)?\.ya?ml$/i,
  /^\.swiftlint\.ya?ml$/i,
  /^\.swiftformat$/i,
  /^\.?phpcs\.xml(?:\.dist)?$/i,
  /^\.php[-_]cs(?:[-_]fixer)?(?:\.dist)?(?:\.php)?$/i,
  /^phpstan\.neon(?:\.dist)?$/i,
  /^psalm\.xml(?:\.dist)?$/i,
  /^\.shellcheckrc$/i,
  /^\.markdownlint(?:-cli2)?\.(?:jsonc?|ya?ml|[cm]?js)$/i,
  /^\.markdownlintrc$/i,
  /^\.yamllint(?:\.ya?ml)?$/i,
  /^\.credo\.exs$/i,
  /^\.formatter\.exs$/i,
  /^\.hlint\.yaml$/i,
  /^analysis_options\.yaml$/i,
  /^\.luacheckrc$/i,
  /^\.?stylua\.toml$/i,
  /^\.hadolint\.ya?ml$/i,
  /^\.tflint\.hcl$/i,
  /^\.sqlfluff$/i,
  /^stylecop\.json$/i,
];

// Scorecard's Dependency-Update-Tool list: full paths, compared lower-cased.
const DEPENDENCY_UPDATE_CONFIG = new Set([
  '.github/dependabot.yml', '.github/dependabot.yaml',
  'renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5',
  '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.gitlab/renovate.json5',
  '.pyup.yml',
]);

// Other people's code: its tests and lint configs say nothing about this project.
const VENDORED_DIRS = new Set(['node_modules', 'bower_components', 'vendor', 'third_party', 'third-party', 'thirdparty']);
// Inputs for tests, not tests: linters' own test suites hold thousands of sample configs here.
const FIXTURE_DIRS = new Set(['fixtures', 'fixture', '__fixtures__', 'testdata', 'test-data', 'test_data', '__snapshots__']);

const TEST_DIR = /^(?:tests?|__tests?__|specs?|testing|e2e|.+[._-]tests?)$/i;
const TEST_FILE_STEM = [
  /^test_/i, // test_parser.py, test_io.c
  /[._-](?:tests?|specs?|unittests?)$/i, // parser_test.go, app.test.ts, user_spec.rb, io-test.js
  /^Test[A-Z0-9]/, // TestParser.java
  /[a-z0-9](?:Tests?|Spec|Suite)$/, // ParserTest.java, ParserTests.cs, ParserSpec.scala
];
const MAX_TEST_EXAMPLES = 5;

function isCodeOrData(name: string): boolean {
  return languageOf(name) !== null || /\.(?:json5?|ya?ml|toml|xml|lock|cfg|ini)$/i.test(name);
}

function splitPath(path: string): { dir: string; name: string; segments: string[] } {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  return { dir: segments.join('/').toLowerCase(), name, segments };
}

/** The best path for `rule` (folder first, then name rank, then path order), or null. */
function pick(paths: string[], rule: DocRule): string | null {
  let best: { path: string; rank: [number, number] } | null = null;
  for (const path of paths) {
    const { dir, name } = splitPath(path);
    const dirRank = rule.dirs.indexOf(dir);
    if (dirRank < 0) continue;
    const nameRank = rule.names.findIndex((matches) => matches(name));
    if (nameRank < 0) continue;
    const rank: [number, number] = [dirRank, nameRank];
    // `paths` is sorted, so the first of equal rank is kept.
    if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && rank[1] < best.rank[1])) best = { path, rank };
  }
  return best?.path ?? null;
}

function isTestFile(segments: string[], name: string): boolean {
  if (languageOf(name) === null) return false;
  if (segments.some((segment) => TEST_DIR.test(segment))) return true;
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  return TEST_FILE_STEM.some((re) => re.test(stem));
}

/**
 * Community-health and tooling files found by path alone, following GitHub's community profile
 * and OpenSSF Scorecard's file checks. Single files are the best match or null; lists are sorted.
 * `tests.files` counts source files in test folders or with test-style names.
 */
export function detectCommunityFiles(tree: TreeEntry[]): DetectedCommunityFiles {
  const paths = [...new Set(tree.map((entry) => entry?.path).filter((p): p is string => typeof p === 'string' && p !== ''))].sort();

  const ci: string[] = [];
  const linters: string[] = [];
  const dependencyUpdates: string[] = [];
  const tests: string[] = [];
  for (const path of paths) {
    if (CI_CONFIG.some((re) => re.test(path))) ci.push(path);
    if (DEPENDENCY_UPDATE_CONFIG.has(path.toLowerCase())) dependencyUpdates.push(path);
    const { name, segments } = splitPath(path);
    const folders = segments.map((s) => s.toLowerCase());
    if (folders.some((s) => VENDORED_DIRS.has(s) || FIXTURE_DIRS.has(s))) continue;
    if (LINTER_CONFIG.some((re) => re.test(name))) linters.push(path);
    if (isTestFile(segments, name)) tests.push(path);
  }

  return {
    readme: pick(paths, README),
    licensePath: pick(paths, LICENSE) ?? pick(paths, REUSE_LICENSES),
    contributing: pick(paths, CONTRIBUTING),
    codeOfConduct: pick(paths, CODE_OF_CONDUCT),
    security: pick(paths, SECURITY),
    citation: pick(paths, CITATION),
    changelog: pick(paths, CHANGELOG),
    ci,
    tests: { present: tests.length > 0, files: tests.length, examples: tests.slice(0, MAX_TEST_EXAMPLES) },
    linters,
    dependencyUpdates,
  };
}

/** A clone's community files from its tree at HEAD, the licence identified by its text. */
export async function communityFilesOfClone({ tree, readFile }: LocalSource): Promise<CommunityFiles> {
  const { licensePath, ...files } = detectCommunityFiles(tree);
  const licenseText = licensePath ? await readFile(licensePath) : null;
  return { ...files, license: licensePath ? { path: licensePath, spdxId: licenseText === null ? null : detectSpdxId(licenseText) } : null };
}

/** A GitHub repository's community files from the paths the ingest listed, the licence as GitHub identified it. */
export function communityFilesFromGitHub({ row }: GitHubSource): CommunityFiles {
  const root = JSON.parse(row.community_json) as { root?: string[]; tree?: string[] };
  const tree = (root.tree ?? root.root ?? []).filter((p) => !p.endsWith('/')).sort();
  const { licensePath, ...files } = detectCommunityFiles(tree.map((path) => ({ path, size: null })));
  const spdx = row.license_spdx && row.license_spdx !== 'NOASSERTION' ? row.license_spdx : null;
  const license = licensePath || row.license_spdx ? { path: licensePath ?? 'LICENSE', spdxId: spdx } : null;
  return { ...files, license };
}

export const communityFilesAnalysis = defineAnalysis({
  name: 'communityFiles',
  publish: (c) => c,
  needs: 'both',
  local: communityFilesOfClone,
  github: communityFilesFromGitHub,
});
