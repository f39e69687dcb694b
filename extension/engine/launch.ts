import path from 'node:path';
import type { ExtensionConfig } from '../config';

/** How to start the engine: `<node> <extension>/dist/reposcout.mjs mcp …` with settings in its environment. */
export interface EngineLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** The bundled engine script, checked before spawning. */
  script: string;
  /** Set when a runtime probe already checked `command` (its Node.js version). */
  runtimeVersion?: string;
}

// Variables of the extension host that must not leak into the engine: Electron's "behave as
// Node" switch would change how a desktop VS Code binary given as nodePath behaves, and the
// host's IPC handles mean nothing to another process.
const DROP = [/^ELECTRON_/, /^VSCODE_IPC_HOOK/, /^VSCODE_NLS_CONFIG$/, /^VSCODE_HANDLES_/];

/**
 * The engine's command line and environment. Settings travel as the engine's own flags and
 * REPOSCOUT_* variables; the GitHub token (when signed in) only as GITHUB_TOKEN in the child's
 * environment, never on the command line where `ps` would show it.
 */
export function engineLaunch(
  config: ExtensionConfig,
  extensionPath: string,
  baseEnv: NodeJS.ProcessEnv,
  githubToken: string | null,
  runtime?: { command: string; env: Record<string, string>; version: string },
  extraToolsets: readonly string[] = [],
): EngineLaunch {
  const script = path.join(extensionPath, 'dist', 'reposcout.mjs');
  const args = [script, 'mcp'];
  if (config.databasePath.trim() !== '') args.push('--db', config.databasePath.trim());
  // The extension's own engine adds toolsets its views need (orchestrate for the Jobs view);
  // the MCP server definition for agents passes none, so their tools/list stays as configured.
  const toolsets = [...new Set([...(config.toolsets.length > 0 || extraToolsets.length === 0 ? config.toolsets : ['default']), ...extraToolsets])];
  if (toolsets.length > 0) args.push('--toolsets', toolsets.join(','));
  const env = engineBaseEnv(baseEnv);
  if (config.githubHost.trim() !== '') env.REPOSCOUT_GITHUB_HOST = config.githubHost.trim();
  env.REPOSCOUT_EMBEDDER = config.embedder;
  if (config.modelFolder.trim() !== '') env.REPOSCOUT_MODEL_DIR = config.modelFolder.trim();
  if (githubToken) env.GITHUB_TOKEN = githubToken;
  if (runtime) return { command: runtime.command, args, env: { ...env, ...runtime.env }, script, runtimeVersion: runtime.version };
  return { command: config.nodePath || 'node', args, env, script };
}

/** The extension host's environment without what must not reach another process. */
export function engineBaseEnv(baseEnv: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(baseEnv)) {
    if (value !== undefined && !DROP.some((re) => re.test(name))) env[name] = value;
  }
  return env;
}

/** Why the engine could not start or stopped, so the UI can say what to fix. */
export type EngineFailureReason = 'NODE_NOT_FOUND' | 'NODE_TOO_OLD' | 'NATIVE_MODULE' | 'ENGINE_MISSING' | 'DATABASE' | 'EXITED';

export class EngineError extends Error {
  constructor(
    readonly reason: EngineFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /** True when the fix is the reposcout.nodePath setting. */
  get fixedByNodePath(): boolean {
    return this.reason === 'NODE_NOT_FOUND' || this.reason === 'NODE_TOO_OLD' || this.reason === 'NATIVE_MODULE';
  }
}

const MIN_NODE = [20, 19] as const;

/**
 * Turns how the engine process ended (spawn error, exit code, the tail of its stderr) into an
 * EngineError whose message names the problem and the fix.
 */
export function classifyEngineExit(
  nodePath: string,
  outcome: { spawnError?: NodeJS.ErrnoException; code?: number | null; signal?: string | null; stderr: string },
): EngineError {
  const { spawnError, stderr } = outcome;
  if (spawnError?.code === 'ENOENT') {
    return new EngineError(
      'NODE_NOT_FOUND',
      `RepoScout needs Node.js ${MIN_NODE.join('.')}+ to run its engine, and "${nodePath}" was not found. Install Node.js or set reposcout.nodePath to its full path.`,
    );
  }
  if (spawnError?.code === 'EACCES') {
    return new EngineError('NODE_NOT_FOUND', `"${nodePath}" cannot be executed (permission denied); set reposcout.nodePath to a Node.js binary.`);
  }
  if (spawnError) return new EngineError('EXITED', `The engine could not be started with "${nodePath}": ${spawnError.message}`);
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(stderr);
  if (abi) {
    return new EngineError(
      'NATIVE_MODULE',
      `The engine's SQLite module was built for another Node.js (module version ${abi[1]}) than "${nodePath}" (module version ${abi[2]}). Set reposcout.nodePath to a Node.js ${nodeForAbi(abi[1] ?? '')}, or install the RepoScout build for your Node.`,
    );
  }
  if (/better_sqlite3\.node|Could not locate the bindings file|vec0\.so|invalid ELF header|wrong ELF class/.test(stderr)) {
    return new EngineError('NATIVE_MODULE', `The engine's native SQLite modules could not be loaded with "${nodePath}" (${lastLine(stderr)}). Use the RepoScout build for this platform, or another Node.js in reposcout.nodePath.`);
  }
  if (/Cannot find module .*reposcout\.mjs|ERR_MODULE_NOT_FOUND.*reposcout/.test(stderr)) {
    return new EngineError('ENGINE_MISSING', 'The engine (dist/reposcout.mjs) is missing from the extension folder; reinstall the RepoScout extension.');
  }

  if (/SyntaxError|ERR_UNKNOWN_BUILTIN_MODULE|ERR_REQUIRE_ESM/.test(stderr)) {
    return new EngineError('NODE_TOO_OLD', `"${nodePath}" could not run the engine (${lastLine(stderr)}); it needs Node.js ${MIN_NODE.join('.')} or newer. Set reposcout.nodePath to a newer Node.js.`);
  }
  if (/^reposcout: .*(database|--db)/im.test(stderr)) {
    return new EngineError('DATABASE', `The engine could not open its database: ${lastLine(stderr).replace(/^reposcout: /, '')} Check reposcout.databasePath.`);
  }
  const how = outcome.signal ? `was stopped by ${outcome.signal}` : `exited with code ${outcome.code ?? 'unknown'}`;
  const tail = lastLine(stderr);
  return new EngineError('EXITED', `The RepoScout engine ${how}${tail ? `: ${tail}` : ''}. Open the engine log for details.`);
}

/** Parses `node --version` output and says whether it is new enough. */
export function checkNodeVersion(output: string): { version: string; ok: boolean } {
  const m = /v(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!m) return { version: output.trim(), ok: false };
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return { version: m[0], ok };
}

export const MIN_NODE_VERSION = MIN_NODE.join('.');

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^at |^\^+$|^Node\.js v/.test(l));
  return (lines.at(-1) ?? '').slice(0, 300);
}

// Node's ABI numbers, for a message a person can act on.
function nodeForAbi(abi: string): string {
  const known: Record<string, string> = { '108': '18', '115': '20', '127': '22', '131': '23', '137': '24' };
  return known[abi] ? `${known[abi]}.x` : `with module version ${abi}`;
}
