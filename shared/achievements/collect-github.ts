import { isBot } from '../analyses/bots';
import { RepoScoutError, throwIfAborted } from '../errors';
import type { GitHubClient } from '../github/client';
import { translateGitHubError } from '../github/errors';
import type { AchievementRecord } from '../protocol/achievements';
import type { Progress } from '../research/ingest-local';
import type { Store } from '../store/open';
import {
  ACHIEVEMENT_SEARCH_QUERY,
  filesAnswerSchema,
  PULL_REQUEST_FILES_QUERY,
  pullRequestNodeSchema,
  searchAnswerSchema,
  searchString,
  type PullRequestNode,
} from './github-search';
import { identityKey, type Identity } from './identity';
import { completeRecord } from './record';
import { saveRecords } from './store';
import type { TimeWindow } from './time';

// GitHub search stops at 1,000 results; a window with more is split in two.
const SEARCH_CAP = 1_000;
// Earliest merge date worth asking about (GitHub launched pull requests in 2008).
const EPOCH = '2008-01-01T00:00:00Z';
// An incremental run starts this long before the last completed window, so a PR merged
// right at the boundary (or indexed late by search) is not missed; upserts make it harmless.
const OVERLAP_MS = 86_400_000;

export interface GitHubScope {
  owner?: string;
  repos?: readonly string[];
}

export interface CollectGitHubResult {
  prs: number;
  requests: number;
  windows: number;
  resumed: boolean;
  records: AchievementRecord[];
}

interface State {
  /** every PR merged up to here is stored */
  mergedThrough: string | null;
  /** the window being paged when the last run stopped, and the cursor after its last stored page */
  current: { from: string; to: string; after: string | null } | null;
}

/**
 * Collects a developer's merged pull requests from GitHub's search (100 per request, with
 * files, first commit, reviews, comments, labels and closing issues in the same query),
 * splitting date windows that exceed search's 1,000-result cap. Each page is stored with
 * the collection state in one transaction: an interruption loses at most the page in flight,
 * and the next run resumes after the last stored page; a completed run makes the next one
 * incremental (only PRs merged since).
 */
export async function collectFromGitHub(
  store: Store,
  client: GitHubClient,
  identity: Identity,
  scope: GitHubScope,
  window: TimeWindow,
  options: { signal?: AbortSignal; onProgress?: (p: Progress) => void; now?: Date } = {},
): Promise<CollectGitHubResult> {
  const login = [...identity.logins][0];
  if (!login) throw new RepoScoutError('INVALID_INPUT', `GitHub collection needs a login; pass one as <who> or with --as (for example --as ${identity.who.split('@')[0] ?? 'login'}).`);
  const scopeKey = scope.owner ? `owner:${scope.owner.toLowerCase()}` : scope.repos?.length ? `repos:${[...scope.repos].map((r) => r.toLowerCase()).sort().join(',')}` : 'everywhere';
  const key = `${identityKey(identity)}|${login}`;
  const state = loadState(store, key, scopeKey);
  const end = window.until ?? (options.now ?? new Date()).toISOString();
  let start = window.since ?? EPOCH;
  if (state.mergedThrough && state.mergedThrough > start) start = new Date(Math.max(Date.parse(start), Date.parse(state.mergedThrough) - OVERLAP_MS)).toISOString();
  const requestsBefore = client.stats.requests;
  const result: CollectGitHubResult = { prs: 0, requests: 0, windows: 0, resumed: false, records: [] };
  // windows still to search, earliest first; a resumed window goes first with its cursor
  const queue: { from: string; to: string; after: string | null }[] = [];
  if (state.current && state.current.from >= start && state.current.to <= end) {
    queue.push(state.current);
    if (state.current.to < end) queue.push({ from: state.current.to, to: end, after: null });
    result.resumed = true;
  } else if (start < end) {
    queue.push({ from: start, to: end, after: null });
  }
  const context = { doing: `searching the merged pull requests of ${login}`, resume: 'run the same command again to resume where it stopped' };
  while (queue.length > 0) {
    throwIfAborted(options.signal);
    const win = queue.shift()!;
    let after = win.after;
    for (;;) {
      const answer = await graphql(client, ACHIEVEMENT_SEARCH_QUERY, { q: searchString(login, win.from, win.to, scope), cursor: after }, options.signal, context);
      const page = parse(searchAnswerSchema, answer, 'the search results');
      if (after === null && page.search.issueCount > SEARCH_CAP && Date.parse(win.to) - Date.parse(win.from) > 3_600_000) {
        const middle = new Date((Date.parse(win.from) + Date.parse(win.to)) / 2).toISOString();
        queue.unshift({ from: win.from, to: middle, after: null }, { from: middle, to: win.to, after: null });
        break;
      }
      const nodes = page.search.nodes.filter((n) => (n as { __typename?: string }).__typename === 'PullRequest').map((n) => parse(pullRequestNodeSchema, n, 'a pull request'));
      const records: AchievementRecord[] = [];
      for (const node of nodes) records.push(completeRecord(await toBase(client, node, options.signal, context)));
      const more = page.search.pageInfo.hasNextPage && page.search.pageInfo.endCursor !== null;
      after = more ? page.search.pageInfo.endCursor : null;
      // The page and how far we got, together: never one without the other.
      store.db.transaction(() => {
        saveRecords(store.db, records);
        saveState(store, key, scopeKey, more ? { mergedThrough: state.mergedThrough, current: { from: win.from, to: win.to, after } } : { mergedThrough: win.to > (state.mergedThrough ?? '') ? win.to : state.mergedThrough, current: null });
      })();
      if (!more) state.mergedThrough = win.to > (state.mergedThrough ?? '') ? win.to : state.mergedThrough;
      result.records.push(...records);
      result.prs += records.length;
      options.onProgress?.({ done: result.prs, total: Math.max(result.prs, page.search.issueCount), message: `collecting pull requests by ${login}` });
      if (!more) break;
    }
    result.windows += 1;
  }
  result.requests = client.stats.requests - requestsBefore;
  return result;
}

async function toBase(client: GitHubClient, pr: PullRequestNode, signal: AbortSignal | undefined, context: { doing: string; resume: string }): Promise<Parameters<typeof completeRecord>[0]> {
  const files = [...(pr.files?.nodes ?? [])];
  let cursor = pr.files?.pageInfo.hasNextPage ? pr.files.pageInfo.endCursor : null;
  const [owner = '', name = ''] = pr.repository.nameWithOwner.split('/');
  // Only the overflow beyond the first 100 files costs extra requests.
  while (cursor !== null) {
    const answer = parse(filesAnswerSchema, await graphql(client, PULL_REQUEST_FILES_QUERY, { owner, name, number: pr.number, cursor }, signal, context), 'the files of a pull request');
    const more = answer.repository?.pullRequest?.files;
    if (!more) break;
    files.push(...more.nodes);
    cursor = more.pageInfo.hasNextPage ? more.pageInfo.endCursor : null;
  }
  const interactionOf = (author: { __typename?: string; login: string } | null, kind: 'review' | 'comment', state: string | null, at: string | null) =>
    author === null || at === null ? [] : [{ login: author.login, kind, state, at, isBot: author.__typename === 'Bot' || isBot(author.login, '') }];
  return {
    source: 'github',
    repository: pr.repository.nameWithOwner,
    repositoryKey: `github:${pr.repository.nameWithOwner.toLowerCase()}`,
    number: pr.number,
    title: pr.title,
    url: pr.url,
    sha: null,
    author: { login: pr.author?.login ?? null, name: null, email: null },
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    firstCommitAt: pr.commits.nodes[0]?.commit.authoredDate ?? null,
    additions: pr.additions,
    deletions: pr.deletions,
    files,
    labels: pr.labels.nodes.map((l) => l.name),
    interactions: [
      ...pr.reviews.nodes.flatMap((r) => interactionOf(r.author, 'review', r.state, r.submittedAt)),
      ...pr.comments.nodes.flatMap((c) => interactionOf(c.author, 'comment', null, c.createdAt)),
    ],
    closingIssues: (pr.closingIssuesReferences?.nodes ?? []).map((i) => ({ number: i.number, labels: i.labels.nodes.map((l) => l.name) })),
    revertedBy: null,
    dependencies: [],
  };
}

async function graphql(client: GitHubClient, query: string, variables: Record<string, unknown>, signal: AbortSignal | undefined, context: { doing: string; resume: string }): Promise<unknown> {
  try {
    return await client.octokit.graphql(query, { ...variables, request: { signal } });
  } catch (error) {
    throwIfAborted(signal);
    const errors = (error as { errors?: { type?: string; message?: string }[] }).errors ?? [];
    const invalid = errors.find((e) => e.type === 'INVALID' || /cannot be searched/i.test(e.message ?? ''));
    if (invalid) throw new RepoScoutError('PERSON_NOT_FOUND', `GitHub cannot search the pull requests of ${String(variables.q ?? '').match(/author:(\S+)/)?.[1] ?? 'that user'}: ${client.redact(invalid.message ?? 'unknown user')}; check the login.`);
    throw translateGitHubError(error, client, context);
  }
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RepoScoutError('GITHUB_FAILED', `GitHub's answer for ${what} did not have the expected shape (${issue?.path.map(String).join('.') || 'top level'}: ${issue?.message ?? 'invalid'}); nothing from that page was stored.`);
}

function loadState(store: Store, key: string, scope: string): State {
  const row = store.db.prepare(`select state_json from achievement_collections where identity_key = ? and scope = ? and source = 'github'`).get(key, scope) as { state_json: string } | undefined;
  return row ? (JSON.parse(row.state_json) as State) : { mergedThrough: null, current: null };
}

function saveState(store: Store, key: string, scope: string, state: State): void {
  store.db
    .prepare(
      `insert into achievement_collections (identity_key, scope, source, state_json) values (?, ?, 'github', ?)
       on conflict (identity_key, scope, source) do update set state_json = excluded.state_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    )
    .run(key, scope, JSON.stringify(state));
}
