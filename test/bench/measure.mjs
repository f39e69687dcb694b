// Timing and memory measurement for the benchmark: wall time of child processes
// and their peak resident set size, read from /proc while they run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The history read RepoScout performs, as a plain git command (see shared/git). */
export const GIT_LOG_ARGS = [
  '-c', 'core.quotepath=off', 'log',
  '--format=%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%at%x1f%ct%x1f%s',
  '--numstat', '-z', '-M', '--diff-merges=first-parent', 'HEAD',
];

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
    const sample = () => {
      try {
        const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakRssKb = Math.max(peakRssKb ?? 0, Number(match[1]));
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
        stdoutBytes,
        stdout: keepStdout ? Buffer.concat(stdout).toString('utf8') : null,
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Times the bare git history read `runs` times; returns each run's seconds and the median. */
export async function timeGitLog(repoDir, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await runMeasured('git', GIT_LOG_ARGS, { cwd: repoDir, env: gitEnv() });
    if (result.exitCode !== 0) throw new Error(`git log failed in ${repoDir} (exit ${result.exitCode}): ${result.stderr.trim()}`);
    results.push(result);
  }
  const seconds = results.map((r) => r.seconds);
  return { runs: seconds, median: median(seconds), bytes: results[0].stdoutBytes, gitPeakRssKb: Math.max(...results.map((r) => r.peakRssKb ?? 0)) };
}
