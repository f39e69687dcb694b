// RepoScout benchmark: `node test/bench/run.mjs [--commits N] [--shapes github,git] [--runs R] ...`.
// Figures are reported, not asserted: exits 0 on a missed target, non-zero only if a step fails.
// Every round runs the bare git log, the engine's own git log and a first research run back to
// back, so machine load (other jobs) hits all three alike; ratios are of medians.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BARE_GIT_LOG_ARGS, GIT_LOG_ARGS, median, runMeasured, timeGit } from './measure.mjs';
import { GENERATOR_VERSION, SHAPES, generateSyntheticRepo, git } from './synthetic-repo.mjs';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = path.join(PROJECT, '.bench');
const DEFAULT_CLI = path.join(PROJECT, 'dist/reposcout.mjs');
const MARKER = 'reposcout-bench.json'; // inside .git, written only after a complete generation

const TARGETS = {
  firstOverBare: { max: 1.0, label: '<= 1.0 (never > 1.3)' },
  peakRssMb: { max: 300, label: '< 300', strict: true },
  rerunOverFirst: { max: 0.05, label: '< 0.05', strict: true },
};

const USAGE = `usage: node test/bench/run.mjs [--commits N] [--shapes S,S] [--seed S] [--authors A] [--runs R] [--keep] [--baseline-only]
  --commits N       commits in each synthetic repository (default 100000)
  --shapes S,S      history shapes, comma-separated: github (PR merges and squashes, small files),
                    git (like git/git: long-lived large files, topic-branch merges); default both
  --seed S          generator seed (default 1); repositories are cached in .bench/
  --authors A       human author identities (default 400)
  --runs R          rounds for each median (default 3)
  --keep            keep the temporary databases and reports and print where they are
  --baseline-only   generate and time the git logs only (no RepoScout run)
  --cli PATH        the RepoScout CLI to run (default dist/reposcout.mjs)`;

function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        commits: { type: 'string', default: '100000' },
        shapes: { type: 'string', default: SHAPES.join(',') },
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
  const shapes = values.shapes.split(',').map((shape) => shape.trim()).filter(Boolean);
  const unknown = shapes.find((shape) => !SHAPES.includes(shape));
  if (unknown !== undefined || shapes.length === 0) throw new UsageError(`--shapes takes ${SHAPES.join(' and/or ')}, comma-separated; got "${values.shapes}"`);
  return {
    help: values.help,
    shapes,
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
async function ensureRepo({ commits, seed, authors }, shape) {
  const name = `repo-${shape === 'github' ? '' : `${shape}-`}${commits}-${seed}${authors === 400 ? '' : `-a${authors}`}`;
  const dir = path.join(BENCH_DIR, name);
  const cached = await readCachedSummary(dir, commits, shape);
  if (cached) {
    log(`reusing ${path.relative(PROJECT, dir)} (generated in ${cached.seconds} s)`);
    return { dir, summary: cached, generatedNow: false };
  }
  rmSync(dir, { recursive: true, force: true });
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(BENCH_DIR, { recursive: true });
  const summary = await generateSyntheticRepo(scratch, { commits, seed, authors, shape });
  writeFileSync(path.join(scratch, '.git', MARKER), `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(scratch, dir);
  return { dir, summary, generatedNow: true };
}

async function readCachedSummary(dir, commits, shape) {
  try {
    const summary = JSON.parse(readFileSync(path.join(dir, '.git', MARKER), 'utf8'));
    const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
    const valid = summary.generatorVersion === GENERATOR_VERSION && summary.commits === commits && summary.head === head && (summary.shape ?? 'github') === shape;
    if (!valid) log(`cached ${path.relative(PROJECT, dir)} is stale; regenerating`);
    return valid ? summary : null;
  } catch {
    return null;
  }
}

/** One `reposcout research` run against `repo` with the given db; fails the benchmark on a non-zero exit. */
async function research(cli, repo, scratch, label) {
  const args = [cli, 'research', repo, '--db', path.join(scratch, 'bench.db'), '--out', path.join(scratch, 'reports'), '--json'];
  const result = await runMeasured(process.execPath, args, { cwd: PROJECT, keepStdout: true });
  if (result.exitCode !== 0) {
    const tail = result.stderr.trim().split('\n').slice(-10).join('\n');
    throw new Error(`${label} failed (exit ${result.exitCode ?? result.signal}):\n${tail}`);
  }
  log(`${label}: ${result.seconds.toFixed(2)} s, ${cpu(result)} CPU s, peak RSS node ${mb(result.peakRssKb)} MB, git ${mb(result.childrenPeakRssKb)} MB (${mb(result.childrenPeakAnonKb)} MB anonymous)`);
  return { seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakRssMb: mb(result.peakRssKb), gitPeakRssMb: mb(result.childrenPeakRssKb), gitPeakAnonMb: mb(result.childrenPeakAnonKb), stdoutBytes: result.stdoutBytes, seen: whatTheToolSaw(result.stdout) };
}

async function timedGit(repo, args, label) {
  const result = await timeGit(repo, args);
  log(`${label}: ${result.seconds.toFixed(2)} s, ${cpu(result)} CPU s, peak RSS ${mb(result.peakRssKb)} MB, ${(result.stdoutBytes / 1e6).toFixed(1)} MB out`);
  return { seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakRssMb: mb(result.peakRssKb), bytes: result.stdoutBytes };
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

/** Interleaved rounds of bare log, engine log and first research; then re-runs on the unchanged history. */
async function benchShape(options, shape) {
  const { dir: repo, summary, generatedNow } = await ensureRepo(options, shape);
  const rounds = [];
  let reruns = [];
  const scratch = options.baselineOnly ? null : mkdtempSync(path.join(os.tmpdir(), 'reposcout-bench-'));
  const loadBefore = os.loadavg();
  try {
    for (let i = 0; i < options.runs; i++) {
      const round = { bare: await timedGit(repo, BARE_GIT_LOG_ARGS, `${shape} round ${i + 1}: bare git log`) };
      round.engineLog = await timedGit(repo, GIT_LOG_ARGS, `${shape} round ${i + 1}: engine's git log`);
      if (scratch) round.first = await research(options.cli, repo, path.join(scratch, `round-${i}`), `${shape} round ${i + 1}: first research`);
      rounds.push(round);
    }
    if (scratch) {
      for (let i = 0; i < options.runs; i++) reruns.push(await research(options.cli, repo, path.join(scratch, `round-${options.runs - 1}`), `${shape} re-run ${i + 1}`));
    }
  } finally {
    if (scratch && options.keep) log(`kept databases and reports in ${scratch}`);
    else if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg();
  const med = (pick) => (rounds.every((r) => pick(r) !== undefined && pick(r) !== null) ? median(rounds.map(pick)) : null);
  const bare = med((r) => r.bare.seconds);
  const engineLog = med((r) => r.engineLog.seconds);
  const first = scratch ? med((r) => r.first.seconds) : null;
  const rerun = reruns.length ? median(reruns.map((r) => r.seconds)) : null;
  const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
  return {
    shape,
    repository: { path: path.relative(PROJECT, repo), seed: options.seed, commits: summary.commits, merges: summary.merges, authors: summary.authorIdentities, files: summary.files, tags: summary.tags.length, generatedSeconds: summary.seconds, generatedNow },
    load: { before: loadBefore.map((l) => round(l)), after: loadAfter.map((l) => round(l)) },
    bareLog: { seconds: round(bare, 3), cpuSeconds: round(med((r) => r.bare.cpuSeconds)), peakRssMb: Math.max(...rounds.map((r) => r.bare.peakRssMb ?? 0)), outputBytes: rounds[0].bare.bytes, args: BARE_GIT_LOG_ARGS.join(' ') },
    engineLog: { seconds: round(engineLog, 3), cpuSeconds: round(med((r) => r.engineLog.cpuSeconds)), peakRssMb: Math.max(...rounds.map((r) => r.engineLog.peakRssMb ?? 0)), outputBytes: rounds[0].engineLog.bytes, args: GIT_LOG_ARGS.join(' ') },
    firstRun: first === null ? null : {
      seconds: round(first, 3),
      runs: rounds.map((r) => round(r.first.seconds, 3)),
      cpuSeconds: round(med((r) => r.first.cpuSeconds)),
      commitsPerSecond: Math.round(summary.commits / first),
      peakRssMb: Math.max(...rounds.map((r) => r.first.peakRssMb ?? 0)),
      gitPeakRssMb: Math.max(...rounds.map((r) => r.first.gitPeakRssMb ?? 0)),
      gitPeakAnonMb: Math.max(...rounds.map((r) => r.first.gitPeakAnonMb ?? 0)),
      peakRssNote: 'peakRssMb: VmHWM of the node process; gitPeakRssMb: VmRSS of its git children together, sampled every 20 ms, mostly their shared mmapped pack file; gitPeakAnonMb: their RssAnon (own memory) together',
      seen: rounds.at(-1).first.seen,
    },
    reRun: rerun === null ? null : { seconds: round(rerun, 3), runs: reruns.map((r) => round(r.seconds, 3)), peakRssMb: Math.max(...reruns.map((r) => r.peakRssMb ?? 0)), seen: reruns.at(-1).seen },
    ratios: { firstOverBare: round(first !== null ? first / bare : null), firstOverEngineLog: round(first !== null ? first / engineLog : null), engineLogOverBare: round(engineLog / bare), rerunOverFirst: round(rerun !== null && first ? rerun / first : null, 3) },
    summary,
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return void process.stdout.write(`${USAGE}\n`);
  if (!options.baselineOnly && !existsSync(options.cli)) {
    throw new Error(`${path.relative(PROJECT, options.cli)} not found: run "npm run bench" (which builds first) or "npm run build", or pass --baseline-only`);
  }
  const shapes = [];
  for (const shape of options.shapes) shapes.push(await benchShape(options, shape));
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryMb: Math.round(os.totalmem() / 2 ** 20), node: process.version, git: (await git(PROJECT, ['--version'])).trim() },
    shapes: shapes.map(({ summary: _summary, ...rest }) => ({ ...rest, checks: checksOf(rest) })),
  };
  mkdirSync(BENCH_DIR, { recursive: true });
  // A baseline-only run must not overwrite the figures of a full run.
  const resultsFile = path.join(BENCH_DIR, `results-${options.commits}${options.baselineOnly ? '-baseline' : ''}.json`);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

  for (const [index, shape] of results.shapes.entries()) printShape(shape, shapes[index].summary);
  process.stdout.write(`\nresults: ${path.relative(PROJECT, resultsFile)}\n`);
}

function checksOf(shape) {
  return {
    firstOverBare: check('firstOverBare', shape.ratios.firstOverBare),
    peakRssMb: check('peakRssMb', shape.firstRun?.peakRssMb ?? null),
    rerunOverFirst: check('rerunOverFirst', shape.ratios.rerunOverFirst),
  };
}

function printShape(shape, summary) {
  const { checks } = shape;
  const dash = (value) => value ?? '-';
  const seconds = (value) => (value === null || value === undefined ? '-' : value.toFixed(2));
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(`\nRepoScout benchmark, ${shape.shape} shape: ${shape.repository.path} (${os.cpus().length} CPUs, node ${process.version}; load ${load(shape.load.before)} -> ${load(shape.load.after)})\n\n`);
  printTable([
    ['commits (merges)', `${summary.commits} (${summary.merges})`],
    ['authors (name+email)', summary.authorIdentities],
    ['first research / bare git log', dash(checks.firstOverBare.value), checks.firstOverBare.target, checks.firstOverBare.status],
    ['first research / engine\'s git log', dash(shape.ratios.firstOverEngineLog)],
    ['engine\'s git log / bare git log', dash(shape.ratios.engineLogOverBare)],
    ['bare git log (s, median)', seconds(shape.bareLog.seconds)],
    ['engine\'s git log, one process (s, median)', seconds(shape.engineLog.seconds)],
    ['first research (s, median)', seconds(shape.firstRun?.seconds)],
    ['CPU s: bare log / engine log / research', `${dash(shape.bareLog.cpuSeconds)} / ${dash(shape.engineLog.cpuSeconds)} / ${dash(shape.firstRun?.cpuSeconds)}`],
    ['commits/s (first research)', dash(shape.firstRun?.commitsPerSecond)],
    ['peak RSS MB, research (node)', dash(checks.peakRssMb.value), checks.peakRssMb.target, checks.peakRssMb.status],
    ['peak RSS MB, research (git children)', shape.firstRun ? `${dash(shape.firstRun.gitPeakRssMb)} (${dash(shape.firstRun.gitPeakAnonMb)} anonymous)` : '-'],
    ['peak RSS MB, bare / engine git log', `${shape.bareLog.peakRssMb} / ${shape.engineLog.peakRssMb}`],
    ['re-run (s, median)', seconds(shape.reRun?.seconds)],
    ['re-run / first', dash(checks.rerunOverFirst.value), checks.rerunOverFirst.target, checks.rerunOverFirst.status],
    ['re-run saw no change', shape.reRun?.seen ? (shape.reRun.seen.newCommits === 0 && shape.reRun.seen.reused === true ? 'yes' : 'no') : '-'],
  ]);
  const notes = [];
  const seen = shape.firstRun?.seen;
  if (seen?.newCommits != null && seen.newCommits !== summary.commits) notes.push(`first run read ${seen.newCommits} new commits; the repository has ${summary.commits}`);
  if (seen?.totalMerges != null && seen.totalMerges !== summary.merges) notes.push(`first run counted ${seen.totalMerges} merges; the generator made ${summary.merges}`);
  const again = shape.reRun?.seen;
  if (again && (again.newCommits !== 0 || again.reused !== true)) notes.push(`re-run did not report "nothing changed" (newCommits ${again.newCommits}, reused ${again.reused})`);
  if (checks.firstOverBare.value !== null && checks.firstOverBare.value > 1.3) notes.push('first research is above the 1.3x ceiling of the bare git log');
  for (const note of notes) process.stdout.write(`\nnote: ${note}`);
  process.stdout.write(notes.length ? '\n' : '');
}

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const mb = (kb) => (kb === null || kb === undefined ? null : Math.round(kb / 1024));
const cpu = (result) => (result.cpuSeconds === null || result.cpuSeconds === undefined ? '-' : result.cpuSeconds.toFixed(2));

main().catch((error) => {
  process.stderr.write(`[bench] ${error instanceof UsageError ? `${error.message}\n${USAGE}` : error.message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
