import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog';
import { connectInMemory, emptyStore, fakeGitHub, textOf, type FakeGitHubFixture } from '../test-support';

// One database for the file: "acme" ingested through the tool without research, then
// researched by research_organization (offline: the fake GitHub must see no request).
let db: ReturnType<typeof emptyStore>;
let gh: FakeGitHubFixture;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  db = emptyStore();
  gh = await fakeGitHub(db.store);
  mcp = await connectInMemory({ store: db.store, catalog: createCatalog(db.store), github: gh.access() });
  const ingest = await mcp.client.callTool({ name: 'ingest_github', arguments: { target: 'acme', research: false } });
  expect(ingest.isError, textOf(ingest)).toBeFalsy();
});
afterAll(async () => {
  await mcp.close();
  await gh.close();
  db.cleanup();
});

const call = (args: Record<string, unknown>) => mcp.client.callTool({ name: 'research_organization', arguments: args });
type Summary = { owner: string; windowMonths: number; repositories: number; ranked: number; medianHealth: number | null; grades: Record<string, number> };

describe('research_organization: behaviour', () => {
  it('researches the stored repositories without calling GitHub, and stores the result for the read tools', async () => {
    const requests = gh.fake.log.length;
    const result = await call({ owner: 'ACME', windowMonths: 6 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as Summary;
    expect(out).toMatchObject({ owner: 'acme', windowMonths: 6, repositories: 8, ranked: gh.org.repos.filter((r) => !r.isArchived && !r.isFork && !r.isEmpty).length });
    expect(Object.values(out.grades).reduce((a, b) => a + b, 0)).toBe(out.ranked);
    expect(textOf(result)).toMatch(/^Researched: 8 repositories \(\d+ ranked; .*over the last 6 months\./);
    expect(gh.fake.log.length).toBe(requests);

    const read = await mcp.client.callTool({ name: 'get_organization', arguments: { owner: 'acme' } });
    expect(read.structuredContent).toMatchObject({ windowMonths: 6, totals: { repositories: 8 } });
    const listed = await mcp.client.callTool({ name: 'list_repositories', arguments: { owner: 'acme', minHealth: 0 } });
    expect(listed.structuredContent).toMatchObject({ total: 8 });
  });

  it('recomputes with another window, and the read tools see the new result at once', async () => {
    await call({ owner: 'acme', windowMonths: 24 });
    const read = await mcp.client.callTool({ name: 'get_organization', arguments: { owner: 'acme' } });
    expect(read.structuredContent).toMatchObject({ windowMonths: 24 });
  });
});

describe('research_organization: bad input', () => {
  it.each([
    [{}, /owner/],
    [{ owner: '' }, /owner is empty/],
    [{ owner: 'acme/repo' }, /owner must be a GitHub organization or user name/],
    [{ owner: 'https://github.com/acme' }, /owner must be a GitHub organization or user name/],
    [{ owner: '-acme' }, /owner must be a GitHub organization or user name/],
    [{ owner: 'acme', windowMonths: 0 }, /windowMonths/],
    [{ owner: 'acme', windowMonths: 241 }, /windowMonths/],
    [{ owner: 'acme', force: true }, /force/],
    [{ owner: 'nobody' }, /^NOT_RESEARCHED: Nothing about "nobody" is stored yet\. Call ingest_github with target "nobody" first/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
