// Orchestration benchmark: scheduler efficiency on 100 fake subtasks of known duration at
// concurrency 8 (ideal wall time / measured wall time; target >= 0.95) and the overhead each
// attempt adds (process start, commit; the worktree is made while the subtask queues and removed
// after its slot is free), the hand-over time of a slot from one worker to the next, then
// worktree creation time on a 100,000-commit repository. Prints figures; asserts nothing.
//   node test/bench/orchestrate.mjs [--subtasks 100] [--concurrency 8] [--duration-ms 3000]
//        [--commits 100000] [--from <existing synthetic repo to clone>] [--skip-large] [--skip-scheduler]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleEngine } from '../eval/bundle.mjs';
import { median } from './measure.mjs';
import { generateSyntheticRepo } from './synthetic-repo.mjs';

const PROJECT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(PROJECT, '.bench');
const FAKE_WORKER = path.join(PROJECT, 'test', 'orchestrate', 'fake-worker.mjs');
const log = (line) => process.stderr.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    subtasks: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
    'duration-ms': { type: 'string', default: '3000' },
    commits: { type: 'string', default: '100000' },
    from: { type: 'string' },
    'skip-large': { type: 'boolean', default: false },
    'skip-scheduler': { type: 'boolean', default: false },
  },
});
const subtasks = Number(values.subtasks);
const concurrency = Number(values.concurrency);
const durationMs = Number(values['duration-ms']);

mkdirSync(BENCH_DIR, { recursive: true });
const engineBundle = path.join(BENCH_DIR, 'orchestrate-engine.mjs');
const engineModule = await bundleEngine('test/bench/orchestrate-engine.ts', engineBundle);

/** Nearest-rank percentile. */
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * values.length) - 1)];

const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8' });

async function schedulerRun() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'reposcout-bench-orch-'));
  const repo = path.join(scratch, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  for (let i = 0; i < 20; i++) execFileSync('sh', ['-c', `mkdir -p src/m${i} && echo "export const v${i} = ${i};" > src/m${i}/index.js`], { cwd: repo });
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', 'commit', '-qm', 'initial');
  const store = engineModule.openStore(path.join(scratch, 'bench.db'));
  const engine = engineModule.createOrchestrator({ store, pollMs: 100, process: { killDelayMs: 1000, workerEnv: { REPOSCOUT_FAKE_WORKER: FAKE_WORKER } } });
  const items = Array.from({ length: subtasks }, (_, i) => `item-${i}`);
  // Each worker appends its own start and exit time here (two tiny writes).
  const trace = path.join(scratch, 'trace');
  const input = engineModule.planInputSchema.parse({
    task: `Wait [[fake sleep=${durationMs} trace=${trace}]]`,
    repository: repo,
    split: { by: 'list', items },
    worker: { kind: 'fake' },
    concurrency,
    retries: 0,
    approveAt: 'destructive',
  });
  log(`scheduler: ${subtasks} fake subtasks of ${durationMs} ms at concurrency ${concurrency}…`);
  const started = performance.now();
  const startedAt = Date.now();
  const cpuBefore = process.cpuUsage();
  const { job, done } = await engine.start(input);
  await done;
  const wallMs = performance.now() - started;
  // This process is the engine: its CPU time (not its children's: workers and git).
  const cpu = process.cpuUsage(cpuBefore);
  const record = engine.get(job.id);
  await engine.close();
  store.close();
  const lines = readFileSync(trace, 'utf8').trim().split('\n').map((l) => l.split(' '));
  rmSync(scratch, { recursive: true, force: true });
  // Slot hand-over: from a worker's exit to the start of the worker that took its slot (the
  // k-th exit frees the slot of the (concurrency + k)-th start). Includes the next worker's
  // own Node start, which the trace's start line comes after.
  const starts = lines.filter(([, w]) => w === 'start').map(([, , t]) => Number(t)).sort((a, b) => a - b);
  const ends = lines.filter(([, w]) => w === 'end').map(([, , t]) => Number(t)).sort((a, b) => a - b);
  const handover = starts.slice(concurrency).map((s, k) => s - ends[k]);
  // The first wave: when each of the first `concurrency` workers was running, from the job's start
  // (its worktree, then its Node start). The slots that start last finish their chain last.
  const firstWave = starts.slice(0, concurrency).map((s) => s - startedAt);
  if (record.state !== "succeeded") throw new Error(`the benchmark job ended ${record.state}: ${record.message} ${JSON.stringify(record.subtasks.filter((s) => s.state !== "succeeded").map((s) => [s.key, s.message]))}`);
  const attempts = record.subtasks.map((s) => s.attempts[0]);
  const perAttempt = attempts.map((a) => Date.parse(a.finishedAt) - Date.parse(a.startedAt) - durationMs);
  const idealMs = Math.ceil(subtasks / concurrency) * durationMs;
  // The fake worker's own start and exit (a Node process), part of every attempt's overhead.
  const workerStart = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [FAKE_WORKER, '[[fake]]'], { stdio: 'ignore' });
    workerStart.push(performance.now() - t);
  }
  return {
    wallSeconds: wallMs / 1000,
    idealSeconds: idealMs / 1000,
    efficiency: idealMs / wallMs,
    // What each attempt's record adds around the worker's own work: from its slot to its end
    // (process start and exit, commit). Its worktree was made while it queued.
    attemptOverheadMsMedian: median(perAttempt),
    attemptOverheadMsP90: percentile(perAttempt, 90),
    attemptOverheadMsMax: Math.max(...perAttempt),
    engineCpuMsPerSubtask: (cpu.user + cpu.system) / 1000 / subtasks,
    slotHandoverMsMedian: median(handover),
    slotHandoverMsP90: percentile(handover, 90),
    firstWaveStartMsMedian: median(firstWave),
    firstWaveStartMsMax: Math.max(...firstWave),
    workerProcessMsMedian: median(workerStart),
    // Wall time beyond ideal, spread over the subtasks (what a user waits per subtask).
    schedulingOverheadMsPerSubtask: (wallMs - idealMs) / subtasks,
  };
}

async function largeRepo() {
  const commits = Number(values.commits);
  const dir = path.join(BENCH_DIR, `orchestrate-repo-${commits}`);
  if (!existsSync(path.join(dir, '.git'))) {
    if (values.from) {
      log(`worktrees: cloning ${values.from} (local, hard links)…`);
      execFileSync('git', ['clone', '-q', '--local', values.from, dir]);
    } else {
      log(`worktrees: generating a ${commits}-commit repository (once; cached in ${path.relative(PROJECT, dir)})…`);
      await generateSyntheticRepo(dir, { commits });
    }
  }
  const count = Number(git(dir, 'rev-list', '--count', 'HEAD').trim());
  const files = git(dir, 'ls-files').split('\n').filter(Boolean).length;
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  const wtRoot = mkdtempSync(path.join(os.tmpdir(), 'reposcout-bench-wt-'));
  const create = [];
  const remove = [];
  const plainGit = [];
  for (let i = 0; i < 5; i++) {
    // What users compare with: the same worktree made by hand with git.
    const plainTarget = path.join(wtRoot, `plain-${i}`);
    const p = performance.now();
    git(dir, 'worktree', 'add', '-q', '--no-track', '-b', `bench-plain-${i}`, plainTarget, base);
    plainGit.push(performance.now() - p);
    git(dir, 'worktree', 'remove', '--force', plainTarget);
    git(dir, 'branch', '-q', '-D', `bench-plain-${i}`);
    const branch = `reposcout/bench/wt-${i}`;
    const target = path.join(wtRoot, `wt-${i}`);
    let t = performance.now();
    await engineModule.createWorktree(dir, base, branch, target);
    create.push(performance.now() - t);
    t = performance.now();
    await engineModule.removeWorktree(dir, target, true);
    await engineModule.deleteBranch(dir, branch);
    remove.push(performance.now() - t);
  }
  // A first wave: as many worktrees at once as the scheduler makes for its first workers.
  const wave = Array.from({ length: concurrency }, (_, i) => ({ branch: `reposcout/bench/wave-${i}`, target: path.join(wtRoot, `wave-${i}`) }));
  const waveStarted = performance.now();
  const ready = await Promise.all(wave.map(({ branch, target }) => engineModule.createWorktree(dir, base, branch, target).then(() => performance.now() - waveStarted)));
  for (const { branch, target } of wave) {
    await engineModule.removeWorktree(dir, target, true);
    await engineModule.deleteBranch(dir, branch);
  }
  rmSync(wtRoot, { recursive: true, force: true });
  return { commits: count, filesAtHead: files, waveFirstReadyMs: Math.min(...ready), waveMedianReadyMs: median(ready), waveAllReadyMs: Math.max(...ready), createMsMedian: median(create), createMsMax: Math.max(...create), removeMsMedian: median(remove), plainGitWorktreeAddMsMedian: median(plainGit) };
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
log(`load average before: ${load()} (${os.cpus().length} cores)`);
const scheduler = values['skip-scheduler'] ? null : await schedulerRun();
const worktrees = values['skip-large'] ? null : await largeRepo();
const result = { scheduler, worktrees, loadAverageAfter: load() };
const f = (n, d = 0) => n.toFixed(d);
process.stdout.write(
  [
    ...(scheduler
      ? [
          `Scheduler: ${subtasks} subtasks x ${durationMs} ms at concurrency ${concurrency}: ideal ${f(scheduler.idealSeconds, 1)} s, measured ${f(scheduler.wallSeconds, 1)} s, efficiency ${f(scheduler.efficiency, 3)} (target >= 0.95)`,
          `  overhead per attempt (process start and exit + commit; worktree made while queued, removed after): median ${f(scheduler.attemptOverheadMsMedian)} ms, p90 ${f(scheduler.attemptOverheadMsP90)} ms, max ${f(scheduler.attemptOverheadMsMax)} ms (a bare run of the fake worker takes ${f(scheduler.workerProcessMsMedian)} ms)`,
          `  slot hand-over (worker exit → next worker running, incl. its Node start): median ${f(scheduler.slotHandoverMsMedian)} ms, p90 ${f(scheduler.slotHandoverMsP90)} ms; wall time beyond ideal per subtask ${f(scheduler.schedulingOverheadMsPerSubtask)} ms; engine CPU ${f(scheduler.engineCpuMsPerSubtask, 1)} ms per subtask`,
          `  first wave (job start → each of the first ${concurrency} workers running): median ${f(scheduler.firstWaveStartMsMedian)} ms, last ${f(scheduler.firstWaveStartMsMax)} ms`,
        ]
      : ['Scheduler benchmark skipped (--skip-scheduler)']),
    worktrees
      ? `Worktree on a ${worktrees.commits.toLocaleString('en-US')}-commit repository (${worktrees.filesAtHead.toLocaleString('en-US')} files): create median ${f(worktrees.createMsMedian)} ms (max ${f(worktrees.createMsMax)}; plain "git worktree add" ${f(worktrees.plainGitWorktreeAddMsMedian)} ms), remove median ${f(worktrees.removeMsMedian)} ms; ${concurrency} at once: first ready after ${f(worktrees.waveFirstReadyMs)} ms, median ${f(worktrees.waveMedianReadyMs)} ms, all ${f(worktrees.waveAllReadyMs)} ms`
      : 'Worktree benchmark skipped (--skip-large)',
    `Load average after: ${result.loadAverageAfter}`,
    JSON.stringify(result),
  ].join('\n') + '\n',
);
