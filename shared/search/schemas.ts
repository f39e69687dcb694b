import { z } from 'zod';
import { DOCUMENT_KINDS } from './documents';

// Input schemas for adapters (MCP tools, webview messages); the engine re-validates values.
export const searchInputSchema = z.object({
  query: z.string().min(1).max(10_000).describe('words to search for; cut to 1,000 characters with a notice'),
  limit: z.number().int().min(1).max(100).optional().describe('hits to return (default 10)'),
  mode: z.enum(['hybrid', 'bm25', 'vector']).optional().describe('retrievers to use (default hybrid: BM25 + vectors fused by reciprocal rank)'),
  kinds: z.array(z.enum(DOCUMENT_KINDS)).optional().describe('only these kinds of documents'),
  owner: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  minHealth: z.number().min(0).max(100).optional().describe('only documents with a health score at least this'),
});
