import { RepoScoutError, throwIfAborted } from '../errors';
import { readHistory, type CommitRecord, type HistoryRead } from '../git/log';
import { isAncestor, listTags, type LocalRepository } from '../git/repository';
import { runGit } from '../git/run';
import { isBot } from '../analyses/bots';
import { parsePullRequestSubject } from '../analyses/pull-request-subjects';
import type { Db, Store } from '../store/open';
import { findRepositoryByKey, getSyncState, localRepositoryKey, setSyncState } from '../store/repositories';

export interface Progress {
  done: number;
  total: number;
  message: string;
}

export interface IngestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** git processes reading history at once; default one per core (see readHistory). */
  gitProcesses?: number;
}

export interface IngestResult {
  repoId: number;
  /** Commits read by this run: all of them the first time, only new ones afterwards. */
  newCommits: number;
  /** True when history was rewritten since the last run and was read again from scratch. */
  rewritten: boolean;
}

const HEAD_STATE = 'local.head';
const PROGRESS_EVERY = 2_000;
/** From this many commits a run drops and rebuilds the history indexes (see dropIndexesForBulkLoad). */
const BULK_LOAD_COMMITS = 5_000;

/**
 * Reads the history of a local clone into the store. The whole run is one write
 * transaction: if it is interrupted, the database keeps its previous good state.
 * A re-run reads only the commits that are new since the last successful run.
 */
export async function ingestLocalRepository(store: Store, repo: LocalRepository, options: IngestOptions = {}): Promise<IngestResult> {
  const { db } = store;
  const { signal } = options;
  const existing = findRepositoryByKey(db, localRepositoryKey(repo.root));
  const previousHead = existing ? getSyncState(db, existing.id, HEAD_STATE) : null;
  if (existing && previousHead === repo.headSha) {
    return { repoId: existing.id, newCommits: 0, rewritten: false };
  }
  const incremental = previousHead !== null && (await isAncestor(repo.root, previousHead, repo.headSha));
  const exclude = incremental ? previousHead : null;
  // git starts diffing the newest commits at once, while the full list is made for the other
  // processes; the PR titles and tags are applied after the read, so reading them overlaps it.
  const history = readHistory(repo.root, repo.headSha, exclude, { ...(signal ? { signal } : {}), ...(options.gitProcesses ? { processes: options.gitProcesses } : {}) });
  try {
    const total = await history.total;
    const mergeTitles = readMergeTitles(repo.root, repo.headSha, exclude, signal);
    mergeTitles.catch(() => {}); // awaited below; a failure while the read fails first is not unhandled
    const tags = listTags(repo.root);
    tags.catch(() => {});
    throwIfAborted(signal);
    return await writeHistory(store, repo, { history, total, incremental, mergeTitles, tags, previousHead }, options);
  } finally {
    history.stop();
  }
}

/** The one write transaction of an ingest: commits as they are read, then titles, authors, tags, head. */
async function writeHistory(
  store: Store,
  repo: LocalRepository,
  read: { history: HistoryRead; total: number; incremental: boolean; mergeTitles: Promise<Map<string, string>>; tags: ReturnType<typeof listTags>; previousHead: string | null },
  { signal, onProgress }: IngestOptions,
): Promise<IngestResult> {
  const { db } = store;
  const { total } = read;
  beginImmediate(db, store.path);
  try {
    const repoId = upsertRepository(db, repo);
    if (!read.incremental) clearHistory(db, repoId);
    const indexes = total >= BULK_LOAD_COMMITS ? dropIndexesForBulkLoad(db, total) : [];
    const writer = new HistoryWriter(db, repoId);
    let done = 0;
    onProgress?.({ done, total, message: 'reading history' });
    for await (const commit of read.history.commits) {
      writer.add(commit);
      done += 1;
      if (done % PROGRESS_EVERY === 0) {
        throwIfAborted(signal);
        onProgress?.({ done, total, message: 'reading history' });
      }
    }
    throwIfAborted(signal);
    for (const sql of indexes) db.exec(sql);
    writer.applyMergeTitles(await read.mergeTitles);
    writer.resolveMergeAuthors();
    replaceTags(db, repoId, await read.tags);
    setSyncState(db, repoId, HEAD_STATE, repo.headSha);
    onProgress?.({ done, total, message: 'history read' });
    db.exec('commit');
    return { repoId, newCommits: done, rewritten: read.previousHead !== null && !read.incremental };
  } catch (error) {
    if (db.inTransaction) db.exec('rollback');
    if (signal?.aborted) throwIfAborted(signal);
    throw error;
  }
}

/**
 * Inserting into a table's secondary indexes row by row costs about as much as the rows
 * themselves; building an index once from sorted rows costs a fraction. When this run adds
 * more commits than the store already holds, drop the history tables' secondary indexes
 * for the load and return the statements that rebuild them (same transaction, so a
 * reader or a rollback never sees them missing). Unique constraints stay: they are checked.
 */
function dropIndexesForBulkLoad(db: Db, adding: number): string[] {
  const held = (db.prepare('select count(*) as n from commits').get() as { n: number }).n;
  if (held > adding) return [];
  const indexes = db
    .prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name in ('commits', 'file_changes') and sql is not null`)
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`drop index "${index.name.replace(/"/g, '""')}"`);
  return indexes.map((index) => index.sql);
}

function beginImmediate(db: Db, dbPath: string): void {
  try {
    db.exec('begin immediate');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY')) {
      throw new RepoScoutError('DB_BUSY', `Another RepoScout process is writing ${dbPath}; try again when it finishes.`, { cause: error });
    }
    if (code.startsWith('SQLITE_READONLY')) {
      throw new RepoScoutError('DB_READ_ONLY', `Cannot write the database at ${dbPath} (${code}); the database needs a writable location.`, { cause: error, remedy: { do: 'fix_input', input: 'db' } });
    }
    throw error;
  }
}

function upsertRepository(db: Db, repo: LocalRepository): number {
  const row = db
    .prepare(
      `insert into repositories (key, source, name, path, default_branch, head_sha, is_shallow)
       values (@key, 'local', @name, @path, @branch, @head, @shallow)
       on conflict (key) do update set name = excluded.name, path = excluded.path,
         default_branch = excluded.default_branch, head_sha = excluded.head_sha,
         is_shallow = excluded.is_shallow, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       returning id`,
    )
    .get({ key: localRepositoryKey(repo.root), name: repo.name, path: repo.root, branch: repo.branch, head: repo.headSha, shallow: repo.isShallow ? 1 : 0 }) as { id: number };
  return row.id;
}

/** History was rewritten (rebase, force-push): forget it and read it again. */
function clearHistory(db: Db, repoId: number): void {
  db.prepare('delete from pull_requests where repo_id = ?').run(repoId);
  db.prepare('delete from file_changes where commit_id in (select id from commits where repo_id = ?)').run(repoId);
  db.prepare('delete from commits where repo_id = ?').run(repoId);
  db.prepare('delete from paths where repo_id = ?').run(repoId);
  db.prepare('delete from research where repo_id = ?').run(repoId);
}

function replaceTags(db: Db, repoId: number, tags: Awaited<ReturnType<typeof listTags>>): void {
  db.prepare('delete from tags where repo_id = ?').run(repoId);
  const insert = db.prepare('insert into tags (repo_id, name, sha, tagged_at) values (?, ?, ?, ?)');
  for (const tag of tags) insert.run(repoId, tag.name, tag.sha, tag.taggedAt);
}

/**
 * GitHub puts a merged PR's title on the first body line of its merge commit. Read
 * just those bodies (merge commits whose subject says so), not every commit's body.
 */
async function readMergeTitles(root: string, head: string, exclude: string | null, signal?: AbortSignal): Promise<Map<string, string>> {
  const args = ['log', '--merges', '--grep=^Merge pull request #', '--format=%H%x1f%b%x00', head];
  if (exclude) args.push(`^${exclude}`);
  args.push('--');
  const { stdout } = await runGit(root, args, signal ? { signal } : {});
  const titles = new Map<string, string>();
  for (const record of stdout.toString('utf8').split('\0')) {
    const [sha, body = ''] = record.replace(/^\n/, '').split('\x1f');
    const title = body.split('\n').find((line) => line.trim() !== '')?.trim();
    if (sha && title) titles.set(sha, title);
  }
  return titles;
}

/** Inserts commits, people, paths, file changes and reconstructed PRs with cached statements. */
export class HistoryWriter {
  private readonly people = new Map<string, number>();
  private readonly paths = new Map<string, number>();
  private readonly insertPerson;
  private readonly insertPath;
  private readonly insertCommit;
  private readonly insertChange;
  private readonly insertPullRequest;

  constructor(
    private readonly db: Db,
    private readonly repoId: number,
  ) {
    for (const row of db.prepare('select id, email from people').all() as { id: number; email: string }[]) this.people.set(row.email, row.id);
    for (const row of db.prepare('select id, path from paths where repo_id = ?').all(repoId) as { id: number; path: string }[]) this.paths.set(row.path, row.id);
    this.insertPerson = db.prepare('insert into people (email, name, is_bot) values (?, ?, ?) returning id');
    this.insertPath = db.prepare('insert into paths (repo_id, path) values (?, ?) returning id');
    this.insertCommit = db.prepare(
      `insert into commits (repo_id, sha, author_id, authored_at, committed_at, parent_count, first_parent, second_parent, subject, additions, deletions, files_changed)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (repo_id, sha) do nothing returning id`,
    );
    this.insertChange = db.prepare('insert into file_changes (commit_id, path_id, old_path_id, additions, deletions) values (?, ?, ?, ?, ?)');
    this.insertPullRequest = db.prepare(
      `insert into pull_requests (repo_id, number, source, title, author_id, merged_at, commit_id, head_ref, additions, deletions, files_changed)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (repo_id, number) do nothing`,
    );
  }

  add(commit: CommitRecord): void {
    const authorId = this.person(commit.authorName, commit.authorEmail);
    let additions = 0;
    let deletions = 0;
    for (const file of commit.files) {
      additions += file.additions ?? 0;
      deletions += file.deletions ?? 0;
    }
    const inserted = this.insertCommit.get(
      this.repoId,
      commit.sha,
      authorId,
      commit.authoredAt,
      commit.committedAt,
      commit.parents.length,
      commit.parents[0] ?? null,
      commit.parents[1] ?? null,
      commit.subject,
      additions,
      deletions,
      commit.files.length,
    ) as { id: number } | undefined;
    if (!inserted) return;
    for (const file of commit.files) {
      this.insertChange.run(inserted.id, this.path(file.path), file.oldPath === null ? null : this.path(file.oldPath), file.additions, file.deletions);
    }
    const pr = parsePullRequestSubject(commit.subject, commit.parents.length);
    if (pr) {
      // A merge commit's author clicked the button; the PR's author is resolved from its branch later.
      // Its title is the merge's body line, applied once read (applyMergeTitles).
      const prAuthor = pr.source === 'squash' ? authorId : null;
      this.insertPullRequest.run(this.repoId, pr.number, pr.source, pr.title, prAuthor, commit.committedAt, inserted.id, pr.headRef, additions, deletions, commit.files.length);
    }
  }

  /** Puts GitHub's PR title (the first body line of its merge commit) on the PRs reconstructed from merges. */
  applyMergeTitles(titles: Map<string, string>): void {
    const update = this.db.prepare(
      `update pull_requests set title = ? where repo_id = ? and source = 'merge'
         and commit_id = (select id from commits where repo_id = ? and sha = ?)`,
    );
    for (const [sha, title] of titles) update.run(title, this.repoId, this.repoId, sha);
  }

  /** The author of a merged PR is the author of the branch tip it merged (the second parent). */
  resolveMergeAuthors(): void {
    this.db
      .prepare(
        `update pull_requests set author_id = coalesce(
           (select b.author_id from commits m join commits b on b.repo_id = m.repo_id and b.sha = m.second_parent where m.id = pull_requests.commit_id),
           (select m.author_id from commits m where m.id = pull_requests.commit_id))
         where repo_id = ? and source = 'merge' and author_id is null`,
      )
      .run(this.repoId);
  }

  private person(name: string, email: string): number {
    const key = (email.trim() || name.trim()).toLowerCase();
    const known = this.people.get(key);
    if (known !== undefined) return known;
    const row = this.insertPerson.get(key, name, isBot(name, email) ? 1 : 0) as { id: number };
    this.people.set(key, row.id);
    return row.id;
  }

  private path(filePath: string): number {
    const known = this.paths.get(filePath);
    if (known !== undefined) return known;
    const row = this.insertPath.get(this.repoId, filePath) as { id: number };
    this.paths.set(filePath, row.id);
    return row.id;
  }
}
