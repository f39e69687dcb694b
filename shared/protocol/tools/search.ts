import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { queryInput, searchModeInput } from '../inputs';
import { DOCUMENT_KINDS, MAX_QUERY_CHARS } from '../limits';
import { embedderSchema } from '../records';

const input = z.strictObject({
  query: queryInput.describe(`Words to search for (first ${MAX_QUERY_CHARS.toLocaleString('en-US')} characters used).`),
  kinds: z.array(z.enum(DOCUMENT_KINDS)).min(1).max(DOCUMENT_KINDS.length).optional().describe('Only these kinds (default all).'),
  owner: z.string().min(1).max(100).optional().describe('Only this GitHub owner\'s.'),
  language: z.string().min(1).max(50).optional().describe('Only this primary language.'),
  minHealth: z.number().int().min(0).max(100).optional().describe('Minimum health, 0-100 (drops memories).'),
  mode: searchModeInput,
  limit: z.number().int().min(1, 'limit must be at least 1').max(50, 'limit is at most 50').default(10).describe('Hits to return, 1-50.'),
});

export const searchHitSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  key: z.string().describe('repository key, "<repository>#<number>" for issues and PRs, "memory:<id>" for memories'),
  repository: z.string().nullable(),
  title: z.string(),
  snippet: z.string().describe('matched words in **bold**'),
  owner: z.string().nullable(),
  language: z.string().nullable(),
  health: z.number().nullable(),
  url: z.string().nullable(),
  updatedAt: z.string().nullable(),
  score: z.number().describe('fused reciprocal-rank score'),
  bm25: z.object({ rank: z.number(), score: z.number() }).nullable(),
  vector: z.object({ rank: z.number(), similarity: z.number() }).nullable(),
  expansions: z.array(z.string()).describe('synonyms from the developer-vocabulary lexicon this hit matched, as "query words → concept" (e.g. "postgres → postgresql")'),
});

const output = z.object({
  query: z.string(),
  mode: z.enum(['hybrid', 'bm25', 'vector']),
  embedder: embedderSchema,
  notice: z.string().nullable(),
  hits: z.array(searchHitSchema),
});

export const searchContract = defineContract({
  name: 'search',
  toolset: 'recommend',
  title: 'Search repositories, issues, PRs and memories',
  description:
    'Search everything stored (repositories, issues, pull requests, memories) by keyword (BM25) and meaning, fused by rank; filter by kind, owner, language or health. Hits carry snippets and keys.',
  input,
  output,
  hints: READ_ONLY,
});

export type SearchArgs = z.input<typeof input>;
export type SearchResult = z.output<typeof output>;
