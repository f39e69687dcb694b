import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { bundleFixture } from '../helpers/bundle-fixture';
import { createOrchestrator, type Orchestrator } from '../../shared/orchestrate/engine';
import { groupMembers, processStartTime } from '../../shared/orchestrate/process-identity';
import { planInputSchema, type PlanInputRaw } from '../../shared/protocol/orchestrate';
import { openStore, type Store } from '../../shared/store/open';
import { alice, TestRepo, tempDir } from '../helpers/git-fixture';

export const FAKE_WORKER = path.resolve(import.meta.dirname, 'fake-worker.mjs');

/** engine-process.fixture.ts bundled: one job's engine in its own process, for tests that kill it. */
export const ENGINE_PROCESS = path.resolve(import.meta.dirname, '..', '..', 'dist', 'test-orchestrate-engine.mjs');

export async function buildEngineProcess(): Promise<void> {
  await bundleFixture(path.join(import.meta.dirname, 'engine-process.fixture.ts'), 'test-orchestrate-engine');
}

export async function until(what: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A repository with three packages and a root README, committed once. */
export function packagesRepo(): TestRepo {
  const repo = TestRepo.create();
  repo.write('README.md', '# demo\n');
  for (const name of ['alpha', 'beta', 'gamma']) {
    repo.write(`packages/${name}/package.json`, JSON.stringify({ name }));
    repo.write(`packages/${name}/index.js`, `export const ${name} = 1;\n`);
  }
  repo.write('.gitignore', '.env\n');
  repo.commit('initial', alice, '2026-01-01T00:00:00Z');
  return repo;
}

export interface World {
  repo: TestRepo;
  store: Store;
  dbPath: string;
  engine: Orchestrator;
  input(raw: Omit<PlanInputRaw, 'repository'> & { repository?: string }): ReturnType<typeof planInputSchema.parse>;
  reopen(): Orchestrator;
  dispose(): Promise<void>;
}

/** A fresh repository, database and engine with short limits and the fake worker. */
export interface WorldOptions {
  breakerThreshold?: number;
  killDelayMs?: number;
  maxOutputBytes?: number;
  maxWorktreeDiskBytes?: number;
  repo?: TestRepo;
}

export function world(options: WorldOptions = {}): World {
  const repo = options.repo ?? packagesRepo();
  const dir = tempDir('reposcout-orch-');
  const dbPath = path.join(dir, 'r.db');
  const store = openStore(dbPath);
  const make = () =>
    createOrchestrator({
      store,
      pollMs: 50,
      policy: { retryInitialDelayMs: 10, retryMaxDelayMs: 50, breakerThreshold: options.breakerThreshold ?? 5, breakerHalfOpenMs: 60_000 },
      process: { killDelayMs: options.killDelayMs ?? 300, maxOutputBytes: options.maxOutputBytes ?? 8 * 1024 * 1024, maxWorktreeDiskBytes: options.maxWorktreeDiskBytes ?? 0, workerEnv: { REPOSCOUT_FAKE_WORKER: FAKE_WORKER } },
    });
  const engines = [make()];
  return {
    repo,
    store,
    dbPath,
    get engine() {
      return engines[0]!;
    },
    input: (raw) => planInputSchema.parse({ repository: repo.dir, worker: { kind: 'fake' }, ...raw }),
    reopen() {
      const e = make();
      engines.unshift(e);
      return e;
    },
    async dispose() {
      for (const e of engines) await e.close();
      store.close();
      repo.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every worker process the store recorded is gone, with its whole process group. */
export function expectNoWorkerLeft(store: Store): string[] {
  const rows = store.db.prepare('select pid, pid_started from orchestrate_attempts where pid is not null').all() as { pid: number; pid_started: string }[];
  const problems: string[] = [];
  for (const r of rows) {
    if (processStartTime(r.pid) === r.pid_started) problems.push(`worker ${r.pid} still runs`);
    const members = groupMembers(r.pid);
    if (members.length > 0) problems.push(`group ${r.pid} still has ${members.join(',')}`);
  }
  return problems;
}

/** `git worktree list` minus the main checkout: what an orchestration left behind. */
export function strayWorktrees(repo: TestRepo): string[] {
  const out = execFileSync('git', ['worktree', 'list', '--porcelain'], { cwd: repo.dir, encoding: 'utf8' });
  return out.split('\n').filter((l) => l.startsWith('worktree ')).map((l) => l.slice('worktree '.length)).filter((p) => fs.realpathSync(p) !== fs.realpathSync(repo.dir));
}

export function branches(repo: TestRepo): string[] {
  return repo.git('for-each-ref', '--format=%(refname:short)', 'refs/heads/reposcout/').split('\n').filter(Boolean);
}

/**
 * The engine recorded a worker's pid (it does so right after the spawn; a loaded machine may
 * run the worker first): only then can a later engine find the worker it must end.
 */
export function workerRecorded(store: Store, pid: number): boolean {
  return store.db.prepare('select 1 from orchestrate_attempts where pid = ?').get(pid) !== undefined;
}

/**
 * For a file whose tests each make one world: returns the function a test makes it with, and
 * registers the afterEach that disposes it. With `leftovers` (the default: both), the test also
 * fails if it left a worker process or a worktree behind, whatever else happened.
 */
export function worldPerTest(leftovers: { workers: boolean; worktrees: boolean } = { workers: true, worktrees: true }): (options?: WorldOptions) => World {
  let current: World | null = null;
  afterEach(async () => {
    const w = current;
    current = null;
    if (!w) return;
    try {
      if (leftovers.workers) expect(expectNoWorkerLeft(w.store)).toEqual([]);
      if (leftovers.worktrees) expect(strayWorktrees(w.repo)).toEqual([]);
    } finally {
      await w.dispose();
    }
  });
  return (options) => (current = world(options));
}

/** Cleanups a test registers as it makes things; run in reverse order by the file's afterEach. */
export type Cleanups = (() => void | Promise<void>)[];

/** packagesRepo and a fresh store in a temp folder named `prefix…`, each undone by `cleanups`. */
export function repoAndStore(cleanups: Cleanups, prefix: string): { repo: TestRepo; dir: string; store: Store } {
  const repo = packagesRepo();
  cleanups.push(() => repo.remove());
  const dir = tempDir(prefix);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const store = openStore(path.join(dir, 'r.db'));
  cleanups.push(() => store.close());
  return { repo, dir, store };
}

/** The list item RepoScout gave a worker as data, read from the prompt text a fake model received. */
export function listItemIn(prompt: string): string {
  const data = /<<<data:[^\n]*>>>\n([\s\S]*?)\n<<<end of data>>>/.exec(prompt);
  return data ? (JSON.parse(data[1]!) as { item: string }).item : 'none';
}
