import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';

export const networkViews = ['overview', 'people', 'edges', 'repositories', 'communities'] as const;

const input = z.strictObject({
  owner: ownerInput,
  view: z
    .enum(networkViews)
    .default('overview')
    .describe('overview: the top entries of every list (no paging); people, edges, repositories or communities: that one list, paged.'),
  sort: z
    .enum(['betweenness', 'pagerank', 'strength', 'repositories'])
    .default('betweenness')
    .describe('Order of people: betweenness (bridges between groups), pagerank, strength (shared work) or repositories (how many they contribute to); most first.'),
  person: z.string().min(1).max(60).optional().describe('Only co-contribution edges involving this GitHub login (case-insensitive).'),
  includeGraph: z.boolean().default(false).describe('Add the whole graph (people and repositories as nodes; contribution and co-contribution edges) in graphology JSON, for visualisation. Large.'),
  limit: limitInput(100, 10),
  cursor: cursorInput('owner, view, sort and person'),
});

const n = () => z.number();
const person = z.object({
  login: z.string(),
  repositories: n(),
  contributions: n(),
  collaborators: n(),
  strength: n(),
  betweenness: n(),
  pagerank: n(),
  community: n(),
});
const edge = z.object({ source: z.string(), target: z.string(), weight: n(), sharedRepositories: n(), repositories: z.array(z.string()) });
const repository = z.object({
  name: z.string(),
  key: z.string(),
  contributors: n(),
  busFactor: n(),
  busFactorWindow: n().nullable(),
  topContributors: z.array(z.object({ login: z.string(), contributions: n(), share: n() })),
});
const community = z.object({ id: n(), size: n(), people: z.array(z.string()), repositories: z.array(z.string()) });
const attributes = z.record(z.string(), z.unknown());

const output = z.object({
  owner: z.string(),
  counts: z.object({ people: n(), edges: n(), repositories: n(), communities: n() }),
  notes: z.array(z.string()),
  view: z.enum(networkViews),
  total: n(),
  nextCursor: z.string().nullable(),
  people: z.array(person).optional(),
  edges: z.array(edge).optional(),
  repositories: z.array(repository).optional(),
  communities: z.array(community).optional(),
  graph: z
    .object({
      nodes: z.array(z.object({ key: z.string(), attributes })),
      edges: z.array(z.object({ source: z.string(), target: z.string(), attributes })),
      truncated: z.boolean(),
    })
    .optional(),
});

export const getCollaborationNetworkContract = defineContract({
  name: 'get_collaboration_network',
  toolset: 'research',
  title: 'Collaboration network',
  description:
    'Read a researched organization\'s collaboration network: central people (betweenness, PageRank, shared work), strongest co-contribution edges, each repository\'s bus factor with top contributors, communities. Overview by default; a view pages one list.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetCollaborationNetworkArgs = z.input<typeof input>;
export type GetCollaborationNetworkResult = z.output<typeof output>;
