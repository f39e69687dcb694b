import { afterEach, describe, expect, it } from 'vitest';
import { connectInMemory, emptyStore, textOf } from '../test-support';
import { DATA_NOTICE } from '../untrusted';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup() {
  const db = emptyStore();
  cleanups.push(db.cleanup);
  const mcp = await connectInMemory({ store: db.store });
  cleanups.push(() => mcp.close());
  const call = (name: string, args: Record<string, unknown>) => mcp.client.callTool({ name, arguments: args });
  for (const text of ['The staging database is reset every Monday.', 'Feature flags live in config/flags.yaml.']) await call('remember', { text });
  return { db, call };
}

const recalled = async (call: Awaited<ReturnType<typeof setup>>['call'], query: string) =>
  ((await call('recall', { query })).structuredContent as { memories: { id: number }[] }).memories.map((m) => m.id);

describe('forget: behaviour', () => {
  it('deletes a memory so recall and search no longer find it', async () => {
    const { db, call } = await setup();
    expect(await recalled(call, 'staging database reset')).toContain(1);
    const result = await call('forget', { ids: [1] });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(result.structuredContent).toEqual({ forgotten: [1], dataNotice: DATA_NOTICE });
    expect(textOf(result)).toBe('Forgot memory 1, with its history.');
    expect(await recalled(call, 'staging database reset')).not.toContain(1);
    const search = (await call('search', { query: 'staging database reset', kinds: ['memory'] })).structuredContent as { hits: { key: string }[] };
    expect(search.hits.map((h) => h.key)).not.toContain('memory:1');
    expect(db.store.db.prepare('select count(*) from memory_history where memory_id = 1').pluck().get()).toBe(0);
  });
});

describe('forget: bad input', () => {
  it('forgets nothing when one id is unknown, and says which', async () => {
    const { call } = await setup();
    const result = await call('forget', { ids: [2, 42] });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        code: 'MEMORY_NOT_FOUND',
        message: 'No memory with id 42; nothing was forgotten.',
        next: 'Call list_memories or recall to find memory ids.',
        remedy: { do: 'list', what: 'memories' },
      },
    });
    expect(((await call('list_memories', {})).structuredContent as { total: number }).total).toBe(2);
  });

  it.each([
    ['no ids', {}, /ids/],
    ['an empty list', { ids: [] }, /ids is empty; pass the ids/],
    ['id 0', { ids: [0] }, /ids/],
    ['a fractional id', { ids: [1.5] }, /ids/],
    ['101 ids', { ids: Array.from({ length: 101 }, (_, i) => i + 1) }, /ids/],
  ])('%s is refused', async (_case, args, message) => {
    const { call } = await setup();
    const result = await call('forget', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
