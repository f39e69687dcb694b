import { spawn } from 'node:child_process';
import { childEnvironment } from '../child-env';
import { RepoScoutError } from '../errors';

/**
 * Environment for every git we spawn: never prompt, never page, stable output, and none of
 * RepoScout's secrets (hooks and helpers git runs would see them). Arguments are always an
 * array passed without a shell; callers never build them from repository-provided strings.
 */
export const gitEnv = (): NodeJS.ProcessEnv =>
  childEnvironment({
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    LC_ALL: 'C',
  });

export interface GitRunOptions {
  signal?: AbortSignal;
  /** Exit codes that are answers rather than failures (for example 1 from merge-base --is-ancestor). */
  okExitCodes?: number[];
}

export interface GitResult {
  stdout: Buffer;
  exitCode: number;
}

/** Runs git to completion and returns its stdout. For small outputs; stream large ones. */
export function runGit(cwd: string, args: string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => reject(translateSpawnError(error)));
    child.on('close', (code) => {
      const exitCode = code ?? -1;
      if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
        resolve({ stdout: Buffer.concat(out), exitCode });
      } else {
        reject(gitFailed(args, exitCode, Buffer.concat(err).toString('utf8')));
      }
    });
  });
}

export function translateSpawnError(error: NodeJS.ErrnoException): RepoScoutError {
  if (error.name === 'AbortError') {
    return new RepoScoutError('INTERRUPTED', 'The run was cancelled; the database keeps its previous state.', { cause: error, remedy: { do: 'retry' } });
  }
  if (error.code === 'ENOENT') {
    return new RepoScoutError('GIT_NOT_FOUND', 'git was not found on PATH; install git (https://git-scm.com) and try again.', { cause: error });
  }
  return new RepoScoutError('GIT_FAILED', `Could not start git: ${error.message}`, { cause: error });
}

export function gitFailed(args: string[], exitCode: number, stderr: string): RepoScoutError {
  const firstLine = stderr.split('\n').find((line) => line.trim() !== '') ?? '';
  return new RepoScoutError('GIT_FAILED', `git ${args[0] ?? ''} failed (exit ${exitCode}): ${firstLine.trim()}`);
}
