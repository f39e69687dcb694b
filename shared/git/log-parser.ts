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

/**
 * One `--raw` entry: `key` is its whole text (modes, full blob ids, status with score, then
 * the path or old and new paths), which fixes the file pair git diffs and so its numstat.
 */
export interface RawEntry {
  key: string;
  path: string;
  oldPath: string | null;
}

export const RECORD = '\x1e';
export const FIELD = '\x1f';

type Pending =
  | { kind: 'numstat'; additions: number | null; deletions: number | null; oldPath: string | null; stage: 1 | 2 }
  | { kind: 'raw'; text: string; paths: string[]; count: 1 | 2 };

/**
 * Turns the NUL-separated tokens of `git log -z --numstat [--raw]` into commits. A header
 * token starts with RECORD; a numstat token is "added\tdeleted\tpath", or "added\tdeleted\t"
 * followed by two tokens (old path, new path) for a rename; a raw token is ":modes blobs
 * status" followed by one path token, or two for a rename or copy. Raw entries are kept
 * beside the commit (see `rawOf`), not in it, so records are the same with or without them.
 */
export class LogParser {
  private current: CommitRecord | null = null;
  private currentRaw: RawEntry[] = [];
  private pending: Pending | null = null;
  private readonly raw = new WeakMap<CommitRecord, RawEntry[]>();

  /** Feeds one token; returns the previous commit when this token starts a new one. */
  push(raw: string): CommitRecord | null {
    const token = raw.charCodeAt(0) === 10 ? raw.slice(1) : raw;
    if (this.pending) {
      this.continuePending(this.pending, token);
      return null;
    }
    if (token.charCodeAt(0) === 0x1e) {
      const finished = this.current;
      if (finished && this.currentRaw.length > 0) this.raw.set(finished, this.currentRaw);
      this.current = parseHeader(token.slice(1));
      this.currentRaw = [];
      return finished;
    }
    if (token === '' || !this.current) return null;
    if (token.charCodeAt(0) === 0x3a /* ':' */) {
      const status = token.charCodeAt(token.lastIndexOf(' ') + 1);
      // R(ename) and C(opy) name the old path and then the new one.
      this.pending = { kind: 'raw', text: token, paths: [], count: status === 0x52 || status === 0x43 ? 2 : 1 };
      return null;
    }
    const firstTab = token.indexOf('\t');
    const secondTab = token.indexOf('\t', firstTab + 1);
    if (firstTab < 0 || secondTab < 0) return null;
    const additions = parseCount(token.slice(0, firstTab));
    const deletions = parseCount(token.slice(firstTab + 1, secondTab));
    const path = token.slice(secondTab + 1);
    if (path === '') {
      this.pending = { kind: 'numstat', additions, deletions, oldPath: null, stage: 1 };
    } else {
      this.current.files.push({ path, oldPath: null, additions, deletions });
    }
    return null;
  }

  /** Returns the last commit once the stream has ended. */
  finish(): CommitRecord | null {
    const last = this.current;
    if (last && this.currentRaw.length > 0) this.raw.set(last, this.currentRaw);
    this.current = null;
    this.currentRaw = [];
    return last;
  }

  /** The `--raw` entries of a commit this parser returned, in git's order (empty without --raw). */
  rawOf(commit: CommitRecord): readonly RawEntry[] {
    return this.raw.get(commit) ?? [];
  }

  private continuePending(pending: Pending, token: string): void {
    if (pending.kind === 'raw') {
      pending.paths.push(token);
      if (pending.paths.length < pending.count) return;
      const [first = '', second] = pending.paths;
      this.currentRaw.push({ key: `${pending.text}\0${pending.paths.join('\0')}`, path: second ?? first, oldPath: second === undefined ? null : first });
      this.pending = null;
    } else if (pending.stage === 1) {
      pending.oldPath = token;
      pending.stage = 2;
    } else {
      this.current?.files.push({ path: token, oldPath: pending.oldPath, additions: pending.additions, deletions: pending.deletions });
      this.pending = null;
    }
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
