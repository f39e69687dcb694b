import { StringDecoder } from 'node:string_decoder';
import { execa } from 'execa';
import { groupMembers, markedProcesses, processStartTime, signalGroup, type ProcessIdentity } from './process-identity';

/** Why the runner stopped a process before it ended on its own. */
export type StopReason = 'timeout' | 'no_output' | 'output_flood' | 'cancelled' | 'after_result';

export interface RunProcessOptions {
  file: string;
  args: readonly string[];
  cwd: string;
  /** The complete environment (nothing is inherited implicitly). */
  env: NodeJS.ProcessEnv;
  /** Wall-clock limit. */
  timeoutMs: number;
  /** Stop when no line counted as progress (see onLine) arrived for this long. */
  idleMs: number;
  /** SIGTERM first; SIGKILL to the whole group after this delay. */
  killDelayMs: number;
  /** Stop a worker that writes more than this (stdout + stderr). */
  maxOutputBytes: number;
  /** Cancels the run (the job was cancelled or the engine shuts down). */
  signal?: AbortSignal;
  /**
   * Called per line. `progress`: the line shows the worker moving (a retry loop's error lines
   * do not, so they cannot keep a stuck worker alive); `finished`: it reported its result.
   */
  onLine(stream: 'stdout' | 'stderr', line: string): { progress: boolean; finished: boolean };
  /** After a 'finished' line, how long the worker may take to exit before it is stopped. */
  afterResultGraceMs: number;
  onSpawn?(identity: ProcessIdentity): void;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: string | null;
  stoppedBy: StopReason | null;
  /** Set when the program could not be started (ENOENT: not installed or not on PATH). */
  spawnError: { code: string; message: string } | null;
  /** Group members still running after the worker itself exited, which we then ended. */
  leftovers: number;
  durationMs: number;
}

// One line longer than this is cut: a worker printing binary garbage must not grow memory.
const MAX_LINE_CHARS = 256 * 1024;

/**
 * Runs one worker process in its own process group with stdin closed, streams its output
 * line by line, and enforces the wall-clock timeout, the no-output watchdog, the output cap
 * and cancellation by ending the whole group (SIGTERM, then SIGKILL). Resolves only when no
 * process of the group is left.
 */
export async function runProcess(options: RunProcessOptions): Promise<ProcessOutcome> {
  const started = performance.now();
  const child = execa(options.file, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    // Its own process group, so the worker and everything it starts can be ended together.
    // POSIX only (see signalGroup): on Windows this opens a new console instead, and ending
    // the worker's group is not implemented there.
    detached: true,
    cleanup: false,
    windowsHide: true,
  });
  const pid = child.pid;
  if (pid === undefined) {
    const result = await child;
    const code = (result as { code?: string }).code ?? 'SPAWN_FAILED';
    return { exitCode: null, signal: null, stoppedBy: null, spawnError: { code, message: result.originalMessage || result.shortMessage || 'could not start' }, leftovers: 0, durationMs: performance.now() - started };
  }
  options.onSpawn?.({ pid, started: processStartTime(pid) ?? 'unknown' });

  let stoppedBy: StopReason | null = null;
  let killTimer: NodeJS.Timeout | undefined;
  let graceTimer: NodeJS.Timeout | undefined;
  let outputBytes = 0;
  const stop = (reason: StopReason) => {
    if (stoppedBy !== null) return;
    stoppedBy = reason;
    signalGroup(pid, 'SIGTERM');
    killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), options.killDelayMs);
  };
  const wallTimer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const idleTimer = setTimeout(() => stop('no_output'), options.idleMs);
  const onAbort = () => stop('cancelled');
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  const feed = (stream: 'stdout' | 'stderr') => {
    const decoder = new StringDecoder('utf8');
    let partial = '';
    const emit = (line: string) => {
      const seen = options.onLine(stream, line);
      if (seen.progress) idleTimer.refresh();
      if (seen.finished && graceTimer === undefined && stoppedBy === null) {
        graceTimer = setTimeout(() => stop('after_result'), options.afterResultGraceMs);
      }
    };
    return {
      data(chunk: Buffer) {
        outputBytes += chunk.length;
        if (outputBytes > options.maxOutputBytes) {
          stop('output_flood');
          return;
        }
        partial += decoder.write(chunk);
        let newline = partial.indexOf('\n');
        while (newline !== -1) {
          emit(partial.slice(0, newline).replace(/\r$/, ''));
          partial = partial.slice(newline + 1);
          newline = partial.indexOf('\n');
        }
        if (partial.length > MAX_LINE_CHARS) {
          emit(`${partial.slice(0, MAX_LINE_CHARS)} [line cut at ${MAX_LINE_CHARS} characters]`);
          partial = '';
        }
      },
      end() {
        partial += decoder.end();
        if (partial !== '') emit(partial);
        partial = '';
      },
    };
  };
  const out = feed('stdout');
  const err = feed('stderr');
  child.stdout?.on('data', out.data);
  child.stderr?.on('data', err.data);
  // Streams end when every holder of the pipe is gone; the group clean-up below ensures that.
  const streamsDone = Promise.all([
    new Promise<void>((resolve) => (child.stdout ? child.stdout.once('close', resolve) : resolve())),
    new Promise<void>((resolve) => (child.stderr ? child.stderr.once('close', resolve) : resolve())),
  ]);

  // execa's own promise waits for the pipes to close, which a grandchild can hold open
  // forever; the leader's exit is what we wait for, then the rest of its group.
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(wallTimer);
  clearTimeout(idleTimer);
  clearTimeout(graceTimer);
  options.signal?.removeEventListener('abort', onAbort);
  const leftovers = await endGroup(pid, options.killDelayMs);
  clearTimeout(killTimer);
  await Promise.race([streamsDone, delay(2_000)]);
  out.end();
  err.end();
  await child.catch(() => undefined);
  return { exitCode: exit.code, signal: exit.signal, stoppedBy, spawnError: null, leftovers, durationMs: performance.now() - started };
}

/**
 * Ends what is left of group `pgid` after its leader exited (children a worker started and
 * did not wait for): SIGTERM, then SIGKILL after `killDelayMs`. Returns how many were left.
 */
export async function endGroup(pgid: number, killDelayMs: number): Promise<number> {
  const left = groupMembers(pgid).length;
  if (left === 0) return 0;
  signalGroup(pgid, 'SIGTERM');
  const termDeadline = Date.now() + killDelayMs;
  while (Date.now() < termDeadline && groupMembers(pgid).length > 0) await delay(25);
  if (groupMembers(pgid).length > 0) signalGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (Date.now() < killDeadline && groupMembers(pgid).length > 0) await delay(25);
  return left;
}

/**
 * Ends every process marked with an attempt's `marker` (see markedProcesses): the groups they
 * lead (a worker leads its own), and any other one alone (it left the worker's group), with
 * SIGTERM then SIGKILL. Returns how many marked processes were found.
 */
export async function endMarked(marker: string, killDelayMs: number): Promise<number> {
  const found = markedProcesses(marker);
  for (const { pid, pgid } of found) {
    if (pgid === pid) {
      await endGroup(pgid, killDelayMs);
      continue;
    }
    const started = processStartTime(pid);
    const same = () => started !== null && processStartTime(pid) === started;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    };
    signal('SIGTERM');
    const deadline = Date.now() + killDelayMs;
    while (Date.now() < deadline && same()) await delay(25);
    if (same()) signal('SIGKILL');
  }
  return found.length;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
