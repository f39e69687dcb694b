import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
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
 * rename detection, and merges diffed against their first parent.
 */
export function logArgs(head: string, exclude: string | null): string[] {
  const args = [
    '-c',
    'core.quotepath=off',
    'log',
    `--format=${RECORD}%H${FIELD}%P${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%ct${FIELD}%s`,
    '--numstat',
    '-z',
    '-M',
    '--diff-merges=first-parent',
    head,
  ];
  if (exclude) args.push(`^${exclude}`);
  args.push('--');
  return args;
}

/**
 * Streams the commits reachable from `head` (newest first), excluding those reachable
 * from `exclude`. Holds one commit in memory at a time, however long the history.
 * `head` and `exclude` must be commit SHAs (validated by the caller).
 */
export async function* readLog(
  repoDir: string,
  head: string,
  exclude: string | null,
  signal?: AbortSignal,
): AsyncGenerator<CommitRecord> {
  const args = logArgs(head, exclude);
  const child = spawn('git', args, { cwd: repoDir, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'], ...(signal ? { signal } : {}) });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let spawnError: NodeJS.ErrnoException | null = null;
  child.on('error', (error) => (spawnError = error));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));

  const decoder = new StringDecoder('utf8');
  const parser = new LogParser();
  let rest = '';
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
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
    const last = parser.finish();
    if (last) yield last;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const exitCode = await exited;
  if (spawnError) throw translateSpawnError(spawnError);
  if (exitCode !== 0) throw gitFailed(args.slice(2), exitCode, Buffer.concat(stderr).toString('utf8'));
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
