import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';

export const networkViews = ['overview', 'people', 'edges', 'repositories', 'communities'] as const;

const input = z.strictObject({
  owner: ownerInput,
  view: z
    .enum(networkViews)
    .default('overview')
    .describe('overview: top of every list; else one list, paged.'),
  sort: z
    .enum(['betweenness', 'pagerank', 'strength', 'repositories'])
    .default('betweenness')
    .describe('Order of people, most first.'),
  person: z.string().min(1).max(60).optional().describe('Only edges of this login.'),
  includeGraph: z.boolean().default(false).describe('Add the whole graph (graphology JSON). Large.'),
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
    'Read a researched organization\'s collaboration network: central people, strongest co-contribution edges, each repository\'s bus factor and top contributors, communities. Paged views.',
  input,
  output,
  hints: READ_ONLY,
});

export type GetCollaborationNetworkArgs = z.input<typeof input>;
export type GetCollaborationNetworkResult = z.output<typeof output>;
