import { describe, expect, it } from 'vitest';
import { searchableFixture, servedFixture, textOf } from '../test-support';

const fx = servedFixture(searchableFixture);

type Factor = { id: string; contribution: number };
type Recommendations = {
  profile: { name: string; email: string; commits: number; repositories: { key: string }[]; languages: { language: string }[] };
  repositories: { repository: { key: string }; factors: Factor[] }[];
  issues: { key: string; labels: string[]; repository: string | null; factors: Factor[] }[];
};
const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'recommend_for_developer', arguments: args });

describe('recommend_for_developer: behaviour', () => {
  it('recommends TypeScript repositories and good-first-issues to a TypeScript developer, with explanations', async () => {
    const result = await call({ person: 'alice@example.com', limit: 3, issues: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as Recommendations;
    expect(out.profile).toMatchObject({ name: 'Alice Liddell', email: 'alice@example.com', repositories: [{ key: fx.key }], languages: [{ language: 'TypeScript' }] });
    expect(out.repositories).toHaveLength(3);
    // Her own repository is where she already works, not a recommendation.
    expect(out.repositories.map((r) => r.repository.key)).not.toContain(fx.key);
    expect(out.repositories[0]!.factors.map((f) => f.id)).toContain('stack');
    expect(out.issues.map((i) => i.key).sort()).toEqual(['github:octo/fast-search#3', 'github:octo/tiny-search#9']);
    expect(out.issues.every((i) => i.repository !== null && i.factors.length > 0)).toBe(true);
    expect(textOf(result)).toMatch(/^Profile: 5 commits in 1 stored repository, 0 pull requests\. 3 repositories and 2 good-first-issues recommended/);
  });

  it('finds a person by name and skips issues when asked', async () => {
    const out = (await call({ person: 'José Núñez', issues: 0 })).structuredContent as Recommendations;
    expect(out.profile.email).toBe('jose@example.com');
    expect(out.issues).toEqual([]);
  });
});

describe('recommend_for_developer: bad input', () => {
  it('answers an unknown person with PERSON_NOT_FOUND and a next step in tool terms', async () => {
    const result = await call({ person: 'alicia@nowhere.test' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^PERSON_NOT_FOUND: No person "alicia@nowhere.test"/);
    expect(textOf(result)).toMatch(/analyze_local_repository/);
    expect(textOf(result)).not.toMatch(/reposcout research/);
  });

  it('refuses an ambiguous name with the candidates', async () => {
    const result = await call({ person: 'example' });
    expect(result.isError).toBe(true);
  });

  it.each([
    [{}, /person/],
    [{ person: '' }, /person is empty/],
    [{ person: 'bob@example.com', issues: 51 }, /issues is at most 50/],
    [{ person: 'bob@example.com', limit: 0 }, /limit must be at least 1/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
