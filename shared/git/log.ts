import os from 'node:os';
import { RepoScoutError } from '../errors';
import { GitOutput, parseOutput } from './git-output';
import { readSlice } from './history-slice';
import { FIELD, LogParser, RECORD, type CommitRecord } from './log-parser';
import { runGit } from './run';

export { LogParser, type CommitRecord, type FileChange } from './log-parser';

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

const STDIN_LIST = ['--no-walk=unsorted', '--stdin'];

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
// A slice is handed out once read whole (its merges are resolved at its end), so its records
// are held in memory until then, and the last one is not overlapped by the database writes.
const MAX_SLICE = 5_000;
/** Slices read ahead of the one being handed out, per process: bounds the records held in memory. */
const AHEAD_PER_PROCESS = 1;

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
 * that several git processes read at once (see readSlice: merges' diffs mostly come from the
 * slice's own commits), handed out in order. The first slice is `git log <range>
 * --max-count=N`, started at once; the others are lists of SHAs from `git rev-list <range>`
 * (which runs meanwhile) given to `git log --no-walk=unsorted --stdin`, a new one starting as
 * one ends. At most AHEAD_PER_PROCESS slices per process are read ahead, so memory stays
 * bounded. The SHAs read are checked against the list, so the two views cannot disagree silently.
 */
export function readHistory(repoDir: string, head: string, exclude: string | null, options: ReadCommitsOptions = {}): HistoryRead {
  const processes = options.processes ?? defaultLogProcesses();
  const listing = listCommits(repoDir, head, exclude, options.signal);
  listing.catch(() => {}); // awaited by `total` and the reader; an early failure is theirs to report
  const firstSize = options.sliceSize ?? MIN_SLICE;
  const reader = new SliceReader(repoDir, processes, options.signal);
  reader.add([...range(head, exclude), `--max-count=${firstSize}`], null);
  void listing.then(
    (shas) => {
      const rest = shas.slice(firstSize);
      const size = options.sliceSize ?? Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(rest.length / (processes * SLICES_PER_PROCESS))));
      for (let i = 0; i < rest.length; i += size) reader.add(STDIN_LIST, `${rest.slice(i, i + size).join('\n')}\n`);
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
  for (let i = 0; i < shas.length; i += sliceSize) reader.add(STDIN_LIST, `${shas.slice(i, i + sliceSize).join('\n')}\n`);
  reader.close();
  yield* reader.commits();
}

/**
 * Consecutive slices of a history, each read by readSlice (its git processes one after the
 * other), started eagerly in order while fewer than `processes` run and the reader is not
 * more than AHEAD_PER_PROCESS slices per process ahead; handed out strictly in order.
 */
class SliceReader {
  private readonly pending: { revisions: string[]; input: string | null }[] = [];
  private readonly slices: Promise<CommitRecord[]>[] = [];
  private readonly outputs = new Set<GitOutput>();
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

  add(revisions: string[], input: string | null): void {
    this.pending.push({ revisions, input });
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
        const slice = this.slices[this.current];
        if (slice) {
          const commits = await slice;
          // Drop the slice's records as they are handed out, so memory holds only what is ahead.
          this.current += 1;
          for (let i = 0; i < commits.length; i++) yield commits[i]!;
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
    while (!this.stopped && this.pending.length > 0 && this.running < this.processes && this.slices.length <= this.current + this.processes * AHEAD_PER_PROCESS) {
      const { revisions, input } = this.pending.shift()!;
      this.running += 1;
      const slice = readSlice(this.repoDir, revisions, input, { track: (output) => this.track(output) }, this.signal);
      slice.catch(() => {}); // awaited in order by commits(); a failure after stop() is nobody's
      void slice.finally(() => {
        this.running -= 1;
        this.startMore();
        this.notify();
      }).catch(() => {});
      this.slices.push(slice);
      this.notify();
    }
  }

  private track(output: GitOutput): void {
    this.outputs.add(output);
    void output.ended.then(() => this.outputs.delete(output));
    if (this.stopped) output.stop();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
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

