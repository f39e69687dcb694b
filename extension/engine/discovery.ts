import {
  findPeopleToAskContract,
  findSimilarRepositoriesContract,
  forgetContract,
  listMemoriesContract,
  recallContract,
  rememberContract,
  searchContract,
  type FindPeopleToAskResult,
  type FindSimilarRepositoriesResult,
  type MemoryRecord,
  type SearchResult,
} from '../../shared/protocol';
import type { EngineClient } from './client';

// Search, recommendations and memory as typed calls over MCP.
export type SearchAnswer = SearchResult;
export type SimilarAnswer = FindSimilarRepositoriesResult;
export type PeopleToAsk = FindPeopleToAskResult;
export type Memory = MemoryRecord;

export function search(engine: EngineClient, query: string, signal?: AbortSignal): Promise<SearchAnswer> {
  return engine.call(searchContract, { query, limit: 30 }, { signal, long: true });
}

export function similarRepositories(engine: EngineClient, repository: string, signal?: AbortSignal): Promise<SimilarAnswer> {
  return engine.call(findSimilarRepositoriesContract, { repository, limit: 15 }, { signal, long: true });
}

export function peopleToAsk(engine: EngineClient, repository: string, path: string | undefined, signal?: AbortSignal): Promise<PeopleToAsk> {
  return engine.call(findPeopleToAskContract, { repository, ...(path ? { path } : {}), limit: 15 }, { signal, long: true });
}

export async function listMemories(engine: EngineClient, signal?: AbortSignal): Promise<{ memories: Memory[]; total: number }> {
  const answer = await engine.call(listMemoriesContract, { limit: 100 }, { signal });
  return { memories: answer.memories, total: answer.total };
}

export async function recall(engine: EngineClient, query: string, signal?: AbortSignal): Promise<Memory[]> {
  return (await engine.call(recallContract, { query, limit: 30 }, { signal, long: true })).memories;
}

export function remember(engine: EngineClient, text: string, tags: string[], links: { kind: 'repository' | 'pull_request' | 'job'; target: string }[]) {
  return engine.call(rememberContract, { text, ...(tags.length ? { tags } : {}), ...(links.length ? { links } : {}) }, { long: true });
}

export async function forget(engine: EngineClient, ids: number[]): Promise<number[]> {
  return (await engine.call(forgetContract, { ids })).forgotten;
}
