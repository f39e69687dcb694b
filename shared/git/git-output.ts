import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import type { CommitRecord, LogParser } from './log-parser';
import { gitEnv, gitFailed, translateSpawnError } from './run';

/**
 * The environment of a history-reading git: gitEnv() plus a fixed glibc malloc trim threshold.
 * `git log --numstat` allocates and frees a buffer per blob it diffs (hundreds of KB for large
 * files); with glibc's default, adaptive threshold the heap is given back to the kernel and
 * faulted in again over and over. Measured on a 2,500-commit slice of the git-shape benchmark:
 * 390k page faults and 1.1 s of system time by default, 13k and 0.15 s with a fixed threshold,
 * at the same peak RSS (the freed memory is reused instead of returned). Other C libraries
 * (musl, macOS) ignore the variable; a user's own GLIBC_TUNABLES are kept and take precedence.
 */
export function logEnv(base: NodeJS.ProcessEnv = gitEnv()): NodeJS.ProcessEnv {
  const own = base.GLIBC_TUNABLES;
  return { ...base, GLIBC_TUNABLES: own ? `${TRIM_THRESHOLD}:${own}` : TRIM_THRESHOLD };
}

const TRIM_THRESHOLD = 'glibc.malloc.trim_threshold=134217728';

/**
 * One git process whose stdout is collected from the start, so it runs at full speed
 * while earlier output is still being parsed. `input` is written to its stdin.
 */
export class GitOutput {
  private readonly child;
  private readonly queue: Buffer[] = [];
  private done = false;
  private wake: (() => void) | null = null;
  private readonly stderr: Buffer[] = [];
  private spawnError: NodeJS.ErrnoException | null = null;
  private readonly exited: Promise<number>;
  /** Resolves when git has exited (whatever its status). */
  readonly ended: Promise<void>;

  constructor(
    repoDir: string,
    private readonly args: string[],
    input: string | null,
    signal?: AbortSignal,
  ) {
    this.child = spawn('git', args, { cwd: repoDir, env: logEnv(), stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.on('error', (error) => {
      this.spawnError = error;
      this.finish();
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
    this.ended = this.exited.then(() => undefined);
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      this.notify();
    });
    this.child.stdout!.on('end', () => this.finish());
    if (input !== null && this.child.stdin) {
      this.child.stdin.on('error', () => {}); // EPIPE when git dies early; its exit status reports why
      this.child.stdin.end(input);
    }
  }

  async *chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) yield chunk;
      else if (this.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Resolves once git exited cleanly; throws its failure otherwise. */
  async succeeded(): Promise<void> {
    const exitCode = await this.exited;
    if (this.spawnError) throw translateSpawnError(this.spawnError);
    if (exitCode !== 0) throw gitFailed(this.args.slice(2), exitCode, Buffer.concat(this.stderr).toString('utf8'));
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private finish(): void {
    this.done = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}


/** Feeds one git's output through `parser`, yielding each completed commit; throws if git failed. */
export async function* parseOutput(output: GitOutput, parser: LogParser): AsyncGenerator<CommitRecord> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of output.chunks()) {
    const text = rest + decoder.write(chunk);
    const tokens = text.split('\0');
    rest = tokens.pop() ?? '';
    for (const token of tokens) {
      const done = parser.push(token);
      if (done) yield done;
    }
  }
  const tail = rest + decoder.end();
  if (tail !== '') {
    const done = parser.push(tail);
    if (done) yield done;
  }
  await output.succeeded();
}

