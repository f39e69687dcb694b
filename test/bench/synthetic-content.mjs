// Deterministic building blocks for the synthetic benchmark repository:
// a seeded PRNG, people, paths, file lines and commit messages. No I/O here.

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  /** Index in [0, n) skewed toward 0; larger `power` means a heavier head. */
  const skewed = (n, power = 2.5) => Math.min(n - 1, Math.floor(n * Math.pow(next(), power)));
  return { next, int, pick, chance, skewed };
}

/** Zipf(s) sampler over n ranks: returns a rank in [0, n), rank 0 the most frequent. */
export function createZipf(random, n, s = 1.1) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, s);
    cumulative[rank] = total;
  }
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory', 'Niaj', 'Olivia', 'Peggy', 'Rupert', 'Sybil', 'Trent', 'Victor', 'Walter', 'Yuki', 'Priya', 'Mateo', 'Amara', 'Lars', 'Fatima', 'Chen', 'Kofi', 'Ingrid', 'Diego', 'Hana', 'Omar', 'Sven', 'Leila', 'Tomás', 'Zoë', 'Björn', 'Łukasz', 'José', 'Anaïs', 'Søren'];
const LAST = ['Smith', 'Johnson', 'Lee', 'Garcia', 'Martin', 'Nguyen', 'Kim', 'Müller', 'Rossi', 'Dubois', 'Silva', 'Kowalski', 'Tanaka', 'Patel', 'Okafor', 'Novak', 'Larsen', 'Haddad', 'Ivanova', 'Fischer', 'Costa', 'Moreau', 'Berg', 'Sato', 'Yilmaz', 'Andersen', 'Khan', 'Schmidt', 'Römer', 'Núñez'];
const CJK_NAMES = ['田中太郎', '王小明', '김민준', '李雷', '佐藤花子'];

const ascii = (text) => text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');

/**
 * `count` distinct human identities; a few use a second email for part of their
 * commits, as real people do (so `git shortlog -sne` shows them twice).
 */
export function createPeople(random, count) {
  const people = [];
  const names = new Set();
  for (let i = 0; people.length < count; i++) {
    let name = random.chance(0.03) ? random.pick(CJK_NAMES) : `${random.pick(FIRST)} ${random.pick(LAST)}`;
    if (names.has(name)) name = `${name.split(' ')[0]} ${String.fromCharCode(65 + (i % 26))}. ${name.split(' ').slice(1).join(' ') || 'X'}`;
    if (names.has(name)) continue;
    names.add(name);
    const slug = ascii(name).toLowerCase().replace(/[^a-z]+/g, '') || `user${i}`;
    const login = `${slug.slice(0, 12)}${i}`;
    const style = random.next();
    const email =
      style < 0.35 ? `${10000 + i * 37}+${login}@users.noreply.github.com`
      : style < 0.7 ? `${slug}${i}@example.com`
      : `${slug}.${i}@corp.example.org`;
    const alias = random.chance(0.03) ? `${login}@old-laptop.local` : null;
    people.push({ name, email, alias, login, tz: random.pick(TIMEZONES) });
  }
  return people;
}

const TIMEZONES = ['+0000', '+0100', '+0200', '+0300', '+0530', '+0800', '+0900', '-0300', '-0500', '-0700', '-0800'];

export const BOTS = {
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', login: 'dependabot', tz: '+0000' },
  actions: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', login: 'github-actions', tz: '+0000' },
};
export const GITHUB = { name: 'GitHub', email: 'noreply@github.com', tz: '+0000' };

const WORDS = ['parser', 'cache', 'index', 'token', 'stream', 'buffer', 'config', 'render', 'query', 'schema', 'router', 'session', 'worker', 'queue', 'plugin', 'loader', 'format', 'report', 'metric', 'export', 'import', 'graph', 'node', 'event', 'store', 'client', 'server', 'auth', 'user', 'table', 'chart', 'filter', 'scope', 'layout', 'theme', 'locale', 'search', 'upload', 'limit', 'retry'];
const MODULES = ['core', 'api', 'cli', 'ui', 'db', 'net', 'auth', 'jobs', 'search', 'billing', 'reports', 'admin', 'sync', 'storage', 'events', 'i18n', 'metrics', 'plugins', 'editor', 'common'];
const SUBDIRS = ['utils', 'models', 'handlers', 'services', 'views', 'hooks', 'internal', 'types'];

const camel = (a, b) => a + b[0].toUpperCase() + b.slice(1);

/** Areas of the source tree: each makes a fresh path with its extension. */
const AREAS = [
  { weight: 34, make: (r) => `src/${r.pick(MODULES)}/${r.chance(0.6) ? `${r.pick(SUBDIRS)}/` : ''}${camel(r.pick(WORDS), r.pick(WORDS))}.ts` },
  { weight: 8, make: (r) => `tests/${r.pick(MODULES)}/${camel(r.pick(WORDS), r.pick(WORDS))}.test.ts` },
  { weight: 12, make: (r) => `web/${r.pick(MODULES)}/${r.chance(0.5) ? 'components/' : ''}${camel(r.pick(WORDS), r.pick(WORDS))}.js` },
  { weight: 7, make: (r) => `tools/${r.pick(MODULES)}/${r.pick(WORDS)}_${r.pick(WORDS)}.py` },
  { weight: 3, make: (r) => `tools/tests/test_${r.pick(WORDS)}_${r.pick(WORDS)}.py` },
  { weight: 9, make: (r) => `pkg/${r.pick(MODULES)}/${r.pick(WORDS)}${r.chance(0.3) ? '_test' : ''}.go` },
  { weight: 1, make: (r) => `cmd/${r.pick(WORDS)}${r.pick(WORDS)}/main.go` },
  { weight: 9, make: (r) => `docs/${r.pick(MODULES)}/${r.pick(WORDS)}-${r.pick(WORDS)}.md` },
  { weight: 6, make: (r) => `${r.chance(0.5) ? 'config' : `src/${r.pick(MODULES)}/fixtures`}/${r.pick(WORDS)}-${r.pick(WORDS)}.json` },
  { weight: 1.5, make: (r) => `${r.chance(0.6) ? 'assets/images' : 'docs/img'}/${r.pick(WORDS)}-${r.pick(WORDS)}.png` },
];
const AREA_TOTAL = AREAS.reduce((sum, area) => sum + area.weight, 0);

export function makePath(random) {
  let target = random.next() * AREA_TOTAL;
  for (const area of AREAS) {
    target -= area.weight;
    if (target <= 0) return area.make(random);
  }
  return AREAS[0].make(random);
}

/** Paths that must exist: non-ASCII and a space, to exercise path handling downstream. */
export const SPECIAL_PATHS = ['docs/résumé.md', 'src/日本語.ts', 'docs/guide/überblick.md', 'src/i18n/中文.json', 'docs/getting started.md'];

export const extOf = (path) => path.slice(path.lastIndexOf('.') + 1);

const id = (r) => camel(r.pick(WORDS), r.pick(WORDS));
const LINE_MAKERS = {
  ts: [
    (r) => `export const ${id(r)} = ${r.int(0, 999)};`,
    (r) => `import { ${id(r)} } from './${r.pick(WORDS)}';`,
    (r) => `export function ${id(r)}(${r.pick(WORDS)}: number) {`,
    (r) => `  return ${id(r)}(${r.pick(WORDS)}) + ${r.int(1, 9)};`,
    (r) => `  if (${r.pick(WORDS)} > ${r.int(0, 99)}) return null;`,
    (r) => `// TODO(${r.pick(WORDS)}): handle ${r.pick(WORDS)}`,
    () => '}',
  ],
  py: [
    (r) => `def ${r.pick(WORDS)}_${r.pick(WORDS)}(${r.pick(WORDS)}):`,
    (r) => `    return ${r.pick(WORDS)} * ${r.int(1, 9)}`,
    (r) => `import ${r.pick(WORDS)}`,
    (r) => `# ${r.pick(WORDS)} ${r.pick(WORDS)}`,
    (r) => `${r.pick(WORDS).toUpperCase()}_LIMIT = ${r.int(1, 500)}`,
  ],
  go: [
    (r) => `func ${camel('x', id(r)).slice(1)}(${r.pick(WORDS)} int) int {`,
    (r) => `\treturn ${r.pick(WORDS)} * ${r.int(1, 9)}`,
    (r) => `// ${r.pick(WORDS)} ${r.pick(WORDS)} ${r.pick(WORDS)}`,
    (r) => `var ${id(r)} = ${r.int(0, 999)}`,
    () => '}',
  ],
  md: [
    (r) => `## ${r.pick(WORDS)} ${r.pick(WORDS)}`,
    (r) => `The ${r.pick(WORDS)} uses the ${r.pick(WORDS)} to ${r.pick(WORDS)}.`,
    (r) => `- ${r.pick(WORDS)}: ${r.pick(WORDS)} ${r.pick(WORDS)}`,
    () => '',
  ],
  json: [(r) => `  "${r.pick(WORDS)}${r.int(0, 99)}": ${r.chance(0.5) ? r.int(0, 9999) : `"${r.pick(WORDS)}"`}`],
};
LINE_MAKERS.js = LINE_MAKERS.ts;

export function makeLine(random, ext) {
  return random.pick(LINE_MAKERS[ext] ?? LINE_MAKERS.md)(random);
}

/** Full file text from its body lines; headers and footers keep each format plausible. */
export function renderText(ext, lines, path) {
  if (ext === 'json') return `{\n${lines.join(',\n')}\n}\n`;
  if (ext === 'go') return `package ${path.split('/').at(-2)?.replace(/[^a-z]/g, '') || 'main'}\n\n${lines.join('\n')}\n`;
  if (ext === 'md') return `# ${path.split('/').at(-1)}\n\n${lines.join('\n')}\n`;
  return `${lines.join('\n')}\n`;
}

/** A small PNG-looking blob: real signature, then bytes including NUL and high bytes. */
export function makeBinary(random) {
  const bytes = Buffer.alloc(random.int(200, 1500));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.next() * 256);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(bytes);
  return bytes;
}

const VERBS = ['Fix', 'Add', 'Update', 'Refactor', 'Remove', 'Improve', 'Handle', 'Support', 'Speed up', 'Clean up', 'Document'];
const CC = ['fix', 'feat', 'chore', 'docs', 'refactor', 'test', 'perf'];

export function makeTitle(random) {
  const title = `${random.pick(VERBS)} ${random.pick(WORDS)} ${random.pick(['handling', 'in ' + random.pick(MODULES), 'for ' + random.pick(WORDS), 'edge case', 'tests', 'docs'])}`;
  return random.chance(0.3) ? `${random.pick(CC)}(${random.pick(MODULES)}): ${title[0].toLowerCase()}${title.slice(1)}` : title;
}

export function makeBranchName(random) {
  return `${random.pick(['fix', 'feat', 'chore', 'docs'])}-${random.pick(WORDS)}-${random.pick(WORDS)}`;
}

export const NPM_DEPS = ['lodash', 'express', 'react', 'typescript', 'eslint', 'vitest', 'zod', 'axios', 'chalk', 'commander', 'dayjs', 'uuid'];

export const COMMUNITY_FILES = {
  'README.md': '# synthetic-project\n\nA synthetic repository generated for the RepoScout benchmark.\n\n## Usage\n\n```sh\nnpm install\nnpm test\n```\n',
  LICENSE: `MIT License

Copyright (c) 2020 Synthetic Project Authors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`,
  'CONTRIBUTING.md': '# Contributing\n\n1. Fork the repository and create a branch.\n2. Run `npm test` before opening a pull request.\n3. Keep pull requests small.\n',
  'CHANGELOG.md': '# Changelog\n\n## Unreleased\n',
  'SECURITY.md': '# Security Policy\n\nReport vulnerabilities to security@example.com.\n',
  '.gitignore': 'node_modules/\ndist/\n*.log\n',
  '.editorconfig': 'root = true\n\n[*]\nindent_style = space\nindent_size = 2\n',
  '.eslintrc.json': '{\n  "extends": ["eslint:recommended"]\n}\n',
  '.github/workflows/ci.yml': 'name: CI\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n      - run: npm test\n',
  '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n',
  'go.mod': 'module example.com/synthetic\n\ngo 1.22\n',
  'requirements.txt': 'requests==2.31.0\npytest==8.0.0\n',
};

export function renderPackageJson(version, deps) {
  const lines = Object.entries(deps).map(([name, v]) => `    "${name}": "^${v}"`);
  return `{\n  "name": "synthetic-project",\n  "version": "${version}",\n  "license": "MIT",\n  "scripts": {\n    "test": "vitest run"\n  },\n  "dependencies": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function renderLockfile(version, deps) {
  const entries = Object.entries(deps).map(
    ([name, v]) => `    "node_modules/${name}": {\n      "version": "${v}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-${v}.tgz"\n    }`,
  );
  return `{\n  "name": "synthetic-project",\n  "version": "${version}",\n  "lockfileVersion": 3,\n  "packages": {\n${entries.join(',\n')}\n  }\n}\n`;
}
