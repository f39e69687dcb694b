import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, ownerInput } from '../inputs';
import { coContributionEdgeSchema, networkCommunitySchema, networkPersonSchema, networkRepositorySchema, serializedGraphSchema } from '../organization';

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

// The lists are parts of the stored organization record (shared/protocol/organization.ts).
const n = () => z.number();
const community = z.object({ id: n(), size: n(), ...networkCommunitySchema.omit({ id: true }).shape });
const graphNode = serializedGraphSchema.shape.nodes.element;
const graphEdge = serializedGraphSchema.shape.edges.element.omit({ key: true });

const output = z.object({
  owner: z.string(),
  counts: z.object({ people: n(), edges: n(), repositories: n(), communities: n() }),
  notes: z.array(z.string()),
  view: z.enum(networkViews),
  total: n(),
  nextCursor: z.string().nullable(),
  people: z.array(networkPersonSchema).optional(),
  edges: z.array(coContributionEdgeSchema).optional(),
  repositories: z.array(networkRepositorySchema).optional(),
  communities: z.array(community).optional(),
  graph: z.object({ nodes: z.array(graphNode), edges: z.array(graphEdge), truncated: z.boolean() }).optional(),
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
