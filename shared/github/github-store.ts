// Writes GitHub answers into the store. Each exported writer is called inside one
// transaction by the ingest, so a unit (a listing page, one repository's detail) is
// either stored whole or not at all.
import { isBot } from '../analyses/bots';
import type { Db } from '../store/open';
import { setSyncState } from '../store/repositories';
import type { ContributorItem, DetailNode, IssueNode, OwnerInfo, PullRequestNode, RepositoryNode } from './schemas';
import { githubRepositoryKey } from './target';

export interface OwnerRow {
  id: number;
  host: string;
  login: string;
  kind: string | null;
  name: string | null;
  description: string | null;
  total_repositories: number | null;
  pass: number;
  pass_cursor: string | null;
  listed_at: string | null;
  synced_at: string | null;
}

/** Per-kind change markers derived from one listing node; compared with what was synced. */
export interface Fingerprint {
  head: string;
  issues: string;
  pulls: string;
  releases: string;
}

export const SYNC_KINDS = ['head', 'issues', 'pulls', 'releases'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

const NOW_SQL = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

export function findOwner(db: Db, host: string, login: string): OwnerRow | undefined {
  return db.prepare('select * from github_owners where host = ? and login = ?').get(host, login) as OwnerRow | undefined;
}

export function upsertOwner(db: Db, host: string, info: OwnerInfo): OwnerRow {
  db.prepare(
    `insert into github_owners (host, login, kind, name, description) values (?, ?, ?, ?, ?)
     on conflict (host, login) do update set login = excluded.login, kind = excluded.kind, name = excluded.name, description = excluded.description`,
  ).run(host, info.login, info.__typename, info.name ?? null, info.description ?? info.bio ?? null);
  return findOwner(db, host, info.login) as OwnerRow;
}

export function startListingPass(db: Db, ownerId: number): void {
  db.prepare(`update github_owners set pass = pass + 1, pass_cursor = '' where id = ?`).run(ownerId);
}

export function saveListingCursor(db: Db, ownerId: number, cursor: string, total: number): void {
  db.prepare('update github_owners set pass_cursor = ?, total_repositories = ? where id = ?').run(cursor, total, ownerId);
}

/** Ends a complete listing pass: repositories it did not see are marked removed. */
export function finishListingPass(db: Db, owner: OwnerRow): number {
  const removed = db.prepare('update github_repositories set removed = 1 where owner_id = ? and seen_pass < ? and removed = 0').run(owner.id, owner.pass).changes;
  db.prepare(`update github_owners set pass_cursor = null, listed_at = ${NOW_SQL} where id = ?`).run(owner.id);
  return removed;
}

export function markOwnerSynced(db: Db, ownerId: number): void {
  db.prepare(`update github_owners set synced_at = ${NOW_SQL} where id = ?`).run(ownerId);
}

export function fingerprintOf(node: RepositoryNode): Fingerprint {
  return {
    head: node.defaultBranchRef?.target?.oid ?? 'empty',
    issues: `${node.latestIssue?.nodes[0]?.updatedAt ?? '-'}|${node.openIssues?.totalCount ?? 0}|${node.closedIssues?.totalCount ?? 0}`,
    pulls: `${node.latestPullRequest?.nodes[0]?.updatedAt ?? '-'}|${node.openPullRequests?.totalCount ?? 0}|${node.mergedPullRequests?.totalCount ?? 0}`,
    releases: `${node.releases?.totalCount ?? 0}|${node.latestRelease?.tagName ?? '-'}|${node.latestRelease?.publishedAt ?? '-'}`,
  };
}

/** Stores one repository from a listing page; returns its repositories.id. */
export function upsertListedRepository(db: Db, host: string, owner: OwnerRow, node: RepositoryNode): number {
  const ownerLogin = node.owner.login;
  const key = githubRepositoryKey(host, ownerLogin, node.name);
  const head = node.defaultBranchRef?.target?.oid ?? null;
  const { id } = db
    .prepare(
      `insert into repositories (key, source, owner, name, description, default_branch, head_sha)
       values (?, 'github', ?, ?, ?, ?, ?)
       on conflict (key) do update set owner = excluded.owner, name = excluded.name, description = excluded.description,
         default_branch = excluded.default_branch, head_sha = excluded.head_sha, updated_at = ${NOW_SQL}
       returning id`,
    )
    .get(key, ownerLogin, node.name, node.description ?? null, node.defaultBranchRef?.name ?? null, head) as { id: number };
  const languages = (node.languages?.edges ?? []).map((e) => ({ name: e.node.name, bytes: e.size }));
  const topics = (node.repositoryTopics?.nodes ?? []).map((n) => n.topic.name);
  const rootEntries = (node.root?.entries ?? []).map((e) => (e.type === 'tree' ? `${e.name}/` : e.name));
  db.prepare(
    `insert into github_repositories (repo_id, owner_id, node_id, url, homepage, is_fork, is_archived, is_private, is_template,
        stars, forks, watchers, open_issues, open_pull_requests, closed_issues, merged_pull_requests, releases,
        primary_language, license_spdx, head_oid, disk_kb, gh_created_at, gh_updated_at, pushed_at,
        topics_json, languages_json, community_json, fingerprint, seen_pass, removed)
     values (@repoId, @ownerId, @nodeId, @url, @homepage, @fork, @archived, @private, @template,
        @stars, @forks, @watchers, @openIssues, @openPrs, @closedIssues, @mergedPrs, @releases,
        @language, @license, @head, @disk, @createdAt, @updatedAt, @pushedAt,
        @topics, @languages, @community, @fingerprint, @pass, 0)
     on conflict (repo_id) do update set owner_id = excluded.owner_id, node_id = excluded.node_id, url = excluded.url,
        homepage = excluded.homepage, is_fork = excluded.is_fork, is_archived = excluded.is_archived, is_private = excluded.is_private,
        is_template = excluded.is_template, stars = excluded.stars, forks = excluded.forks, watchers = excluded.watchers,
        open_issues = excluded.open_issues, open_pull_requests = excluded.open_pull_requests, closed_issues = excluded.closed_issues,
        merged_pull_requests = excluded.merged_pull_requests, releases = excluded.releases, primary_language = excluded.primary_language,
        license_spdx = excluded.license_spdx, head_oid = excluded.head_oid, disk_kb = excluded.disk_kb,
        gh_created_at = excluded.gh_created_at, gh_updated_at = excluded.gh_updated_at, pushed_at = excluded.pushed_at,
        topics_json = excluded.topics_json, languages_json = excluded.languages_json,
        -- The listing knows the root folder only; keep the deeper tree the detail pass stored.
        community_json = json_set(github_repositories.community_json, '$.root', json(json_extract(excluded.community_json, '$.root'))),
        fingerprint = excluded.fingerprint, seen_pass = excluded.seen_pass, removed = 0`,
  ).run({
    repoId: id,
    ownerId: owner.id,
    nodeId: node.id,
    url: node.url ?? null,
    homepage: node.homepageUrl || null,
    fork: node.isFork ? 1 : 0,
    archived: node.isArchived ? 1 : 0,
    private: node.isPrivate ? 1 : 0,
    template: node.isTemplate ? 1 : 0,
    stars: node.stargazerCount,
    forks: node.forkCount,
    watchers: node.watchers?.totalCount ?? 0,
    openIssues: node.openIssues?.totalCount ?? 0,
    openPrs: node.openPullRequests?.totalCount ?? 0,
    closedIssues: node.closedIssues?.totalCount ?? 0,
    mergedPrs: node.mergedPullRequests?.totalCount ?? 0,
    releases: node.releases?.totalCount ?? 0,
    language: node.primaryLanguage?.name ?? null,
    license: node.licenseInfo?.spdxId ?? null,
    head,
    disk: node.diskUsage ?? null,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    pushedAt: node.pushedAt ?? null,
    topics: JSON.stringify(topics),
    languages: JSON.stringify(languages),
    community: JSON.stringify({ root: rootEntries }),
    fingerprint: JSON.stringify(fingerprintOf(node)),
    pass: owner.pass,
  });
  return id;
}

/** Account id for a login (created on first sight); null for deleted users ("ghost"). */
export class AccountWriter {
  private readonly cache = new Map<string, number>();
  private readonly insert;
  constructor(
    db: Db,
    private readonly host: string,
  ) {
    this.insert = db.prepare(
      `insert into github_accounts (host, login, kind, is_bot) values (?, ?, ?, ?)
       on conflict (host, login) do update set kind = case when excluded.kind = 'User' then github_accounts.kind else excluded.kind end,
         is_bot = max(github_accounts.is_bot, excluded.is_bot)
       returning id`,
    );
  }

  id(actor: { login?: string | null; __typename?: string | undefined; type?: string | undefined } | null | undefined): number | null {
    const login = actor?.login;
    if (!login) return null;
    const kind = actor.__typename ?? actor.type ?? 'User';
    const key = `${login.toLowerCase()}|${kind}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const bot = kind === 'Bot' || isBot(login, '') ? 1 : 0;
    const row = this.insert.get(this.host, login, kind, bot) as { id: number };
    this.cache.set(key, row.id);
    return row.id;
  }
}

const unix = (iso: string | null | undefined): number | null => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

type Response = { createdAt: string; author?: { login: string; __typename?: string | undefined } | null | undefined } | null;

/** The first answer by someone other than the author and not a bot, unix seconds. */
function firstResponse(authorLogin: string | undefined, ...lists: (Response[] | undefined)[]): number | null {
  let first: number | null = null;
  for (const list of lists) {
    for (const item of list ?? []) {
      const login = item?.author?.login;
      if (!item || !login || login === authorLogin) continue;
      if (item.author?.__typename === 'Bot' || isBot(login, '')) continue;
      const t = unix(item.createdAt);
      if (t !== null && (first === null || t < first)) first = t;
    }
  }
  return first;
}

export interface DetailWrite {
  repoId: number;
  node: DetailNode;
  contributors: ContributorItem[] | null;
  /** The fingerprint kinds this detail covers, with the listing values to record as synced. */
  synced: Partial<Record<SyncKind, string>>;
  readmePath: string | null;
  citationPath: string | null;
}

/** Stores one repository's detail and marks each kind it covers as synced. */
export function writeRepositoryDetail(db: Db, accounts: AccountWriter, write: DetailWrite): void {
  const { repoId, node } = write;
  if (write.synced.head !== undefined) {
    const tree = (node.tree?.entries ?? []).flatMap((e) =>
      e.type === 'tree' ? [`${e.name}/`, ...(e.object?.entries ?? []).map((c) => `${e.name}/${c.name}${c.type === 'tree' ? '/' : ''}`)] : [e.name],
    );
    const workflows = (node.workflows?.entries ?? []).filter((e) => e.type === 'blob').map((e) => `.github/workflows/${e.name}`);
    db.prepare('update github_repositories set community_json = ? where repo_id = ?').run(JSON.stringify({ root: tree.filter((p) => !p.slice(0, -1).includes('/')), tree: [...tree, ...workflows] }), repoId);
    writeDocument(db, repoId, 'readme', write.readmePath, node.readme);
    writeDocument(db, repoId, 'citation', write.citationPath, node.citation);
    const history = node.defaultBranchRef?.target?.history;
    if (history) {
      const insert = db.prepare(
        `insert into github_commits (repo_id, oid, committed_at, author_account_id, author_name, additions, deletions) values (?, ?, ?, ?, ?, ?, ?)
         on conflict (repo_id, oid) do nothing`,
      );
      for (const c of history.nodes) {
        if (!c) continue;
        insert.run(repoId, c.oid, unix(c.committedDate), accounts.id(c.author?.user ? { login: c.author.user.login } : null), c.author?.name ?? null, c.additions, c.deletions);
      }
      setSyncState(db, repoId, 'github.commits.total', String(history.totalCount));
    }
    if (write.contributors) {
      db.prepare('delete from github_contributions where repo_id = ?').run(repoId);
      const insert = db.prepare('insert into github_contributions (repo_id, account_id, contributions) values (?, ?, ?) on conflict do update set contributions = contributions + excluded.contributions');
      for (const c of write.contributors) {
        const id = accounts.id({ login: c.login ?? null, type: c.type });
        if (id !== null) insert.run(repoId, id, c.contributions);
      }
    }
  }
  if (write.synced.issues !== undefined) {
    let latest = 0;
    for (const issue of node.issues?.nodes ?? []) {
      if (!issue) continue;
      writeIssue(db, accounts, repoId, issue);
      latest = Math.max(latest, unix(issue.updatedAt) ?? 0);
    }
    if (latest > 0) {
      const previous = Number(db.prepare(`select value from sync_state where repo_id = ? and kind = 'github.issues.since'`).pluck().get(repoId) ?? 0);
      if (latest > previous) setSyncState(db, repoId, 'github.issues.since', String(latest));
    }
  }
  if (write.synced.pulls !== undefined) {
    for (const pr of node.pullRequests?.nodes ?? []) if (pr) writePullRequest(db, accounts, repoId, pr);
  }
  if (write.synced.releases !== undefined && node.releases) {
    const insert = db.prepare(
      `insert into github_releases (repo_id, tag_name, name, published_at, is_prerelease) values (?, ?, ?, ?, ?)
       on conflict (repo_id, tag_name) do update set name = excluded.name, published_at = excluded.published_at, is_prerelease = excluded.is_prerelease`,
    );
    for (const r of node.releases.nodes) {
      if (!r || r.isDraft) continue;
      insert.run(repoId, r.tagName, r.name ?? null, unix(r.publishedAt), r.isPrerelease ? 1 : 0);
    }
  }
  for (const [kind, value] of Object.entries(write.synced)) setSyncState(db, repoId, `github.${kind}`, value);
  db.prepare(`delete from research where repo_id = ?`).run(repoId);
}

const MAX_DOCUMENT_CHARS = 64 * 1024;

function writeDocument(db: Db, repoId: number, kind: 'readme' | 'citation', path: string | null, blob: DetailNode['readme']): void {
  db.prepare('delete from github_documents where repo_id = ? and kind = ?').run(repoId, kind);
  if (!path || !blob || blob.isBinary || typeof blob.text !== 'string') return;
  db.prepare('insert into github_documents (repo_id, kind, path, oid, text) values (?, ?, ?, ?, ?)').run(repoId, kind, path, blob.oid ?? null, blob.text.slice(0, MAX_DOCUMENT_CHARS));
}

function labelsJson(labels: { nodes: ({ name: string } | null)[] } | null | undefined): string {
  return JSON.stringify((labels?.nodes ?? []).flatMap((l) => (l ? [l.name] : [])));
}

function writeIssue(db: Db, accounts: AccountWriter, repoId: number, issue: IssueNode): void {
  db.prepare(
    `insert into github_issues (repo_id, number, state, title, author_account_id, created_at, updated_at, closed_at, first_response_at, comments, labels_json)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (repo_id, number) do update set state = excluded.state, title = excluded.title, author_account_id = excluded.author_account_id,
       updated_at = excluded.updated_at, closed_at = excluded.closed_at,
       first_response_at = coalesce(github_issues.first_response_at, excluded.first_response_at),
       comments = excluded.comments, labels_json = excluded.labels_json`,
  ).run(
    repoId,
    issue.number,
    issue.state,
    issue.title,
    accounts.id(issue.author),
    unix(issue.createdAt),
    unix(issue.updatedAt),
    unix(issue.closedAt),
    firstResponse(issue.author?.login, issue.comments?.nodes),
    issue.comments?.totalCount ?? issue.comments?.nodes.length ?? 0,
    labelsJson(issue.labels),
  );
}

function writePullRequest(db: Db, accounts: AccountWriter, repoId: number, pr: PullRequestNode): void {
  const state = pr.mergedAt ? 'MERGED' : pr.state;
  db.prepare(
    `insert into pull_requests (repo_id, number, source, title, merged_at, head_ref, additions, deletions, files_changed,
        state, created_at, updated_at, closed_at, first_response_at, author_account_id, labels_json)
     values (?, ?, 'github', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (repo_id, number) do update set source = 'github', title = excluded.title, merged_at = excluded.merged_at,
       head_ref = excluded.head_ref, additions = excluded.additions, deletions = excluded.deletions, files_changed = excluded.files_changed,
       state = excluded.state, updated_at = excluded.updated_at, closed_at = excluded.closed_at,
       first_response_at = coalesce(pull_requests.first_response_at, excluded.first_response_at),
       author_account_id = excluded.author_account_id, labels_json = excluded.labels_json`,
  ).run(
    repoId,
    pr.number,
    pr.title,
    unix(pr.mergedAt),
    pr.headRefName ?? null,
    pr.additions,
    pr.deletions,
    pr.changedFiles,
    state,
    unix(pr.createdAt),
    unix(pr.updatedAt),
    unix(pr.closedAt),
    firstResponse(pr.author?.login, pr.comments?.nodes, pr.reviews?.nodes),
    accounts.id(pr.author),
    labelsJson(pr.labels),
  );
}
