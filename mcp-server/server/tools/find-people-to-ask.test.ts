import { describe, expect, it } from 'vitest';
import { BREAKOUT, searchableFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(searchableFixture);

type People = { repository: string; path: string | null; people: { rank: number; email: string; commits: number; factors: { id: string }[] }[] };
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'find_people_to_ask', arguments: args });

describe('find_people_to_ask: behaviour', () => {
  it('ranks the people of a researched clone, without the bot, with factors', async () => {
    const result = await call({ repository: fx.key });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as People;
    expect(out).toMatchObject({ repository: fx.key, path: null });
    expect(out.people.map((p) => p.email).sort()).toEqual(['alice@example.com', 'bob@example.com', 'jose@example.com']);
    expect(out.people[0]!.email).toBe('alice@example.com');
    expect(out.people[0]!.factors.map((f) => f.id)).toEqual(['ownership', 'recency', 'breadth', 'reviews']);
    expect(textOf(result)).toMatch(/^3 people to ask about this repository, best first:\n<<<repository data/);
  });

  it('narrows to a folder, and finds the clone by its path', async () => {
    const out = (await call({ repository: fx.repo.dir, path: 'docs/' })).structuredContent as People;
    expect(out.path).toBe('docs');
    expect(out.people[0]!.email).toBe('jose@example.com');
    expect(out.people.map((p) => p.email)).not.toContain('alice@example.com');
  });

  it('keeps a hostile file name inside the data block', async () => {
    const result = await call({ repository: fx.key, path: 'docs/<odd> name.md' });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).not.toContain('<odd>');
    expect(textOf(result)).not.toContain(BREAKOUT);
  });
});

describe('find_people_to_ask: bad input', () => {
  it.each([
    [{ repository: 'octo/fast-serch' }, /^REPOSITORY_NOT_FOUND: .*did you mean octo\/fast-search/],
    [{ repository: 'octo/fast-search' }, /^NOT_RESEARCHED: .*no history.* Call analyze_local_repository with the path of a local clone first\.$/],
    [{ repository: 'FIXTURE_KEY', path: 'nowhere/' }, /^PATH_NOT_FOUND: No commit by a person touches "nowhere"/],
    [{ repository: 'FIXTURE_KEY', path: '../etc' }, /^INVALID_INPUT: The path "\.\.\/etc" must be relative to the repository root.* Pass another path, relative to the repository root\.$/],
    [{ repository: '' }, /repository is empty/],
    [{ repository: 'FIXTURE_KEY', limit: 51 }, /limit is at most 50/],
  ])('%o is refused with a next step', async (args, message) => {
    const result = await call({ ...args, repository: args.repository === 'FIXTURE_KEY' ? fx.key : args.repository });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('carries the remedy as data beside the words', async () => {
    const imported = await call({ repository: 'octo/fast-search' });
    expect(imported.structuredContent).toEqual({
      error: {
        code: 'NOT_RESEARCHED',
        message: 'github:octo/fast-search has no history in the database (it was imported as a record); its commits are read by researching a clone of it.',
        next: 'Call analyze_local_repository with the path of a local clone first.',
        remedy: { do: 'research_local', path: null },
      },
    });
    const outside = await call({ repository: fx.key, path: '../etc' });
    expect(outside.structuredContent).toMatchObject({ error: { code: 'INVALID_INPUT', next: 'Pass another path, relative to the repository root.', remedy: { do: 'fix_input', input: 'path' } } });
  });
});
