import { afterEach, describe, expect, it } from 'vitest';
import { overflowQuery } from '../../shared/achievements/github-search';
import { addAuthoredPulls } from './search';
import { startFakeGitHub, type FakeGitHub } from './server';
import { SyntheticOrg } from './synthetic';

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const graphql = (url: string, query: string, variables: Record<string, unknown>, token = 't0k') =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: `token ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });

describe('SyntheticOrg', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new SyntheticOrg({ repositories: 30, seed: 1 });
    const b = new SyntheticOrg({ repositories: 30, seed: 1 });
    const c = new SyntheticOrg({ repositories: 30, seed: 2 });
    const digest = (o: SyntheticOrg) => JSON.stringify(o.repos.map((r) => [r.name, r.headOid, r.issues.length, r.contributors, r.topics]));
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
    expect(new Set(a.repos.map((r) => r.name)).size).toBe(30);
  });
});

describe('fake GitHub', () => {
  it('pages repositories with cursors, 100 at a time, and charges GitHub-style points', async () => {
    fake = await startFakeGitHub({ orgs: [new SyntheticOrg({ repositories: 150 })], token: 't0k' });
    const query = 'query OwnerRepositories($login: String!, $cursor: String) { repositoryOwner(login: $login) { repositories(first: 100, after: $cursor) { nodes { name } } } }';
    const page1 = (await (await graphql(fake.url, query, { login: 'acme' })).json()) as { data: { repositoryOwner: { repositories: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: unknown[] } } } };
    expect(page1.data.repositoryOwner.repositories.nodes).toHaveLength(100);
    expect(page1.data.repositoryOwner.repositories.pageInfo.hasNextPage).toBe(true);
    const page2 = (await (await graphql(fake.url, query, { login: 'acme', cursor: page1.data.repositoryOwner.repositories.pageInfo.endCursor })).json()) as typeof page1;
    expect(page2.data.repositoryOwner.repositories.nodes).toHaveLength(50);
    expect(page2.data.repositoryOwner.repositories.pageInfo.hasNextPage).toBe(false);
    expect(fake.spent()).toMatchObject({ graphql: 2, points: 8 });
  });

  it('answers REST with ETags, 304 for a matching If-None-Match, Link pagination, and 401 for a wrong token', async () => {
    const org = new SyntheticOrg({ repositories: 2 });
    org.repos[0]!.contributors = Array.from({ length: 5 }, (_, i) => ({ login: `p${i}`, type: 'User' as const, contributions: 10 - i }));
    fake = await startFakeGitHub({ orgs: [org], token: 't0k' });
    const url = `${fake.url}/repos/acme/${org.repos[0]!.name}/contributors?per_page=2`;
    const first = await fetch(url, { headers: { authorization: 'token t0k' } });
    expect(first.status).toBe(200);
    expect(first.headers.get('link')).toMatch(/page=2>; rel="next".*page=3>; rel="last"/);
    const etag = first.headers.get('etag')!;
    const again = await fetch(url, { headers: { authorization: 'token t0k', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ratelimit-remaining')).toBe(first.headers.get('x-ratelimit-remaining'));
    expect((await fetch(url, { headers: { authorization: 'token wrong' } })).status).toBe(401);
  });

  it('answers anonymous requests normally, or with 401 when it requires its token', async () => {
    const org = new SyntheticOrg({ repositories: 1 });
    const url = (f: FakeGitHub) => `${f.url}/repos/acme/${org.repos[0]!.name}/contributors`;
    fake = await startFakeGitHub({ orgs: [org], token: 't0k' });
    expect((await fetch(url(fake))).status).toBe(200);
    await fake.close();
    fake = await startFakeGitHub({ orgs: [org], token: 't0k', requireToken: true });
    const anonymous = await fetch(url(fake));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toBe('Requires authentication');
    expect((await fetch(url(fake), { headers: { authorization: 'token t0k' } })).status).toBe(200);
    expect((await fetch(`${fake.url}/graphql`, { method: 'POST', body: '{"query":"query Viewer { viewer { login } }"}' })).status).toBe(401);
  });

  it('consumes injected faults in order: skip, times, then normal answers', async () => {
    fake = await startFakeGitHub({ orgs: [new SyntheticOrg({ repositories: 1 })] });
    fake.inject({ kind: 'server-error', status: 503, match: 'rest', skip: 1, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${fake.url}/rate_limit`)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
  });

  it("answers a PR's nested connections a page at a time with GitHub's pageInfo, and the next page by cursor", async () => {
    const org = new SyntheticOrg({ repositories: 3 });
    addAuthoredPulls(org, 'dev-login', 1);
    const pr = org.repos[0]!.pulls.find((p) => p.number === 10_000)!;
    pr.comments = Array.from({ length: 70 }, (_, i) => ({ login: `c${i}`, type: 'User' as const, createdAt: '2025-06-02T00:00:00Z' }));
    fake = await startFakeGitHub({ orgs: [org], token: 't0k' });
    const search = 'query AchievementSearch($q: String!) { search(type: ISSUE, query: $q, first: 100) { issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { number comments(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { createdAt } } } } } }';
    type Conn = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] };
    const first = (await (await graphql(fake.url, search, { q: 'author:dev-login is:pr is:merged' })).json()) as { data: { search: { nodes: { comments: Conn }[] } } };
    const comments = first.data.search.nodes[0]!.comments;
    expect(comments.totalCount).toBe(70);
    expect(comments.nodes).toHaveLength(50);
    expect(comments.pageInfo.hasNextPage).toBe(true);
    const { query, variables } = overflowQuery([{ owner: 'acme', name: org.repos[0]!.name, number: 10_000, cursors: { comments: comments.pageInfo.endCursor! } }]);
    const next = (await (await graphql(fake.url, query, variables)).json()) as { data: { p0: { pullRequest: { comments: Conn } } } };
    expect(next.data.p0.pullRequest.comments.nodes).toHaveLength(20);
    expect(next.data.p0.pullRequest.comments.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });
});
