import type { TreeEntry } from '../git/tree';
import type { Db } from '../store/open';
import type { AnalysisContext } from './context';

/**
 * What a local clone offers the analyses: its history as stored (through the context), the
 * tree at HEAD, and a reader for one file at HEAD (the licence text).
 */
export interface LocalSource {
  ctx: AnalysisContext;
  headSha: string;
  tree: TreeEntry[];
  /** The file's text at HEAD, or null when it cannot be read. */
  readFile(path: string): Promise<string | null>;
}

/** One GitHub repository's stored rows, as the research reads them. */
export interface GitHubRepositoryRow {
  id: number;
  key: string;
  owner: string;
  name: string;
  description: string | null;
  default_branch: string | null;
  head_oid: string | null;
  url: string | null;
  is_fork: number;
  is_archived: number;
  stars: number;
  forks: number;
  open_issues: number;
  open_pull_requests: number;
  merged_pull_requests: number;
  releases: number;
  primary_language: string | null;
  license_spdx: string | null;
  gh_created_at: string | null;
  pushed_at: string | null;
  topics_json: string;
  languages_json: string;
  community_json: string;
}

/** A commit of the window as the GitHub ingest stored it, with its author's login (or name). */
export interface GitHubCommit {
  committed_at: number;
  additions: number;
  deletions: number;
  author_account_id: number | null;
  who: string;
  is_bot: number;
}

export type Statements = (source: string) => ReturnType<Db['prepare']>;

/**
 * What a GitHub repository offers the analyses: its stored rows (through `sql`, statements
 * prepared once per database) and the commits of the window, read once for all of them.
 */
export interface GitHubSource {
  sql: Statements;
  row: GitHubRepositoryRow;
  now: number;
  windowMonths: number;
  windowStart: number;
  /** Commits in the window, oldest first. */
  commits: GitHubCommit[];
}

const cachedStatements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

/**
 * Statements prepared once per database: an organization's research runs the same handful
 * of queries for each of its (thousands of) repositories, and preparing them each time
 * cost more than running them.
 */
export function statementsFor(db: Db): Statements {
  let cache = cachedStatements.get(db);
  if (!cache) {
    cache = new Map();
    cachedStatements.set(db, cache);
  }
  const known = cache;
  return (source) => {
    let statement = known.get(source);
    if (!statement) {
      statement = db.prepare(source);
      known.set(source, statement);
    }
    return statement;
  };
}

/** Reads what every GitHub analysis shares: the window's commits. */
export function gitHubSource(db: Db, row: GitHubRepositoryRow, { now, windowMonths, windowStart }: { now: number; windowMonths: number; windowStart: number }): GitHubSource {
  const sql = statementsFor(db);
  const commits = sql(
    `select c.committed_at, c.additions, c.deletions, c.author_account_id, coalesce(a.login, c.author_name, 'unknown') as who, coalesce(a.is_bot, 0) as is_bot
       from github_commits c left join github_accounts a on a.id = c.author_account_id
      where c.repo_id = ? and c.committed_at >= ? order by c.committed_at`,
  ).all(row.id, windowStart) as GitHubCommit[];
  return { sql, row, now, windowMonths, windowStart, commits };
}

export const unixOf = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);
