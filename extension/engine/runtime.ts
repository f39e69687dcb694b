import { execFile } from 'node:child_process';
import { EngineError } from './launch';

/**
 * Which JavaScript runtime runs the engine. The packaged engine carries no Node-ABI-bound module:
 * it needs `node:sqlite` (Node >= 22.13) and the sqlite-vec loadable extension. The editor's own
 * runtime is tried first (no separate Node to install), then a `node` the user named or has on
 * PATH. Each candidate is checked by a probe that opens node:sqlite and loads sqlite-vec the
 * way the engine will, so a runtime that would fail at first use is never chosen.
 */
export const MIN_ENGINE_NODE = '22.13';

export interface RuntimeCandidate {
  kind: 'setting' | 'editor' | 'path';
  /** What the output channel and messages call it. */
  label: string;
  command: string;
  /** Added to the engine's environment (ELECTRON_RUN_AS_NODE for an Electron editor). */
  env: Record<string, string>;
}

export interface ProbeResult {
  candidate: RuntimeCandidate;
  ok: boolean;
  /** `v24.21.0`, or null when the command did not run at all. */
  version: string | null;
  /** Why not, in a few words, when not ok. */
  problem: string | null;
  ms: number;
}

export interface ChosenRuntime {
  command: string;
  env: Record<string, string>;
  version: string;
  label: string;
  probes: ProbeResult[];
}

/**
 * The candidates in order. A nodePath the user set is the only one (their choice, not silently
 * replaced). Otherwise the editor's runtime (ELECTRON_RUN_AS_NODE=1 under Electron, where the
 * binary is the editor itself), then `node` on PATH. REPOSCOUT_EDITOR_RUNTIME=off in the editor's
 * environment skips the editor's runtime (tests; an editor whose runtime misbehaves).
 */
export function runtimeCandidates(nodePath: string, host: { execPath: string; electron: boolean; editorRuntime?: boolean }): RuntimeCandidate[] {
  if (nodePath !== '') return [{ kind: 'setting', label: `reposcout.nodePath (${nodePath})`, command: nodePath, env: {} }];
  const candidates: RuntimeCandidate[] = [];
  if (host.editorRuntime !== false) {
    candidates.push({ kind: 'editor', label: host.electron ? "the editor's own runtime (Electron, run as Node)" : "the editor's own runtime", command: host.execPath, env: host.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {} });
  }
  candidates.push({ kind: 'path', label: '"node" on PATH', command: 'node', env: {} });
  return candidates;
}

// Runs in the candidate: opens node:sqlite with extensions allowed and loads sqlite-vec from the
// extension's dist folder, resolved as the engine resolves it. One JSON line on stdout.
const PROBE = `
const out = { node: process.versions.node, electron: process.versions.electron || null, sqlite: null, vec: null, problem: null };
try {
  const { DatabaseSync } = require('node:sqlite');
  const db = new DatabaseSync(':memory:', { allowExtension: true });
  out.sqlite = db.prepare('select sqlite_version() as v').get().v;
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  const ext = process.platform === 'win32' ? 'dll' : process.platform === 'darwin' ? 'dylib' : 'so';
  const file = require.resolve('sqlite-vec-' + os + '-' + process.arch + '/vec0.' + ext, { paths: [process.argv[1]] });
  db.loadExtension(file);
  out.vec = db.prepare('select vec_version() as v').get().v;
  db.close();
} catch (e) {
  out.problem = String(e && e.message || e).split('\\n')[0];
}
process.stdout.write(JSON.stringify(out) + '\\n');
`;

type Exec = (command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<{ stdout: string; code: string | number | null }>;

const exec: Exec = (command, args, env) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { env, timeout: 15_000, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
      const code = (error as NodeJS.ErrnoException | null)?.code ?? null;
      // Not found or not executable: the candidate does not exist.
      if (typeof code === 'string' && ['ENOENT', 'EACCES', 'ENOTDIR'].includes(code)) reject(error);
      else resolve({ stdout: String(stdout), code });
    });
  });

/** Checks one candidate: does node:sqlite open and sqlite-vec load there? */
export async function probeRuntime(candidate: RuntimeCandidate, distDir: string, baseEnv: NodeJS.ProcessEnv, run: Exec = exec): Promise<ProbeResult> {
  const started = performance.now();
  const env = { ...baseEnv, ...candidate.env };
  const done = (ok: boolean, version: string | null, problem: string | null): ProbeResult => ({ candidate, ok, version, problem, ms: Math.round(performance.now() - started) });
  type Answer = { node?: string; sqlite?: string | null; vec?: string | null; problem?: string | null };
  let answer: Answer | null = null;
  try {
    const { stdout } = await run(candidate.command, ['-e', PROBE, distDir], env);
    const line = stdout.trim().split('\n').at(-1) ?? '';
    answer = line.startsWith('{') ? (JSON.parse(line) as Answer) : null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return done(false, null, code === 'EACCES' ? 'cannot be executed (permission denied)' : `was not found (${code})`);
  }
  if (!answer?.node) {
    // Not a Node that runs -e (too old for anything, or not Node): ask its version to name it.
    const version = await run(candidate.command, ['--version'], env).then(
      (r) => /v\d+\.\d+\.\d+/.exec(r.stdout)?.[0] ?? null,
      () => null,
    );
    return done(false, version, version ? `Node.js ${version} is older than ${MIN_ENGINE_NODE}` : 'it did not run as Node.js');
  }
  const version = `v${answer.node}`;
  if (answer.vec) return done(true, version, null);
  if (!versionAtLeast(answer.node, MIN_ENGINE_NODE)) return done(false, version, `Node.js ${version} is older than ${MIN_ENGINE_NODE}`);
  if (!answer.sqlite) return done(false, version, `node:sqlite is not available (${answer.problem ?? 'unknown'})`);
  return done(false, version, `sqlite-vec did not load (${answer.problem ?? 'unknown'})`);
}

/** The first candidate that passes its probe, or an EngineError naming each one and what to install. */
export async function chooseRuntime(candidates: RuntimeCandidate[], distDir: string, baseEnv: NodeJS.ProcessEnv, run?: Exec): Promise<ChosenRuntime> {
  const probes: ProbeResult[] = [];
  for (const candidate of candidates) {
    const probe = await probeRuntime(candidate, distDir, baseEnv, run);
    probes.push(probe);
    if (probe.ok && probe.version) return { command: candidate.command, env: candidate.env, version: probe.version, label: candidate.label, probes };
  }
  throw noRuntimeError(probes);
}

export function noRuntimeError(probes: ProbeResult[]): EngineError {
  const install = `Node.js ${MIN_ENGINE_NODE} or newer (Node.js 24 LTS recommended, https://nodejs.org)`;
  const setting = probes.find((p) => p.candidate.kind === 'setting');
  if (setting) {
    // What is wrong with it, from the probe's version (data), not by rewording its problem.
    const which = !setting.version
      ? setting.problem
      : versionAtLeast(setting.version, MIN_ENGINE_NODE)
        ? `is Node.js ${setting.version}: ${setting.problem}`
        : `is Node.js ${setting.version}, older than ${MIN_ENGINE_NODE}`;
    const message = `reposcout.nodePath is "${setting.candidate.command}", which ${which}. Set it to ${install}, or clear it to let RepoScout use the editor's own runtime.`;
    return Object.assign(new EngineError(setting.version ? 'NODE_TOO_OLD' : 'NODE_NOT_FOUND', message), { probes });
  }
  const tried = probes.map((p) => `${p.candidate.label}: ${p.problem ?? 'unusable'}`).join('; ');
  const onPath = probes.find((p) => p.candidate.kind === 'path' && p.version);
  const lead = onPath
    ? `RepoScout's engine needs Node.js ${MIN_ENGINE_NODE} or newer; the "node" on PATH is Node.js ${onPath.version}, too old.`
    : `RepoScout's engine needs Node.js ${MIN_ENGINE_NODE} or newer, and no "node" was found on PATH.`;
  const fix = `Install ${install} and restart the editor, or set reposcout.nodePath to its full path.`;
  return Object.assign(new EngineError(onPath ? 'NODE_TOO_OLD' : 'NODE_NOT_FOUND', `${lead} ${fix} (Tried ${tried}.)`), { probes });
}

export function describeProbes(probes: ProbeResult[]): string[] {
  return probes.map((p) => `runtime probe: ${p.candidate.label} [${p.candidate.command}] ${p.ok ? `ok, Node.js ${p.version}, node:sqlite + sqlite-vec load` : `unusable: ${p.problem}`} (${p.ms} ms)`);
}

function versionAtLeast(version: string, min: string): boolean {
  const [a = 0, b = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [x = 0, y = 0] = min.split('.').map(Number);
  return a > x || (a === x && b >= y);
}
