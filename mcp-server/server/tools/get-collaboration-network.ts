import { z } from 'zod';
import { RepoScoutError } from '../../../shared/errors';
import type { CollaborationNetwork, NetworkPerson, SerializedGraph } from '../../../shared/research/org-types';
import { plural } from '../../../shared/reports/format';
import { comparePositions, type CursorPosition, pageOf } from '../cursor';
import { requireOrganization } from '../organizations';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getCollaborationNetworkContract, type GetCollaborationNetworkResult } from '../../../shared/protocol/tools/get-collaboration-network';

// The graph of a large organization runs to megabytes; past this many nodes the answer keeps
// every repository and the people with the most shared work, and says it was cut.
const MAX_GRAPH_NODES = 1_500;
const COMMUNITY_MEMBERS_SHOWN = 10;

type Sort = 'betweenness' | 'pagerank' | 'strength' | 'repositories';

type Output = GetCollaborationNetworkResult;
type Args = z.output<typeof getCollaborationNetworkContract.input>;

export const getCollaborationNetworkTool = defineTool({
  ...getCollaborationNetworkContract,
  run(args, context) {
    const network = requireOrganization(context, args.owner).network;
    const lists = listsOf(network, args);
    const structured: Output = {
      owner: network.owner,
      counts: { people: network.people.length, edges: network.edges.length, repositories: network.repositories.length, communities: network.communities.length },
      notes: network.notes,
      view: args.view,
      total: 0,
      nextCursor: null,
    };
    if (args.view === 'overview') {
      if (args.cursor !== undefined) throw new RepoScoutError('INVALID_INPUT', 'cursor pages one list; pass view people, edges, repositories or communities with it, as in the call that returned it.');
      structured.total = network.people.length;
      structured.people = lists.people.items.slice(0, args.limit);
      structured.edges = lists.edges.items.slice(0, args.limit);
      structured.repositories = lists.repositories.items.slice(0, args.limit);
      structured.communities = lists.communities.items.slice(0, args.limit);
    } else {
      const query = { owner: network.owner.toLowerCase(), view: args.view, sort: args.sort, person: args.person?.toLowerCase() };
      const options = { tool: 'get_collaboration_network', query, cursor: args.cursor, limit: args.limit };
      const paged = <T,>(list: { items: T[]; position: (item: T) => CursorPosition }) => {
        const { page, nextCursor } = pageOf(list.items, list.position, options);
        structured.total = list.items.length;
        structured.nextCursor = nextCursor;
        return page;
      };
      if (args.view === 'people') structured.people = paged(lists.people);
      if (args.view === 'edges') structured.edges = paged(lists.edges);
      if (args.view === 'repositories') structured.repositories = paged(lists.repositories);
      if (args.view === 'communities') structured.communities = paged(lists.communities);
    }
    if (args.includeGraph) structured.graph = graphOf(network.graph, network.people);
    return { structured, text: render(structured, args) };
  },
});

/** Every list in its order for these arguments, with the position each is paged by. */
function listsOf(network: CollaborationNetwork, args: Args) {
  const byPerson = peoplePosition(args.sort);
  const who = args.person?.toLowerCase();
  const edgePosition = (e: NonNullable<Output['edges']>[number]): CursorPosition => [-e.weight, e.source, e.target];
  const repositoryPosition = (r: NonNullable<Output['repositories']>[number]): CursorPosition => [r.busFactor, -r.contributors, r.name.toLowerCase(), r.key];
  const communityPosition = (c: NonNullable<Output['communities']>[number]): CursorPosition => [c.id];
  return {
    people: { items: sorted(network.people, byPerson), position: byPerson },
    edges: {
      items: sorted(network.edges.filter((e) => who === undefined || e.source.toLowerCase() === who || e.target.toLowerCase() === who), edgePosition),
      position: edgePosition,
    },
    // Riskiest first: the smallest bus factor, then the most people depending on it.
    repositories: { items: sorted(network.repositories, repositoryPosition), position: repositoryPosition },
    communities: {
      items: network.communities.map((c) => ({
        id: c.id,
        size: c.people.length,
        people: c.people.slice(0, COMMUNITY_MEMBERS_SHOWN),
        repositories: c.repositories.slice(0, COMMUNITY_MEMBERS_SHOWN),
      })),
      position: communityPosition,
    },
  };
}

function sorted<T>(items: readonly T[], position: (item: T) => CursorPosition): T[] {
  return [...items].sort((a, b) => comparePositions(position(a), position(b)));
}

function peoplePosition(sort: Sort): (p: NetworkPerson) => CursorPosition {
  switch (sort) {
    case 'betweenness':
      return (p) => [-p.betweenness, -p.strength, p.login];
    case 'pagerank':
      return (p) => [-p.pagerank, -p.strength, p.login];
    case 'strength':
      return (p) => [-p.strength, -p.contributions, p.login];
    case 'repositories':
      return (p) => [-p.repositories, -p.contributions, p.login];
  }
}

/** The stored graph, cut to MAX_GRAPH_NODES: every repository first, then people by shared work. */
function graphOf(graph: SerializedGraph, people: readonly NetworkPerson[]): NonNullable<Output['graph']> {
  const truncated = graph.nodes.length > MAX_GRAPH_NODES;
  let nodes = graph.nodes;
  if (truncated) {
    const rank = new Map(people.map((p, i) => [`person:${p.login}`, i]));
    nodes = [...graph.nodes]
      .sort((a, b) => (rank.get(a.key) ?? (a.key.startsWith('repo:') ? -1 : Infinity)) - (rank.get(b.key) ?? (b.key.startsWith('repo:') ? -1 : Infinity)))
      .slice(0, MAX_GRAPH_NODES);
  }
  const kept = new Set(nodes.map((node) => node.key));
  return {
    nodes: nodes.map((node) => ({ key: node.key, attributes: node.attributes })),
    edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)).map((e) => ({ source: e.source, target: e.target, attributes: e.attributes })),
    truncated,
  };
}

function render(o: Output, args: Args): string {
  const c = o.counts;
  const headline =
    `Collaboration network: ${c.people} people, ${c.edges} co-contribution edges, ${c.repositories} repositories, ${c.communities} communities. ` +
    (o.view === 'overview' ? `Top ${args.limit} of each list; people by ${args.sort}, repositories riskiest first.` : `${o.view}: ${(o.people ?? o.edges ?? o.repositories ?? o.communities ?? []).length} of ${o.total}.`);
  const rows = [`owner ${quote(o.owner)}`];
  for (const p of o.people ?? []) {
    rows.push(`person ${quote(p.login)} betweenness ${p.betweenness}, pagerank ${p.pagerank}, shared work ${p.strength} with ${p.collaborators} people, ${p.contributions} contributions in ${plural(p.repositories, 'repository', 'repositories')}, community ${p.community}`);
  }
  for (const e of o.edges ?? []) rows.push(`edge ${quote(e.source)} and ${quote(e.target)} weight ${e.weight} over ${plural(e.sharedRepositories, 'shared repository', 'shared repositories')}: ${e.repositories.map((r) => quote(r)).join(', ')}`);
  for (const r of o.repositories ?? []) {
    const top = r.topContributors.slice(0, 3).map((t) => `${quote(t.login)} ${Math.round(t.share * 100)}%`).join(', ');
    rows.push(`repository ${quote(r.name)} bus factor ${r.busFactor}${r.busFactorWindow === null ? '' : ` (${r.busFactorWindow} in the window)`} of ${r.contributors} contributors; top: ${top || 'none'}`);
  }
  for (const m of o.communities ?? []) rows.push(`community ${m.id}: ${m.size} people (${m.people.map((p) => quote(p)).join(', ')}); repositories ${m.repositories.map((r) => quote(r)).join(', ') || 'none'}`);
  const footer = [...o.notes];
  if (o.graph) footer.push(`Graph included in the structured result: ${o.graph.nodes.length} nodes, ${o.graph.edges.length} edges${o.graph.truncated ? ` (cut to ${MAX_GRAPH_NODES} nodes)` : ''}.`);
  if (o.nextCursor) footer.push(`More: call again with cursor ${JSON.stringify(o.nextCursor)}.`);
  return textAnswer(headline, rows, footer);
}
