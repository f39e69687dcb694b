import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { busFactor } from '../analyses/bus-factor';
import type { Store } from '../store/open';
import { loadOwner } from './org-data';
import { seededRandom } from './seeded-random';
import type { CoContributionEdge, CollaborationNetwork, NetworkCommunity, NetworkPerson, NetworkRepository, SerializedGraph } from './org-types';

// Pairs grow with the square of a repository's contributors; beyond this many (by
// contributions) the tail adds edges of weight 1-2 that say little and cost a lot.
const MAX_PAIR_CONTRIBUTORS = 40;


/**
 * The collaboration network of an owner's repositories: people (human GitHub logins) ×
 * repositories weighted by contributions; co-contribution edges between people weighted by
 * shared work (the smaller contribution count, summed over shared repositories); degree,
 * strength, betweenness and PageRank centrality; Louvain communities; bus factor per repository.
 */
export function collaborationNetwork(store: Store, owner: string, options: { host?: string; windowBusFactor?: Map<string, number | null> } = {}): CollaborationNetwork {
  const { owner: ownerRow, repositories } = loadOwner(store, owner, options.host);
  const rows = store.db
    .prepare(
      `select r.name, r.key, a.login, gc.contributions from github_contributions gc
         join github_accounts a on a.id = gc.account_id and a.is_bot = 0
         join repositories r on r.id = gc.repo_id
         join github_repositories g on g.repo_id = r.id and g.owner_id = ? and g.removed = 0
        order by r.name collate nocase, gc.contributions desc, a.login`,
    )
    .all(ownerRow.id) as { name: string; key: string; login: string; contributions: number }[];

  const byRepo = new Map<string, { key: string; people: { login: string; contributions: number }[] }>();
  for (const repo of repositories) byRepo.set(repo.name, { key: repo.key, people: [] });
  for (const row of rows) byRepo.get(row.name)?.people.push({ login: row.login, contributions: row.contributions });

  const bipartite = new Graph({ type: 'undirected', multi: false });
  const people = new Graph({ type: 'undirected', multi: false });
  const totals = new Map<string, { repositories: number; contributions: number }>();
  const pairRepos = new Map<string, string[]>();
  for (const [name, repo] of byRepo) {
    bipartite.mergeNode(`repo:${name}`, { kind: 'repository', label: name, contributors: repo.people.length });
    for (const p of repo.people) {
      bipartite.mergeNode(`person:${p.login}`, { kind: 'person', label: p.login });
      bipartite.mergeEdge(`person:${p.login}`, `repo:${name}`, { kind: 'contributes', weight: p.contributions });
      people.mergeNode(p.login);
      const t = totals.get(p.login) ?? { repositories: 0, contributions: 0 };
      t.repositories += 1;
      t.contributions += p.contributions;
      totals.set(p.login, t);
    }
    const top = repo.people.slice(0, MAX_PAIR_CONTRIBUTORS);
    for (let i = 0; i < top.length; i++) {
      for (let j = i + 1; j < top.length; j++) {
        const a = top[i] as { login: string; contributions: number };
        const b = top[j] as { login: string; contributions: number };
        const [s, t] = a.login < b.login ? [a, b] : [b, a];
        const shared = Math.min(a.contributions, b.contributions);
        const previous = people.hasEdge(s.login, t.login) ? (people.getEdgeAttribute(s.login, t.login, 'weight') as number) : 0;
        people.mergeEdge(s.login, t.login, { weight: previous + shared });
        const key = `${s.login}\u0000${t.login}`;
        pairRepos.set(key, [...(pairRepos.get(key) ?? []), name]);
      }
    }
  }

  const between = people.order > 2 ? betweenness(people, { normalized: true, getEdgeWeight: null }) : {};
  const ranks = people.size > 0 ? pagerank(people, { getEdgeWeight: 'weight' }) : {};
  const communities = people.size > 0 ? louvain(people, { getEdgeWeight: 'weight', rng: seededRandom(7) }) : {};

  const networkPeople: NetworkPerson[] = people
    .mapNodes((login) => ({
      login,
      repositories: totals.get(login)?.repositories ?? 0,
      contributions: totals.get(login)?.contributions ?? 0,
      collaborators: people.degree(login),
      strength: people.reduceEdges(login, (sum, _e, attrs) => sum + (attrs.weight as number), 0),
      betweenness: round(between[login] ?? 0),
      pagerank: round(ranks[login] ?? 0),
      community: communities[login] ?? -1,
    }))
    .sort((a, b) => b.strength - a.strength || b.contributions - a.contributions || a.login.localeCompare(b.login));

  // Renumber communities by size so ids are stable and small.
  const sizes = new Map<number, number>();
  for (const p of networkPeople) sizes.set(p.community, (sizes.get(p.community) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  const renumber = new Map(order.map((id, index) => [id, index]));
  for (const p of networkPeople) p.community = renumber.get(p.community) ?? -1;
  const communityOf = new Map(networkPeople.map((p) => [p.login, p.community]));

  const networkRepos: NetworkRepository[] = [...byRepo.entries()].map(([name, repo]) => {
    const total = repo.people.reduce((s, p) => s + p.contributions, 0);
    return {
      name,
      key: repo.key,
      contributors: repo.people.length,
      busFactor: busFactor(repo.people.map((p) => ({ name: p.login, email: p.login, commits: p.contributions }))).factor,
      busFactorWindow: options.windowBusFactor?.get(name) ?? null,
      topContributors: repo.people.slice(0, 5).map((p) => ({ login: p.login, contributions: p.contributions, share: total > 0 ? round(p.contributions / total) : 0 })),
    };
  });

  const edges: CoContributionEdge[] = people
    .mapEdges((_edge, attrs, source, target) => {
      const [s, t] = source < target ? [source, target] : [target, source];
      const repos = pairRepos.get(`${s}\u0000${t}`) ?? [];
      return { source: s, target: t, weight: attrs.weight as number, sharedRepositories: repos.length, repositories: repos.slice(0, 5) };
    })
    .sort((a, b) => b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target));

  const communityList: NetworkCommunity[] = order.map((_, id) => ({ id, people: [] as string[], repositories: [] as string[] }));
  for (const p of networkPeople) communityList[p.community]?.people.push(p.login);
  for (const [name, repo] of byRepo) {
    const share = new Map<number, number>();
    for (const p of repo.people) share.set(communityOf.get(p.login) ?? -1, (share.get(communityOf.get(p.login) ?? -1) ?? 0) + p.contributions);
    const best = [...share.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) communityList[best[0]]?.repositories.push(name);
  }

  for (const p of networkPeople) {
    const key = `person:${p.login}`;
    if (bipartite.hasNode(key)) bipartite.mergeNodeAttributes(key, { community: p.community, strength: p.strength, betweenness: p.betweenness, repositories: p.repositories });
  }
  for (const e of edges) bipartite.mergeEdge(`person:${e.source}`, `person:${e.target}`, { kind: 'co-contributes', weight: e.weight });
  const graph = bipartite.export() as unknown as SerializedGraph;

  const notes = [
    'Bots are left out. Contributions are commits on the default branch as GitHub counts them.',
    `Co-contribution pairs use each repository's top ${MAX_PAIR_CONTRIBUTORS} contributors.`,
  ];
  return { owner: ownerRow.login, people: networkPeople, repositories: networkRepos, edges, communities: communityList, graph, notes };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
