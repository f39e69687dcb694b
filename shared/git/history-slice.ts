import { RepoScoutError } from '../errors';
import { GitOutput, parseOutput } from './git-output';
import { FIELD, LogParser, RECORD, type CommitRecord, type FileChange, type RawEntry } from './log-parser';

// Diffing merges against their first parent is the costliest part of reading a history like
// git/git's (a quarter of its commits are topic merges of large, long-lived files): the merge's
// diff repeats, file by file, diffs git has just made for the topic's own commits. A file's
// numstat depends only on the file pair git diffs (both blobs, modes, paths, rename status), and
// `--raw` names that pair without reading any content. So a slice of history is read as:
//   1. every commit with --raw and --numstat, merges without a diff (as plain `git log` shows them);
//   2. the merges' first-parent diffs with --raw only (trees, no blob content: cheap);
//   3. full numstat, from git, only for merges with a file pair no commit of the slice diffed.
// The result is the same records the one-process reader gives (tests compare them).

const HEADER = `--format=${RECORD}%H${FIELD}%P${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%ct${FIELD}%s`;
const COMMON = ['-c', 'core.quotepath=off', 'log', '-z', '-M'];

/** Step 1: every commit's header and numstat with its raw entries; merges shown without a diff. */
export const sliceArgs = (revisions: string[]): string[] => [...COMMON, HEADER, '--raw', '--no-abbrev', '--numstat', '--diff-merges=off', ...revisions, '--'];
/** Step 2: the merges' first-parent file pairs. */
const MERGE_RAW_ARGS = [...COMMON, `--format=${RECORD}%H`, '--raw', '--no-abbrev', '--diff-merges=first-parent', '--no-walk=unsorted', '--stdin', '--'];
/** Step 3: the merges' first-parent numstat, from git (the one-process reader's arguments). */
const MERGE_NUMSTAT_ARGS = [...COMMON, `--format=${RECORD}%H`, '--numstat', '--diff-merges=first-parent', '--no-walk=unsorted', '--stdin', '--'];

/** Numstat of file pairs, learnt from commits whose raw entries and numstat lines both name them. */
export class NumstatCache {
  private readonly known = new Map<string, FileChange>();

  /** Learns a non-merge commit's pairs. Skips a commit whose two lists do not line up one to one. */
  learn(raw: readonly RawEntry[], files: readonly FileChange[]): void {
    if (raw.length !== files.length) return;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i]!.path !== files[i]!.path || raw[i]!.oldPath !== files[i]!.oldPath) return;
    }
    for (let i = 0; i < raw.length; i++) this.known.set(raw[i]!.key, files[i]!);
  }

  /** The numstat lines git would print for these raw entries, or null if one pair is unknown. */
  resolve(raw: readonly RawEntry[]): FileChange[] | null {
    const files: FileChange[] = [];
    for (const entry of raw) {
      const known = this.known.get(entry.key);
      if (!known) return null;
      files.push({ path: entry.path, oldPath: entry.oldPath, additions: known.additions, deletions: known.deletions });
    }
    return files;
  }
}

/** The git processes of one slice, so that `stop` reaches whichever is running. */
export interface SliceProcesses {
  track(output: GitOutput): void;
}

/**
 * Reads one slice of history (`revisions`, with `input` on stdin when they include --stdin)
 * in the three steps above and returns its commits in git's order, merges with their
 * first-parent numstat, exactly as `git log --numstat -M --diff-merges=first-parent` gives them.
 */
export async function readSlice(repoDir: string, revisions: string[], input: string | null, processes: SliceProcesses, signal?: AbortSignal): Promise<CommitRecord[]> {
  const commits: CommitRecord[] = [];
  const merges: CommitRecord[] = [];
  const cache = new NumstatCache();
  const parser = new LogParser();
  const take = (commit: CommitRecord): void => {
    commits.push(commit);
    if (commit.parents.length > 1) merges.push(commit);
    else cache.learn(parser.rawOf(commit), commit.files);
  };
  await readAll(repoDir, sliceArgs(revisions), input, parser, processes, take, signal);
  if (merges.length === 0) return commits;

  const unresolved: CommitRecord[] = [];
  const rawParser = new LogParser();
  await readMerges(repoDir, MERGE_RAW_ARGS, merges, rawParser, processes, (merge, diff) => {
    const files = cache.resolve(rawParser.rawOf(diff));
    if (files) merge.files = files;
    else unresolved.push(merge);
  }, signal);
  if (unresolved.length === 0) return commits;

  await readMerges(repoDir, MERGE_NUMSTAT_ARGS, unresolved, new LogParser(), processes, (merge, diff) => {
    merge.files = diff.files;
  }, signal);
  return commits;
}

/** Reads `merges` again with `args`, handing each to `take` with what git showed for it; all must be shown, in order. */
async function readMerges(repoDir: string, args: string[], merges: CommitRecord[], parser: LogParser, processes: SliceProcesses, take: (merge: CommitRecord, diff: CommitRecord) => void, signal?: AbortSignal): Promise<void> {
  let index = 0;
  await readAll(repoDir, args, `${merges.map((merge) => merge.sha).join('\n')}\n`, parser, processes, (diff) => {
    const merge = merges[index];
    if (merge?.sha !== diff.sha) throw new RepoScoutError('GIT_FAILED', `git log showed ${diff.sha} where merge ${merge?.sha ?? '(none)'} was asked for; run again, and report it if it repeats.`);
    index += 1;
    take(merge, diff);
  }, signal);
  if (index !== merges.length) throw new RepoScoutError('GIT_FAILED', `git log showed ${index} of ${merges.length} merges asked for; run again, and report it if it repeats.`);
}

async function readAll(repoDir: string, args: string[], input: string | null, parser: LogParser, processes: SliceProcesses, take: (commit: CommitRecord) => void, signal?: AbortSignal): Promise<void> {
  const output = new GitOutput(repoDir, args, input, signal);
  processes.track(output);
  try {
    for await (const commit of parseOutput(output, parser)) take(commit);
    const last = parser.finish();
    if (last) take(last);
  } finally {
    output.stop();
  }
}
