import type { OrganizationResearch } from '../research/org-types';

/** Cytoscape elements for the report's collaboration graph (plain data; labels are canvas text, never HTML). */
export interface OrgGraphData {
  nodes: { id: string; label: string; kind: 'person' | 'repository'; size: number; community: number }[];
  edges: { id: string; source: string; target: string; weight: number }[];
  shownPeople: number;
  totalPeople: number;
  shownRepositories: number;
  totalRepositories: number;
}

const MAX_PEOPLE = 80;
const MAX_REPOSITORIES = 80;

/**
 * The most connected part of the network, small enough to read: the people with the most
 * shared work, the repositories they contribute to most, and their contribution edges.
 */
export function orgGraphData(r: OrganizationResearch): OrgGraphData {
  const people = r.network.people.slice(0, MAX_PEOPLE);
  const keep = new Set(people.map((p) => p.login));
  const contributes = r.network.graph.edges
    .filter((e) => e.attributes.kind === 'contributes' && keep.has(e.source.replace(/^person:/, '')))
    .map((e) => ({ person: e.source.replace(/^person:/, ''), repo: e.target.replace(/^repo:/, ''), weight: Number(e.attributes.weight) || 1 }));
  const repoWeight = new Map<string, number>();
  for (const e of contributes) repoWeight.set(e.repo, (repoWeight.get(e.repo) ?? 0) + e.weight);
  const repos = [...repoWeight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_REPOSITORIES).map(([name]) => name);
  const repoSet = new Set(repos);
  const maxStrength = Math.max(1, ...people.map((p) => p.strength));
  const contributors = new Map(r.network.repositories.map((x) => [x.name, x.contributors]));
  return {
    nodes: [
      ...people.map((p) => ({ id: `p:${p.login}`, label: p.login, kind: 'person' as const, size: 18 + 30 * Math.sqrt(p.strength / maxStrength), community: p.community })),
      ...repos.map((name) => ({ id: `r:${name}`, label: name, kind: 'repository' as const, size: 10 + 3 * Math.min(8, contributors.get(name) ?? 1), community: -1 })),
    ],
    edges: contributes
      .filter((e) => repoSet.has(e.repo))
      .map((e, i) => ({ id: `e${i}`, source: `p:${e.person}`, target: `r:${e.repo}`, weight: Math.round(10 * Math.log10(1 + e.weight)) / 10 })),
    shownPeople: people.length,
    totalPeople: r.network.people.length,
    shownRepositories: repos.length,
    totalRepositories: r.network.repositories.length,
  };
}
