// Assembles the VS Code extension in a staging folder and packages it with vsce:
//   dist/reposcout-<platform>-<arch>.vsix
// Run after `node esbuild.config.mjs` (`npm run package` does both). The .vsix holds the
// bundled extension, the bundled engine (dist/reposcout.mjs) and the engine's runtime
// modules that esbuild leaves external: better-sqlite3 with its compiled binary, sqlite-vec
// with this platform's loadable extension, and the chart/graph libraries the engine inlines
// into HTML reports. Native binaries are this machine's, hence a platform-specific package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const target = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
const vsixPath = path.join(root, 'dist', `reposcout-${target}.vsix`);
const keepStaging = process.argv.includes('--keep-staging');

const log = (line) => process.stderr.write(`package: ${line}\n`);

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}

for (const built of ['dist/extension.cjs', 'dist/mcp-sdk.cjs', 'dist/reposcout.mjs', 'dist/media/report.js', 'dist/media/dashboard.js']) {
  if (!fs.existsSync(path.join(root, built))) fail(`${built} is missing; run "node esbuild.config.mjs" first (or "npm run package").`);
}

// Outside the project, so nothing resolves from the project's own node_modules by accident.
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'reposcout-vsix-'));
log(`staging in ${staging} for ${target}`);

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

/** The folder of an installed package as Node would find it from `from` (exports maps ignored). */
function packageRoot(name, from = root) {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (!dir.startsWith(from) && from !== root) continue;
    if (fs.existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  fail(`${name} is not installed; run "npm ci".`);
}

// The manifest: the extension's own, with the project's version.
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'extension', 'package.json'), 'utf8'));
manifest.version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
// Exactly what the package holds (vsce adds package.json, README, CHANGELOG and LICENSE itself).
manifest.files = ['dist/**', 'media/**', 'LICENSE.txt'];
fs.writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
copy(path.join(root, 'extension', 'README.md'), path.join(staging, 'README.md'));
copy(path.join(root, 'extension', 'CHANGELOG.md'), path.join(staging, 'CHANGELOG.md'));
copy(path.join(root, 'extension', 'LICENSE.txt'), path.join(staging, 'LICENSE.txt'));

copy(path.join(root, 'dist', 'extension.cjs'), path.join(staging, 'dist', 'extension.cjs'));
copy(path.join(root, 'dist', 'mcp-sdk.cjs'), path.join(staging, 'dist', 'mcp-sdk.cjs'));
copy(path.join(root, 'dist', 'reposcout.mjs'), path.join(staging, 'dist', 'reposcout.mjs'));
for (const file of ['reposcout.svg', 'webview.css', 'icon.png']) copy(path.join(root, 'media', file), path.join(staging, 'media', file));
for (const file of ['report.js', 'dashboard.js']) copy(path.join(root, 'dist', 'media', file), path.join(staging, 'media', file));

// The engine's external modules go to dist/node_modules, beside dist/reposcout.mjs, where
// Node resolves them from. (vsce --no-dependencies leaves only a top-level node_modules out.)
const engineModules = path.join(staging, 'dist', 'node_modules');
function copyModule(name, files) {
  const from = packageRoot(name);
  for (const file of ['package.json', 'LICENSE', 'LICENSE.md', 'README.md', ...files]) {
    const source = path.join(from, file);
    if (fs.existsSync(source)) copy(source, path.join(engineModules, name, file));
    else if (!['LICENSE', 'LICENSE.md', 'README.md'].includes(file)) fail(`${name}/${file} is missing; run "npm ci" to install the engine's dependencies.`);
  }
}
copyModule('better-sqlite3', ['lib', 'build/Release/better_sqlite3.node']);
copyModule('bindings', ['bindings.js']);
copyModule('file-uri-to-path', ['index.js']);
copyModule('sqlite-vec', ['index.cjs', 'index.mjs']);
const vecPlatform = `sqlite-vec-${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
copyModule(vecPlatform, fs.readdirSync(packageRoot(vecPlatform)).filter((f) => /\.(so|dylib|dll)$/.test(f)));
copyModule('chart.js', ['dist/chart.cjs', 'dist/chart.umd.js', 'dist/chart.umd.min.js']);
copyModule('cytoscape', ['dist/cytoscape.cjs.js', 'dist/cytoscape.min.js']);

// The engine must run from the staged folder with nothing but Node: open a database (loads
// better-sqlite3 and sqlite-vec) and list it.
const probeDb = path.join(staging, 'probe.db');
try {
  const out = execFileSync(process.execPath, [path.join(staging, 'dist', 'reposcout.mjs'), '--json', '--db', probeDb, 'list'], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: os.tmpdir(), NODE_PATH: '' },
  });
  JSON.parse(out);
  log('the staged engine runs with plain node (better-sqlite3 and sqlite-vec load)');
} catch (error) {
  fail(`the staged engine does not run: ${error.stderr || error.message}`);
} finally {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(probeDb + suffix, { force: true });
}

const vsce = path.join(packageRoot('@vscode/vsce'), 'vsce');
fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--target', target, '--out', vsixPath, '--allow-missing-repository', '--no-update-package-json', '--no-git-tag-version'], {
  cwd: staging,
  stdio: ['ignore', 'inherit', 'inherit'],
});
const size = (fs.statSync(vsixPath).size / 1024 / 1024).toFixed(1);
log(`${path.relative(root, vsixPath)} (${size} MB)`);
if (keepStaging) log(`staging kept at ${staging}`);
else fs.rmSync(staging, { recursive: true, force: true });
process.stdout.write(`${vsixPath}\n`);
