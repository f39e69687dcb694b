import { RepoScoutError, throwIfAborted } from '../errors';
import type { GitHubClient } from '../github/client';
import { translateGitHubError, type FailureContext } from '../github/errors';
import type { Progress } from '../research/ingest-local';
import type { Db, Store } from '../store/open';
import { addCovered, loadState, planSegments, saveState, type CollectionState, type Segment } from './collect-state';
import { searchAnswerSchema } from './github-search';

// One GitHub search collection (a person's authored PRs, or the PRs they reviewed) made
// incremental and resumable: the run is planned as searches over merge windows (see
// collect-state.ts), each page is stored together with the plan that remains in one
// transaction, and a window past search's 1,000-result cap is split in two.

const SEARCH_CAP = 1_000;
/** A window this short is not split further even past the cap (GitHub's search has second precision). */
const SMALLEST_SPLIT_MS = 3_600_000;

export interface SearchCollection<T> {
  store: Store;
  client: GitHubClient;
  /** achievement_collections key: identity, scope and kind of search */
  key: string;
  scope: string;
  source: string;
  /** merge window asked for; `to` is never later than `runAt` */
  from: string;
  to: string;
  runAt: string;
  query: string;
  /** the search string for one segment */
  searchFor: (segment: Segment) => string;
  variables?: Record<string, unknown>;
  /** the page's nodes as items to store (may page overflow: the requests are counted by the client) */
  toItems: (nodes: unknown[]) => Promise<T[]>;
  save: (db: Db, items: T[]) => void;
  context: FailureContext;
  /** turns search's "cannot be searched" (an unknown login, owner or unreadable repository) into a precise error */
  explainInvalid: (message: string) => Promise<Error>;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  progressMessage: string;
}

export interface SearchCollectionResult<T> {
  items: T[];
  /** search requests (pages) sent */
  searches: number;
  /** date windows searched, after splits */
  windows: number;
  /** true when the run first finished one that had been interrupted */
  resumed: boolean;
}

export async function runSearchCollection<T>(c: SearchCollection<T>): Promise<SearchCollectionResult<T>> {
  const state = loadState(c.store.db, c.key, c.scope, c.source);
  const result: SearchCollectionResult<T> = { items: [], searches: 0, windows: 0, resumed: false };
  if (state.pending) {
    result.resumed = true;
    await drain(c, state, state.pending, result);
  }
  const queue = planSegments(state.covered, c.from, c.to);
  if (queue.length > 0) await drain(c, state, { from: c.from, to: c.to, runAt: c.runAt, queue }, result);
  return result;
}

async function drain<T>(c: SearchCollection<T>, state: CollectionState, run: NonNullable<CollectionState['pending']>, result: SearchCollectionResult<T>): Promise<void> {
  let total = 0;
  while (run.queue.length > 0) {
    throwIfAborted(c.signal);
    const segment = run.queue[0]!;
    const answer = await githubGraphql(c.client, c.query, { ...c.variables, q: c.searchFor(segment), cursor: segment.after }, c.signal, c.context, c.explainInvalid);
    result.searches += 1;
    const page = parseAnswer(searchAnswerSchema, answer, 'the search results');
    if (segment.after === null && page.search.issueCount > SEARCH_CAP && Date.parse(segment.to) - Date.parse(segment.from) > SMALLEST_SPLIT_MS) {
      const middle = new Date((Date.parse(segment.from) + Date.parse(segment.to)) / 2).toISOString();
      run.queue.splice(0, 1, { ...segment, to: middle }, { ...segment, from: middle });
      continue;
    }
    if (segment.after === null) total += page.search.issueCount;
    const items = await c.toItems(page.search.nodes);
    const more = page.search.pageInfo.hasNextPage && page.search.pageInfo.endCursor !== null;
    if (more) segment.after = page.search.pageInfo.endCursor;
    else {
      run.queue.shift();
      result.windows += 1;
    }
    if (run.queue.length === 0) {
      state.covered = addCovered(state.covered, { from: run.from, to: run.to, asOf: run.runAt });
      state.pending = null;
    } else {
      state.pending = run;
    }
    // The page and how far the run got, together: never one without the other.
    c.store.db.transaction(() => {
      c.save(c.store.db, items);
      saveState(c.store.db, c.key, c.scope, c.source, state);
    })();
    result.items.push(...items);
    c.onProgress?.({ done: result.items.length, total: Math.max(result.items.length, total), message: c.progressMessage });
  }
}

/** One GraphQL request under the client's throttling and retries, its failure as a RepoScoutError. */
export async function githubGraphql(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  signal: AbortSignal | undefined,
  context: FailureContext,
  explainInvalid?: (message: string) => Promise<Error>,
): Promise<unknown> {
  try {
    return await client.octokit.graphql(query, { ...variables, request: { signal } });
  } catch (error) {
    throwIfAborted(signal);
    const errors = (error as { errors?: { type?: string; message?: string }[] }).errors ?? [];
    const invalid = errors.find((e) => e.type === 'INVALID' || /cannot be searched/i.test(e.message ?? ''));
    if (invalid && explainInvalid) throw await explainInvalid(client.redact(invalid.message ?? 'the search was refused'));
    throw translateGitHubError(error, client, context);
  }
}

/** Validates a GitHub answer; a wrong shape stops the run before anything of that page is stored. */
export function parseAnswer<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RepoScoutError('GITHUB_FAILED', `GitHub's answer for ${what} did not have the expected shape (${issue?.path.map(String).join('.') || 'top level'}: ${issue?.message ?? 'invalid'}); nothing from that page was stored.`);
}
