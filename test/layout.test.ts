import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's Layout section and ARCHITECTURE.md's rooms are the map of the tree. This keeps
// them true: every folder at the root and directly under shared/, mcp-server/ and extension/
// must be named there, and every path they name must exist.
const root = path.resolve(import.meta.dirname, '..');
const PARENTS = ['shared', 'mcp-server', 'extension'];
// Folders that hold only generated snapshots, not code a newcomer looks for.
const NOT_ROOMS = new Set(['__snapshots__']);

// Tracked or new (not ignored) files: build output, reports and caches are not rooms.
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && fs.existsSync(path.join(root, f)));
// First path segments of the tree (".ci" included): a code span starting elsewhere, such as
// the MCP method `tools/list`, is not a path.
const topLevel = new Set(files.filter((f) => f.includes('/')).map((f) => f.split('/')[0]!));

/** The folders a map must name: those at the root (not hidden) and those directly under PARENTS. */
function folders(): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts.length < 2 || parts[0]!.startsWith('.')) continue;
    found.add(`${parts[0]}/`);
    if (PARENTS.includes(parts[0]!) && parts.length >= 3 && !NOT_ROOMS.has(parts[1]!)) found.add(`${parts[0]}/${parts[1]}/`);
  }
  return [...found].sort();
}

function section(text: string, heading: string, file: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${file} has no "${heading}" heading; the layout test reads the folder list there.`);
  const next = text.slice(start + heading.length + 2).search(/^## /m);
  return next < 0 ? text.slice(start) : text.slice(start, start + heading.length + 2 + next);
}

/** Code spans that are repository paths (`shared/x/`, `test/a.ts`); not `node:sqlite`, `tools/list`, commands or placeholders like `<name>`. */
function pathsIn(markdown: string): string[] {
  return [...markdown.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1]!)
    .filter((token) => /^\.?[\w-]+(\/[\w.-]+)*\/?$/.test(token) && token.includes('/') && topLevel.has(token.split('/')[0]!));
}

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const architecture = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
const docs = [
  { file: 'README.md', heading: '## Layout', text: section(readme, '## Layout', 'README.md') },
  { file: 'ARCHITECTURE.md', heading: '## The rooms', text: section(architecture, '## The rooms', 'ARCHITECTURE.md') },
];

describe('the map matches the tree', () => {
  const tree = folders();

  it('finds the folders it checks', () => {
    // A guard for the guard: if git listed nothing, every check below would pass vacuously.
    expect(tree).toEqual(expect.arrayContaining(['shared/', 'shared/protocol/', 'mcp-server/cli/', 'extension/engine/', 'test/']));
  });

  it.each(docs)('$file ($heading) names every folder of the tree', ({ text, file }) => {
    const named = new Set(pathsIn(text));
    // A parent (shared/, …) counts as named when its folders are.
    const missing = tree.filter((folder) => !named.has(folder) && !(PARENTS.includes(folder.slice(0, -1)) && [...named].some((n) => n.startsWith(folder))));
    expect(missing, `add these folders to ${file} (one line each: what lives there)`).toEqual([]);
  });

  it.each([
    { file: 'README.md (## Layout)', text: docs[0]!.text },
    { file: 'ARCHITECTURE.md', text: architecture },
  ])('every path $file names exists', ({ file, text }) => {
    const gone = pathsIn(text).filter((p) => !fs.existsSync(path.join(root, p)));
    expect(gone, `${file} names paths that are not in the tree: rename or drop them`).toEqual([]);
  });
});
