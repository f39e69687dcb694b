import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT } from '../../../test/fake-github/synthetic';
import { servedOrganization, textOf } from '../test-support';

// Repository 1 carries hostile text in its description, topics and README.
const fx = servedOrganization({ repositories: 12, hostile: true });

const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_topics', arguments: args });
type Topics = {
  clusters: { id: number; label: string; terms: string[]; repositories: string[]; repositoryCount: number }[];
  terms: { term: string; repositories: number }[];
  total: number;
  nextCursor: string | null;
  repository?: { name: string; githubTopics: string[]; keywords: string[]; cluster: number | null };
};
const topics = async (args: Record<string, unknown>) => {
  const result = await call(args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Topics;
};

describe('get_topics: behaviour', () => {
  it('returns the clusters and the most widespread terms', async () => {
    const result = await call({ owner: 'acme', limit: 5 });
    const o = result.structuredContent as Topics;
    expect(o.clusters.length).toBeGreaterThan(0);
    expect(o.clusters[0]!.terms.length).toBeGreaterThan(1);
    expect(o.clusters[0]!.repositoryCount).toBeGreaterThanOrEqual(o.clusters[0]!.repositories.length);
    expect(o.terms).toHaveLength(5);
    const counts = o.terms.map((t) => t.repositories);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(o.total).toBeGreaterThan(5);
    expect(textOf(result)).toMatch(/^\d+ topic clusters; 5 of \d+ terms/);
  });

  it('pages through every term once', async () => {
    const all = (await topics({ owner: 'acme', limit: 100 })).terms.map((t) => t.term);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Topics = await topics({ owner: 'acme', limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.terms.map((t) => t.term));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("gives one repository's terms, keeping hostile text inert in the text", async () => {
    const hostile = fx.gh.org.repos[1]!;
    const result = await call({ owner: 'acme', repository: hostile.name.toUpperCase(), limit: 1 });
    const o = result.structuredContent as Topics;
    expect(o.repository).toMatchObject({ name: hostile.name });
    expect(o.repository!.githubTopics).toContain(HOSTILE_TEXT.topic);
    const text = textOf(result);
    expect(text).not.toContain('<b>');
    expect(text).toContain('"xss-\\u003cb\\u003ebold\\u003c/b\\u003e"');
    expect(text.split('<<<end of repository data>>>')).toHaveLength(2);
  });
});

describe('get_topics: bad input', () => {
  it.each([
    [{}, /owner/],
    [{ owner: 'acme', repository: 'no-such-repo' }, /^INVALID_INPUT: "acme" has no researched repository named "no-such-repo"; call list_repositories/],
    [{ owner: 'acme', repository: '' }, /repository/],
    [{ owner: 'acme', limit: 101 }, /limit is at most 100/],
    [{ owner: 'acme', cursor: 'bm90IGpzb24' }, /cursor is not one get_topics returned/],
    [{ owner: 'acme', cluster: 1 }, /cluster/],
    [{ owner: 'nobody' }, /^NOT_RESEARCHED: /],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});
