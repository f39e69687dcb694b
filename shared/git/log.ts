import { spawn } from 'node:child_process';
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { RepoScoutError } from '../errors';
import { gitEnv, gitFailed, runGit, translateSpawnError } from './run';

export interface FileChange {
  path: string;
  /** Previous path when git detected a rename or copy. */
  oldPath: string | null;
  /** Null for binary files. */
  additions: number | null;
  deletions: number | null;
}

export interface CommitRecord {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authoredAt: number;
  committedAt: number;
  subject: string;
  /** For a merge, the diff against its first parent. */
  files: FileChange[];
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * The exact `git log` arguments RepoScout reads history with: author identity after
 * .mailmap (%aN/%aE), numstat per file, NUL-terminated paths (no quoting of unicode),
 * rename detection, and merges diffed against their first parent. `revisions` are what
 * to show: a range (`head`, `^exclude`) or `--no-walk=unsorted --stdin` for a list.
 */
export function logArgs(revisions: string[]): string[] {
  return [
    '-c',
    'core.quotepath=off',
    'log',
    `--format=${RECORD}%H${FIELD}%P${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%ct${FIELD}%s`,
    '--numstat',
    '-z',
    '-M',
    '--diff-merges=first-parent',
    ...revisions,
    '--',
  ];
}

const range = (head: string, exclude: string | null): string[] => (exclude ? [head, `^${exclude}`] : [head]);

/**
 * Streams the commits reachable from `head` (newest first), excluding those reachable
 * from `exclude`, with one git process. Holds one commit in memory at a time, however
 * long the history. `head` and `exclude` must be commit SHAs (validated by the caller).
 */
export async function* readLog(repoDir: string, head: string, exclude: string | null, signal?: AbortSignal): AsyncGenerator<CommitRecord> {
  const output = new GitOutput(repoDir, logArgs(range(head, exclude)), null, signal);
  try {
    const parser = new LogParser();
    yield* parseOutput(output, parser);
    const last = parser.finish();
    if (last) yield last;
  } finally {
    output.stop();
  }
}

/** The SHAs `readLog` would show, in its order (git log and rev-list share the walk). */
export async function listCommits(repoDir: string, head: string, exclude: string | null, signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await runGit(repoDir, ['rev-list', ...range(head, exclude), '--'], signal ? { signal } : {});
  const shas = stdout.toString('latin1').split('\n');
  if (shas.at(-1) === '') shas.pop();
  return shas;
}

export interface ReadCommitsOptions {
  signal?: AbortSignal;
  /** git processes diffing at once; default one per core (at most MAX_PROCESSES) or REPOSCOUT_GIT_PROCESSES. */
  processes?: number;
  /** Commits per git process; default spreads the list over about SLICES_PER_PROCESS slices per process. */
  sliceSize?: number;
}

const MAX_PROCESSES = 4;
// More slices even out the processes' finishing times; each costs a spawn (a fork of this
// process, slow on a loaded machine) and a git start, so a few per process.
const SLICES_PER_PROCESS = 4;
const MIN_SLICE = 1_000;
const MAX_SLICE = 20_000;
/** Slices read ahead of the one being parsed, per process: bounds the output held in memory. */
const AHEAD_PER_PROCESS = 3;

export interface HistoryRead {
  /** How many commits the history holds, once `git rev-list` has listed them. */
  total: Promise<number>;
  /** The commits, newest first, exactly as `readLog` streams them. */
  commits: AsyncGenerator<CommitRecord>;
  /** Ends every git of this read (they start before `commits` is iterated); safe to call twice. */
  stop(): void;
}

/**
 * Reads the history `readLog` reads, with up to one git per core. git diffs on one core and
 * the diffs are the cost, so the history is cut into consecutive slices of git's own order
 * that several `git log` processes diff at once, parsed back in order. The first slice is
 * `git log <range> --max-count=N`, started at once; the others are lists of SHAs from
 * `git rev-list <range>` (which runs meanwhile) given to `git log --no-walk=unsorted --stdin`,
 * a new one starting as one ends. Only the slice being parsed streams; later ones wait as
 * raw bytes, at most AHEAD_PER_PROCESS per process, so memory stays bounded. The first
 * slice's SHAs are checked against the list, so the two views cannot disagree silently.
 */
export function readHistory(repoDir: string, head: string, exclude: string | null, options: ReadCommitsOptions = {}): HistoryRead {
  const processes = options.processes ?? defaultLogProcesses();
  const listing = listCommits(repoDir, head, exclude, options.signal);
  listing.catch(() => {}); // awaited by `total` and the reader; an early failure is theirs to report
  const firstSize = options.sliceSize ?? MIN_SLICE;
  const reader = new SliceReader(repoDir, processes, options.signal);
  reader.add(logArgs([...range(head, exclude), `--max-count=${firstSize}`]), null);
  void listing.then(
    (shas) => {
      const rest = shas.slice(firstSize);
      const size = options.sliceSize ?? Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(rest.length / (processes * SLICES_PER_PROCESS))));
      const args = logArgs(['--no-walk=unsorted', '--stdin']);
      for (let i = 0; i < rest.length; i += size) reader.add(args, `${rest.slice(i, i + size).join('\n')}\n`);
      reader.close();
    },
    () => reader.close(),
  );
  return { total: listing.then((shas) => shas.length), commits: checked(reader.commits(), listing), stop: () => reader.stop() };
}

/** Passes `commits` through, failing if their SHAs are not the listed ones in the listed order. */
async function* checked(commits: AsyncGenerator<CommitRecord>, listing: Promise<string[]>): AsyncGenerator<CommitRecord> {
  let shas: string[] | null = null;
  let index = 0;
  try {
    for await (const commit of commits) {
      shas ??= await listing;
      if (shas[index] !== commit.sha) {
        throw new RepoScoutError('GIT_FAILED', `git log and git rev-list disagree at commit ${index + 1} (${commit.sha} vs ${shas[index] ?? 'end of list'}); run again, and report it if it repeats.`);
      }
      index += 1;
      yield commit;
    }
    shas ??= await listing;
    if (index !== shas.length) throw new RepoScoutError('GIT_FAILED', `git log showed ${index} commits where git rev-list listed ${shas.length}; run again, and report it if it repeats.`);
  } finally {
    await commits.return(undefined);
  }
}

/**
 * Streams the commits `shas` names, in that order, with the same records as `readLog`,
 * cut into slices read by up to `processes` git processes at once (see readHistory).
 */
export async function* readCommits(repoDir: string, shas: readonly string[], options: ReadCommitsOptions = {}): AsyncGenerator<CommitRecord> {
  const processes = options.processes ?? defaultLogProcesses();
  const sliceSize = options.sliceSize ?? Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(shas.length / (processes * SLICES_PER_PROCESS))));
  const reader = new SliceReader(repoDir, processes, options.signal);
  const args = logArgs(['--no-walk=unsorted', '--stdin']);
  for (let i = 0; i < shas.length; i += sliceSize) reader.add(args, `${shas.slice(i, i + sliceSize).join('\n')}\n`);
  reader.close();
  yield* reader.commits();
}

/**
 * Consecutive slices of a history, each one git process, started eagerly in order while
 * fewer than `processes` run and the reader is not too far ahead; parsed strictly in order.
 */
class SliceReader {
  private readonly pending: { args: string[]; input: string | null }[] = [];
  private readonly outputs: GitOutput[] = [];
  private closed = false;
  private stopped = false;
  private running = 0;
  private current = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly repoDir: string,
    private readonly processes: number,
    private readonly signal?: AbortSignal,
  ) {}

  add(args: string[], input: string | null): void {
    this.pending.push({ args, input });
    this.startMore();
  }

  /** No more slices will be added. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  async *commits(): AsyncGenerator<CommitRecord> {
    try {
      for (;;) {
        this.startMore();
        const output = this.outputs[this.current];
        if (output) {
          // Slices end at commit boundaries: each has its own parser, finished at its end.
          const parser = new LogParser();
          yield* parseOutput(output, parser);
          const last = parser.finish();
          if (last) yield last;
          this.current += 1;
        } else if (this.closed && this.pending.length === 0) {
          return;
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
      }
    } finally {
      this.stop();
    }
  }

  stop(): void {
    this.stopped = true;
    for (const output of this.outputs) output.stop();
  }

  private startMore(): void {
    while (!this.stopped && this.pending.length > 0 && this.running < this.processes && this.outputs.length <= this.current + this.processes * AHEAD_PER_PROCESS) {
      const { args, input } = this.pending.shift()!;
      this.running += 1;
      const output = new GitOutput(this.repoDir, args, input, this.signal);
      void output.ended.then(() => {
        this.running -= 1;
        this.startMore();
      });
      this.outputs.push(output);
      this.notify();
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/** Feeds one git's output through `parser`, yielding each completed commit; throws if git failed. */
async function* parseOutput(output: GitOutput, parser: LogParser): AsyncGenerator<CommitRecord> {
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

/** One git per core (at most MAX_PROCESSES), or REPOSCOUT_GIT_PROCESSES when set (1 to 16). */
export function defaultLogProcesses(env: NodeJS.ProcessEnv = process.env): number {
  const configured = env.REPOSCOUT_GIT_PROCESSES;
  if (configured !== undefined && configured !== '') {
    const value = Number(configured);
    if (!Number.isInteger(value) || value < 1 || value > 16) {
      throw new RepoScoutError('INVALID_INPUT', `REPOSCOUT_GIT_PROCESSES must be a whole number from 1 to 16, got "${configured}"; unset it to use one git per core.`);
    }
    return value;
  }
  return Math.max(1, Math.min(MAX_PROCESSES, os.availableParallelism()));
}

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
class GitOutput {
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

/**
 * Turns the NUL-separated tokens of `git log -z --numstat` into commits. A header
 * token starts with RECORD; a numstat token is "added\tdeleted\tpath", or
 * "added\tdeleted\t" followed by two tokens (old path, new path) for a rename.
 */
export class LogParser {
  private current: CommitRecord | null = null;
  private pending: { additions: number | null; deletions: number | null; oldPath: string | null; stage: 0 | 1 | 2 } | null = null;

  /** Feeds one token; returns the previous commit when this token starts a new one. */
  push(raw: string): CommitRecord | null {
    const token = raw.charCodeAt(0) === 10 ? raw.slice(1) : raw;
    if (this.pending) {
      if (this.pending.stage === 1) {
        this.pending.oldPath = token;
        this.pending.stage = 2;
      } else {
        this.current?.files.push({ path: token, oldPath: this.pending.oldPath, additions: this.pending.additions, deletions: this.pending.deletions });
        this.pending = null;
      }
      return null;
    }
    if (token.charCodeAt(0) === 0x1e) {
      const finished = this.current;
      this.current = parseHeader(token.slice(1));
      return finished;
    }
    if (token === '' || !this.current) return null;
    const firstTab = token.indexOf('\t');
    const secondTab = token.indexOf('\t', firstTab + 1);
    if (firstTab < 0 || secondTab < 0) return null;
    const additions = parseCount(token.slice(0, firstTab));
    const deletions = parseCount(token.slice(firstTab + 1, secondTab));
    const path = token.slice(secondTab + 1);
    if (path === '') {
      this.pending = { additions, deletions, oldPath: null, stage: 1 };
    } else {
      this.current.files.push({ path, oldPath: null, additions, deletions });
    }
    return null;
  }

  /** Returns the last commit once the stream has ended. */
  finish(): CommitRecord | null {
    const last = this.current;
    this.current = null;
    return last;
  }
}

function parseCount(text: string): number | null {
  return text === '-' ? null : Number(text);
}

function parseHeader(header: string): CommitRecord {
  const [sha = '', parents = '', authorName = '', authorEmail = '', authoredAt = '0', committedAt = '0', ...subject] = header.split(FIELD);
  return {
    sha,
    parents: parents === '' ? [] : parents.split(' '),
    authorName,
    authorEmail,
    authoredAt: Number(authoredAt),
    committedAt: Number(committedAt),
    // A subject can itself contain the field separator; keep it whole.
    subject: subject.join(FIELD),
    files: [],
  };
}
