import { detectCommunityFiles } from '../analyses/community-files';
import { monthsBefore, isoTime } from '../analyses/time';
import { RepoScoutError, throwIfAborted } from '../errors';
import type { IngestGitHubResult } from '../protocol/tools/ingest-github';
import type { Progress } from '../research/ingest-local';
import type { Db, Store } from '../store/open';
import { getSyncState } from '../store/repositories';
import { remainingRateLimit, type GitHubClient } from './client';
import { isNotFound, translateGitHubError, type FailureContext } from './errors';
import {
  AccountWriter,
  findOwner,
  finishListingPass,
  markOwnerSynced,
  saveListingCursor,
  startListingPass,
  SYNC_KINDS,
  upsertListedRepository,
  upsertOwner,
  writeRepositoryDetail,
  type Fingerprint,
  type OwnerRow,
  type SyncKind,
} from './github-store';
import { forEachConcurrent } from './pool';
import { OWNER_REPOSITORIES_QUERY, repositoryDetailQuery, SINGLE_REPOSITORY_QUERY, type DetailRequest } from './queries';
import { contributorSchema, detailNodeSchema, ownerPageSchema, singleRepositorySchema, type ContributorItem } from './schemas';
import { parseGitHubTarget, type GitHubTarget } from './target';
import type { TransportStats } from './transport';

/** Progress of a GitHub ingest, with the scarcer remaining rate limit when known. */
export interface GitHubProgress extends Progress {
  rateLimit: { remaining: number; limit: number } | null;
}

export interface GitHubIngestOptions {
  signal?: AbortSignal;
  onProgress?: (progress: GitHubProgress) => void;
  /** Detail queries in flight at once (default 4). */
  concurrency?: number;
  /** Repositories per detail query (default 10). */
  batchSize?: number;
  /** Fetch per-repository detail (issues, PRs, releases, README, contributors); default true. */
  detail?: boolean;
  /** Commits are fetched for this recent window, in months (default 12). */
  windowMonths?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
  /** A listing newer than this is reused when resuming an unfinished detail pass (default 600 s). */
  relistAfterSeconds?: number;
}

/**
 * What one ingest did and what it cost: the fields of the ingest_github answer the engine knows
 * (the tool adds whether it was signed in, and the research), with the fuller cost, and `listed`:
 * true when the listing pass ran (false when a fresh listing was reused to resume).
 * `repositories` counts the owner's repositories known after this run (removed ones excluded),
 * `detailed` those whose detail was fetched, `unchanged` those skipped as unchanged since the last sync.
 */
export type GitHubIngestResult = Pick<IngestGitHubResult, 'host' | 'owner' | 'ownerKind' | 'repository' | 'repositories' | 'removed' | 'detailed' | 'unchanged'> & {
  listed: boolean;
  cost: IngestCost;
};

export interface IngestCost {
  requests: number;
  graphqlRequests: number;
  restRequests: number;
  notModified: number;
  /** Points charged against the primary limits: REST requests (304s are free) + GraphQL query cost. */
  rateLimitCost: number;
  failures: number;
  rateLimit: { remaining: number; limit: number; resource: string } | null;
}

/**
 * Ingests an owner's repositories (or one repository) from GitHub into the store:
 * a paginated GraphQL listing (100 repositories per request), then, for repositories
 * whose listing shows a change, detail fetched with bounded concurrency and written one
 * repository per transaction. A re-run fetches only what changed; an interrupted run
 * resumes from the stored listing cursor and per-kind sync markers.
 */
export async function ingestGitHubOwner(store: Store, client: GitHubClient, ownerOrRepo: string, options: GitHubIngestOptions = {}): Promise<GitHubIngestResult> {
  const target = parseGitHubTarget(ownerOrRepo);
  const start = snapshot(client.stats);
  throwIfAborted(options.signal);
  const run = new IngestRun(store, client, target, options);
  try {
    return await run.execute(start);
  } catch (error) {
    if (options.signal?.aborted) throwIfAborted(options.signal);
    throw error;
  }
}

class IngestRun {
  private readonly db: Db;
  private readonly host: string;
  private readonly resume: FailureContext['resume'];
  private readonly now: number;

  constructor(
    private readonly store: Store,
    private readonly client: GitHubClient,
    private readonly target: GitHubTarget,
    private readonly options: GitHubIngestOptions,
  ) {
    this.db = store.db;
    this.host = client.endpoints.host;
    const spec = target.repo ? `${target.owner}/${target.repo}` : target.owner;
    this.resume = { do: 'ingest', target: spec, host: this.host === 'github.com' ? null : this.host, resume: true };
    this.now = options.now ?? Math.floor(Date.now() / 1000);
  }

  async execute(start: TransportStats): Promise<GitHubIngestResult> {
    let owner: OwnerRow;
    let listed = true;
    let removed = 0;
    let repoIds: number[] | null = null;
    if (this.target.repo) {
      const single = await this.listSingle(this.target.owner, this.target.repo);
      owner = single.owner;
      repoIds = [single.repoId];
    } else {
      const existing = findOwner(this.db, this.host, this.target.owner);
      if (existing && this.canReuseListing(existing)) {
        owner = existing;
        listed = false;
      } else {
        ({ owner, removed } = await this.listOwner(this.target.owner, existing));
      }
    }
    let detailed = 0;
    let unchanged = 0;
    if (this.options.detail !== false) {
      ({ detailed, unchanged } = await this.detailPass(owner, repoIds));
      if (!this.target.repo) markOwnerSynced(this.db, owner.id);
    }
    const repositories = (this.db.prepare('select count(*) from github_repositories where owner_id = ? and removed = 0').pluck().get(owner.id) as number) ?? 0;
    return {
      host: this.host,
      owner: owner.login,
      ownerKind: owner.kind,
      repository: this.target.repo,
      repositories,
      listed,
      removed,
      detailed,
      unchanged,
      cost: costSince(start, this.client.stats),
    };
  }

  /** Resuming an interrupted detail pass right after a complete listing: no need to list again. */
  private canReuseListing(owner: OwnerRow): boolean {
    if (owner.pass_cursor !== null || !owner.listed_at || this.options.detail === false) return false;
    if (owner.synced_at && owner.synced_at >= owner.listed_at) return false;
    // Wall-clock age: `now` may be pinned for analysis, but the listing was stored in real time.
    const age = (Date.now() - Date.parse(owner.listed_at)) / 1000;
    return age >= 0 && age < (this.options.relistAfterSeconds ?? 600);
  }

  private context(doing: string): FailureContext {
    return { doing, resume: this.resume };
  }

  private progress(done: number, total: number, message: string): void {
    const rate = remainingRateLimit(this.client.stats);
    const suffix = rate ? ` · rate limit ${rate.remaining.toLocaleString('en-US')}/${rate.limit.toLocaleString('en-US')} left` : '';
    this.options.onProgress?.({ done, total, message: `${message}${suffix}`, rateLimit: rate ? { remaining: rate.remaining, limit: rate.limit } : null });
  }

  private async listOwner(login: string, existing: OwnerRow | undefined): Promise<{ owner: OwnerRow; removed: number }> {
    const { db } = this;
    const resuming = existing !== undefined && existing.pass_cursor !== null;
    const cursor = resuming && existing.pass_cursor ? existing.pass_cursor : undefined;
    let owner = existing;
    let done = resuming ? ((db.prepare('select count(*) from github_repositories where owner_id = ? and seen_pass = ?').pluck().get(existing.id, existing.pass) as number) ?? 0) : 0;
    const context = this.context(`listing the repositories of ${login}`);
    this.progress(done, existing?.total_repositories ?? 0, `listing ${login}'s repositories`);
    const pages = this.client.octokit.graphql.paginate.iterator(OWNER_REPOSITORIES_QUERY, {
      login,
      ...(cursor ? { cursor } : {}),
      request: { signal: this.options.signal },
    });
    let first = true;
    try {
      for await (const raw of pages) {
        throwIfAborted(this.options.signal);
        const page = parseShape(ownerPageSchema, raw, `the repository list of ${login}`);
        const repoOwner = page.repositoryOwner;
        if (!repoOwner) throw this.ownerNotFound(login);
        const connection = repoOwner.repositories;
        db.transaction(() => {
          owner = upsertOwner(db, this.host, repoOwner);
          if (first && !resuming) {
            startListingPass(db, owner.id);
            owner = findOwner(db, this.host, repoOwner.login) as OwnerRow;
          }
          for (const node of connection.nodes) if (node) upsertListedRepository(db, this.host, owner, node);
          saveListingCursor(db, owner.id, connection.pageInfo.endCursor ?? '', connection.totalCount);
        }).immediate();
        first = false;
        done += connection.nodes.length;
        this.progress(done, connection.totalCount, `listing ${repoOwner.login}'s repositories`);
      }
    } catch (error) {
      if ((error as Error)?.name === 'MissingPageInfo' && (error as { response?: { repositoryOwner?: unknown } }).response?.repositoryOwner === null) {
        throw this.ownerNotFound(login);
      }
      throw translateGitHubError(error, this.client, context);
    }
    if (!owner) throw this.ownerNotFound(login);
    const finished = owner;
    const removed = db.transaction(() => finishListingPass(db, findOwner(db, this.host, finished.login) as OwnerRow)).immediate();
    return { owner: findOwner(db, this.host, finished.login) as OwnerRow, removed };
  }

  private ownerNotFound(login: string): RepoScoutError {
    const where = this.host === 'github.com' ? 'github.com' : this.host;
    return new RepoScoutError('GITHUB_NOT_FOUND', `There is no user or organization "${login}" on ${where} (or the token cannot see it); check the spelling.`);
  }

  private async listSingle(ownerLogin: string, name: string): Promise<{ owner: OwnerRow; repoId: number }> {
    const { db } = this;
    let raw: unknown;
    try {
      raw = await this.client.octokit.graphql(SINGLE_REPOSITORY_QUERY, { owner: ownerLogin, name, request: { signal: this.options.signal } });
    } catch (error) {
      const data = (error as { data?: unknown }).data;
      if (!isNotFound(error) || !data) throw translateGitHubError(error, this.client, this.context(`reading ${ownerLogin}/${name}`));
      raw = data;
    }
    const page = parseShape(singleRepositorySchema, raw, `${ownerLogin}/${name}`);
    if (!page.repositoryOwner) throw this.ownerNotFound(ownerLogin);
    const node = page.repository;
    if (!node) {
      throw new RepoScoutError('GITHUB_NOT_FOUND', `${page.repositoryOwner.login} has no repository "${name}" on ${this.host} (or the token cannot see it); check the spelling.`);
    }
    const repoOwner = page.repositoryOwner;
    return db.transaction(() => {
      let owner = upsertOwner(db, this.host, repoOwner);
      if (owner.pass === 0) {
        startListingPass(db, owner.id);
        db.prepare('update github_owners set pass_cursor = null where id = ?').run(owner.id);
        owner = findOwner(db, this.host, repoOwner.login) as OwnerRow;
      }
      return { owner, repoId: upsertListedRepository(db, this.host, owner, node) };
    }).immediate();
  }

  private async detailPass(owner: OwnerRow, only: number[] | null): Promise<{ detailed: number; unchanged: number }> {
    const { db } = this;
    const rows = db
      .prepare(
        `select r.id, r.owner, r.name, g.fingerprint, g.community_json from repositories r join github_repositories g on g.repo_id = r.id
          where g.owner_id = ? and g.removed = 0 order by r.name collate nocase`,
      )
      .all(owner.id) as { id: number; owner: string; name: string; fingerprint: string | null; community_json: string }[];
    const windowStart = monthsBefore(this.now, this.options.windowMonths ?? 12);
    const pending: PendingDetail[] = [];
    let unchanged = 0;
    for (const row of rows) {
      if (only && !only.includes(row.id)) continue;
      const plan = planDetail(db, row, windowStart);
      if (plan) pending.push(plan);
      else unchanged += 1;
    }
    const total = pending.length;
    let done = 0;
    this.progress(0, total, `fetching detail for ${total} of ${rows.length} repositories`);
    const batchSize = Math.max(1, Math.min(50, this.options.batchSize ?? 10));
    const batches: PendingDetail[][] = [];
    for (let i = 0; i < pending.length; i += batchSize) batches.push(pending.slice(i, i + batchSize));
    const accounts = new AccountWriter(db, this.host);
    await forEachConcurrent(
      batches,
      this.options.concurrency ?? 4,
      async (batch) => {
        throwIfAborted(this.options.signal);
        const nodes = await this.fetchDetailBatch(batch);
        for (const [i, item] of batch.entries()) {
          throwIfAborted(this.options.signal);
          const node = nodes[i] ?? null;
          if (node === null) {
            db.prepare('update github_repositories set removed = 1 where repo_id = ?').run(item.repoId);
          } else {
            const contributors = item.request.tree ? await this.fetchContributors(item.request.owner, item.request.name) : null;
            db.transaction(() =>
              writeRepositoryDetail(db, accounts, { repoId: item.repoId, node, contributors, synced: item.synced, readmePath: item.request.readmePath, citationPath: item.request.citationPath }),
            ).immediate();
          }
          done += 1;
          this.progress(done, total, 'fetching repository detail');
        }
      },
      this.options.signal,
    );
    throwIfAborted(this.options.signal);
    return { detailed: done, unchanged };
  }

  /** One GraphQL query for a batch; a repository deleted since the listing comes back as null. */
  private async fetchDetailBatch(batch: PendingDetail[]): Promise<(ReturnType<typeof detailNodeSchema.parse> | null)[]> {
    const names = batch.map((b) => `${b.request.owner}/${b.request.name}`);
    const context = this.context(`reading the detail of ${names[0]}${names.length > 1 ? ` and ${names.length - 1} more` : ''}`);
    const { query, variables } = repositoryDetailQuery(batch.map((b) => b.request));
    let data: Record<string, unknown>;
    try {
      data = (await this.client.octokit.graphql(query, { ...variables, request: { signal: this.options.signal } })) as Record<string, unknown>;
    } catch (error) {
      const partial = (error as { data?: Record<string, unknown> }).data;
      const errors = (error as { errors?: { type?: string }[] }).errors ?? [];
      if (!partial || errors.length === 0 || !errors.every((e) => e.type === 'NOT_FOUND')) throw translateGitHubError(error, this.client, context);
      data = partial;
    }
    return batch.map((_, i) => {
      const node = data[`r${i}`];
      return node === null || node === undefined ? null : parseShape(detailNodeSchema, node, names[i] ?? 'a repository');
    });
  }

  /** REST: contributors by commit count, ETag-cached (an unchanged list costs a free 304). */
  private async fetchContributors(owner: string, repo: string): Promise<ContributorItem[]> {
    const items: ContributorItem[] = [];
    let pages = 0;
    try {
      for await (const page of this.client.octokit.paginate.iterator(this.client.octokit.rest.repos.listContributors, {
        owner,
        repo,
        per_page: 100,
        request: { signal: this.options.signal },
      })) {
        // An empty repository answers 204 with no body.
        if (Array.isArray(page.data)) items.push(...page.data.map((item) => parseShape(contributorSchema, item, `the contributors of ${owner}/${repo}`)));
        if (++pages >= MAX_CONTRIBUTOR_PAGES) break;
      }
    } catch (error) {
      if (isNotFound(error)) return [];
      // "The history or contributor list is too large to list contributors for this repository via the API."
      if ((error as { status?: number }).status === 403 && /too large/i.test((error as Error).message)) return [];
      throw translateGitHubError(error, this.client, this.context(`reading the contributors of ${owner}/${repo}`));
    }
    return items;
  }
}

const MAX_CONTRIBUTOR_PAGES = 5;

interface PendingDetail {
  repoId: number;
  request: DetailRequest;
  synced: Partial<Record<SyncKind, string>>;
}

/** Which kinds of detail changed since they were last synced; null when none did. */
function planDetail(db: Db, row: { id: number; owner: string; name: string; fingerprint: string | null; community_json: string }, windowStart: number): PendingDetail | null {
  if (!row.fingerprint) return null;
  const fp = JSON.parse(row.fingerprint) as Fingerprint;
  const synced: Partial<Record<SyncKind, string>> = {};
  for (const kind of SYNC_KINDS) if (getSyncState(db, row.id, `github.${kind}`) !== fp[kind]) synced[kind] = fp[kind];
  if (Object.keys(synced).length === 0) return null;
  const empty = fp.head === 'empty';
  const root = ((JSON.parse(row.community_json) as { root?: string[] }).root ?? []).filter((p) => !p.endsWith('/'));
  const files = detectCommunityFiles(root.map((path) => ({ path, size: null })));
  const needHead = synced.head !== undefined && !empty;
  const lastCommit = db.prepare('select max(committed_at) from github_commits where repo_id = ?').pluck().get(row.id) as number | null;
  const issuesSince = getSyncState(db, row.id, 'github.issues.since');
  return {
    repoId: row.id,
    synced,
    request: {
      owner: row.owner,
      name: row.name,
      tree: needHead,
      commitsSince: needHead ? isoTime(Math.max(windowStart, lastCommit ?? 0)) : null,
      issuesSince: synced.issues !== undefined ? (issuesSince ? isoTime(Number(issuesSince)) : '') : null,
      pullRequests: synced.pulls !== undefined,
      releases: synced.releases !== undefined,
      readmePath: needHead ? files.readme : null,
      citationPath: needHead ? files.citation : null,
    },
  };
}

function parseShape<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.map(String).join('.') || 'the top level';
  throw new RepoScoutError('GITHUB_FAILED', `GitHub's answer for ${what} did not have the expected shape (${where}: ${issue?.message ?? 'invalid'}); nothing from it was stored.`);
}

function snapshot(stats: TransportStats): TransportStats {
  return { ...stats, rateLimit: { ...stats.rateLimit } };
}

function costSince(start: TransportStats, now: TransportStats): IngestCost {
  return {
    requests: now.requests - start.requests,
    graphqlRequests: now.graphqlRequests - start.graphqlRequests,
    restRequests: now.restRequests - start.restRequests,
    notModified: now.notModified - start.notModified,
    rateLimitCost: now.restCost - start.restCost + (now.graphqlCost - start.graphqlCost),
    failures: now.failures - start.failures,
    rateLimit: remainingRateLimit(now),
  };
}
