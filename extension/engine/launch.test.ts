import { describe, expect, it } from 'vitest';
import type { ExtensionConfig } from '../config';
import { readConfig } from '../config';
import { checkNodeVersion, classifyEngineExit, engineLaunch } from './launch';

const config = (over: Partial<ExtensionConfig> = {}): ExtensionConfig => readConfig((key) => over[key]);

describe('engineLaunch', () => {
  it('runs <node> <extension>/dist/reposcout.mjs mcp with the settings as flags and variables', () => {
    const launch = engineLaunch(
      config({ nodePath: '/opt/node/bin/node', databasePath: '/data/r.db', toolsets: ['research', 'memory'], githubHost: 'github.example.com', embedder: 'lexical', modelFolder: '/models/mini' }),
      '/ext',
      { PATH: '/usr/bin', HOME: '/home/me' },
      null,
    );
    expect(launch.command).toBe('/opt/node/bin/node');
    expect(launch.args).toEqual(['/ext/dist/reposcout.mjs', 'mcp', '--db', '/data/r.db', '--toolsets', 'research,memory']);
    expect(launch.env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/me', REPOSCOUT_GITHUB_HOST: 'github.example.com', REPOSCOUT_EMBEDDER: 'lexical', REPOSCOUT_MODEL_DIR: '/models/mini' });
  });

  it("adds the extension's own toolsets (orchestrate for the Jobs view) only when asked, as the MCP definition for agents does not", () => {
    const own = engineLaunch(config(), '/ext', {}, null, undefined, ['orchestrate']);
    expect(own.args.slice(-2)).toEqual(['--toolsets', 'research,achievements,recommend,memory,orchestrate']);
    expect(engineLaunch(config(), '/ext', {}, null).args.at(-1)).toBe('research,achievements,recommend,memory');
    expect(engineLaunch(config({ toolsets: ['orchestrate', 'memory'] }), '/ext', {}, null, undefined, ['orchestrate']).args.at(-1)).toBe('orchestrate,memory');
    // An empty setting means the engine's defaults; the extra toolset comes on top of them.
    expect(engineLaunch(config({ toolsets: [] }), '/ext', {}, null, undefined, ['orchestrate']).args.at(-1)).toBe('default,orchestrate');
    expect(engineLaunch(config({ toolsets: [] }), '/ext', {}, null).args).not.toContain('--toolsets');
  });

  it('passes the GitHub token only in the environment, never on the command line', () => {
    const launch = engineLaunch(config(), '/ext', {}, 'session-secret-value');
    expect(launch.env.GITHUB_TOKEN).toBe('session-secret-value');
    expect(launch.args.join(' ')).not.toContain('session-secret-value');
  });

  it("drops the extension host's Electron and IPC variables", () => {
    const launch = engineLaunch(config(), '/ext', { ELECTRON_RUN_AS_NODE: '1', VSCODE_IPC_HOOK_CLI: '/tmp/x.sock', KEEP: 'yes' }, null);
    expect(launch.env).toEqual(expect.objectContaining({ KEEP: 'yes' }));
    expect(launch.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
    expect(launch.env.VSCODE_IPC_HOOK_CLI).toBeUndefined();
  });

  it('runs the probed runtime, with the Electron switch only when the editor binary runs it', () => {
    const launch = engineLaunch(config(), '/ext', { ELECTRON_RUN_AS_NODE: '1', PATH: '/usr/bin' }, null, { command: '/usr/share/code/code', env: { ELECTRON_RUN_AS_NODE: '1' }, version: 'v22.15.1' });
    expect(launch).toMatchObject({ command: '/usr/share/code/code', runtimeVersion: 'v22.15.1' });
    expect(launch.env).toMatchObject({ ELECTRON_RUN_AS_NODE: '1', PATH: '/usr/bin' });
    const plain = engineLaunch(config(), '/ext', { ELECTRON_RUN_AS_NODE: '1' }, null, { command: '/usr/bin/node', env: {}, version: 'v24.1.0' });
    expect(plain.env.ELECTRON_RUN_AS_NODE).toBeUndefined();
  });

  it('uses defaults: node from PATH, the default database, default toolsets', () => {
    const launch = engineLaunch(config(), '/ext', {}, null);
    expect(launch.command).toBe('node');
    expect(launch.args).toEqual(['/ext/dist/reposcout.mjs', 'mcp', '--toolsets', 'research,achievements,recommend,memory']);
  });
});

describe('readConfig', () => {
  it('falls back to defaults for wrong values instead of failing', () => {
    const c = readConfig((key) => ({ nodePath: '  ', embedder: 'gpu', toolsets: ['research', 'nonsense'], windowMonths: -3, databasePath: 7 })[key as string]);
    expect(c).toMatchObject({ nodePath: '', embedder: 'auto', toolsets: ['research'], windowMonths: 12, databasePath: '' });
  });
});

describe('classifyEngineExit', () => {
  it.each([
    ['no such Node', { spawnError: Object.assign(new Error('spawn x ENOENT'), { code: 'ENOENT' }), stderr: '' }, 'NODE_NOT_FOUND', /was not found.*reposcout\.nodePath/],
    ['not executable', { spawnError: Object.assign(new Error('EACCES'), { code: 'EACCES' }), stderr: '' }, 'NODE_NOT_FOUND', /permission denied/],
    [
      'native module for another Node',
      {
        code: 1,
        stderr:
          "Error: The module '/ext/dist/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. Please try re-compiling",
      },
      'NATIVE_MODULE',
      /module version 115.*module version 137.*Node\.js 20\.x/,
    ],
    ['engine missing', { code: 1, stderr: "Error: Cannot find module '/ext/dist/reposcout.mjs'" }, 'ENGINE_MISSING', /reinstall/],
    ['old Node syntax', { code: 1, stderr: 'SyntaxError: Unexpected token ?' }, 'NODE_TOO_OLD', /20\.19 or newer/],
    ['a crash', { code: null, signal: 'SIGSEGV', stderr: '' }, 'EXITED', /stopped by SIGSEGV/],
    ['database refused', { code: 1, stderr: 'reposcout: The database /x.db was written by a newer RepoScout' }, 'DATABASE', /reposcout\.databasePath/],
  ] as const)('%s', (_label, outcome, reason, message) => {
    const error = classifyEngineExit('node', outcome as Parameters<typeof classifyEngineExit>[1]);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
  });
});

describe('checkNodeVersion', () => {
  it.each([
    ['v20.19.0\n', true],
    ['v20.20.2', true],
    ['v22.1.0', true],
    ['v20.18.3', false],
    ['v18.20.0', false],
    ['garbage', false],
  ])('%s → %s', (output, ok) => {
    expect(checkNodeVersion(output).ok).toBe(ok);
  });
});
