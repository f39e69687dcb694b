import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * A process named by pid plus its start time, so a pid the system reused for another
 * program is never mistaken for the one we started (or for a dead engine).
 */
export interface ProcessIdentity {
  pid: number;
  started: string;
}

/** The start time of `pid` as an opaque string, or null when no such process runs. */
export function processStartTime(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 2 (comm) may hold spaces and parentheses: count fields after its closing ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') return null; // a zombie has finished; only its exit status remains
      return fields[19] ?? null; // field 22, starttime in clock ticks since boot
    } catch {
      return null;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

/** This process's identity (the engine that owns running jobs). */
export function selfIdentity(): ProcessIdentity {
  return { pid: process.pid, started: processStartTime(process.pid) ?? 'unknown' };
}

/** True when the process that `identity` names is still running (same pid and start time). */
export function isAlive(identity: ProcessIdentity): boolean {
  const started = processStartTime(identity.pid);
  return started !== null && (identity.started === 'unknown' || started === identity.started);
}

/**
 * Live (non-zombie) members of process group `pgid`. Linux reads /proc; elsewhere a
 * signal-0 probe says only whether any member exists, reported as the group id itself
 * (POSIX only, like signalGroup: on Windows the probe always finds nothing).
 */
export function groupMembers(pgid: number): number[] {
  if (process.platform === 'linux') {
    // One signal-0 probe first: an empty group (the usual case once a worker exits) costs
    // one system call instead of reading every process's /proc entry.
    if (!groupExists(pgid)) return [];
    const members: number[] = [];
    for (const name of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // fields[0] is the state, fields[2] the process group.
        if (fields[0] !== 'Z' && Number(fields[2]) === pgid) members.push(Number(name));
      } catch {
        // The process ended while we looked.
      }
    }
    return members;
  }
  return groupExists(pgid) ? [pgid] : [];
}

/**
 * The environment variable that marks every process an attempt starts (its setup command and
 * worker, and what they start unless they clear their environment), with the attempt's
 * `attemptMarker` as value. A RepoScout killed after starting a worker but before storing its
 * pid leaves nothing else to find it by.
 */
export const ATTEMPT_MARKER_VARIABLE = 'REPOSCOUT_ATTEMPT';

/** The marker value of one attempt: unique across databases (job ids are random). */
export const attemptMarker = (jobId: string, attemptId: number): string => `${jobId}:${attemptId}`;

/**
 * Live processes whose environment holds REPOSCOUT_ATTEMPT=`marker`, with their process group.
 * Linux reads /proc/<pid>/environ (our own processes only: others' are unreadable); elsewhere
 * it finds nothing, so there only a stored pid finds a worker.
 */
export function markedProcesses(marker: string): { pid: number; pgid: number }[] {
  if (process.platform !== 'linux') return [];
  const wanted = `${ATTEMPT_MARKER_VARIABLE}=${marker}`;
  const found: { pid: number; pgid: number }[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!fs.readFileSync(`/proc/${name}/environ`, 'latin1').split('\0').includes(wanted)) continue;
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] !== 'Z') found.push({ pid: Number(name), pgid: Number(fields[2]) });
    } catch {
      // Ended while we looked, or not ours to read.
    }
  }
  return found;
}

/** Whether any process (zombies included) is in group `pgid`. */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM: members exist that we may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Sends `signal` to every process in group `pgid`; a group that is already gone is fine.
 *
 * POSIX only: a negative pid names a process group on Linux and macOS. Windows has no
 * process groups that signals reach (detached there means a new console, and process.kill
 * with a negative pid fails), so ending a worker's children on Windows would need a job
 * object or `taskkill /T /F /PID`; that path is not implemented and cannot be tested here.
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
