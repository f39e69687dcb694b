import { describe, expect, it } from 'vitest';
import { searchableFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(searchableFixture);

type Factor = { id: string; value: number | null; weight: number; contribution: number; detail: string };
type Similar = { repository: { key: string }; mode: string; recommendations: { rank: number; score: number; repository: { key: string }; factors: Factor[] }[] };
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'find_similar_repositories', arguments: args });

describe('find_similar_repositories: behaviour', () => {
  it('ranks the other search library first, with a score that is the sum of its factor contributions', async () => {
    const result = await call({ repository: 'octo/fast-search' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as Similar;
    expect(out.repository.key).toBe('github:octo/fast-search');
    expect(out.recommendations.map((r) => r.repository.key)).not.toContain('github:octo/fast-search');
    const tiny = out.recommendations.find((r) => r.repository.key === 'github:octo/tiny-search')!;
    expect(tiny.rank).toBeLessThanOrEqual(2);
    expect(tiny.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['relevance', 'stack', 'health', 'popularity']));
    expect(tiny.factors.find((f) => f.id === 'stack')!.detail).toMatch(/search/);
    const sum = tiny.factors.reduce((s, f) => s + f.contribution, 0);
    expect(Math.abs(sum - tiny.score)).toBeLessThan(0.01);
    expect(textOf(result)).toMatch(/factors: relevance \+\d\.\d\d /);
  });

  it('accepts a key, a URL and a limit', async () => {
    for (const repository of ['github:octo/fast-search', 'https://github.com/octo/fast-search']) {
      const out = (await call({ repository, limit: 2, diversity: false })).structuredContent as Similar;
      expect(out.recommendations).toHaveLength(2);
    }
  });
});

describe('find_similar_repositories: bad input', () => {
  it('answers an unknown repository with "did you mean" and a next step', async () => {
    const result = await call({ repository: 'octo/fast-serch' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^REPOSITORY_NOT_FOUND: No repository "octo\/fast-serch" in the database; did you mean octo\/fast-search/);
    expect(result.structuredContent).toEqual({
      error: {
        code: 'REPOSITORY_NOT_FOUND',
        message: 'No repository "octo/fast-serch" in the database; did you mean octo/fast-search, octo/tiny-search?',
        next:
          'Call search with kinds ["repository"] or list_repositories to find the stored keys. ' +
          'Add repositories with analyze_local_repository (a local clone) or ingest_github; exported records need the user to run "reposcout import <file>".',
        remedy: { do: 'add_repository' },
      },
    });
  });

  it.each([
    [{}, /repository/],
    [{ repository: '' }, /repository is empty/],
    [{ repository: 'octo/fast-search', limit: 51 }, /limit is at most 50/],
    [{ repository: 'octo/fast-search', mode: 'fts' }, /mode/],
    [{ repository: 'octo/fast-search', diversity: 'yes' }, /diversity/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
