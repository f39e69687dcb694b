import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remember } from '../../../shared/memory/remember';
import { openSpace } from '../../../shared/search/spaces';
import { connectInMemory, emptyStore, textOf } from '../test-support';

// Memories written through the engine at fixed times, then read through the tool.
let db: ReturnType<typeof emptyStore>;
let mcp: Awaited<ReturnType<typeof connectInMemory>>;

beforeAll(async () => {
  db = emptyStore();
  const space = await openSpace(db.store, 'lexical');
  const add = (text: string, at: string, tags: string[] = [], links: { kind: 'repository' | 'job'; target: string }[] = []) => remember(db.store, space, { text, at, tags, links });
  await add('Deploys to staging need the VPN; production deploys go through the release job.', '2025-01-10T00:00:00.000Z', ['deploy'], [{ kind: 'job', target: 'release' }]);
  await add('The payment service retries webhooks three times with exponential backoff.', '2025-03-05T00:00:00.000Z', ['payments'], [{ kind: 'repository', target: 'octo/payments' }]);
  await add('Database migrations must be reversible; see the payment service for an example.', '2025-06-20T00:00:00.000Z', ['database', 'payments']);
  mcp = await connectInMemory({ store: db.store });
});
afterAll(async () => {
  await mcp.close();
  db.cleanup();
});

type Recalled = { id: number; text: string; snippet: string; bm25: { rank: number } | null; vector: { rank: number } | null };
type Recall = { query: string; notice: string | null; memories: Recalled[] };
const call = (args: Record<string, unknown>) => mcp.client.callTool({ name: 'recall', arguments: args });
const ids = async (args: Record<string, unknown>) => ((await call(args)).structuredContent as Recall).memories.map((m) => m.id);

describe('recall: behaviour', () => {
  it('finds the relevant memory first, with each retriever\'s rank', async () => {
    const result = await call({ query: 'how are webhooks retried?' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as Recall;
    expect(out.memories[0]).toMatchObject({ id: 2, bm25: { rank: 1 } });
    expect(out.memories[0]!.vector).not.toBeNull();
    expect(textOf(result)).toMatch(/^\d+ memor(y|ies), most relevant first:\n<<<stored data/);
  });

  it.each([
    [{ tags: ['PAYMENTS'] }, [2, 3]],
    [{ tags: ['payments', 'database'] }, [3]],
    [{ link: { kind: 'repository', target: 'https://github.com/octo/payments' } }, [2]],
    [{ link: { kind: 'job', target: 'release' } }, [1]],
    [{ since: '2025-03-01' }, [2, 3]],
    [{ until: '2025-03-01' }, [1]],
    [{ since: '2025-03-01', until: '2025-06-01T00:00:00Z' }, [2]],
  ])('filters %o', async (filters, expected) => {
    expect((await ids({ query: 'payment service deploys migrations webhooks', mode: 'bm25', ...filters })).sort()).toEqual(expected);
  });

  it('says when nothing matches', async () => {
    const result = await call({ query: 'zeppelin', mode: 'bm25' });
    expect((result.structuredContent as Recall).memories).toEqual([]);
    expect(textOf(result)).toMatch(/^No memory matches\.\nTry other words/);
  });
});

describe('recall: bad input', () => {
  it.each([
    ['an empty query', { query: '' }, /query is empty/],
    ['a query of spaces', { query: ' ' }, /INVALID_INPUT: The query is empty/],
    ['a date that is not one', { query: 'a', since: 'last tuesday' }, /since must be a date such as 2025-01-31/],
    ['an empty time range', { query: 'a', since: '2025-05-01', until: '2025-01-01' }, /The time range is empty/],
    ['an empty tag list', { query: 'a', tags: [] }, /tags/],
    ['a link without a target', { query: 'a', link: { kind: 'job' } }, /target/],
    ['limit 51', { query: 'a', limit: 51 }, /limit is at most 50/],
  ])('%s is refused', async (_case, args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
