import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TOKEN, githubWorld, type GitHubWorld } from '../../test/helpers/github';
import { isRepoScoutError, type RepoScoutError } from '../errors';
import { openStore } from '../store/open';
import { ingestGitHubOwner } from './ingest';

let world: GitHubWorld | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const count = (w: GitHubWorld, sql: string, ...args: unknown[]) => w.store.db.prepare(sql).pluck().get(...args) as number;
const detailQueries = (w: GitHubWorld, since: number) => w.fake.log.slice(since).filter((r) => r.operation === 'RepositoryDetail');

describe('ingestGitHubOwner: first sync and re-sync', () => {
  it('stores what every analysis needs, one listing request per 100 repositories, one detail query per batch', async () => {
    world = await githubWorld({ repositories: 14 });
    const w = world;
    const progress: number[] = [];
    const result = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50, onProgress: (p) => progress.push(p.done) });
    expect(result).toMatchObject({ owner: 'acme', ownerKind: 'Organization', repositories: 14, listed: true, detailed: 14, unchanged: 0, removed: 0 });
    expect(w.fake.spent()).toMatchObject({ graphql: 2, rest: 14 - w.org.repos.filter((r) => r.isEmpty).length + w.org.repos.filter((r) => r.isEmpty).length * 0 });
    expect(result.cost.requests).toBe(w.fake.log.length);
    expect(result.cost.rateLimitCost).toBe(w.fake.spent().points);
    expect(result.cost.rateLimit?.limit).toBe(5000);
    expect(progress.at(-1)).toBe(14);

    const repo = w.org.repos.find((r) => r.issues.length > 3 && r.pulls.length > 3 && r.releases.length > 0 && r.commits.length > 0)!;
    const id = count(w, `select id from repositories where key = ?`, `github:acme/${repo.name}`);
    expect(count(w, 'select count(*) from github_issues where repo_id = ?', id)).toBe(Math.min(50, repo.issues.length));
    expect(count(w, `select count(*) from pull_requests where repo_id = ? and source = 'github'`, id)).toBe(Math.min(50, repo.pulls.length));
    expect(count(w, 'select count(*) from github_releases where repo_id = ?', id)).toBe(Math.min(20, repo.releases.length));
    expect(count(w, 'select count(*) from github_contributions where repo_id = ?', id)).toBe(repo.contributors.length);
    expect(count(w, `select count(*) from github_documents where repo_id = ? and kind = 'readme'`, id)).toBe(1);
    const since = Date.parse(w.org.repos[0]!.createdAt) && w.org.now - 366 * 86400;
    expect(count(w, 'select count(*) from github_commits where repo_id = ?', id)).toBe(Math.min(100, repo.commits.filter((c) => Date.parse(c.committedDate) / 1000 >= since).length));
    const g = w.store.db.prepare('select * from github_repositories where repo_id = ?').get(id) as Record<string, unknown>;
    expect(JSON.parse(g.topics_json as string)).toEqual(repo.topics);
    expect(g.license_spdx).toBe(repo.license);
    expect(JSON.parse(g.community_json as string).tree).toContain('README.md');
  });

  it('re-sync of an unchanged owner costs one listing query and nothing else', async () => {
    world = await githubWorld({ repositories: 10 });
    const w = world;
    const first = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    const mark = w.fake.log.length;
    const again = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    expect(again).toMatchObject({ detailed: 0, unchanged: 10 });
    expect(w.fake.log.slice(mark).map((r) => r.operation)).toEqual(['OwnerRepositories']);
    expect(again.cost.rateLimitCost / first.cost.rateLimitCost).toBeLessThanOrEqual(0.1);
  });

  it('fetches only the kinds of detail that changed: head, issues, releases', async () => {
    world = await githubWorld({ repositories: 8 });
    const w = world;
    await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    const [pushed, commented, released] = w.org.repos.filter((r) => !r.isEmpty && r.issues.length > 0);
    w.org.push(pushed!.name, 'newcomer-99');
    w.org.commentOnIssue(commented!.name, 'helper-77');
    w.org.release(released!.name, 'v99.0.0');
    const mark = w.fake.log.length;
    const result = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now + 3600, batchSize: 50 });
    expect(result).toMatchObject({ detailed: 3, unchanged: 5 });
    const [query] = detailQueries(w, mark);
    const vars = query!.variables!;
    const alias = (name: string) => Object.keys(vars).find((k) => /^n\d+$/.test(k) && vars[k] === name)!.slice(1);
    const block = (i: string) => query!.query!.split(/\n(?=\s*r\d+: repository\()/).find((b) => b.trim().startsWith(`r${i}:`))!.split('\n  }')[0]!;
    expect(block(alias(pushed!.name))).toMatch(/DetailTree[\s\S]*history\(/);
    expect(block(alias(commented!.name))).toMatch(/issues\(.*filterBy: \{since: \$is/);
    expect(block(alias(commented!.name))).not.toMatch(/DetailTree|pullRequests\(|releases\(/);
    expect(block(alias(released!.name))).toMatch(/releases\(/);
    expect(block(alias(released!.name))).not.toMatch(/DetailTree|issues\(/);
    // Only the pushed repository's contributors are asked for again.
    expect(w.fake.log.slice(mark).filter((r) => r.operation === null).map((r) => r.path)).toEqual([`/repos/acme/${pushed!.name}/contributors?per_page=100`]);
    const id = count(w, 'select id from repositories where name = ?', pushed!.name);
    expect(count(w, `select count(*) from github_contributions c join github_accounts a on a.id = c.account_id where c.repo_id = ? and a.login = 'newcomer-99'`, id)).toBe(1);
    expect(count(w, `select count(*) from github_releases where tag_name = 'v99.0.0'`)).toBe(1);
    expect(count(w, `select count(*) from github_issues i join repositories r on r.id = i.repo_id where r.name = ? and i.number = ?`, commented!.name, commented!.issues[0]!.number)).toBe(1);
  });

  it('revalidates REST with the stored ETag: an unchanged contributor list costs a free 304, and Link pages are followed', async () => {
    world = await githubWorld({ repositories: 4 });
    const w = world;
    const big = w.org.repos.find((r) => !r.isEmpty)!;
    big.contributors = Array.from({ length: 250 }, (_, i) => ({ login: `person-${i}`, type: 'User' as const, contributions: 1000 - i }));
    await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    const pages = w.fake.log.filter((r) => r.path.startsWith(`/repos/acme/${big.name}/contributors`));
    expect(pages.map((r) => r.path)).toEqual([
      `/repos/acme/${big.name}/contributors?per_page=100`,
      `/repos/acme/${big.name}/contributors?per_page=100&page=2`,
      `/repos/acme/${big.name}/contributors?per_page=100&page=3`,
    ]);
    expect(count(w, 'select count(*) from github_contributions c join repositories r on r.id = c.repo_id where r.name = ?', big.name)).toBe(250);

    // A new head whose contributor list did not change.
    big.headOid = 'f'.repeat(40);
    big.pushedAt = new Date((w.org.now + 60) * 1000).toISOString();
    const mark = w.fake.log.length;
    const result = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 50 });
    const rest = w.fake.log.slice(mark).filter((r) => r.operation === null);
    expect(rest.map((r) => r.status)).toEqual([304, 304, 304]);
    expect(rest.every((r) => r.ifNoneMatch !== null)).toBe(true);
    expect(result.cost.notModified).toBe(3);
    expect(result.cost.rateLimitCost).toBe(w.fake.spent().points - (w.fake.log.slice(0, mark).reduce((s, r) => s + r.cost, 0)));
    expect(count(w, 'select count(*) from github_contributions c join repositories r on r.id = c.repo_id where r.name = ?', big.name)).toBe(250);
  });

  it('marks repositories that disappeared from GitHub and a single-repository ingest touches only that one', async () => {
    world = await githubWorld({ repositories: 6 });
    const w = world;
    await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, detail: false });
    const gone = w.org.repos[2]!.name;
    w.org.remove(gone);
    const result = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, detail: false });
    expect(result).toMatchObject({ repositories: 5, removed: 1 });
    expect(count(w, 'select removed from github_repositories g join repositories r on r.id = g.repo_id where r.name = ?', gone)).toBe(1);

    const target = w.org.repos[0]!;
    const mark = w.fake.log.length;
    const single = await ingestGitHubOwner(w.store, w.client(), `acme/${target.name}`, { now: w.org.now });
    expect(single).toMatchObject({ repository: target.name, detailed: 1 });
    expect(w.fake.log.slice(mark).map((r) => r.operation ?? 'rest')).toEqual(['SingleRepository', 'RepositoryDetail', ...(target.isEmpty ? [] : ['rest'])]);
  });

  it('reads a user account the same way', async () => {
    world = await githubWorld({ repositories: 3, login: 'octocat', kind: 'User' });
    const result = await ingestGitHubOwner(world.store, world.client(), 'OctoCat', { now: world.org.now, detail: false });
    expect(result).toMatchObject({ owner: 'octocat', ownerKind: 'User', repositories: 3 });
  });
});

describe('ingestGitHubOwner: interruption and resume', () => {
  it('an ingest stopped in the listing resumes from the stored cursor without duplicates', async () => {
    world = await githubWorld({ repositories: 230 });
    const w = world;
    w.fake.inject({ kind: 'server-error', status: 503, match: 'graphql:OwnerRepositories', skip: 1, times: Infinity });
    const first = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, detail: false }).catch((e: unknown) => e);
    expect(isRepoScoutError(first, 'GITHUB_FAILED')).toBe(true);
    expect((first as Error).message).toMatch(/kept failing \(503.*everything finished so far is stored\.$/);
    expect((first as RepoScoutError).remedy).toEqual({ do: 'ingest', target: 'acme', host: null, resume: true });
    // Page one stored whole; 1 + 3 retries of page two, then stop: no hot loop.
    expect(count(w, 'select count(*) from github_repositories')).toBe(100);
    expect(w.fake.log.filter((r) => r.operation === 'OwnerRepositories')).toHaveLength(1 + 4);
    const cursor = w.store.db.prepare('select pass_cursor from github_owners').pluck().get() as string;
    expect(cursor).toBeTruthy();

    w.fake.faults.length = 0;
    const mark = w.fake.log.length;
    const resumed = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, detail: false });
    const listing = w.fake.log.slice(mark);
    expect(listing.map((r) => r.variables?.cursor ?? null)).toEqual([cursor, expect.any(String)]);
    expect(resumed.repositories).toBe(230);
    expect(count(w, 'select count(*) from repositories')).toBe(230);
    expect(count(w, 'select count(distinct key) from repositories')).toBe(230);
    expect(w.store.db.prepare('select pass_cursor from github_owners').pluck().get()).toBeNull();
  });

  it('cancelled mid-detail, it keeps whole repositories only, and a re-run finishes with the same rows as a clean run', async () => {
    world = await githubWorld({ repositories: 12 }, { latencyMs: 15 });
    const w = world;
    const controller = new AbortController();
    let details = 0;
    const outcome = await ingestGitHubOwner(w.store, w.client(), 'acme', {
      now: w.org.now,
      batchSize: 4,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.message.startsWith('fetching repository detail') && ++details === 5) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(isRepoScoutError(outcome, 'INTERRUPTED')).toBe(true);
    const synced = count(w, `select count(*) from sync_state where kind = 'github.head'`);
    expect(synced).toBeGreaterThanOrEqual(5);
    expect(synced).toBeLessThan(12);
    // No half-written repository: detail rows exist only where the head was recorded as synced.
    expect(count(w, `select count(distinct repo_id) from github_issues where repo_id not in (select repo_id from sync_state where kind = 'github.issues')`)).toBe(0);
    expect(count(w, `select count(distinct repo_id) from github_contributions where repo_id not in (select repo_id from sync_state where kind = 'github.head')`)).toBe(0);

    const resumed = await ingestGitHubOwner(w.store, w.client(), 'acme', { now: w.org.now, batchSize: 4 });
    expect(resumed.listed).toBe(false);
    expect(resumed.detailed).toBe(12 - synced);

    const cleanPath = path.join(w.dir, 'clean.db');
    const clean = openStore(cleanPath);
    try {
      await ingestGitHubOwner(clean, w.client({ cache: null }), 'acme', { now: w.org.now, batchSize: 50 });
      for (const table of ['repositories', 'github_repositories', 'github_issues', 'pull_requests', 'github_releases', 'github_commits', 'github_contributions', 'github_documents', 'github_accounts']) {
        expect(count(w, `select count(*) from ${table}`), table).toBe(clean.db.prepare(`select count(*) from ${table}`).pluck().get());
      }
    } finally {
      clean.close();
    }
  });

  it('never writes the token to the database', async () => {
    world = await githubWorld({ repositories: 5 });
    await ingestGitHubOwner(world.store, world.client(), 'acme', { now: world.org.now });
    world.store.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of fs.readdirSync(world.dir)) expect(fs.readFileSync(path.join(world.dir, file)).includes(FAKE_TOKEN)).toBe(false);
    expect(world.fake.log.every((r) => r.authorization === `token ${FAKE_TOKEN}`)).toBe(true);
  });
});
