import { describe, expect, it } from 'vitest';
import { jose } from '../../../test/helpers/git-fixture';
import { BREAKOUT, researchedFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(researchedFixture);

type Pr = { number: number; source: string; title: string; author: { name: string; email: string } | null; mergedAt: string; sha?: string; files?: string[] };
type Prs = { pullRequests: Pr[]; total: number; nextCursor: string | null };
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'list_pull_requests', arguments: args });
const prs = async (args: Record<string, unknown>) => (await call({ repository: fx.key, ...args })).structuredContent as Prs;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('list_pull_requests: behaviour', () => {
  it('lists reconstructed pull requests newest first, without files by default', async () => {
    const out = await prs({});
    expect(out.pullRequests.map((p) => p.number)).toEqual([9, 8, 7]);
    expect(out.total).toBe(3);
    expect(out.pullRequests[0]).not.toHaveProperty('files');
    expect(out.pullRequests[0]).not.toHaveProperty('sha');
    expect(out.pullRequests.find((p) => p.number === 7)).toMatchObject({ source: 'merge', author: { email: jose.email } });
    expect(out.pullRequests.find((p) => p.number === 9)?.title).toBe(BREAKOUT);
  });

  it.each([
    [{ source: 'merge' }, [7]],
    [{ source: 'squash' }, [9, 8]],
    [{ author: 'JOSE' }, [7]],
    [{ titleContains: 'core tests' }, [8]],
    [{ since: daysAgo(35) }, [9, 8]],
    [{ until: daysAgo(35) }, [7]],
    [{ since: daysAgo(40), until: daysAgo(25) }, [8]],
    [{ since: `${daysAgo(400)}T00:00:00Z` }, [9, 8, 7]],
  ])('filters with %o', async (args, numbers) => {
    const out = await prs(args);
    expect(out.pullRequests.map((p) => p.number)).toEqual(numbers);
    expect(out.total).toBe(numbers.length);
  });

  it('detail "full" adds the SHA, branch and changed files', async () => {
    const out = await prs({ detail: 'full' });
    const merge = out.pullRequests.find((p) => p.number === 7);
    expect(merge?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(merge?.files).toEqual(['docs/guide.md']);
    expect(textOf(await call({ repository: fx.key, detail: 'full' }))).toContain('files "docs/guide.md"');
  });

  it('pages with limit 1 through every pull request once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Prs = await prs({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(3);
      seen.push(...page.pullRequests.map((p) => p.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([9, 8, 7]);
  });
});

describe('list_pull_requests: bad input', () => {
  it.each([
    [{ since: 'yesterday' }, /since must be a date like 2025-01-31/],
    [{ since: '2025-02-30' }, /since is not a real calendar date/],
    [{ until: '2025-01-01T25:00:00Z' }, /until is not a real calendar date/],
    [{ until: '2025-13-01' }, /until/],
    [{ since: '2025-06-01', until: '2025-01-01' }, /since \(2025-06-01\) must be before until/],
    [{ source: 'gitlab' }, /source/],
    [{ detail: 'everything' }, /detail/],
    [{ limit: 1000 }, /limit is at most 100/],
    [{ cursor: 'eyJ0IjoibGlzdF9wdWxsX3JlcXVlc3RzIn0' }, /cursor is not one list_pull_requests returned/],
  ])('%o is refused', async (args, message) => {
    const result = await call({ repository: fx.key, ...args });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor from another filter', async () => {
    const first = await prs({ limit: 1 });
    const result = await call({ repository: fx.key, limit: 1, source: 'squash', cursor: first.nextCursor });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/different query/);
  });
});
