// Every failure mode the issue lists, injected by the fake GitHub. Under each the ingest
// either completes (after waiting as GitHub asks) or stops with a precise code and
// message, with what it finished stored and without hammering the server.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, githubWorld, type GitHubWorld } from '../../test/helpers/github';
import type { Fault } from '../../test/fake-github/server';
import { isRepoScoutError, type RepoScoutErrorCode } from '../errors';
import { createGitHubClient, type RateLimitWait } from './client';
import { ingestGitHubOwner } from './ingest';

let world: GitHubWorld | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const REPOS = 4;

async function ingestWith(fault: Fault | null, clientOptions: Parameters<GitHubWorld['client']>[0] = {}) {
  world = await githubWorld({ repositories: REPOS });
  if (fault) world.fake.inject(fault);
  const waits: RateLimitWait[] = [];
  const started = Date.now();
  const outcome = await ingestGitHubOwner(world.store, world.client({ onRateLimitWait: (w) => waits.push(w), ...clientOptions }), 'acme', { now: world.org.now, batchSize: 50 }).catch((e: unknown) => e);
  return { w: world, outcome, waits, ms: Date.now() - started };
}

function expectCompleted(outcome: unknown): void {
  if (outcome instanceof Error) throw outcome;
  expect(outcome).toMatchObject({ repositories: REPOS, detailed: REPOS });
}

function expectFailure(outcome: unknown, code: RepoScoutErrorCode, message: RegExp, remedy?: unknown): void {
  expect(isRepoScoutError(outcome, code), String(outcome)).toBe(true);
  expect((outcome as Error).message).toMatch(message);
  if (remedy !== undefined) expect((outcome as { remedy: unknown }).remedy).toEqual(remedy);
  expect((outcome as Error).message).not.toContain(FAKE_TOKEN);
}

// Running the same ingest again carries on where it stopped: each front door words that itself.
const RESUME_ACME = { do: 'ingest', target: 'acme', host: null, resume: true };

const contributorRequests = (w: GitHubWorld) => w.fake.log.filter((r) => r.operation === null);

describe('faults GitHub recovers from: the ingest waits as asked, retries, and completes', () => {
  it('primary rate limit on GraphQL (200 + RATE_LIMITED, x-ratelimit-remaining 0): waits until the reset', async () => {
    const { w, outcome, waits, ms } = await ingestWith({ kind: 'primary-rate-limit', match: 'graphql:OwnerRepositories', seconds: 2 });
    expectCompleted(outcome);
    expect(waits).toEqual([{ kind: 'primary', seconds: expect.any(Number), waiting: true }]);
    expect(waits[0]!.seconds).toBeGreaterThanOrEqual(2);
    expect(ms).toBeGreaterThanOrEqual(1500);
    expect(w.fake.log.filter((r) => r.operation === 'OwnerRepositories')).toHaveLength(2);
  });

  it('primary rate limit on REST (403 + x-ratelimit-remaining 0 + x-ratelimit-reset)', async () => {
    const { outcome, waits } = await ingestWith({ kind: 'primary-rate-limit', match: 'rest', seconds: 1 });
    expectCompleted(outcome);
    expect(waits.map((x) => [x.kind, x.waiting])).toEqual([['primary', true]]);
  });

  it.each([403, 429])('secondary rate limit (%i + retry-after: 1)', async (status) => {
    const { w, outcome, waits, ms } = await ingestWith({ kind: 'secondary-rate-limit', status, seconds: 1, match: 'rest' });
    expectCompleted(outcome);
    expect(waits).toEqual([{ kind: 'secondary', seconds: 1, waiting: true }]);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(contributorRequests(w)).toHaveLength(REPOS + 1);
  });

  it.each([500, 502, 503])('a transient %i is retried', async (status) => {
    const { w, outcome } = await ingestWith({ kind: 'server-error', status, match: 'graphql:RepositoryDetail', times: 2 });
    expectCompleted(outcome);
    expect(w.fake.log.filter((r) => r.operation === 'RepositoryDetail')).toHaveLength(3);
  });

  it('a response slower than the timeout is abandoned and retried', async () => {
    const { w, outcome } = await ingestWith({ kind: 'slow', delayMs: 2500, match: 'rest' }, { timeoutMs: 800 });
    expectCompleted(outcome);
    expect(contributorRequests(w)).toHaveLength(REPOS + 1);
  });

  it('a dropped connection is retried', async () => {
    const { w, outcome } = await ingestWith({ kind: 'drop', match: 'graphql:OwnerRepositories' });
    expectCompleted(outcome);
    expect(w.fake.log.filter((r) => r.operation === 'OwnerRepositories')).toHaveLength(2);
  });

  it('malformed JSON is never stored and is retried', async () => {
    const { w, outcome } = await ingestWith({ kind: 'malformed-json', match: 'rest' });
    expectCompleted(outcome);
    expect(contributorRequests(w)).toHaveLength(REPOS + 1);
  });
});

describe('faults that stop the ingest: a precise message, finished work kept, no hot loop', () => {
  it('a rate-limit reset later than --max-wait stops with the reset time and how to resume', async () => {
    const { w, outcome, waits } = await ingestWith({ kind: 'primary-rate-limit', match: 'rest', seconds: 600, skip: 2 }, { maxRateLimitWaitSeconds: 60 });
    expectFailure(outcome, 'GITHUB_RATE_LIMITED', /rate limit is used up until \d{4}-\d\d-\d\dT.*everything finished so far is stored; carry on after that time\.$/, RESUME_ACME);
    expect(waits).toEqual([{ kind: 'primary', seconds: expect.any(Number), waiting: false }]);
    expect(w.store.db.prepare(`select count(*) from sync_state where kind = 'github.head'`).pluck().get()).toBe(2);
    expect(contributorRequests(w)).toHaveLength(3);
  });

  it('a server that keeps failing: four attempts (1 + 3 retries), then GITHUB_FAILED', async () => {
    const { w, outcome } = await ingestWith({ kind: 'server-error', status: 502, match: 'graphql:RepositoryDetail', times: Infinity });
    expectFailure(outcome, 'GITHUB_FAILED', /kept failing \(502.*after retries.*everything finished so far is stored\.$/, RESUME_ACME);
    expect(w.fake.log.filter((r) => r.operation === 'RepositoryDetail')).toHaveLength(4);
    expect(w.store.db.prepare('select count(*) from github_repositories').pluck().get()).toBe(REPOS);
  });

  it('malformed JSON every time: GITHUB_FAILED naming it', async () => {
    const { outcome } = await ingestWith({ kind: 'malformed-json', match: 'graphql', times: Infinity });
    expectFailure(outcome, 'GITHUB_FAILED', /malformed JSON/);
  });

  it('a connection dropped every time: GITHUB_UNREACHABLE', async () => {
    const { w, outcome } = await ingestWith({ kind: 'drop', match: 'graphql', times: Infinity });
    expectFailure(outcome, 'GITHUB_UNREACHABLE', /Cannot reach the GitHub API .*connection closed/);
    expect(w.fake.log).toHaveLength(4);
  });

  it('a missing organization (404 / null owner): GITHUB_NOT_FOUND, nothing stored', async () => {
    world = await githubWorld({ repositories: 2 });
    const outcome = await ingestGitHubOwner(world.store, world.client(), 'no-such-org').catch((e: unknown) => e);
    expectFailure(outcome, 'GITHUB_NOT_FOUND', /no user or organization "no-such-org" on github\.com/);
    expect(world.store.db.prepare('select count(*) from github_owners').pluck().get()).toBe(0);
    const missingRepo = await ingestGitHubOwner(world.store, world.client(), 'acme/no-such-repo').catch((e: unknown) => e);
    expectFailure(missingRepo, 'GITHUB_NOT_FOUND', /acme has no repository "no-such-repo"/);
  });

  it('a wrong or expired token (401 Bad credentials): GITHUB_AUTH without the token in the message', async () => {
    world = await githubWorld({ repositories: 2 });
    const outcome = await ingestGitHubOwner(world.store, world.client({ token: `${FAKE_TOKEN}-expired` }), 'acme').catch((e: unknown) => e);
    expectFailure(outcome, 'GITHUB_AUTH', /rejected the token \(401 Bad credentials\): it is wrong, expired or revoked/);
    expect((outcome as Error).message).not.toContain('expired-');
    expect(world.fake.log).toHaveLength(1);
  });

  it('a token without the needed scope (GraphQL INSUFFICIENT_SCOPES): GITHUB_SCOPE', async () => {
    const { outcome } = await ingestWith({ kind: 'no-scope', match: 'graphql' });
    expectFailure(outcome, 'GITHUB_SCOPE', /not allowed to read .*read:org/);
  });

  it('a token that may not read contributors (REST 403): GITHUB_SCOPE, listing kept', async () => {
    const { w, outcome } = await ingestWith({ kind: 'no-scope', match: 'rest' });
    expectFailure(outcome, 'GITHUB_SCOPE', /403 Resource not accessible by personal access token\); it needs: the "repo" scope or the contents=read permission/);
    expect(w.store.db.prepare('select count(*) from github_repositories').pluck().get()).toBe(REPOS);
  });

  it('an unreachable host (closed port): GITHUB_UNREACHABLE naming the URL', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => {
        const p = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(p));
      });
    });
    world = await githubWorld({ repositories: 1 });
    const client = createGitHubClient({ token: FAKE_TOKEN, baseUrl: `http://127.0.0.1:${port}`, retryBaseMs: 10 });
    const outcome = await ingestGitHubOwner(world.store, client, 'acme').catch((e: unknown) => e);
    expectFailure(outcome, 'GITHUB_UNREACHABLE', new RegExp(`Cannot reach the GitHub API at http://127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
  });

  it('invalid names are refused before any request', async () => {
    world = await githubWorld({ repositories: 1 });
    for (const bad of ['-bad', 'a/b/c', 'acme/re po', '']) {
      const outcome = await ingestGitHubOwner(world.store, world.client(), bad).catch((e: unknown) => e);
      expect(isRepoScoutError(outcome, 'INVALID_INPUT'), bad).toBe(true);
    }
    expect(world.fake.log).toHaveLength(0);
  });
});
