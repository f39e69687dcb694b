import { isVendoredOrGenerated } from '../analyses/languages';

/**
 * What a changed file is, by its path alone. The classifier's path rules and features and
 * the impact model's size and test components all read this one function, so "a test file"
 * means the same thing everywhere.
 */
export type PathKind =
  | 'docs'
  | 'changelog'
  | 'test'
  | 'ci'
  | 'build'
  | 'lock'
  | 'manifest'
  | 'example'
  | 'generated'
  | 'config'
  | 'style'
  | 'types'
  | 'asset'
  | 'source';

const DOC_EXT = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt|rdoc|org)$/i;
const DOC_DIR = /(^|\/)(docs?|documentation|website\/docs|guides?)\//i;
const CHANGELOG = /(^|\/)(changelog|changes|history|news|release[-_]?notes)(\.[a-z]+)?$/i;
const TEST_DIR = /(^|\/)(tests?|__tests__|__test__|spec|specs|e2e|testdata|test-data|fixtures|__snapshots__|__mocks__|testing)\//i;
const TEST_FILE = /([._-](test|spec|e2e|bench)\.[a-z0-9]+$|(^|\/)test_[^/]+\.py$|_test\.(go|py|rb|exs?)$|Tests?\.(java|kt|cs|swift)$|\.snap$)/i;
const CI = /(^|\/)(\.github\/workflows|\.github\/actions|\.circleci|\.buildkite|\.gitlab-ci|\.travis|azure-pipelines|jenkinsfile|\.drone|appveyor|bitbucket-pipelines|\.woodpecker)/i;
const BUILD = /(^|\/)(makefile|cmakelists\.txt|[^/]*\.cmake|dockerfile[^/]*|containerfile|docker-compose[^/]*\.ya?ml|compose\.ya?ml|[^/]*\.dockerfile|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|gradle\.properties|pom\.xml|build\.sbt|meson\.build|bazel|BUILD(\.bazel)?|WORKSPACE|[^/]*\.bzl|justfile|taskfile\.ya?ml|rollup\.config\.[a-z]+|webpack\.config\.[a-z]+|vite\.config\.[a-z]+|esbuild\.config\.[a-z]+|tsup\.config\.[a-z]+|babel\.config\.[a-z]+|\.babelrc|build\.rs|setup\.py|setup\.cfg|scripts\/build[^/]*)$/i;
const LOCK = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|cargo\.lock|go\.sum|poetry\.lock|pipfile\.lock|uv\.lock|gemfile\.lock|composer\.lock|mix\.lock|pubspec\.lock|podfile\.lock|packages\.lock\.json|flake\.lock|[^/]*\.lock)$/i;
const MANIFEST = /(^|\/)(package\.json|pnpm-workspace\.yaml|requirements[^/]*\.txt|pyproject\.toml|pipfile|go\.mod|cargo\.toml|gemfile|[^/]*\.gemspec|composer\.json|mix\.exs|pubspec\.yaml|[^/]*\.csproj|directory\.packages\.props|podfile|package\.swift|renovate\.json5?|\.github\/dependabot\.ya?ml|\.github\/renovate\.json5?)$/i;
const EXAMPLE = /(^|\/)(examples?|samples?|demos?|playgrounds?|sandbox(es)?)\//i;
const CONFIG = /(^|\/)(\.[^/]+rc(\.[a-z]+)?|\.editorconfig|\.gitignore|\.gitattributes|\.npmignore|\.prettierignore|\.eslintignore|tsconfig[^/]*\.json|jsconfig\.json|eslint\.config\.[a-z]+|prettier\.config\.[a-z]+|\.github\/[^/]+|codeowners|\.vscode\/[^/]+|[^/]*\.(ya?ml|toml|ini|cfg|conf|properties))$/i;
const STYLE = /\.(css|scss|sass|less|styl|pcss)$/i;
const TYPES = /\.d\.[cm]?ts$/i;
const ASSET = /\.(png|jpe?g|gif|svg|ico|webp|avif|bmp|woff2?|ttf|otf|eot|mp3|mp4|wav|webm|pdf|zip|gz)$/i;

/** The kind of a changed file; the first matching rule wins, tests before docs before CI. */
export function pathKind(path: string): PathKind {
  if (CHANGELOG.test(path)) return 'changelog';
  if (LOCK.test(path)) return 'lock';
  if (CI.test(path)) return 'ci';
  if (TEST_DIR.test(path) || TEST_FILE.test(path)) return 'test';
  if (isVendoredOrGenerated(path)) return 'generated';
  if (MANIFEST.test(path)) return 'manifest';
  if (DOC_EXT.test(path) || DOC_DIR.test(path)) return 'docs';
  // before build: an example app's own bundler config is part of the example
  if (EXAMPLE.test(path)) return 'example';
  if (BUILD.test(path)) return 'build';
  if (TYPES.test(path)) return 'types';
  if (STYLE.test(path)) return 'style';
  if (ASSET.test(path)) return 'asset';
  if (CONFIG.test(path)) return 'config';
  return 'source';
}

/** The lower-cased extension of a path's file name, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}
