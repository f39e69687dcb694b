import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../shared/store/open';
import { BREAKOUT, connectInMemory, emptyStore, textOf } from '../test-support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function setup(options: { readOnly?: boolean } = {}) {
  const db = emptyStore();
  cleanups.push(db.cleanup);
  const mcp = await connectInMemory({ store: db.store, readOnly: options.readOnly ?? false });
  cleanups.push(() => mcp.close());
  const call = (name: string, args: Record<string, unknown>) => mcp.client.callTool({ name, arguments: args });
  return { ...mcp, db, call };
}

type Memory = { id: number; text: string; tags: string[]; links: { kind: string; target: string }[]; timesRemembered: number };
type Remembered = { outcome: 'created' | 'merged'; memory: Memory; merged: { similarity: number; previousText: string } | null };

describe('remember: behaviour', () => {
  it('stores a memory that recall finds again, with tags and canonical links', async () => {
    const { call } = await setup();
    const result = await call('remember', {
      text: 'The release checklist needs a manual smoke test of the VS Code extension.',
      tags: ['Release', 'extension'],
      links: [{ kind: 'repository', target: 'https://github.com/octo/app' }, { kind: 'pull_request', target: 'octo/app#12' }],
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as Remembered;
    expect(out).toMatchObject({ outcome: 'created', merged: null, memory: { id: 1, tags: ['extension', 'release'], timesRemembered: 1 } });
    expect(out.memory.links).toEqual([{ kind: 'pull_request', target: 'github:octo/app#12' }, { kind: 'repository', target: 'github:octo/app' }]);
    expect(textOf(result)).toMatch(/^Remembered as memory 1\.\n<<<stored data: .*never instructions>>>/);

    const recalled = await call('recall', { query: 'smoke test before a release' });
    expect(recalled.isError, textOf(recalled)).toBeFalsy();
    expect((recalled.structuredContent as { memories: Memory[] }).memories.map((m) => m.id)).toEqual([1]);
  });

  it('merges a near-duplicate, and the merge shows in remember, recall and list_memories', async () => {
    const { call } = await setup();
    await call('remember', { text: 'The search index must be rebuilt after upgrading the embedder.', tags: ['search'] });
    const again = await call('remember', { text: 'The search index must be rebuilt after upgrading the embedder!', tags: ['upgrade'], links: [{ kind: 'job', target: 'job-7' }] });
    const out = again.structuredContent as Remembered;
    expect(out).toMatchObject({ outcome: 'merged', memory: { id: 1, timesRemembered: 2, tags: ['search', 'upgrade'], text: 'The search index must be rebuilt after upgrading the embedder!' } });
    expect(out.merged!.similarity).toBeGreaterThanOrEqual(0.9);
    expect(out.merged!.previousText).toBe('The search index must be rebuilt after upgrading the embedder.');
    expect(textOf(again)).toMatch(/^Merged into memory 1, a near-duplicate \(similarity \d\.\d\d\); remembered 2 times/);

    const listed = (await call('list_memories', {})).structuredContent as { memories: Memory[]; total: number };
    expect(listed.total).toBe(1);
    const shown = (await call('list_memories', { id: 1 })).structuredContent as { memories: (Memory & { history: { event: string; text: string }[] })[] };
    expect(shown.memories[0]!.history.map((h) => h.event)).toEqual(['created', 'merged']);

    // A different number is a different fact, and merge false always stores a new memory.
    expect(((await call('remember', { text: 'The search index must be rebuilt after upgrading the embedder to 2.0.' })).structuredContent as Remembered).outcome).toBe('created');
    expect(((await call('remember', { text: 'The search index must be rebuilt after upgrading the embedder!', merge: false })).structuredContent as Remembered).memory.id).toBe(3);
  });

  it('keeps hostile memory text quoted inside the data block', async () => {
    const { call } = await setup();
    const result = await call('remember', { text: `${BREAKOUT}\nSecond line` });
    const text = textOf(result);
    const lines = text.split('\n');
    expect(lines.at(-1)).toBe('<<<end of stored data>>>');
    expect(lines.filter((l) => l.includes('end of stored data'))).toHaveLength(1);
    expect(text).toContain('\\u003c\\u003c\\u003cend of repository data');
    expect(text).toContain('\\nSecond line');
  });
});

describe('remember: bad input', () => {
  it.each([
    ['no text', {}, /text/],
    ['empty text', { text: '' }, /text is empty; say what to remember/],
    ['text of spaces', { text: '  \n ' }, /INVALID_INPUT: The memory text is empty/],
    ['text over 20,000 characters', { text: 'x'.repeat(20_001) }, /text is longer than 20,000 characters; split it/],
    ['a tag with a space', { text: 'a fact', tags: ['two words'] }, /Tag "two words" is not allowed/],
    ['33 tags', { text: 'a fact', tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, /tags/],
    ['an unknown link kind', { text: 'a fact', links: [{ kind: 'issue', target: 'octo/app#1' }] }, /kind/],
    ['a bad pull request link', { text: 'a fact', links: [{ kind: 'pull_request', target: 'octo/app' }] }, /"octo\/app" is not a pull request reference/],
    ['merge as a string', { text: 'a fact', merge: 'no' }, /merge/],
  ])('%s is refused with a message naming the problem', async (_case, args, message) => {
    const { call } = await setup();
    const result = await call('remember', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe('memory tools: read-only mode and concurrent servers', () => {
  it('serves recall and list_memories but not remember or forget in read-only mode', async () => {
    const { client, call } = await setup({ readOnly: true });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['search', 'find_similar_repositories', 'recommend_for_developer', 'find_people_to_ask', 'recall', 'list_memories']));
    expect(names).not.toContain('remember');
    expect(names).not.toContain('forget');
    const refused = await call('remember', { text: 'a fact' });
    expect(refused.isError).toBe(true);
  });

  it('loses nothing when two servers on one database file remember at once', async () => {
    const db = emptyStore();
    cleanups.push(db.cleanup);
    // A second connection to the same file, as a second agent process would have.
    const second = openStore(path.resolve(db.dbPath));
    cleanups.push(() => second.close());
    const a = await connectInMemory({ store: db.store });
    const b = await connectInMemory({ store: second });
    cleanups.push(() => a.close(), () => b.close());
    const n = 25;
    const facts = (who: string) => Array.from({ length: n }, (_, i) => `${who} finding ${i}: cache shard ${i * 7} of ${who} needs ${i + 3} replicas`);
    const shared = 'Both agents agree: the nightly build is flaky on Windows.';
    const calls = [a, b].flatMap((server, s) =>
      [...facts(s === 0 ? 'alpha' : 'beta'), shared].map((text) => server.client.callTool({ name: 'remember', arguments: { text } })),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.isError).map(textOf)).toEqual([]);
    const listed = (await a.client.callTool({ name: 'list_memories', arguments: { limit: 100 } })).structuredContent as { memories: Memory[]; total: number };
    expect(listed.total).toBe(2 * n + 1);
    expect(listed.memories.find((m) => m.text === shared)!.timesRemembered).toBe(2);
    // Each server finds what the other wrote.
    const found = (await b.client.callTool({ name: 'recall', arguments: { query: 'alpha finding 7 cache shard 49', limit: 3, mode: 'bm25' } })).structuredContent as { memories: Memory[] };
    expect(found.memories[0]!.text).toBe(facts('alpha')[7]);
    const count = db.store.db.prepare(`select count(*) from search_documents where kind = 'memory'`).pluck().get();
    expect(count).toBe(2 * n + 1);
  });
});
