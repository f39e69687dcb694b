import { describe, expect, it } from 'vitest';
import type { TreeEntry } from '../git/tree';
import { detectCommunityFiles, type DetectedCommunityFiles } from './community-files';

const tree = (...paths: string[]): TreeEntry[] => paths.map((path) => ({ path, size: 100 }));

type SingleFile = 'readme' | 'licensePath' | 'contributing' | 'codeOfConduct' | 'security' | 'citation' | 'changelog';
type ListField = 'ci' | 'linters' | 'dependencyUpdates';

const EMPTY: DetectedCommunityFiles = {
  readme: null,
  licensePath: null,
  contributing: null,
  codeOfConduct: null,
  security: null,
  citation: null,
  changelog: null,
  ci: [],
  tests: { present: false, files: 0, examples: [] },
  linters: [],
  dependencyUpdates: [],
};

describe('detectCommunityFiles', () => {
  describe('bad input / edge cases', () => {
    it('finds nothing in an empty tree', () => {
      expect(detectCommunityFiles([])).toEqual(EMPTY);
    });

    it('skips entries without a usable path and duplicate paths', () => {
      const entries = [
        { path: '', size: 1 },
        { path: undefined, size: 1 },
        null,
        { path: 'README.md', size: 1 },
        { path: 'README.md', size: 1 },
      ] as unknown as TreeEntry[];
      expect(detectCommunityFiles(entries)).toEqual({ ...EMPTY, readme: 'README.md' });
    });

    it.each<[string, string[], SingleFile, string | null]>([
      ['README deeper than docs/ is not the README', ['src/pkg/README.md'], 'readme', null],
      ['a folder named README is not a README', ['README/index.js'], 'readme', null],
      ['source files named like community files are not them', ['license.go', 'security.py', 'changelog.ts', 'src/readme.rs'], 'licensePath', null],
      ['source file named license is skipped for the licence', ['LICENSE.go', 'license_test.go'], 'licensePath', null],
      ['security.py is no policy', ['security.py'], 'security', null],
      ['CITATION.cff outside the root is ignored', ['docs/CITATION.cff'], 'citation', null],
      ['mixed case', ['ReadMe.MarkDown'], 'readme', 'ReadMe.MarkDown'],
      ['unicode folders do not confuse the root', ['文档/README.md', 'README.md'], 'readme', 'README.md'],
      ['unicode names in an accepted folder', ['docs/README.中文.md'], 'readme', 'docs/README.中文.md'],
    ])('%s', (_name, paths, field, expected) => {
      expect(detectCommunityFiles(tree(...paths))[field]).toBe(expected);
    });

    it('ignores tests and linters in vendored code and fixtures', () => {
      const result = detectCommunityFiles(tree(
        'node_modules/lodash/test/map.test.js',
        'vendor/github.com/x/y_test.go',
        'third_party/zlib/test/example.c',
        'tests/fixtures/project/.eslintrc.json',
        'tests/fixtures/project/a.test.js',
        'pkg/testdata/sample.go',
        'node_modules/x/.prettierrc',
      ));
      expect(result.tests).toEqual({ present: false, files: 0, examples: [] });
      expect(result.linters).toEqual([]);
    });

    it('does not count data and prose in test folders as tests', () => {
      const result = detectCommunityFiles(tree('test/data.json', 'tests/README.md', 'spec/overview.md'));
      expect(result.tests.files).toBe(0);
    });

    it('does not mistake look-alike names for tests', () => {
      const result = detectCommunityFiles(tree('src/latest.ts', 'src/contest.py', 'src/attestation.go', 'src/Manifest.java', 'src/testing_utils.md'));
      expect(result.tests.files).toBe(0);
    });
  });

  describe('behaviour', () => {
    it.each<[string, string[], SingleFile, string | null]>([
      ['README at the root', ['README.md'], 'readme', 'README.md'],
      ['README without extension', ['README'], 'readme', 'README'],
      ['readme.txt', ['readme.txt'], 'readme', 'readme.txt'],
      ['README.rst', ['README.rst'], 'readme', 'README.rst'],
      ['README in .github', ['.github/README.md'], 'readme', '.github/README.md'],
      ['README in docs', ['docs/README.md'], 'readme', 'docs/README.md'],
      ['root README preferred', ['docs/README.md', '.github/README.md', 'README.md'], 'readme', 'README.md'],
      ['.github before docs', ['docs/README.md', '.github/README.md'], 'readme', '.github/README.md'],
      ['plain README before a translation', ['README.zh-CN.md', 'README.md'], 'readme', 'README.md'],
      ['a translation when alone', ['README.ja.md'], 'readme', 'README.ja.md'],
      ['LICENSE', ['LICENSE'], 'licensePath', 'LICENSE'],
      ['LICENCE.md', ['LICENCE.md'], 'licensePath', 'LICENCE.md'],
      ['UNLICENSE', ['UNLICENSE'], 'licensePath', 'UNLICENSE'],
      ['COPYING', ['COPYING'], 'licensePath', 'COPYING'],
      ['LICENSE before COPYING', ['COPYING', 'LICENSE.txt'], 'licensePath', 'LICENSE.txt'],
      ['COPYING before COPYING.LESSER', ['COPYING.LESSER', 'COPYING'], 'licensePath', 'COPYING'],
      ['dual licence picks the first by path', ['LICENSE-MIT', 'LICENSE-APACHE'], 'licensePath', 'LICENSE-APACHE'],
      ['MIT-LICENSE', ['MIT-LICENSE'], 'licensePath', 'MIT-LICENSE'],
      ['root licence preferred', ['docs/LICENSE', 'LICENSE.md'], 'licensePath', 'LICENSE.md'],
      ['REUSE LICENSES folder as a last resort', ['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt'], 'licensePath', 'LICENSES/Apache-2.0.txt'],
      ['a LICENSE file beats the REUSE folder', ['LICENSES/MIT.txt', 'LICENSE'], 'licensePath', 'LICENSE'],
      ['CONTRIBUTING in .github', ['.github/CONTRIBUTING.md'], 'contributing', '.github/CONTRIBUTING.md'],
      ['contributing.rst in docs', ['docs/contributing.rst'], 'contributing', 'docs/contributing.rst'],
      ['CODE_OF_CONDUCT', ['CODE_OF_CONDUCT.md'], 'codeOfConduct', 'CODE_OF_CONDUCT.md'],
      ['code-of-conduct', ['.github/code-of-conduct.md'], 'codeOfConduct', '.github/code-of-conduct.md'],
      ['SECURITY.md', ['SECURITY.md'], 'security', 'SECURITY.md'],
      ['security.adoc in .github', ['.github/security.adoc'], 'security', '.github/security.adoc'],
      ['security.rst in doc (Scorecard)', ['doc/security.rst'], 'security', 'doc/security.rst'],
      ['CITATION.cff', ['CITATION.cff'], 'citation', 'CITATION.cff'],
      ['CHANGELOG.md', ['CHANGELOG.md'], 'changelog', 'CHANGELOG.md'],
      ['HISTORY.rst', ['HISTORY.rst'], 'changelog', 'HISTORY.rst'],
      ['NEWS', ['NEWS'], 'changelog', 'NEWS'],
      ['RELEASES.md', ['RELEASES.md'], 'changelog', 'RELEASES.md'],
      ['CHANGELOG preferred over NEWS', ['NEWS', 'CHANGELOG'], 'changelog', 'CHANGELOG'],
    ])('%s', (_name, paths, field, expected) => {
      expect(detectCommunityFiles(tree(...paths))[field]).toBe(expected);
    });

    it.each<[string, string[], ListField, string[]]>([
      [
        'CI configuration of many services',
        [
          '.github/workflows/ci.yml', '.github/workflows/release.yaml', '.github/workflows/README.md', '.github/workflows/sub/x.yml',
          '.gitlab-ci.yml', '.circleci/config.yml', '.travis.yml', 'Jenkinsfile', 'azure-pipelines.yml',
          '.buildkite/pipeline.yml', 'bitbucket-pipelines.yml', 'appveyor.yml', '.drone.yml', '.woodpecker.yml',
          'src/.travis.yml', '.ci/run', '.ci/nested/x.sh',
        ],
        'ci',
        [
          '.buildkite/pipeline.yml', '.ci/run', '.circleci/config.yml', '.drone.yml', '.github/workflows/ci.yml', '.github/workflows/release.yaml',
          '.gitlab-ci.yml', '.travis.yml', '.woodpecker.yml', 'Jenkinsfile', 'appveyor.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml',
        ],
      ],
      [
        'linters and formatters anywhere',
        [
          '.eslintrc.json', 'packages/a/eslint.config.mjs', '.prettierrc', 'prettier.config.js', 'biome.json', '.flake8', 'ruff.toml',
          '.pylintrc', '.golangci.yml', '.rubocop.yml', 'clippy.toml', '.clang-format', '.clang-tidy', '.stylelintrc.json',
          '.editorconfig', '.pre-commit-config.yaml', 'config/checkstyle/checkstyle.xml', '.swiftlint.yml', 'detekt.yml',
          'src/eslint.ts', 'prettier.md',
        ],
        'linters',
        [
          '.clang-format', '.clang-tidy', '.editorconfig', '.eslintrc.json', '.flake8', '.golangci.yml', '.pre-commit-config.yaml',
          '.prettierrc', '.pylintrc', '.rubocop.yml', '.stylelintrc.json', '.swiftlint.yml', 'biome.json', 'clippy.toml',
          'config/checkstyle/checkstyle.xml', 'detekt.yml', 'packages/a/eslint.config.mjs', 'prettier.config.js', 'ruff.toml',
        ],
      ],
      [
        'dependency-update tools',
        [
          '.github/dependabot.yml', 'renovate.json', '.renovaterc.json', '.github/renovate.json5', '.gitlab/renovate.json',
          'docs/renovate.json', 'dependabot.yml',
        ],
        'dependencyUpdates',
        ['.github/dependabot.yml', '.github/renovate.json5', '.gitlab/renovate.json', '.renovaterc.json', 'renovate.json'],
      ],
    ])('%s', (_name, paths, field, expected) => {
      expect(detectCommunityFiles(tree(...paths))[field]).toEqual(expected);
    });

    it.each<[string, string[], number]>([
      ['Go', ['pkg/parse.go', 'pkg/parse_test.go'], 1],
      ['TypeScript and JavaScript', ['src/a.test.ts', 'src/b.spec.tsx', 'src/c.test.js', 'src/d.ts'], 3],
      ['pytest', ['pkg/test_io.py', 'pkg/io_test.py', 'pkg/io.py'], 2],
      ['JUnit', ['src/main/java/Parser.java', 'src/test/java/ParserTest.java', 'src/test/java/Helpers.java'], 2],
      ['RSpec', ['lib/user.rb', 'spec/user_spec.rb', 'spec/spec_helper.rb'], 2],
      ['test folders anywhere', ['tests/test_a.py', 'packages/x/__tests__/a.js', 'testing/util.go', 'MyApp.Tests/CalcTests.cs'], 4],
    ])('counts %s tests', (_name, paths, files) => {
      const result = detectCommunityFiles(tree(...paths));
      expect(result.tests.files).toBe(files);
      expect(result.tests.present).toBe(files > 0);
    });

    it('gives at most five sorted examples', () => {
      const paths = ['z_test.go', 'tests/b.py', 'a.test.ts', 'tests/a.py', 'm_spec.rb', 'c.spec.js', 'q_test.go'];
      const result = detectCommunityFiles(tree(...paths));
      expect(result.tests).toEqual({
        present: true,
        files: 7,
        examples: ['a.test.ts', 'c.spec.js', 'm_spec.rb', 'q_test.go', 'tests/a.py'],
      });
    });

    it('is independent of input order', () => {
      const paths = ['LICENSE-MIT', 'LICENSE-APACHE', 'docs/README.md', '.github/README.md', 'b_test.go', 'a_test.go', '.eslintrc', 'x/.eslintrc'];
      expect(detectCommunityFiles(tree(...[...paths].reverse()))).toEqual(detectCommunityFiles(tree(...paths)));
    });
  });
});
