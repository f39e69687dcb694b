// RepoScout benchmark: `node test/bench/run.mjs [--commits N] [--seed S] [--keep] [--baseline-only]`.
// Figures are reported, not asserted: exits 0 on a missed target, non-zero only if a step fails.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, runMeasured, timeGitLog } from './measure.mjs';
import { GENERATOR_VERSION, generateSyntheticRepo, git } from './synthetic-repo.mjs';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = path.join(PROJECT, '.bench');
const DEFAULT_CLI = path.join(PROJECT, 'dist/reposcout.mjs');
const MARKER = 'reposcout-bench.json'; // inside .git, written only after a complete generation

const TARGETS = {
  firstOverBaseline: { max: 1.5, label: '<= 1.5' },
  peakRssMb: { max: 300, label: '< 300', strict: true },
  rerunOverFirst: { max: 0.1, label: '< 0.10', strict: true },
};

const USAGE = `usage: node test/bench/run.mjs [--commits N] [--seed S] [--authors A] [--runs R] [--keep] [--baseline-only]
  --commits N       commits in the synthetic repository (default 100000)
  --seed S          generator seed (default 1); the repository is cached in .bench/repo-<N>-<S>
  --authors A       human author identities (default 400)
  --runs R          runs for each median (default 3)
  --keep            keep the temporary database and reports and print where they are
  --baseline-only   generate and time the bare git log only (no RepoScout run)
  --cli PATH        the RepoScout CLI to run (default dist/reposcout.mjs)`;

function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        commits: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '1' },
        authors: { type: 'string', default: '400' },
        runs: { type: 'string', default: '3' },
        keep: { type: 'boolean', default: false },
        'baseline-only': { type: 'boolean', default: false },
        cli: { type: 'string', default: DEFAULT_CLI },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  const int = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${values[name]}"`);
    return value;
  };
  return {
    help: values.help,
    commits: int('commits', 20),
    seed: int('seed', 0),
    authors: int('authors', 2),
    runs: int('runs', 1),
    keep: values.keep,
    baselineOnly: values['baseline-only'],
    cli: path.resolve(values.cli),
  };
}

class UsageError extends Error {}

/** The cached repository for these options, generated if it is missing or stale. */
async function ensureRepo({ commits, seed, authors }) {
  const name = `repo-${commits}-${seed}${authors === 400 ? '' : `-a${authors}`}`;
  const dir = path.join(BENCH_DIR, name);
  const cached = await readCachedSummary(dir, commits);
  if (cached) {
    log(`reusing ${path.relative(PROJECT, dir)} (generated in ${cached.seconds} s)`);
    return { dir, summary: cached, generatedNow: false };
  }
  rmSync(dir, { recursive: true, force: true });
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(BENCH_DIR, { recursive: true });
  const summary = await generateSyntheticRepo(scratch, { commits, seed, authors });
  writeFileSync(path.join(scratch, '.git', MARKER), `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(scratch, dir);
  return { dir, summary, generatedNow: true };
}

async function readCachedSummary(dir, commits) {
  try {
    const summary = JSON.parse(readFileSync(path.join(dir, '.git', MARKER), 'utf8'));
    const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
    const valid = summary.generatorVersion === GENERATOR_VERSION && summary.commits === commits && summary.head === head;
    if (!valid) log(`cached ${path.relative(PROJECT, dir)} is stale; regenerating`);
    return valid ? summary : null;
  } catch {
    return null;
  }
}

/** One `reposcout research` run against `repo` with the given db; fails the benchmark on a non-zero exit. */
async function research(cli, repo, scratch, label) {
  const args = [cli, 'research', repo, '--db', path.join(scratch, 'bench.db'), '--out', path.join(scratch, 'reports'), '--json'];
  log(`${label}: node ${path.relative(PROJECT, cli)} research … --json`);
  const result = await runMeasured(process.execPath, args, { cwd: PROJECT, keepStdout: true });
  if (result.exitCode !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-10).join('\n');
    throw new Error(`${label} failed (exit ${result.exitCode ?? result.signal}):\n${tail}`);
  }
  log(`${label}: ${result.seconds.toFixed(2)} s, peak RSS ${mb(result.peakRssKb)} MB`);
  return { seconds: result.seconds, peakRssMb: mb(result.peakRssKb), stdoutBytes: result.stdoutBytes, seen: whatTheToolSaw(result.stdout) };
}

/** A few figures from the --json output to cross-check against the generator; null if it is not JSON. */
function whatTheToolSaw(stdout) {
  try {
    const output = JSON.parse(stdout);
    const research = output.research ?? output;
    return {
      newCommits: output.newCommits ?? null,
      reused: output.reused ?? null,
      totalCommits: research.activity?.totalCommits ?? null,
      totalMerges: research.activity?.totalMerges ?? null,
      humans: research.contributors?.humans?.length ?? null,
      bots: research.contributors?.bots?.length ?? null,
    };
  } catch {
    return null;
  }
}

function check(name, value) {
  const target = TARGETS[name];
  if (value === null || value === undefined) return { value, target: target.label, status: '-' };
  const pass = target.strict ? value < target.max : value <= target.max;
  return { value, target: target.label, status: pass ? 'PASS' : 'MISS' };
}

function printTable(rows) {
  const lines = [['metric', 'value', 'target', ''], ...rows.map(([metric, value, target = '', status = '']) => [metric, value, target, status])];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((line) => String(line[i]).length)));
  for (const line of lines) {
    process.stdout.write(`${String(line[0]).padEnd(widths[0])}  ${String(line[1]).padStart(widths[1])}  ${String(line[2]).padEnd(widths[2])}  ${line[3]}`.trimEnd() + '\n');
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  if (!options.baselineOnly && !existsSync(options.cli)) {
    throw new Error(`${path.relative(PROJECT, options.cli)} not found: run "npm run bench" (which builds first) or "npm run build", or pass --baseline-only`);
  }
  const { dir: repo, summary, generatedNow } = await ensureRepo(options);

  log(`baseline: git log --numstat, ${options.runs} run(s)`);
  const baseline = await timeGitLog(repo, options.runs);
  log(`baseline: median ${baseline.median.toFixed(2)} s (${(baseline.bytes / 1e6).toFixed(1)} MB of output)`);

  let first = null;
  let reruns = null;
  let scratch = null;
  if (!options.baselineOnly) {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'reposcout-bench-'));
    try {
      first = await research(options.cli, repo, scratch, 'first run');
      const runs = [];
      for (let i = 0; i < options.runs; i++) runs.push(await research(options.cli, repo, scratch, `re-run ${i + 1}`));
      reruns = { runs: runs.map((r) => r.seconds), median: median(runs.map((r) => r.seconds)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb ?? 0)), seen: runs.at(-1)?.seen ?? null };
    } finally {
      if (options.keep) log(`kept database and reports in ${scratch}`);
      else rmSync(scratch, { recursive: true, force: true });
    }
  }

  const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
  const checks = {
    firstOverBaseline: check('firstOverBaseline', first ? round(first.seconds / baseline.median) : null),
    peakRssMb: check('peakRssMb', first?.peakRssMb ?? null),
    rerunOverFirst: check('rerunOverFirst', first && reruns ? round(reruns.median / first.seconds, 3) : null),
  };
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, git: (await git(repo, ['--version'])).trim() },
    repository: { path: path.relative(PROJECT, repo), seed: options.seed, commits: summary.commits, merges: summary.merges, authors: summary.authorIdentities, files: summary.files, tags: summary.tags.length, generatedSeconds: summary.seconds, generatedNow },
    baseline: { seconds: round(baseline.median, 3), runs: baseline.runs.map((s) => round(s, 3)), outputBytes: baseline.bytes, gitPeakRssMb: mb(baseline.gitPeakRssKb) },
    firstRun: first && { seconds: round(first.seconds, 3), commitsPerSecond: Math.round(summary.commits / first.seconds), peakRssMb: first.peakRssMb, peakRssNote: 'VmHWM of the node process only; excludes the git child', seen: first.seen },
    reRun: reruns && { seconds: round(reruns.median, 3), runs: reruns.runs.map((s) => round(s, 3)), peakRssMb: reruns.peakRssMb, seen: reruns.seen },
    checks,
  };
  mkdirSync(BENCH_DIR, { recursive: true });
  // A baseline-only run must not overwrite the figures of a full run.
  const resultsFile = path.join(BENCH_DIR, `results-${options.commits}${options.baselineOnly ? '-baseline' : ''}.json`);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  const dash = (value) => value ?? '-';
  process.stdout.write(`\nRepoScout benchmark: ${results.repository.path} (${results.machine.cpus} CPUs, node ${process.version})\n\n`);
  printTable([
    ['commits', summary.commits],
    ['authors (name+email)', summary.authorIdentities],
    ['git log baseline (s, median)', baseline.median.toFixed(2)],
    ['first run (s)', first ? first.seconds.toFixed(2) : '-'],
    ['first / baseline', dash(checks.firstOverBaseline.value), checks.firstOverBaseline.target, checks.firstOverBaseline.status],
    ['commits/s (first run)', dash(results.firstRun?.commitsPerSecond)],
    ['peak RSS MB (node, excl. git)', dash(checks.peakRssMb.value), checks.peakRssMb.target, checks.peakRssMb.status],
    ['re-run (s, median)', reruns ? reruns.median.toFixed(2) : '-'],
    ['re-run / first', dash(checks.rerunOverFirst.value), checks.rerunOverFirst.target, checks.rerunOverFirst.status],
    ['re-run saw no change', reruns?.seen ? (reruns.seen.newCommits === 0 && reruns.seen.reused === true ? 'yes' : 'no') : '-'],
  ]);
  const notes = [];
  if (first?.seen?.newCommits != null && first.seen.newCommits !== summary.commits) {
    notes.push(`first run read ${first.seen.newCommits} new commits; the repository has ${summary.commits}`);
  }
  if (reruns?.seen && (reruns.seen.newCommits !== 0 || reruns.seen.reused !== true)) {
    notes.push(`re-run did not report "nothing changed" (newCommits ${reruns.seen.newCommits}, reused ${reruns.seen.reused})`);
  }
  for (const note of notes) process.stdout.write(`\nnote: ${note}`);
  process.stdout.write(notes.length ? '\n' : '');
  process.stdout.write(`\nresults: ${path.relative(PROJECT, resultsFile)}\n`);
}

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const mb = (kb) => (kb === null || kb === undefined ? null : Math.round(kb / 1024));

main().catch((error) => {
  process.stderr.write(`[bench] ${error instanceof UsageError ? `${error.message}\n${USAGE}` : error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
