import type { TreeEntry } from '../git/tree';
import type { LanguageShare } from '../research/types';
import { defineAnalysis } from './analysis';
import type { GitHubSource } from './sources';

// A Map, not an object lookup: a file named "x.constructor" must not find Object.prototype.
function table(entries: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(Object.entries(entries));
}

// Programming and markup languages only, as GitHub's language bar shows them
// (linguist types "programming" and "markup"). Prose and data (Markdown, JSON,
// YAML, TOML, XML, SQL, lock files, Gradle scripts) are left out on purpose.
// Ambiguous extensions take the most common reading: .h is C, .m is Objective-C,
// .pl is Perl, .cls is TeX.
const BY_EXTENSION = table({
  ts: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript', tsx: 'TypeScript',
  js: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript', jsx: 'JavaScript',
  coffee: 'CoffeeScript',
  py: 'Python', pyw: 'Python', pyi: 'Python',
  pyx: 'Cython', pxd: 'Cython',
  ipynb: 'Jupyter Notebook',
  go: 'Go',
  rs: 'Rust',
  java: 'Java',
  kt: 'Kotlin', kts: 'Kotlin',
  scala: 'Scala', sc: 'Scala',
  groovy: 'Groovy', gvy: 'Groovy',
  clj: 'Clojure', cljs: 'Clojure', cljc: 'Clojure',
  c: 'C', h: 'C',
  cpp: 'C++', cc: 'C++', cxx: 'C++', 'c++': 'C++', hpp: 'C++', hh: 'C++', hxx: 'C++', 'h++': 'C++', ipp: 'C++', tpp: 'C++', inl: 'C++',
  cu: 'Cuda', cuh: 'Cuda',
  m: 'Objective-C', mm: 'Objective-C++',
  cs: 'C#', csx: 'C#',
  fs: 'F#', fsi: 'F#', fsx: 'F#',
  vb: 'Visual Basic .NET',
  swift: 'Swift',
  dart: 'Dart',
  rb: 'Ruby', rake: 'Ruby', gemspec: 'Ruby', ru: 'Ruby',
  php: 'PHP', phtml: 'PHP',
  pl: 'Perl', pm: 'Perl',
  lua: 'Lua',
  r: 'R',
  jl: 'Julia',
  hs: 'Haskell', lhs: 'Haskell',
  ml: 'OCaml', mli: 'OCaml',
  ex: 'Elixir', exs: 'Elixir',
  erl: 'Erlang', hrl: 'Erlang',
  elm: 'Elm',
  gleam: 'Gleam',
  zig: 'Zig',
  nim: 'Nim',
  cr: 'Crystal',
  d: 'D',
  f: 'Fortran', f90: 'Fortran', f95: 'Fortran', f03: 'Fortran', f08: 'Fortran', for: 'Fortran',
  pas: 'Pascal',
  adb: 'Ada', ads: 'Ada',
  asm: 'Assembly', s: 'Assembly',
  sol: 'Solidity',
  sv: 'SystemVerilog', svh: 'SystemVerilog',
  vhd: 'VHDL', vhdl: 'VHDL',
  glsl: 'GLSL', vert: 'GLSL', frag: 'GLSL',
  hlsl: 'HLSL',
  tf: 'HCL', hcl: 'HCL',
  nix: 'Nix',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell', ksh: 'Shell',
  ps1: 'PowerShell', psm1: 'PowerShell', psd1: 'PowerShell',
  bat: 'Batchfile', cmd: 'Batchfile',
  vim: 'Vim Script',
  el: 'Emacs Lisp',
  lisp: 'Common Lisp', lsp: 'Common Lisp',
  scm: 'Scheme',
  rkt: 'Racket',
  tcl: 'Tcl',
  hx: 'Haxe',
  purs: 'PureScript',
  bzl: 'Starlark', bazel: 'Starlark', star: 'Starlark',
  cmake: 'CMake',
  mk: 'Makefile', mak: 'Makefile',
  dockerfile: 'Dockerfile',
  html: 'HTML', htm: 'HTML', xhtml: 'HTML',
  css: 'CSS',
  scss: 'SCSS',
  sass: 'Sass',
  less: 'Less',
  styl: 'Stylus',
  vue: 'Vue',
  svelte: 'Svelte',
  astro: 'Astro',
  hbs: 'Handlebars', handlebars: 'Handlebars',
  ejs: 'EJS',
  pug: 'Pug',
  tex: 'TeX', sty: 'TeX', cls: 'TeX',
});

// Build files recognised by their whole name (compared lower-cased).
const BY_NAME = table({
  dockerfile: 'Dockerfile', containerfile: 'Dockerfile',
  makefile: 'Makefile', gnumakefile: 'Makefile',
  'cmakelists.txt': 'CMake',
  rakefile: 'Ruby', gemfile: 'Ruby', podfile: 'Ruby', fastfile: 'Ruby', vagrantfile: 'Ruby', guardfile: 'Ruby',
  jenkinsfile: 'Groovy',
  build: 'Starlark', workspace: 'Starlark', tiltfile: 'Starlark',
  'meson.build': 'Meson',
  sconstruct: 'Python', sconscript: 'Python',
  pkgbuild: 'Shell', '.bashrc': 'Shell', '.bash_profile': 'Shell', '.zshrc': 'Shell', '.profile': 'Shell',
});

// Vendored, installed or built output: not the project's own code.
const EXCLUDED_DIRS = new Set([
  'node_modules', 'bower_components', 'jspm_packages', 'vendor', 'third_party', 'third-party', 'thirdparty',
  'dist', 'build', '__pycache__', '.venv', 'venv', 'site-packages', 'pods', 'carthage', '.yarn', '.pnpm-store',
]);

// Minified bundles and protobuf/gRPC output, which linguist also marks generated.
const GENERATED_FILE = /(\.min\.(js|css)|-min\.js|\.pb\.(go|cc|h)|_pb2(_grpc)?\.py|\.lock|^package-lock\.json)$/i;

/** The language a path is written in by its name alone, or null for prose, data and unknown files. */
export function languageOf(path: string): string | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (name === '') return null;
  const byName = BY_NAME.get(name);
  if (byName) return byName;
  if (name.startsWith('dockerfile.') || name.startsWith('containerfile.')) return 'Dockerfile';
  if (name.startsWith('jenkinsfile.')) return 'Groovy';
  const dot = name.lastIndexOf('.');
  // A leading dot alone (".gitignore") is a hidden name, not an extension.
  if (dot <= 0) return null;
  return BY_EXTENSION.get(name.slice(dot + 1)) ?? null;
}

/** True for paths under vendored or build-output folders and for minified or generated files. */
export function isVendoredOrGenerated(path: string): boolean {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  if (GENERATED_FILE.test(name)) return true;
  return segments.some((segment) => EXCLUDED_DIRS.has(segment.toLowerCase()));
}

/**
 * Bytes and file counts per language for the tree, largest first (ties by name).
 * `share` is the language's fraction of all classified bytes, 0..1 (0 when no bytes are classified);
 * null or invalid sizes count as 0 bytes but still count as a file.
 */
export function languageMix(tree: TreeEntry[]): LanguageShare[] {
  const totals = new Map<string, { files: number; bytes: number }>();
  let allBytes = 0;
  for (const entry of tree) {
    if (isVendoredOrGenerated(entry.path)) continue;
    const language = languageOf(entry.path);
    if (language === null) continue;
    const bytes = typeof entry.size === 'number' && Number.isFinite(entry.size) && entry.size > 0 ? entry.size : 0;
    const total = totals.get(language) ?? { files: 0, bytes: 0 };
    total.files += 1;
    total.bytes += bytes;
    totals.set(language, total);
    allBytes += bytes;
  }
  return [...totals]
    .map(([language, { files, bytes }]) => ({ language, files, bytes, share: allBytes > 0 ? bytes / allBytes : 0 }))
    .sort((a, b) => b.bytes - a.bytes || (a.language < b.language ? -1 : a.language > b.language ? 1 : 0));
}

/** GitHub's own language bytes (linguist); it counts no files. */
export function languagesFromGitHub({ row }: GitHubSource): LanguageShare[] {
  const languages = JSON.parse(row.languages_json) as { name: string; bytes: number }[];
  const totalBytes = languages.reduce((s, l) => s + l.bytes, 0);
  return languages.map((l) => ({ language: l.name, files: 0, bytes: l.bytes, share: totalBytes > 0 ? l.bytes / totalBytes : 0 }));
}

export const languagesAnalysis = defineAnalysis({
  name: 'languages',
  publish: (l) => l,
  needs: 'both',
  local: ({ tree }) => languageMix(tree),
  github: languagesFromGitHub,
});
