import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { recommendRepositoryInput, searchModeInput } from '../inputs';
import { cardSchema, embedderSchema, recommendationSchema } from '../records';

const input = z.strictObject({
  repository: recommendRepositoryInput,
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Repositories to return, 1-50.'),
  mode: searchModeInput,
  diversity: z.boolean().default(true).describe('Push near-copies down (MMR).'),
});

const output = z.object({
  repository: cardSchema,
  mode: z.enum(['hybrid', 'bm25', 'vector']),
  embedder: embedderSchema,
  recommendations: z.array(recommendationSchema),
});

export const findSimilarRepositoriesContract = defineContract({
  name: 'find_similar_repositories',
  toolset: 'recommend',
  title: 'Find similar repositories',
  description:
    'Stored repositories most like a given one, each score explained factor by factor: semantic and keyword similarity, stack overlap, health, activity, popularity, near-copy penalty.',
  input,
  output,
  hints: READ_ONLY,
});

export type FindSimilarRepositoriesArgs = z.input<typeof input>;
export type FindSimilarRepositoriesResult = z.output<typeof output>;
