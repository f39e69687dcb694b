import { describe, expect, it } from 'vitest';
import { githubFactsSchema } from '../../../shared/protocol/records';
import { servedOrganization, textOf } from '../test-support';

const fx = servedOrganization({ repositories: 12 });

const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_organization', arguments: args });
type Ranked = { name: string; health: number; strengths: string[]; weaknesses: string[] };
type Organization = {
  owner: { login: string };
  totals: { repositories: number; ranked: number; archived: number; forks: number; empty: number };
  health: { median: number | null; grades: Record<string, number> };
  healthDistribution?: { histogram: { count: number }[]; components: { averageScore: number }[] };
  best?: Ranked[];
  worst?: Ranked[];
  languages?: { language: string; share: number }[];
  activity?: { recentWeeks: unknown[] };
};

describe('get_organization: behaviour', () => {
  it('returns a compact summary by default', async () => {
    const result = await call({ owner: 'acme' });
    expect(result.isError, textOf(result)).toBeFalsy();
    const o = result.structuredContent as Organization;
    const repos = fx.gh.org.repos;
    expect(o.totals).toMatchObject({
      repositories: 12,
      archived: repos.filter((r) => r.isArchived).length,
      forks: repos.filter((r) => r.isFork).length,
      empty: repos.filter((r) => r.isEmpty).length,
    });
    expect(Object.values(o.health.grades).reduce((a, b) => a + b, 0)).toBe(o.totals.ranked);
    for (const section of ['healthDistribution', 'best', 'worst', 'languages', 'activity']) expect(o).not.toHaveProperty(section);
    expect(textOf(result)).toMatch(/^12 repositories \(\d+ ranked; .*Grades: A \d+, B \d+/);
    expect(textOf(result)).toContain('owner "acme" kind "Organization"');
    expect(textOf(result).length).toBeLessThan(1_500);
  });

  it('adds the sections asked for: distribution, best and worst with reasons, languages, activity', async () => {
    const result = await call({ owner: 'Acme', sections: ['all'] });
    const o = result.structuredContent as Organization;
    expect(o.healthDistribution!.histogram).toHaveLength(10);
    expect(o.healthDistribution!.histogram.reduce((s, b) => s + b.count, 0)).toBe(o.totals.ranked);
    const averages = o.healthDistribution!.components.map((c) => c.averageScore);
    expect(averages).toEqual([...averages].sort((a, b) => a - b));
    expect(o.best!.length).toBeGreaterThan(0);
    expect(o.best!.length).toBeLessThanOrEqual(5);
    expect(o.worst!.map((r) => r.health)).toEqual([...o.worst!.map((r) => r.health)].sort((a, b) => a - b));
    expect(o.worst![0]!.weaknesses.length).toBeGreaterThan(0);
    expect(o.best![0]!.health).toBeGreaterThanOrEqual(o.worst![0]!.health);
    expect(o.languages!.length).toBeGreaterThan(0);
    expect(o.activity!.recentWeeks.length).toBeLessThanOrEqual(26);
    const text = textOf(result);
    expect(text).toMatch(/worst "[^"]+" health \d+ \([A-F]\), bus factor \d+; weaknesses: "/);
    expect(text).toMatch(/Health scores: /);
    expect(text).toMatch(/Activity in the window: /);
  });

  it('returns only the section asked for', async () => {
    const o = (await call({ owner: 'acme', sections: ['worst'] })).structuredContent as Organization;
    expect(o.worst).toBeDefined();
    expect(o.best).toBeUndefined();
    expect(o.languages).toBeUndefined();
  });

  it('names the next step a read-only server can offer for an unknown owner', async () => {
    const ro = await fx.connect({ readOnly: true });
    const result = await ro.callTool({ name: 'get_organization', arguments: { owner: 'octocat' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        code: 'NOT_RESEARCHED',
        message: 'Nothing about "octocat" is stored yet.',
        next: 'This needs the user: research it with "reposcout research octocat" (this server does not offer that).',
        remedy: { do: 'ingest', target: 'octocat', host: null },
      },
    });
  });
});

describe('get_organization: bad input', () => {
  it.each([
    [{}, /owner/],
    [{ owner: 'acme/tools' }, /owner must be a GitHub organization or user name/],
    [{ owner: 'x'.repeat(61) }, /owner/],
    [{ owner: 'acme', sections: ['everything'] }, /sections/],
    [{ owner: 'acme', sections: 'health' }, /sections/],
    [{ owner: 'acme', sections: Array(7).fill('health') }, /sections/],
    [{ owner: 'acme', detail: 'full' }, /detail/],
    [{ owner: 'nobody' }, /^NOT_RESEARCHED: Nothing about "nobody" is stored yet\. Call ingest_github with target "nobody" first/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe('get_repository on one of its repositories', () => {
  it('carries the GitHub facts as the published record: exactly its fields, none of those only the stored record keeps', async () => {
    const repo = fx.gh.org.repos.find((r) => !r.isEmpty)!;
    const result = await fx.client.callTool({ name: 'get_repository', arguments: { repository: `github:acme/${repo.name}` } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const github = (result.structuredContent as { github: Record<string, unknown> }).github;
    expect(Object.keys(github).sort()).toEqual(Object.keys(githubFactsSchema.shape).sort());
    expect(github).toMatchObject({ stars: repo.stars, isArchived: repo.isArchived, isFork: repo.isFork });
  });
});
