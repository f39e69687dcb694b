import { z } from 'zod';
import type { EngineClient } from './client';

// Search, recommendations and memory as typed calls over MCP.
export const DISCOVERY_TOOLS = {
  search: 'search',
  similar: 'find_similar_repositories',
  peopleToAsk: 'find_people_to_ask',
  remember: 'remember',
  recall: 'recall',
  listMemories: 'list_memories',
  forget: 'forget',
} as const;

const factor = z.looseObject({ id: z.string(), label: z.string(), value: z.number().nullable(), weight: z.number(), contribution: z.number(), detail: z.string() });
const card = z.looseObject({
  key: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  description: z.string(),
  language: z.string().nullable(),
  topics: z.array(z.string()),
  health: z.number().nullable(),
  stars: z.number().nullable(),
  url: z.string().nullable(),
});

export const searchOutput = z.looseObject({
  query: z.string(),
  notice: z.string().nullable(),
  hits: z.array(
    z.looseObject({
      kind: z.string(),
      key: z.string(),
      repository: z.string().nullable(),
      title: z.string(),
      snippet: z.string(),
      owner: z.string().nullable(),
      language: z.string().nullable(),
      health: z.number().nullable(),
      url: z.string().nullable(),
      score: z.number(),
    }),
  ),
});
export type SearchAnswer = z.output<typeof searchOutput>;

export const similarOutput = z.looseObject({
  repository: card,
  recommendations: z.array(z.looseObject({ rank: z.number(), score: z.number(), repository: card, factors: z.array(factor) })),
});
export type SimilarAnswer = z.output<typeof similarOutput>;

export const memorySchema = z.looseObject({
  id: z.number(),
  text: z.string(),
  tags: z.array(z.string()),
  links: z.array(z.looseObject({ kind: z.string(), target: z.string() })),
  timesRemembered: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Memory = z.output<typeof memorySchema>;

const listMemoriesOutput = z.looseObject({ memories: z.array(memorySchema), total: z.number(), nextCursor: z.string().nullable() });
const recallOutput = z.looseObject({ query: z.string(), notice: z.string().nullable(), memories: z.array(memorySchema.extend({ score: z.number(), snippet: z.string() })) });
const rememberOutput = z.looseObject({ outcome: z.enum(['created', 'merged']), memory: memorySchema });
const forgetOutput = z.looseObject({ forgotten: z.array(z.number()) });

export const peopleToAskOutput = z.looseObject({
  repository: z.string(),
  path: z.string().nullable(),
  people: z.array(z.looseObject({ rank: z.number(), name: z.string(), email: z.string(), score: z.number(), commits: z.number(), lastTouched: z.string(), factors: z.array(factor) })),
});
export type PeopleToAsk = z.output<typeof peopleToAskOutput>;

export function search(engine: EngineClient, query: string, signal?: AbortSignal): Promise<SearchAnswer> {
  return engine.call(DISCOVERY_TOOLS.search, { query, limit: 30 }, searchOutput, { signal, long: true });
}

export function similarRepositories(engine: EngineClient, repository: string, signal?: AbortSignal): Promise<SimilarAnswer> {
  return engine.call(DISCOVERY_TOOLS.similar, { repository, limit: 15 }, similarOutput, { signal, long: true });
}

export function peopleToAsk(engine: EngineClient, repository: string, path: string | undefined, signal?: AbortSignal): Promise<PeopleToAsk> {
  return engine.call(DISCOVERY_TOOLS.peopleToAsk, { repository, ...(path ? { path } : {}), limit: 15 }, peopleToAskOutput, { signal, long: true });
}

export async function listMemories(engine: EngineClient, signal?: AbortSignal): Promise<{ memories: Memory[]; total: number }> {
  const answer = await engine.call(DISCOVERY_TOOLS.listMemories, { limit: 100 }, listMemoriesOutput, { signal });
  return { memories: answer.memories, total: answer.total };
}

export async function recall(engine: EngineClient, query: string, signal?: AbortSignal): Promise<Memory[]> {
  return (await engine.call(DISCOVERY_TOOLS.recall, { query, limit: 30 }, recallOutput, { signal, long: true })).memories;
}

export function remember(engine: EngineClient, text: string, tags: string[], links: { kind: string; target: string }[]) {
  return engine.call(DISCOVERY_TOOLS.remember, { text, ...(tags.length ? { tags } : {}), ...(links.length ? { links } : {}) }, rememberOutput, { long: true });
}

export async function forget(engine: EngineClient, ids: number[]): Promise<number[]> {
  return (await engine.call(DISCOVERY_TOOLS.forget, { ids }, forgetOutput)).forgotten;
}
