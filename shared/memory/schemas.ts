import { z } from 'zod';
import { MAX_MEMORY_CHARS } from './normalize';
import { MEMORY_LINK_KINDS } from './types';

// Input schemas for adapters (MCP tools, webview messages); the engine re-validates values.
const link = z.object({ kind: z.enum(MEMORY_LINK_KINDS), target: z.string().min(1).max(2_000) });
const filters = {
  tags: z.array(z.string().min(1).max(64)).max(32).optional().describe('only memories carrying all of these tags'),
  link: link.optional().describe('only memories linked to this repository, pull request or job'),
  since: z.string().optional().describe('ISO-8601; memories last updated at or after'),
  until: z.string().optional().describe('ISO-8601; memories last updated before'),
};

export const rememberInputSchema = z.object({
  text: z.string().min(1).max(MAX_MEMORY_CHARS).describe('what to remember'),
  tags: z.array(z.string().min(1).max(64)).max(32).optional(),
  links: z.array(link).max(100).optional(),
  merge: z.boolean().optional().describe('merge into a near-duplicate memory when one exists (default true)'),
});

export const recallInputSchema = z.object({
  query: z.string().min(1).max(10_000),
  limit: z.number().int().min(1).max(100).optional(),
  mode: z.enum(['hybrid', 'bm25', 'vector']).optional(),
  ...filters,
});

export const listMemoriesInputSchema = z.object({
  limit: z.number().int().min(1).max(200).optional(),
  cursor: z.string().optional(),
  ...filters,
});

export const forgetInputSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(1_000) });
