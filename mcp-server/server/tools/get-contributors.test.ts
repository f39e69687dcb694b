import { describe, expect, it } from 'vitest';
import { alice, bob, dependabot, jose } from '../../../test/helpers/git-fixture';
import { researchedFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(researchedFixture);

type People = {
  contributors: { email: string; commits: number; isBot: boolean }[];
  busFactor: { windowMonths: number; window: { factor: number; people: { email: string }[] }; allTime: { factor: number } };
  humans: number;
  bots: number;
  total: number;
  nextCursor: string | null;
};
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_contributors', arguments: args });
const people = async (args: Record<string, unknown>) => (await call({ repository: fx.key, ...args })).structuredContent as People;

describe('get_contributors: behaviour', () => {
  it('lists people by commits with the bus factor, leaving bots out', async () => {
    const out = await people({});
    expect(out.contributors.map((c) => c.email)).toEqual([alice.email, bob.email, jose.email]);
    expect(out).toMatchObject({ humans: 3, bots: 1, total: 3, nextCursor: null });
    expect(out.busFactor.window.factor).toBe(1);
    expect(out.busFactor.window.people.map((p) => p.email)).toEqual([alice.email]);
    expect(out.busFactor.windowMonths).toBe(12);
  });

  it('includes bots when asked', async () => {
    const out = await people({ includeBots: true });
    expect(out.contributors.find((c) => c.email === dependabot.email)?.isBot).toBe(true);
    expect(out.total).toBe(4);
  });

  it.each([
    [{ match: 'BOB' }, [bob.email]],
    [{ match: 'example.com' }, [alice.email, bob.email, jose.email]],
    [{ match: 'nobody' }, []],
  ])('filters with %o', async (args, emails) => {
    expect((await people(args)).contributors.map((c) => c.email)).toEqual(emails);
  });

  it.each(['commits', 'recent', 'lines'])('pages through everyone once sorted by %s', async (sort) => {
    const all = (await people({ sort })).contributors.map((c) => c.email);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: People = await people({ sort, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.contributors.map((c) => c.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('puts names and e-mails in the data block', async () => {
    const text = textOf(await call({ repository: fx.key }));
    expect(text).toMatch(/^Bus factor 1 over the last 12 months/);
    expect(text).toContain(`person ${JSON.stringify(alice.name)} ${JSON.stringify(alice.email)}`);
  });
});

describe('get_contributors: bad input', () => {
  it.each([
    [{ repository: 'x', limit: 0 }, /limit must be at least 1/],
    [{ repository: 'x', sort: 'age' }, /sort/],
    [{ repository: 'x', includeBots: 'yes' }, /includeBots/],
    [{ repository: 'x', match: '' }, /match/],
    [{ repository: 'unknown-repo' }, /NOT_RESEARCHED/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor from another sort', async () => {
    const first = await people({ limit: 1 });
    const result = await call({ repository: fx.key, limit: 1, sort: 'lines', cursor: first.nextCursor });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/different query/);
  });
});
