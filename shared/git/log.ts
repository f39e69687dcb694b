import { spawn } from 'node:child_process';
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { RepoScoutError } from '../errors';
import { gitEnv, gitFailed, translateSpawnError } from './run';

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
 * rename detection, and merges diffed against their first parent. A `part` limits the
 * output to `count` commits after skipping `skip` of them in git's own order (the walk
 * of skipped commits is cheap; only the shown ones are diffed).
 */
export function logArgs(head: string, exclude: string | null, part: LogPart = WHOLE): string[] {
  const args = [
    '-c',
    'core.quotepath=off',
    'log',
    `--format=${RECORD}%H${FIELD}%P${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%ct${FIELD}%s`,
    '--numstat',
    '-z',
    '-M',
    '--diff-merges=first-parent',
  ];
  if (part.skip > 0) args.push(`--skip=${part.skip}`);
  if (part.count !== null) args.push(`--max-count=${part.count}`);
  args.push(head);
  if (exclude) args.push(`^${exclude}`);
  args.push('--');
  return args;
}

/** A slice of the history in git's order: `count` commits (null: all the rest) after `skip`. */
export interface LogPart {
  skip: number;
  count: number | null;
}

const WHOLE: LogPart = { skip: 0, count: null };

export interface ReadLogOptions {
  signal?: AbortSignal;
  /** Commits in the range (`git rev-list --count`); without it the history is read by one git. */
  total?: number;
  /** git processes reading at once; default one per core, at most MAX_PROCESSES. */
  processes?: number;
}

const MAX_PROCESSES = 4;
/** Below this many commits per process, a second git costs more than it saves. */
const MIN_COMMITS_PER_PROCESS = 2_000;
/** A part whose output waits for its turn stops git (pipe backpressure) above this many bytes. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * Splits `total` commits into up to `processes` consecutive parts of git's order. The last
 * part has no count, so it reads to the end even if the history count was off.
 */
export function planLogParts(total: number, processes: number): LogPart[] {
  const parts = Math.max(1, Math.min(processes, Math.floor(total / MIN_COMMITS_PER_PROCESS)));
  const size = Math.ceil(total / parts);
  return Array.from({ length: parts }, (_, i) => ({ skip: i * size, count: i === parts - 1 ? null : size }));
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
 * Streams the commits reachable from `head` (newest first), excluding those reachable
 * from `exclude`, in exactly the order of one `git log`. A long history is read by
 * several git processes at once, each diffing a consecutive slice of that order
 * (git diffs on one core; the diffs are the cost). The first slice streams through the
 * parser as it arrives, later slices wait as raw bytes (bounded) until their turn, so
 * one commit at a time is held parsed. `head` and `exclude` must be commit SHAs
 * (validated by the caller).
 */
export async function* readLog(repoDir: string, head: string, exclude: string | null, options: ReadLogOptions = {}): AsyncGenerator<CommitRecord> {
  const { signal, total } = options;
  const parts = total === undefined ? [WHOLE] : planLogParts(total, options.processes ?? defaultLogProcesses());
  const readers = parts.map((part) => new GitOutput(repoDir, logArgs(head, exclude, part), signal));
  const parser = new LogParser();
  try {
    for (const reader of readers) {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of reader.chunks()) {
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
      await reader.succeeded();
    }
    const last = parser.finish();
    if (last) yield last;
  } finally {
    for (const reader of readers) reader.stop();
  }
}

/**
 * One git process whose stdout is collected from the start, so it runs at full speed
 * while earlier parts are consumed; pauses git when more than MAX_BUFFERED_BYTES wait.
 */
class GitOutput {
  private readonly child;
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private wake: (() => void) | null = null;
  private readonly stderr: Buffer[] = [];
  private spawnError: NodeJS.ErrnoException | null = null;
  private readonly exited: Promise<number>;

  constructor(
    repoDir: string,
    private readonly args: string[],
    signal?: AbortSignal,
  ) {
    this.child = spawn('git', args, { cwd: repoDir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    this.child.on('error', (error) => {
      this.spawnError = error;
      this.finish();
    });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      this.queued += chunk.length;
      if (this.queued > MAX_BUFFERED_BYTES) this.child.stdout.pause();
      this.notify();
    });
    this.child.stdout.on('end', () => this.finish());
  }

  async *chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.length;
        if (this.child.stdout.isPaused() && this.queued < MAX_BUFFERED_BYTES / 2) this.child.stdout.resume();
        yield chunk;
      } else if (this.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
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
    this.ended = true;
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
