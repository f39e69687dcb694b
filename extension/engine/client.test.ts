import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo } from '../../test/bench/synthetic-repo.mjs';
import { alice, bob, TestRepo, tempDir } from '../../test/helpers/git-fixture';
import type { ExtensionConfig } from '../config';
import { EngineClient, type EngineLog } from './client';
import { CancelledError, ToolError } from './errors';
import { engineLaunch, EngineError } from './launch';
import { listRepositoriesContract } from '../../shared/protocol';
import { reportModelUri } from '../../shared/protocol/report';
import { describeError } from '../errors-ui';
import { listAllRepositories, loadReportModel, analyzeLocalRepository } from './research';

// The extension's MCP client against the real bundled engine (dist/reposcout.mjs, built by
// the global setup), run by this test's Node, on a throwaway database and git repository.
const ROOT = path.resolve(__dirname, '../..');

const config = (over: Partial<ExtensionConfig> = {}): ExtensionConfig => ({
  databasePath: '',
  nodePath: process.execPath,
  githubHost: '',
  githubPrivateRepositories: false,
  embedder: 'lexical',
  modelFolder: '',
  toolsets: ['research'],
  windowMonths: 12,
  ...over,
});

function recordingLog(): EngineLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`), debug: () => {} };
}

function client(over: Partial<ExtensionConfig>, log = recordingLog(), extensionPath = ROOT) {
  return new EngineClient({ log, resolveLaunch: async () => engineLaunch(config(over), extensionPath, { PATH: process.env.PATH, HOME: process.env.HOME }, null) });
}

describe('EngineClient with the real engine', () => {
  let dir: string;
  let repo: TestRepo;
  let engine: EngineClient;

  beforeAll(() => {
    dir = tempDir('reposcout-ext-');
    repo = TestRepo.create();
    repo.write('README.md', '# hello\n').commit('Initial commit', alice, '2025-01-01T10:00:00Z');
    repo.write('src/a.ts', 'export const a = 1;\n').commit('<img src=x onerror=alert(1)> add a', bob, '2025-01-02T10:00:00Z');
    engine = client({ databasePath: path.join(dir, 'db.sqlite') });
  });
  afterAll(async () => {
    await engine.dispose();
    repo.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts lazily, analyses a repository and lists it', async () => {
    expect(engine.current.state).toBe('stopped');
    const result = await analyzeLocalRepository(engine, repo.dir, 12, {});
    expect(engine.current.state).toBe('running');
    expect(engine.has('analyze_local_repository')).toBe(true);
    expect(result.summary.commits).toBe(2);
    const { repositories } = await listAllRepositories(engine);
    expect(repositories.map((r) => r.key)).toEqual([result.repository.key]);
    const report = await loadReportModel(engine, result.repository.key);
    expect(report.repository.key).toBe(result.repository.key);
    expect(report.contributors.top.map((c) => c.name).sort()).toEqual([alice.name, bob.name]);
  });

  it('says when no call is in flight, so a restart interrupts nothing', async () => {
    await expect(engine.whenIdle()).resolves.toBeUndefined();
    const pending = listAllRepositories(engine);
    let idle = false;
    const waited = engine.whenIdle().then(() => {
      idle = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    await pending;
    await waited;
    expect(idle).toBe(true);
    // A failed call counts down too.
    const failing = engine.call(listRepositoriesContract, { limit: 0 } as never).catch(() => 'failed');
    await Promise.all([failing, engine.whenIdle()]);
    expect(await failing).toBe('failed');
  });

  it('turns an error result into a ToolError with the engine code', async () => {
    const notGit = tempDir('reposcout-plain-');
    try {
      const failure = await analyzeLocalRepository(engine, notGit, 12, {}).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ToolError);
      expect((failure as ToolError).code).toBe('NOT_A_GIT_REPOSITORY');
    } finally {
      fs.rmSync(notGit, { recursive: true, force: true });
    }
  });

  it('turns a refused resource read into a ToolError with the engine code and remedy, worded for VS Code', async () => {
    const uri = reportModelUri('local:/nowhere');
    const failure = await loadReportModel(engine, 'local:/nowhere').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ToolError);
    expect(failure).toMatchObject({ tool: uri, code: 'NOT_RESEARCHED', message: 'No stored repository matches "local:/nowhere".', remedy: { do: 'add_repository' } });
    // The same remedy UI as a tool error: the extension's own commands, not the server's tools.
    expect(describeError(failure)).toEqual({
      message: 'No stored repository matches "local:/nowhere". Add repositories with "RepoScout: Analyze Workspace Repository" or "RepoScout: Ingest GitHub Owner…".',
      fixNodePath: false,
      cancelled: false,
      signIn: false,
      setting: null,
    });
    // A read the SDK itself refuses (no such resource) carries no RepoScout code: kept as it is.
    const unknown = await engine.readText('reposcout://nothing/here').catch((e: unknown) => e);
    expect(unknown).not.toBeInstanceOf(ToolError);
    expect(String(unknown)).toMatch(/not found/);
    expect(engine.current.state).toBe('running');
  });

  it('cancels a call through its AbortSignal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(analyzeLocalRepository(engine, repo.dir, 12, { signal: controller.signal, force: true })).rejects.toBeInstanceOf(CancelledError);
  });

  it('starts a new engine after the old one dies', async () => {
    await listAllRepositories(engine);
    const pid = engine.current.pid;
    expect(pid).toBeTypeOf('number');
    process.kill(pid as number, 'SIGKILL');
    await expect.poll(() => engine.current.state, { timeout: 5000 }).toBe('stopped');
    expect(engine.current.error?.message).toMatch(/SIGKILL/);
    const { repositories } = await listAllRepositories(engine);
    expect(repositories).toHaveLength(1);
    expect(engine.current.pid).not.toBe(pid);
  });
});

describe('EngineClient during long work', () => {
  let dir: string;
  let big: string;

  beforeAll(async () => {
    dir = tempDir('reposcout-ext-long-');
    big = path.join(dir, 'big');
    await generateSyntheticRepo(big, { commits: 4000, authors: 20, seed: 5, log: () => {} });
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('cancels an analysis mid-way: the engine stops and stores nothing', async () => {
    const engine = client({ databasePath: path.join(dir, 'cancel.db') });
    try {
      const controller = new AbortController();
      const failure = await analyzeLocalRepository(engine, big, 12, { signal: controller.signal, onProgress: () => controller.abort() }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CancelledError);
      expect((await listAllRepositories(engine)).repositories.filter((r) => r.researched)).toEqual([]);
    } finally {
      await engine.dispose();
    }
  });

  it('says the engine stopped when it dies in the middle of a call, and starts a new one after', async () => {
    const engine = client({ databasePath: path.join(dir, 'crash.db') });
    try {
      await engine.ensureStarted();
      const pid = engine.current.pid as number;
      const failure = await analyzeLocalRepository(engine, big, 12, { onProgress: () => process.kill(pid, 'SIGKILL') }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(EngineError);
      expect((failure as EngineError).message).toMatch(/engine stopped while working on analyze_local_repository.*SIGKILL/);
      const { repositories } = await listAllRepositories(engine);
      expect(repositories.filter((r) => r.researched)).toEqual([]);
      expect(engine.current.state).toBe('running');
    } finally {
      await engine.dispose();
    }
  });
});

describe('EngineClient start failures', () => {
  it('says when the Node it was given does not exist', async () => {
    const engine = client({ nodePath: '/nonexistent/node' });
    const failure = await engine.ensureStarted().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).reason).toBe('NODE_NOT_FOUND');
    expect((failure as EngineError).fixedByNodePath).toBe(true);
    expect((failure as EngineError).message).toMatch(/reposcout\.nodePath/);
    expect(engine.current.state).toBe('failed');
  });

  it('says when the engine script is missing', async () => {
    const engine = client({}, recordingLog(), tempDir('reposcout-empty-ext-'));
    const failure = await engine.ensureStarted().catch((e: unknown) => e);
    expect((failure as EngineError).reason).toBe('ENGINE_MISSING');
  });

  it('says when Node is too old', async () => {
    const log = recordingLog();
    const engine = new EngineClient({ log, probeNode: async () => 'v18.19.0\n', resolveLaunch: async () => engineLaunch(config(), ROOT, {}, null) });
    const failure = await engine.ensureStarted().catch((e: unknown) => e);
    expect((failure as EngineError).reason).toBe('NODE_TOO_OLD');
    expect((failure as EngineError).message).toMatch(/v18\.19\.0.*20\.19/);
  });
});
