import { describe, expect, it } from 'vitest';
import { servedOrganization, textOf } from '../test-support';

const fx = servedOrganization({ repositories: 12 });

const call = (args: Record<string, unknown>) => fx.client.callTool({ name: 'get_collaboration_network', arguments: args });
type Person = { login: string; betweenness: number; pagerank: number; strength: number; repositories: number };
type Edge = { source: string; target: string; weight: number };
type Repo = { name: string; busFactor: number; contributors: number };
type Network = {
  counts: { people: number; edges: number; repositories: number; communities: number };
  view: string;
  total: number;
  nextCursor: string | null;
  people?: Person[];
  edges?: Edge[];
  repositories?: Repo[];
  communities?: { id: number; size: number }[];
  graph?: { nodes: { key: string }[]; edges: { source: string; target: string }[]; truncated: boolean };
};
const network = async (args: Record<string, unknown>) => {
  const result = await call(args);
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as Network;
};
const descending = (values: number[]) => expect(values).toEqual([...values].sort((a, b) => b - a));

describe('get_collaboration_network: behaviour', () => {
  it('gives an overview: central people, strongest edges, riskiest repositories, communities', async () => {
    const result = await call({ owner: 'acme', limit: 5 });
    const o = result.structuredContent as Network;
    expect(o.counts.people).toBeGreaterThan(5);
    expect(o.counts.repositories).toBe(12);
    expect(o).toMatchObject({ view: 'overview', total: o.counts.people, nextCursor: null });
    expect(o.people).toHaveLength(5);
    descending(o.people!.map((p) => p.betweenness));
    descending(o.edges!.map((e) => e.weight));
    const risk = o.repositories!.map((r) => r.busFactor);
    expect(risk).toEqual([...risk].sort((a, b) => a - b));
    expect(o.communities!.length).toBeGreaterThan(0);
    expect(o.graph).toBeUndefined();
    const text = textOf(result);
    expect(text).toMatch(/^Collaboration network: \d+ people, \d+ co-contribution edges, 12 repositories, \d+ communities\./);
    expect(text).toMatch(/repository "[^"]+" bus factor 1/);
    expect(text).toContain('Bots are left out.');
  });

  it.each([
    ['people', 'betweenness'],
    ['people', 'pagerank'],
    ['people', 'strength'],
    ['people', 'repositories'],
    ['edges', 'betweenness'],
    ['repositories', 'betweenness'],
    ['communities', 'betweenness'],
  ])('pages through the %s list (people by %s) once, without gaps or repeats', async (view, sort) => {
    const all = await network({ owner: 'acme', view, sort, limit: 100 });
    const key = (x: Record<string, unknown>) => JSON.stringify(x);
    const everything = ((all as Record<string, unknown>)[view] as Record<string, unknown>[]).map(key);
    expect(everything).toHaveLength(all.total);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Network = await network({ owner: 'acme', view, sort, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...((page as Record<string, unknown>)[view] as Record<string, unknown>[]).map(key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everything);
    if (view === 'people') {
      const field = sort === 'repositories' ? 'repositories' : (sort as 'betweenness' | 'pagerank' | 'strength');
      descending((all.people ?? []).map((p) => p[field]));
    }
  });

  it('filters edges to one person, case-insensitively', async () => {
    const top = (await network({ owner: 'acme', view: 'people', sort: 'strength', limit: 1 })).people![0]!.login;
    const o = await network({ owner: 'acme', view: 'edges', person: top.toUpperCase(), limit: 100 });
    expect(o.total).toBeGreaterThan(0);
    expect(o.edges!.every((e) => e.source === top || e.target === top)).toBe(true);
  });

  it('adds the graph on request: people and repositories as nodes, every edge between known nodes', async () => {
    const o = await network({ owner: 'acme', includeGraph: true, limit: 1 });
    const nodes = new Set(o.graph!.nodes.map((n) => n.key));
    expect(o.graph!.truncated).toBe(false);
    expect(nodes.size).toBe(o.counts.people + o.counts.repositories);
    expect(o.graph!.edges.length).toBeGreaterThan(o.counts.edges);
    expect(o.graph!.edges.every((e) => nodes.has(e.source) && nodes.has(e.target))).toBe(true);
  });
});

describe('get_collaboration_network: bad input', () => {
  it.each([
    [{}, /owner/],
    [{ owner: 'acme', view: 'graph' }, /view/],
    [{ owner: 'acme', sort: 'degree' }, /sort/],
    [{ owner: 'acme', limit: 0 }, /limit must be at least 1/],
    [{ owner: 'acme', limit: 101 }, /limit is at most 100/],
    [{ owner: 'acme', person: '' }, /person/],
    [{ owner: 'acme', includeGraph: 'yes' }, /includeGraph/],
    [{ owner: 'acme', cursor: 'nope' }, /cursor pages one list/],
    [{ owner: 'acme', view: 'people', cursor: 'nope' }, /cursor is not one get_collaboration_network returned/],
    [{ owner: 'nobody' }, /^NOT_RESEARCHED: Nothing about "nobody"/],
  ])('%o is refused', async (args, message) => {
    const result = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('refuses a cursor replayed with another view or sort', async () => {
    const first = await network({ owner: 'acme', view: 'people', limit: 1 });
    for (const args of [{ view: 'edges' }, { view: 'people', sort: 'pagerank' }]) {
      const result = await call({ owner: 'acme', limit: 1, cursor: first.nextCursor, ...args });
      expect(textOf(result)).toMatch(/cursor belongs to a different query/);
    }
  });
});
