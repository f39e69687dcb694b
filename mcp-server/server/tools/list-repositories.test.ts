import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { researchLocalRepository } from '../../../shared/research/research-local';
import { alice, bob, TestRepo } from '../../../test/helpers/git-fixture';
import { connectInMemory, emptyStore, researchedFixture, textOf, type Fixture } from '../test-support';

// One fixture database for this file: every call here only reads it.
let fx: Fixture;
let extra: TestRepo[] = [];
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  fx = await researchedFixture();
  // Two more small repositories so paging has something to page through.
  extra = [0, 1].map((i) => {
    const r = TestRepo.create();
    r.write(`lib${i}.py`, 'print(1)\n').commit('start', alice, new Date(Date.now() - (400 + i) * 86_400_000));
    r.write(`lib${i}.py`, 'print(2)\n').commit('more', bob, new Date(Date.now() - (399 + i) * 86_400_000));
    return r;
  });
  for (const r of extra) await researchLocalRepository(fx.store, r.dir);
  mcp = await connectInMemory({ store: fx.store });
});
afterAll(async () => {
  await mcp.close();
  for (const r of extra) r.remove();
  fx.cleanup();
});

const call = (args: Record<string, unknown>) => mcp.client.callTool({ name: 'list_repositories', arguments: args });
type Listing = { repositories: { key: string; name: string; health: number | null; primaryLanguage: string | null }[]; total: number; nextCursor: string | null };
const listing = (result: Awaited<ReturnType<typeof call>>) => result.structuredContent as Listing;

describe('list_repositories: behaviour', () => {
  it('lists every stored repository, best health first, with a data block in the text', async () => {
    const result = await call({});
    expect(result.isError).toBeFalsy();
    const { repositories, total, nextCursor } = listing(result);
    expect(total).toBe(3);
    expect(nextCursor).toBeNull();
    expect(repositories.map((r) => r.health)).toEqual([...repositories.map((r) => r.health)].sort((a, b) => (b ?? 0) - (a ?? 0)));
    expect(repositories.find((r) => r.key === fx.key)).toMatchObject({ researched: true, source: 'local', owner: null, path: fx.repo.dir, primaryLanguage: 'TypeScript' });
    expect(textOf(result)).toContain('<<<repository data');
    expect(textOf(result)).toContain(JSON.stringify(fx.key));
  });

  it.each([
    [{ language: 'typescript' }, 1],
    [{ language: 'Python' }, 2],
    [{ language: 'Rust' }, 0],
    [{ activeWithinDays: 365 }, 1],
    [{ activeWithinDays: 3650 }, 3],
    [{ minHealth: 0 }, 3],
    [{ minHealth: 100 }, 0],
    [{ owner: 'someone' }, 0],
    [{ source: 'local' }, 3],
    [{ source: 'github' }, 0],
  ])('filters %o to %i repositories', async (args, count) => {
    const result = await call(args);
    expect(result.isError).toBeFalsy();
    expect(listing(result).total).toBe(count);
    expect(listing(result).repositories).toHaveLength(count);
  });

  it.each(['health', 'name', 'last_commit'])('pages through everything once with limit 1, sorted by %s', async (sort) => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = listing(await call({ sort, limit: 1, ...(cursor ? { cursor } : {}) }));
      seen.push(...result.repositories.map((r) => r.key));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(3);
    const all = listing(await call({ sort })).repositories.map((r) => r.key);
    expect(seen).toEqual(all);
  });

  it('sorts by name A-Z', async () => {
    const names = listing(await call({ sort: 'name' })).repositories.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('says the database is empty and how to fill it', async () => {
    const empty = emptyStore();
    const other = await connectInMemory({ store: empty.store });
    try {
      const result = await other.client.callTool({ name: 'list_repositories', arguments: {} });
      expect(listing(result)).toEqual({ repositories: [], total: 0, nextCursor: null, dataNotice: expect.any(String) });
      expect(textOf(result)).toMatch(/database is empty.*analyze_local_repository/);
    } finally {
      await other.close();
      empty.cleanup();
    }
  });
});

describe('list_repositories: bad input', () => {
  it.each([
    [{ limit: 0 }, /limit must be at least 1/],
    [{ limit: 101 }, /limit is at most 100 per page; pass the returned nextCursor/],
    [{ limit: 2.5 }, /limit must be a whole number/],
    [{ minHealth: -1 }, /minHealth/],
    [{ minHealth: 101 }, /minHealth/],
    [{ activeWithinDays: 0 }, /activeWithinDays/],
    [{ sort: 'stars' }, /sort/],
    [{ source: 'gitlab' }, /source/],
    [{ language: '' }, /language/],
    [{ limt: 5 }, /limt/],
    [{ cursor: 'not-a-cursor' }, /cursor is not one list_repositories returned/],
  ])('%o is refused with a message naming the problem', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor replayed with other filters', async () => {
    const first = listing(await call({ limit: 1 }));
    const result = await call({ limit: 1, cursor: first.nextCursor, sort: 'name' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/cursor belongs to a different query/);
  });
});
