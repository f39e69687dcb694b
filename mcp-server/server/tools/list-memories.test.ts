import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remember } from '../../../shared/memory/remember';
import { openSpace } from '../../../shared/search/spaces';
import { connectInMemory, emptyStore, textOf } from '../test-support';
import { DATA_NOTICE } from '../untrusted';

let db: ReturnType<typeof emptyStore>;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  db = emptyStore();
  const space = await openSpace(db.store, 'lexical');
  for (let i = 0; i < 5; i += 1) {
    await remember(db.store, space, { text: `Note number ${i} about module ${i * 11}.`, tags: i % 2 === 0 ? ['even'] : ['odd'], at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() });
  }
  mcp = await connectInMemory({ store: db.store });
});
afterAll(async () => {
  await mcp.close();
  db.cleanup();
});

type Page = { memories: { id: number; tags: string[]; history?: { event: string }[] }[]; total: number; nextCursor: string | null };
const call = (args: Record<string, unknown>) => mcp.client.callTool({ name: 'list_memories', arguments: args });
const page = async (args: Record<string, unknown>) => (await call(args)).structuredContent as Page;

describe('list_memories: behaviour', () => {
  it('lists newest first and pages through everything once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(p.total).toBe(5);
      seen.push(...p.memories.map((m) => m.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it('filters by tag and time, and shows one memory with its history', async () => {
    expect((await page({ tags: ['odd'] })).memories.map((m) => m.id)).toEqual([4, 2]);
    expect((await page({ since: '2025-01-04' })).total).toBe(2);
    const one = await page({ id: 3 });
    expect(one).toMatchObject({ total: 1, nextCursor: null, memories: [{ id: 3, history: [{ event: 'created' }] }] });
    expect((await page({})).memories[0]!.history).toBeUndefined();
  });

  it('says how to add one when there is none', async () => {
    const empty = emptyStore();
    const other = await connectInMemory({ store: empty.store });
    try {
      const result = await other.client.callTool({ name: 'list_memories', arguments: {} });
      expect(result.structuredContent).toEqual({ memories: [], total: 0, nextCursor: null, dataNotice: DATA_NOTICE });
      expect(textOf(result)).toBe('No memories yet; remember saves one.');
    } finally {
      await other.close();
      empty.cleanup();
    }
  });
});

describe('list_memories: bad input', () => {
  it.each([
    ['an unknown id', { id: 99 }, /^MEMORY_NOT_FOUND: No memory with id 99\. Call list_memories or recall to find memory ids\.$/],
    ['a cursor that is not one', { cursor: 'bm90IGEgY3Vyc29y' }, /cursor is not one list_memories returned/],
    ['limit 101', { limit: 101 }, /limit is at most 100 per page/],
    ['id 0', { id: 0 }, /id/],
  ])('%s is refused', async (_case, args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor replayed with other filters', async () => {
    const first = await page({ limit: 1 });
    const result = await call({ limit: 1, cursor: first.nextCursor, tags: ['odd'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/cursor belongs to a different query/);
  });
});
