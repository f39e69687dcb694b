import { describe, expect, it } from 'vitest';
import { researchedFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(researchedFixture);

type Hotspots = { hotspots: { path: string; churn: number; commits: number }[]; windowMonths: number; windowStart: string };
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_hotspots', arguments: args });
const hotspots = async (args: Record<string, unknown>) => (await call({ repository: fx.key, ...args })).structuredContent as Hotspots;

describe('get_hotspots: behaviour', () => {
  it('lists files by churn, most first', async () => {
    const out = await hotspots({});
    expect(out.hotspots[0]?.path).toBe('src/core.ts');
    const churns = out.hotspots.map((h) => h.churn);
    expect(churns).toEqual([...churns].sort((a, b) => b - a));
    expect(out.windowMonths).toBe(12);
  });

  it.each([
    [{ pathPrefix: 'docs/' }, (p: string) => p.startsWith('docs/')],
    [{ pathPrefix: './src' }, (p: string) => p.startsWith('src')],
    [{ pathPrefix: 'nowhere/' }, () => false],
  ])('filters with %o', async (args, accept) => {
    const out = await hotspots(args);
    for (const h of out.hotspots) expect(accept(h.path)).toBe(true);
    if (args.pathPrefix !== 'nowhere/') expect(out.hotspots.length).toBeGreaterThan(0);
    else expect(out.hotspots).toEqual([]);
  });

  it('honours limit', async () => {
    expect((await hotspots({ limit: 1 })).hotspots).toHaveLength(1);
  });

  it('quotes paths, including hostile ones, in the data block', async () => {
    const text = textOf(await call({ repository: fx.key, limit: 20 }));
    expect(text).toContain('"docs/\\u003codd\\u003e name.md"');
  });
});

describe('get_hotspots: bad input', () => {
  it.each([
    [{ repository: 'x', limit: 21 }, /limit is at most 20/],
    [{ repository: 'x', limit: 0 }, /limit must be at least 1/],
    [{ repository: 'x', pathPrefix: '' }, /pathPrefix/],
    [{ repository: 'x' }, /NOT_RESEARCHED/],
    [{ pathPrefix: 'src/' }, /repository/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
