import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { FAKE_TOKEN } from '../../../test/helpers/github';
import { createCatalog } from '../catalog';
import { githubFromEnvironment } from '../github-access';
import { organizationReportUri } from '../resources';
import { connectInMemory, emptyStore, fakeGitHub, textOf, type FakeGitHubFixture } from '../test-support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A fresh empty database, a fake GitHub serving "acme" (8 repositories) and a client of a server over both. */
async function setup(options: { readOnly?: boolean; latencyMs?: number; client?: Parameters<FakeGitHubFixture['access']>[0] } = {}) {
  const db = emptyStore();
  cleanups.push(db.cleanup);
  const gh = await fakeGitHub(db.store, { latencyMs: options.latencyMs ?? 0 });
  cleanups.push(() => gh.close());
  const catalog = createCatalog(db.store);
  const mcp = await connectInMemory({ store: db.store, catalog, github: gh.access(options.client), readOnly: options.readOnly ?? false });
  cleanups.push(() => mcp.close());
  const count = (sql: string) => db.store.db.prepare(sql).pluck().get() as number;
  return { ...mcp, gh, store: db.store, catalog, count };
}

type Ingest = {
  owner: string;
  repository: string | null;
  repositories: number;
  detailed: number;
  unchanged: number;
  authenticated: boolean;
  cost: { requests: number; rateLimitRemaining: number | null };
  research: { repositories: number; medianHealth: number | null; key: string | null } | null;
};

describe('ingest_github: behaviour', () => {
  it('ingests and researches an organization; a re-run fetches only what changed', async () => {
    const { client, gh } = await setup();
    const first = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(first.isError, textOf(first)).toBeFalsy();
    const out = first.structuredContent as Ingest;
    expect(out).toMatchObject({ owner: 'acme', repository: null, repositories: 8, detailed: 8, unchanged: 0, authenticated: true, research: { repositories: 8, key: null } });
    expect(out.cost.rateLimitRemaining).toBeGreaterThan(0);
    expect(textOf(first)).toMatch(/^Ingested from github\.com: 8 repositories stored; 8 updated, 0 unchanged\. .*rate limit left\. Researched: 8 repositories, median health/);
    expect(textOf(first)).toContain('<<<repository data');
    expect(textOf(first)).toContain('owner "acme"');

    const mark = gh.fake.log.length;
    const again = (await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } })).structuredContent as Ingest;
    expect(again).toMatchObject({ detailed: 0, unchanged: 8 });
    expect(gh.fake.log.slice(mark).map((r) => r.operation)).toEqual(['OwnerRepositories']);
  });

  it('makes the GitHub repositories readable by list_repositories (owner filter), get_repository and the report resources', async () => {
    const { client, gh } = await setup();
    await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    const listed = await client.callTool({ name: 'list_repositories', arguments: { owner: 'ACME', limit: 100 } });
    const repositories = (listed.structuredContent as { repositories: { key: string; source: string; owner: string; researched: boolean; health: number | null }[] }).repositories;
    expect(repositories).toHaveLength(8);
    expect(repositories.every((r) => r.source === 'github' && r.owner === 'acme' && r.researched && r.health !== null)).toBe(true);
    expect((await client.callTool({ name: 'list_repositories', arguments: { source: 'github' } })).structuredContent).toMatchObject({ total: 8 });

    const live = gh.org.repos.find((r) => !r.isEmpty && !r.isArchived && r.pulls.length > 0 && r.topics.length > 0)!;
    const byName = await client.callTool({ name: 'get_repository', arguments: { repository: `acme/${live.name}`, sections: ['all'] } });
    expect(byName.isError, textOf(byName)).toBeFalsy();
    expect(byName.structuredContent).toMatchObject({
      repository: { key: `github:acme/${live.name.toLowerCase()}`, source: 'github', owner: 'acme' },
      github: { stars: live.stars, topics: live.topics, isArchived: false },
    });
    expect(textOf(byName)).toMatch(/from the GitHub API/);
    expect(textOf(byName)).toMatch(/\d+ releases, /);

    const people = await client.callTool({ name: 'get_contributors', arguments: { repository: `github:acme/${live.name.toLowerCase()}`, limit: 1 } });
    expect(people.isError, textOf(people)).toBeFalsy();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await client.callTool({ name: 'get_contributors', arguments: { repository: `acme/${live.name}`, limit: 1, ...(cursor ? { cursor } : {}) } })).structuredContent as { contributors: { name: string }[]; total: number; nextCursor: string | null };
      seen.push(...page.contributors.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    // Logins have no e-mail: paging must still visit each contributor exactly once.
    expect(new Set(seen).size).toBe(live.contributors.filter((c) => c.type !== 'Bot').length);
    expect(seen).toHaveLength(new Set(seen).size);

    const prs = await client.callTool({ name: 'list_pull_requests', arguments: { repository: `acme/${live.name}`, source: 'github', limit: 5 } });
    const merged = live.pulls.filter((p) => p.mergedAt !== null).length;
    expect((prs.structuredContent as { total: number }).total).toBe(Math.min(merged, 50));

    const hotspots = await client.callTool({ name: 'get_hotspots', arguments: { repository: `acme/${live.name}` } });
    expect(textOf(hotspots)).toMatch(/need the file-level history of a local clone/);

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain(organizationReportUri('acme'));
    expect(resources.filter((r) => r.uri.startsWith('reposcout://repository/github%3Aacme%2F'))).toHaveLength(8);
  });

  it('ingests and researches one repository', async () => {
    const { client, gh } = await setup();
    const name = gh.org.repos.find((r) => !r.isEmpty)!.name;
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: `https://github.com/acme/${name}` } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ owner: 'acme', repository: name, repositories: 1, research: { repositories: 1, key: `github:acme/${name.toLowerCase()}` } });
    const read = await client.callTool({ name: 'get_repository', arguments: { repository: `github:acme/${name.toLowerCase()}` } });
    expect(read.isError, textOf(read)).toBeFalsy();
    // The organization itself was not researched: its tools say what to call.
    const org = await client.callTool({ name: 'get_organization', arguments: { owner: 'acme' } });
    expect(org.isError).toBe(true);
    expect(textOf(org)).toMatch(/^NOT_RESEARCHED: "acme" is ingested but has not been researched yet\. Call research_organization with owner "acme" first\.$/);
  });

  it('with research false only ingests; research_organization then researches', async () => {
    const { client } = await setup();
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme', research: false, detail: false } });
    expect(result.structuredContent).toMatchObject({ repositories: 8, detailed: 0, research: null });
    expect(textOf(result)).toMatch(/Not researched yet/);
    const listed = await client.callTool({ name: 'list_repositories', arguments: { owner: 'acme', limit: 1 } });
    expect(listed.structuredContent).toMatchObject({ total: 8, repositories: [{ researched: false }] });
    const key = (listed.structuredContent as { repositories: { key: string }[] }).repositories[0]!.key;
    const unread = await client.callTool({ name: 'get_repository', arguments: { repository: key } });
    expect(textOf(unread)).toMatch(/has no finished analysis yet\. Call research_organization with owner "acme" first\.$/);
  });

  it('sends increasing progress notifications that carry the remaining rate limit', async () => {
    const { client } = await setup();
    const updates: Progress[] = [];
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme', concurrency: 1 } }, undefined, { onprogress: (p) => updates.push(p) });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < updates.length; i += 1) expect(updates[i]!.progress).toBeGreaterThan(updates[i - 1]!.progress);
    expect(updates.some((u) => /rate limit [\d,]+\/5,000 left/.test(u.message ?? ''))).toBe(true);
    expect(updates.at(-1)!.progress).toBe(updates.at(-1)!.total);
  });

  it('stops when the client cancels, keeps the database consistent, and finishes when called again', async () => {
    const { client, catalog, count } = await setup({ latencyMs: 30 });
    const controller = new AbortController();
    const call = client.callTool({ name: 'ingest_github', arguments: { target: 'acme', concurrency: 1 } }, undefined, {
      signal: controller.signal,
      onprogress: (p) => {
        if (p.progress > 0) controller.abort('user cancelled');
      },
    });
    await expect(call).rejects.toThrow(/cancelled/);
    // Queue behind the cancelled ingest in the write lane, so this reads after it has settled.
    const settled = await catalog.exclusive(new AbortController().signal, async () => ({
      inTransaction: catalog.store.db.inTransaction,
      integrity: catalog.store.db.pragma('integrity_check', { simple: true }),
      researched: count('select count(*) from github_owners where research_json is not null'),
    }));
    expect(settled).toEqual({ inTransaction: false, integrity: 'ok', researched: 0 });
    const rerun = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(rerun.isError, textOf(rerun)).toBeFalsy();
    expect(rerun.structuredContent).toMatchObject({ repositories: 8, research: { repositories: 8 } });
    expect(count('select count(*) from github_repositories where removed = 0')).toBe(8);
  });

  it('says when no token is set, and still reads public data', async () => {
    const { client } = await setup({ client: { token: null } });
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme', detail: false, research: false } });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ authenticated: false, cost: { rateLimitRemaining: expect.any(Number) } });
    expect(textOf(result)).toMatch(/No GitHub token was set for the server: public data only/);
  });

  it('is not offered by a read-only server, nor is research_organization', async () => {
    const { client } = await setup({ readOnly: true });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).not.toContain('ingest_github');
    expect(names).not.toContain('research_organization');
    expect(names).toEqual(expect.arrayContaining(['get_organization', 'get_collaboration_network', 'get_topics', 'get_citations']));
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/not found/);
    const org = await client.callTool({ name: 'get_organization', arguments: { owner: 'acme' } });
    expect(textOf(org)).toMatch(/^NOT_RESEARCHED: Nothing about "acme" is stored yet\. This needs the user: research it with "reposcout research acme" \(this server does not offer that\)\.$/);
  });
});

describe('ingest_github: failures come back as isError results with a next step', () => {
  it('a missing organization', async () => {
    const { client } = await setup();
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'no-such-org' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^GITHUB_NOT_FOUND: There is no user or organization "no-such-org" on github\.com/);
  });

  it('a bad token, without ever showing it', async () => {
    const { client, count } = await setup({ client: { token: `${FAKE_TOKEN}-revoked` } });
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        code: 'GITHUB_AUTH',
        message: 'GitHub rejected the token (401 Bad credentials): it is wrong, expired or revoked; it needs a new token.',
        next:
          'This needs the user: give the RepoScout server a GitHub token that can read it, in GITHUB_TOKEN or GH_TOKEN; ' +
          'then call ingest_github with target "acme" again to resume; it continues where it stopped.',
        remedy: { do: 'github_token', then: { do: 'ingest', target: 'acme', host: null, resume: true } },
      },
    });
    expect(textOf(result)).not.toContain(FAKE_TOKEN);
    expect(textOf(result)).not.toContain('--token-file');
    expect(count('select count(*) from github_repositories')).toBe(0);
  });

  it('a rate limit that resets later than maxWaitSeconds: stops, keeps what finished, and says how to resume', async () => {
    const { client, gh, count } = await setup();
    gh.fake.inject({ kind: 'primary-rate-limit', match: 'rest', seconds: 600, skip: 2 });
    const result = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme', concurrency: 1, maxWaitSeconds: 5 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /^GITHUB_RATE_LIMITED: GitHub's rate limit is used up until \d{4}-\d\d-\d\dT.*everything finished so far is stored; carry on after that time\. Tell the user when it can continue\. Call ingest_github with target "acme" again to resume; it continues where it stopped\.$/,
    );
    expect(result.structuredContent).toMatchObject({ error: { code: 'GITHUB_RATE_LIMITED', remedy: { do: 'ingest', target: 'acme', host: null, resume: true } } });
    expect(count(`select count(*) from sync_state where kind = 'github.head'`)).toBeGreaterThan(0);
    gh.fake.faults.length = 0;
    const resumed = await client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(resumed.isError, textOf(resumed)).toBeFalsy();
    expect((resumed.structuredContent as Ingest).detailed).toBeLessThan(8);
  });
});

describe('ingest_github: a bad REPOSCOUT_GITHUB_HOST', () => {
  it('is the user\'s to fix, named as the server\'s environment variable', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    const mcp = await connectInMemory({ store: db.store, github: githubFromEnvironment(db.store, { REPOSCOUT_GITHUB_HOST: 'not a host' }) });
    cleanups.push(() => mcp.close());
    const result = await mcp.client.callTool({ name: 'ingest_github', arguments: { target: 'acme' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'The GitHub host "not a host" is not a host name; pass something like github.example.com.',
        next: "This needs the user: fix REPOSCOUT_GITHUB_HOST in the RepoScout server's environment.",
        remedy: { do: 'fix_input', input: 'githubHost' },
      },
    });
  });
});

describe('ingest_github: bad input is refused before any request', () => {
  it.each([
    [{}, /target/],
    [{ target: '' }, /target is empty/],
    [{ target: 'bad--name' }, /not a valid GitHub user or organization name/],
    [{ target: 'a/b/c' }, /not a GitHub owner or owner\/repository/],
    [{ target: 'acme/..' }, /not a valid GitHub repository name/],
    [{ target: 'x'.repeat(201) }, /target/],
    [{ target: 'acme', windowMonths: 0 }, /windowMonths/],
    [{ target: 'acme', concurrency: 17 }, /concurrency/],
    [{ target: 'acme', maxWaitSeconds: 901 }, /maxWaitSeconds/],
    [{ target: 'acme', research: 'yes' }, /research/],
    [{ target: 'acme', token: 'x' }, /token/],
  ])('%o', async (args, message) => {
    const { client, gh } = await setup();
    const result = await client.callTool({ name: 'ingest_github', arguments: args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(gh.fake.log).toHaveLength(0);
  });
});
