import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/git-fixture';
import { node24Path } from '../../test/helpers/node24';
import { EngineError } from './launch';
import { chooseRuntime, probeRuntime, runtimeCandidates, type RuntimeCandidate } from './runtime';

// Real runtimes: this test's Node 20 (no node:sqlite), the Node 24 the e2e setup installs
// (node:sqlite + sqlite-vec load), a fake `node` that only prints v18, and a missing one.
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const NODE24 = node24Path();
let dir: string;
let oldNode: string;

beforeAll(() => {
  dir = tempDir('reposcout-runtime-');
  oldNode = path.join(dir, 'node');
  fs.writeFileSync(oldNode, '#!/bin/sh\necho v18.19.0\n', { mode: 0o755 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const candidate = (kind: RuntimeCandidate['kind'], command: string): RuntimeCandidate => ({ kind, label: `${kind} ${path.basename(command)}`, command, env: {} });

describe('runtimeCandidates', () => {
  it('tries the editor runtime, then node on PATH', () => {
    expect(runtimeCandidates('', { execPath: '/opt/code-server/node', electron: false }).map((c) => [c.kind, c.command])).toEqual([
      ['editor', '/opt/code-server/node'],
      ['path', 'node'],
    ]);
    expect(runtimeCandidates('', { execPath: '/usr/share/code/code', electron: true })[0]?.env).toEqual({ ELECTRON_RUN_AS_NODE: '1' });
    expect(runtimeCandidates('', { execPath: '/x', electron: false, editorRuntime: false }).map((c) => c.kind)).toEqual(['path']);
  });

  it('uses only the nodePath a user set', () => {
    expect(runtimeCandidates('/usr/local/bin/node', { execPath: '/usr/share/code/code', electron: true }).map((c) => [c.kind, c.command, c.env])).toEqual([['setting', '/usr/local/bin/node', {}]]);
  });
});

describe('probeRuntime', () => {
  it('passes Node 24: node:sqlite opens and sqlite-vec loads from the extension folder', async () => {
    const probe = await probeRuntime(candidate('editor', NODE24), DIST, process.env);
    expect(probe).toMatchObject({ ok: true, problem: null });
    expect(probe.version).toMatch(/^v24\./);
  });

  it('refuses Node 20 (no node:sqlite) and names its version', async () => {
    const probe = await probeRuntime(candidate('path', process.execPath), DIST, process.env);
    expect(probe.ok).toBe(false);
    expect(probe.version).toBe(`v${process.versions.node}`);
    expect(probe.problem).toMatch(/older than 22\.13/);
  });

  it('refuses Node 24 when sqlite-vec is not where the engine looks', async () => {
    const probe = await probeRuntime(candidate('editor', NODE24), dir, process.env);
    expect(probe.ok).toBe(false);
    expect(probe.problem).toMatch(/sqlite-vec did not load/);
  });

  it('names an old node that cannot even run the probe, and a missing one', async () => {
    expect(await probeRuntime(candidate('path', oldNode), DIST, process.env)).toMatchObject({ ok: false, version: 'v18.19.0', problem: expect.stringMatching(/v18\.19\.0 is older/) });
    expect(await probeRuntime(candidate('setting', path.join(dir, 'missing')), DIST, process.env)).toMatchObject({ ok: false, version: null, problem: expect.stringMatching(/not found/) });
  });
});

describe('chooseRuntime', () => {
  it('takes the first candidate that passes', async () => {
    const chosen = await chooseRuntime([candidate('path', oldNode), candidate('editor', NODE24), candidate('path', process.execPath)], DIST, process.env);
    expect(chosen.command).toBe(NODE24);
    expect(chosen.probes.map((p) => p.ok)).toEqual([false, true]);
  });

  it('says what to install, naming the old node found and its version', async () => {
    const failure = await chooseRuntime([candidate('editor', path.join(dir, 'no-editor')), candidate('path', oldNode)], DIST, process.env).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).reason).toBe('NODE_TOO_OLD');
    expect((failure as EngineError).message).toMatch(/the "node" on PATH is Node\.js v18\.19\.0, too old\. Install Node\.js 22\.13 or newer.*reposcout\.nodePath/);
  });

  it('without any node, says none was found', async () => {
    const failure = (await chooseRuntime([candidate('path', path.join(dir, 'missing'))], DIST, process.env).catch((e: unknown) => e)) as EngineError;
    expect(failure.reason).toBe('NODE_NOT_FOUND');
    expect(failure.message).toMatch(/no "node" was found on PATH\. Install Node\.js 22\.13 or newer/);
  });

  it('names a nodePath setting that is missing or too old, and how to fix it', async () => {
    const missing = (await chooseRuntime(runtimeCandidates('/nonexistent/bin/node', { execPath: NODE24, electron: false }), DIST, process.env).catch((e: unknown) => e)) as EngineError;
    expect(missing.reason).toBe('NODE_NOT_FOUND');
    expect(missing.message).toMatch(/reposcout\.nodePath is "\/nonexistent\/bin\/node", which was not found.*clear it to let RepoScout use the editor's own runtime/);
    const old = (await chooseRuntime(runtimeCandidates(process.execPath, { execPath: NODE24, electron: false }), DIST, process.env).catch((e: unknown) => e)) as EngineError;
    expect(old.reason).toBe('NODE_TOO_OLD');
    expect(old.message).toMatch(/which is Node\.js v20\.\d+\.\d+, older than 22\.13\. Set it to Node\.js 22\.13 or newer/);
  });
});
