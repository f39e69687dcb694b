// Assembles the VS Code extension in a staging folder and packages it with vsce:
//   dist/reposcout-<target>.vsix   (node extension/package-vsix.mjs [--target <vscode-target>] [--out-dir <dir>])
// Run after `node esbuild.config.mjs` (`npm run package -- --target darwin-arm64` does both).
// The .vsix holds the bundled extension, the bundled engine (dist/reposcout.mjs) and the
// engine's runtime modules that esbuild leaves external: sqlite-vec with the target's loadable
// extension, and the chart/graph libraries the engine inlines into HTML reports. No Node-ABI
// module: the engine uses node:sqlite (Node >= 22.13, the editor's own runtime), so one package
// per OS/CPU serves every Node version. Other targets' sqlite-vec builds come from the npm
// registry (`npm pack`, cached under node_modules/.cache); `--fetch-only` fills that cache
// for every target (test/run-all.sh does it at setup, so tests need no network).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, wrongBinary } from './native-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const hostTarget = `${process.platform}-${process.arch}`;
const argValue = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const target = argValue('--target') ?? hostTarget;
const keepStaging = process.argv.includes('--keep-staging');

const log = (line) => process.stderr.write(`package: ${line}\n`);

function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}

if (!TARGETS[target]) fail(`--target ${target} is not one RepoScout packages for; use one of ${Object.keys(TARGETS).join(', ')}.`);
const vsixPath = path.join(path.resolve(argValue('--out-dir') ?? path.join(root, 'dist')), `reposcout-${target}.vsix`);
const vecVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'sqlite-vec', 'package.json'), 'utf8')).version;
const vecCache = process.env.REPOSCOUT_VEC_CACHE || path.join(root, 'node_modules', '.cache', 'reposcout-sqlite-vec');

/**
 * The folder of `target`'s sqlite-vec package: installed (the build machine's own), cached, or
 * fetched from the npm registry with `npm pack` into the cache.
 */
function vecPackageDir(forTarget) {
  const { vecPackage } = TARGETS[forTarget];
  const installed = path.join(root, 'node_modules', vecPackage);
  if (fs.existsSync(path.join(installed, 'package.json'))) return installed;
  const cached = path.join(vecCache, `${vecPackage}-${vecVersion}`, 'package');
  if (fs.existsSync(path.join(cached, 'package.json'))) return cached;
  const into = path.join(vecCache, `${vecPackage}-${vecVersion}`);
  fs.mkdirSync(into, { recursive: true });
  log(`fetching ${vecPackage}@${vecVersion} from the npm registry`);
  try {
    const tarball = execFileSync('npm', ['pack', `${vecPackage}@${vecVersion}`, '--silent', '--pack-destination', into], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n').pop();
    execFileSync('tar', ['-xzf', path.join(into, tarball), '-C', into]);
  } catch (error) {
    fs.rmSync(into, { recursive: true, force: true });
    fail(`could not fetch ${vecPackage}@${vecVersion} (${String(error.stderr || error.message).trim().split('\n')[0]}); run this with access to the npm registry once, or set REPOSCOUT_VEC_CACHE to a folder holding it.`);
  }
  return cached;
}

if (process.argv.includes('--fetch-only')) {
  for (const t of Object.keys(TARGETS)) {
    const dir = vecPackageDir(t);
    const problem = wrongBinary(t, fs.readFileSync(path.join(dir, TARGETS[t].file)));
    if (problem) fail(`${dir}: ${problem}`);
    log(`${t}: ${path.relative(root, dir)} (${TARGETS[t].file} checked)`);
  }
  process.exit(0);
}

for (const built of ['dist/extension.cjs', 'dist/extension-main.cjs', 'dist/mcp-sdk.cjs', 'dist/reposcout.mjs', 'dist/anthropic-sdk.mjs', 'dist/media/report.js', 'dist/media/dashboard.js', 'dist/media/job.js', 'dist/media/portfolio.js']) {
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
copy(path.join(root, 'dist', 'extension-main.cjs'), path.join(staging, 'dist', 'extension-main.cjs'));
copy(path.join(root, 'dist', 'mcp-sdk.cjs'), path.join(staging, 'dist', 'mcp-sdk.cjs'));
copy(path.join(root, 'dist', 'reposcout.mjs'), path.join(staging, 'dist', 'reposcout.mjs'));
copy(path.join(root, 'dist', 'anthropic-sdk.mjs'), path.join(staging, 'dist', 'anthropic-sdk.mjs'));
for (const file of ['reposcout.svg', 'webview.css', 'icon.png']) copy(path.join(root, 'media', file), path.join(staging, 'media', file));
for (const file of ['report.js', 'dashboard.js', 'job.js', 'portfolio.js']) copy(path.join(root, 'dist', 'media', file), path.join(staging, 'media', file));

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
copyModule('sqlite-vec', ['index.cjs', 'index.mjs']);
// The target's loadable extension, checked by its header before it goes in.
const vec = TARGETS[target];
const vecDir = vecPackageDir(target);
const vecProblem = wrongBinary(target, fs.readFileSync(path.join(vecDir, vec.file)));
if (vecProblem) fail(`${path.join(vecDir, vec.file)}: ${vecProblem}`);
for (const file of ['package.json', 'LICENSE', 'README.md', vec.file]) {
  if (fs.existsSync(path.join(vecDir, file))) copy(path.join(vecDir, file), path.join(engineModules, vec.vecPackage, file));
}

// For the build machine's own target, the engine must run from the staged folder with nothing
// but a Node that has node:sqlite (>= 22.13): open a database (loads sqlite-vec) and list it.
// Other targets cannot run here; their binary's header was checked above.
if (target === hostTarget) {
  const tools = process.env.REPOSCOUT_E2E_TOOLS || path.join(os.homedir(), '.cache', 'reposcout-e2e');
  const [major, minor] = process.versions.node.split('.').map(Number);
  const modern = major > 22 || (major === 22 && minor >= 13) ? process.execPath : process.env.REPOSCOUT_NODE24 || path.join(tools, 'node24', 'bin', 'node');
  if (!fs.existsSync(modern)) fail(`checking the staged engine needs Node.js 22.13 or newer: run this with one, or set REPOSCOUT_NODE24 to one.`);
  const probeDb = path.join(staging, 'probe.db');
  try {
    const out = execFileSync(modern, [path.join(staging, 'dist', 'reposcout.mjs'), '--json', '--db', probeDb, 'list'], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: os.tmpdir(), NODE_PATH: '' },
    });
    JSON.parse(out);
    log(`the staged engine runs with ${modern} (Node ${execFileSync(modern, ['--version'], { encoding: 'utf8' }).trim()}, node:sqlite + sqlite-vec)`);
  } catch (error) {
    fail(`the staged engine does not run: ${error.stderr || error.message}`);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(probeDb + suffix, { force: true });
  }
}

const vsce = path.join(packageRoot('@vscode/vsce'), 'vsce');
fs.mkdirSync(path.dirname(vsixPath), { recursive: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--target', target, '--out', vsixPath, '--allow-missing-repository', '--no-update-package-json', '--no-git-tag-version'], {
  cwd: staging,
  stdio: ['ignore', 'inherit', 'inherit'],
});
// What the package holds: no Node-ABI module, and the target's sqlite-vec binary.
const yauzl = createRequire(path.join(packageRoot('@vscode/vsce'), 'package.json'))('yauzl');
const entries = await new Promise((resolve, reject) => {
  yauzl.open(vsixPath, { lazyEntries: true }, (error, zip) => {
    if (error) return reject(error);
    const found = new Map();
    zip.on('entry', (entry) => {
      if (!entry.fileName.endsWith(`/${vec.file}`)) {
        found.set(entry.fileName, null);
        return zip.readEntry();
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('end', () => {
          found.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve(found));
    zip.readEntry();
  });
});
const abiBound = [...entries.keys()].filter((name) => name.endsWith('.node') || name.includes('better-sqlite3'));
if (abiBound.length > 0) fail(`${vsixPath} holds Node-ABI-bound files: ${abiBound.join(', ')}`);
const vecEntry = `extension/dist/node_modules/${vec.vecPackage}/${vec.file}`;
if (!entries.get(vecEntry)) fail(`${vsixPath} has no ${vecEntry}`);
const packedProblem = wrongBinary(target, entries.get(vecEntry));
if (packedProblem) fail(`${vsixPath}: ${vecEntry}: ${packedProblem}`);
const size = (fs.statSync(vsixPath).size / 1024 / 1024).toFixed(1);
log(`${path.relative(root, vsixPath)} (${size} MB, ${entries.size} files; ${vec.file} is ${vec.format} ${vec.arch}; no .node files)`);
if (keepStaging) log(`staging kept at ${staging}`);
else fs.rmSync(staging, { recursive: true, force: true });
process.stdout.write(`${vsixPath}\n`);
