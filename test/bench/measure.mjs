// Timing and memory measurement for the benchmark: wall time of child processes
// and their peak resident set size, read from /proc while they run.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const FORMAT = '--format=%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%at%x1f%ct%x1f%s';

/** The history read RepoScout performs, as one plain git command (see shared/git/log.ts). */
export const GIT_LOG_ARGS = ['-c', 'core.quotepath=off', 'log', FORMAT, '--numstat', '-z', '-M', '--diff-merges=first-parent', 'HEAD'];

/**
 * The bare read a user would time: numstat of every commit with git's defaults, which
 * detect renames (diff.renames) but show no diff for merges. The headline ratio is
 * against this, so the cost of diffing merges is RepoScout's to hide, not the baseline's.
 */
export const BARE_GIT_LOG_ARGS = ['log', FORMAT, '--numstat', '-z', 'HEAD'];

// Same environment the engine gives git: no prompts, no pager, stable output.
const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' });

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `command args` to completion, consuming stdout in this process.
 * Returns seconds of wall time, stdout (bytes, and the text if `keepStdout`),
 * and `peakRssKb`: the child's VmHWM, polled every `pollMs`. VmHWM is the kernel's
 * high-water mark and only grows, so the last reading is the peak, missing at most
 * the final `pollMs` of the run. It covers that one process, not its children (git).
 */
export function runMeasured(command, args, { cwd, env = process.env, keepStdout = false, pollMs = 20 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    const stdout = [];
    const stderr = [];
    let peakRssKb = null;
    let childrenPeakRssKb = null;
    let childrenPeakAnonKb = null;
    let cpuTicks = null;
    const sample = () => {
      try {
        const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakRssKb = Math.max(peakRssKb ?? 0, Number(match[1]));
        cpuTicks = cpuOf(child.pid) ?? cpuTicks;
        const rss = childrenRssKb(child.pid);
        if (rss !== null) {
          childrenPeakRssKb = Math.max(childrenPeakRssKb ?? 0, rss.total);
          childrenPeakAnonKb = Math.max(childrenPeakAnonKb ?? 0, rss.anon);
        }
      } catch {
        // The process has exited (or /proc is unavailable): keep the last reading.
      }
    };
    const timer = setInterval(sample, pollMs);
    sample();
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length;
      if (keepStdout) stdout.push(chunk);
    });
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => { clearInterval(timer); reject(error); });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        exitCode,
        signal,
        peakRssKb,
        childrenPeakRssKb,
        childrenPeakAnonKb,
        cpuSeconds: cpuTicks === null ? null : cpuTicks / CLOCK_TICKS,
        stdoutBytes,
        stdout: keepStdout ? Buffer.concat(stdout).toString('utf8') : null,
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** One timed `git <args>` over `repoDir`, its output consumed and discarded. */
export async function timeGit(repoDir, args) {
  const result = await runMeasured('git', args, { cwd: repoDir, env: gitEnv() });
  if (result.exitCode !== 0) throw new Error(`git ${args.join(' ')} failed in ${repoDir} (exit ${result.exitCode}): ${result.stderr.trim()}`);
  return result;
}

// USER_HZ: the unit of /proc/<pid>/stat times; 100 on every Linux build in practice.
const CLOCK_TICKS = 100;

/**
 * CPU ticks (user + system) of `pid` and of its children it has waited for, from
 * /proc/<pid>/stat; the last reading before exit misses at most one poll interval.
 */
function cpuOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ": state is fields[0], so utime is fields[11] (field 14 of stat(5)).
  const ticks = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return ticks.every(Number.isFinite) ? ticks.reduce((a, b) => a + b, 0) : null;
}

/**
 * Resident memory of the live children of `pid` together (git processes the engine runs), in kB:
 * `total` (VmRSS) and `anon` (RssAnon). Most of a git log's VmRSS is its mmapped pack file, pages
 * of the kernel's file cache that every git reading the pack shares; `anon` is its own memory.
 */
function childrenRssKb(pid) {
  let total = 0;
  let anon = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      return null; // the kernel does not expose children lists
    }
    for (const childPid of children.split(' ').filter(Boolean)) {
      try {
        const status = readFileSync(`/proc/${childPid}/status`, 'utf8');
        total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
        anon += Number(/^RssAnon:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      } catch {
        // exited between the two reads
      }
    }
  }
  return { total, anon };
}
