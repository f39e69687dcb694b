import { isBot } from '../analyses/bots';
import { RepoScoutError } from '../errors';
import type { GitHubClient } from '../github/client';
import type { FailureContext } from '../github/errors';
import type { AchievementRecord } from '../protocol/achievements';
import type { Progress } from '../research/ingest-local';
import type { Store } from '../store/open';
import { AUTHORED_SOURCE, collectionKey, REVIEWED_SOURCE } from './collect-state';
import {
  ACHIEVEMENT_SEARCH_QUERY,
  OVERFLOW_BATCH,
  OVERFLOW_CONNECTIONS,
  overflowAliasSchema,
  overflowQuery,
  pullRequestNodeSchema,
  REVIEWED_SEARCH_QUERY,
  reviewedNodeSchema,
  scopeCheckQuery,
  searchString,
  type OverflowRequest,
  type PullRequestNode,
} from './github-search';
import { identityKey, type Identity } from './identity';
import { completeRecord } from './record';
import { githubGraphql, parseAnswer, runSearchCollection } from './search-collection';
import { saveRecords, saveReviewsGiven, type ReviewGiven } from './store';
import type { TimeWindow } from './time';

// Earliest merge date worth asking about (GitHub launched pull requests in 2008).
const EPOCH = '2008-01-01T00:00:00.000Z';

export interface GitHubScope {
  owner?: string;
  repos?: readonly string[];
}

export interface CollectGitHubResult {
  /** the person's merged PRs fetched in this run (new or updated) */
  prs: number;
  /** PRs by others that the person reviewed, fetched in this run */
  reviewed: number;
  requests: number;
  windows: number;
  resumed: boolean;
  records: AchievementRecord[];
}

/**
 * Collects a developer's merged pull requests from GitHub's search (100 per request, with
 * files, first commit, reviews, comments, labels and closing issues in the same query; the
 * few PRs past a first page of any of those are paged afterwards, ten PRs per request),
 * then the merged PRs of others they reviewed. Each page is stored with the collection
 * state in one transaction, so an interruption loses at most the page in flight and the
 * next run resumes after it; a finished run makes the next one incremental (only PRs
 * merged or updated since, per person and scope).
 */
export async function collectFromGitHub(
  store: Store,
  client: GitHubClient,
  identity: Identity,
  scope: GitHubScope,
  window: TimeWindow,
  options: { signal?: AbortSignal; onProgress?: (p: Progress) => void; now?: Date; reviews?: boolean } = {},
): Promise<CollectGitHubResult> {
  const login = [...identity.logins][0];
  if (!login) throw new RepoScoutError('INVALID_INPUT', `GitHub collection needs the person's GitHub login; give it as who they are or as an alias (for example ${identity.who.split('@')[0] ?? 'login'}).`, {
      remedy: { do: 'fix_input', input: 'aliases' },
    });
  const scopeKey = scope.owner ? `owner:${scope.owner.toLowerCase()}` : scope.repos?.length ? `repos:${[...scope.repos].map((r) => r.toLowerCase()).sort().join(',')}` : 'everywhere';
  const key = collectionKey(identityKey(identity), login);
  const runAt = (options.now ?? new Date()).toISOString();
  const from = window.since ?? EPOCH;
  const to = window.until !== null && window.until < runAt ? window.until : runAt;
  const requestsBefore = client.stats.requests;
  const explainInvalid = (message: string) => explainUnsearchable(client, login, scope, message, options.signal);
  const context: FailureContext = { doing: `searching the merged pull requests of ${login}`, resume: { do: 'retry' } };

  const authored = await runSearchCollection<AchievementRecord>({
    store,
    client,
    key,
    scope: scopeKey,
    source: AUTHORED_SOURCE,
    from,
    to,
    runAt,
    query: ACHIEVEMENT_SEARCH_QUERY,
    searchFor: (s) => searchString({ author: login }, s.from, s.to, scope, s.updatedSince),
    toItems: async (nodes) => {
      const prs = nodes.filter(isPullRequest).map((n) => parseAnswer(pullRequestNodeSchema, n, 'a pull request'));
      await pageOverflow(client, prs, options.signal, context);
      return prs.map((pr) => completeRecord(toBase(pr)));
    },
    save: saveRecords,
    context,
    explainInvalid,
    signal: options.signal,
    onProgress: options.onProgress,
    progressMessage: `collecting pull requests by ${login}`,
  });

  let reviewed = 0;
  if (options.reviews !== false) {
    const given = await runSearchCollection<ReviewGiven>({
      store,
      client,
      key,
      scope: scopeKey,
      source: REVIEWED_SOURCE,
      from,
      to,
      runAt,
      query: REVIEWED_SEARCH_QUERY,
      variables: { login },
      searchFor: (s) => searchString({ reviewedBy: login }, s.from, s.to, scope, s.updatedSince),
      toItems: async (nodes) => nodes.filter(isPullRequest).map((n) => toReviewGiven(login, parseAnswer(reviewedNodeSchema, n, 'a reviewed pull request'))),
      save: saveReviewsGiven,
      context: { ...context, doing: `searching the pull requests ${login} reviewed` },
      explainInvalid,
      signal: options.signal,
      onProgress: options.onProgress,
      progressMessage: `collecting pull requests ${login} reviewed`,
    });
    reviewed = given.items.length;
  }

  return {
    prs: authored.items.length,
    reviewed,
    requests: client.stats.requests - requestsBefore,
    windows: authored.windows,
    resumed: authored.resumed,
    records: authored.items,
  };
}

const isPullRequest = (n: unknown) => (n as { __typename?: string } | null)?.__typename === 'PullRequest';

/**
 * Pages every connection that did not fit its first page (files past 100; reviews or
 * comments past 50; labels past 20; closing issues past 10), for only the PRs that
 * overflow, up to ten PRs per request, appending to the nodes in place.
 */
async function pageOverflow(client: GitHubClient, prs: PullRequestNode[], signal: AbortSignal | undefined, context: FailureContext): Promise<void> {
  const pending = new Map<PullRequestNode, OverflowRequest>();
  for (const pr of prs) {
    const cursors: OverflowRequest['cursors'] = {};
    for (const c of OVERFLOW_CONNECTIONS) {
      const conn = pr[c];
      if (conn?.pageInfo.hasNextPage && conn.pageInfo.endCursor) cursors[c] = conn.pageInfo.endCursor;
    }
    if (Object.keys(cursors).length === 0) continue;
    const [owner = '', name = ''] = pr.repository.nameWithOwner.split('/');
    pending.set(pr, { owner, name, number: pr.number, cursors });
  }
  while (pending.size > 0) {
    const batch = [...pending].slice(0, OVERFLOW_BATCH);
    const { query, variables } = overflowQuery(batch.map(([, r]) => r));
    const answer = (await overflowAnswer(client, query, variables, signal, context)) as Record<string, unknown>;
    batch.forEach(([pr, request], i) => {
      const more = parseAnswer(overflowAliasSchema, answer?.[`p${i}`] ?? null, `the rest of ${pr.repository.nameWithOwner}#${pr.number}`)?.pullRequest;
      if (!more) {
        // the PR went away (deleted repository, lost access) between the search and now: keep what the search gave
        pending.delete(pr);
        return;
      }
      for (const c of OVERFLOW_CONNECTIONS) {
        const page = more[c];
        if (request.cursors[c] === undefined || !page) continue;
        (pr[c] as { nodes: unknown[] } | null)?.nodes.push(...page.nodes);
        if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) request.cursors[c] = page.pageInfo.endCursor;
        else delete request.cursors[c];
      }
      if (Object.keys(request.cursors).length === 0) pending.delete(pr);
    });
  }
}

/**
 * The overflow answer. A PR that went away between the search and now (deleted, moved,
 * access lost) comes back as a null alias with a NOT_FOUND error, which Octokit throws for
 * the whole batch: those are read from the partial data instead of stopping the run.
 */
async function overflowAnswer(client: GitHubClient, query: string, variables: Record<string, unknown>, signal: AbortSignal | undefined, context: FailureContext): Promise<unknown> {
  try {
    return await githubGraphql(client, query, variables, signal, context);
  } catch (error) {
    const cause = (error as { cause?: { errors?: { type?: string }[]; data?: unknown } }).cause;
    const errors = cause?.errors ?? [];
    if (errors.length > 0 && errors.every((e) => e.type === 'NOT_FOUND') && cause?.data) return cause.data;
    throw error;
  }
}

function toBase(pr: PullRequestNode): Parameters<typeof completeRecord>[0] {
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
    files: pr.files?.nodes ?? [],
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

function toReviewGiven(login: string, pr: ReturnType<typeof reviewedNodeSchema.parse>): ReviewGiven {
  const author = pr.author;
  return {
    reviewer: login,
    repositoryKey: `github:${pr.repository.nameWithOwner.toLowerCase()}`,
    repository: pr.repository.nameWithOwner,
    number: pr.number,
    title: pr.title,
    url: pr.url,
    authorLogin: author?.login ?? null,
    authorIsBot: author === null ? false : author.__typename === 'Bot' || isBot(author.login, ''),
    mergedAt: pr.mergedAt,
    reviews: pr.reviews.totalCount,
    firstReviewAt: pr.reviews.nodes[0]?.submittedAt ?? null,
  };
}

/**
 * GitHub's search answers an unknown login, an unknown owner and a repository the token
 * cannot read with the same "cannot be searched" refusal. One follow-up query names which.
 */
async function explainUnsearchable(client: GitHubClient, login: string, scope: GitHubScope, message: string, signal: AbortSignal | undefined): Promise<Error> {
  const { query, variables } = scopeCheckQuery(login, scope);
  let data: Record<string, unknown> = {};
  try {
    data = (await client.octokit.graphql(query, { ...variables, request: { signal } })) as Record<string, unknown>;
  } catch (error) {
    // not-found fields come back as null alongside errors; the partial data is what we need
    data = ((error as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>;
  }
  if (!data.person) {
    return new RepoScoutError('PERSON_NOT_FOUND', `GitHub has no user "${login}" to search the pull requests of; check the login (the name after github.com/, not a display name), or read local clones with an e-mail address instead.`);
  }
  if (scope.owner && !data.owner) {
    return new RepoScoutError('GITHUB_NOT_FOUND', `GitHub has no user or organization "${scope.owner}" that the token can see; check the owner's name.`, { remedy: { do: 'fix_input', input: 'owner' } });
  }
  const unreadable = (scope.repos ?? []).filter((_, i) => !data[`r${i}`]);
  if (unreadable.length > 0) {
    return new RepoScoutError(
      'GITHUB_NOT_FOUND',
      `${unreadable.join(', ')}: no such repository, or a private one the token cannot read; check the repository names, or use a token with access to it (classic: the "repo" scope; fine-grained: that repository with pull requests read).`,
      { remedy: { do: 'fix_input', input: 'repos' } },
    );
  }
  return new RepoScoutError('GITHUB_FAILED', `GitHub refused the search for ${login}'s pull requests: ${message}; check the login and scope.`);
}
