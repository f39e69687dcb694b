import { z } from 'zod';

// Input schemas for adapters (MCP tools, webview messages); the engine re-validates values.
export const similarInputSchema = z.object({
  repository: z.string().min(1).describe('owner/name, a key (github:owner/name, local:/path), a GitHub URL, or a unique name'),
  limit: z.number().int().min(1).max(50).optional(),
  mode: z.enum(['hybrid', 'bm25', 'vector']).optional(),
  diversity: z.boolean().optional().describe('push near-copies down (default true)'),
});

export const recommendInputSchema = z.object({
  person: z.string().min(1).describe('e-mail address, name or GitHub login of someone in the stored commit history'),
  limit: z.number().int().min(1).max(50).optional().describe('repositories (default 10)'),
  issues: z.number().int().min(0).max(50).optional().describe('good-first-issues (default 10)'),
});

export const peopleInputSchema = z.object({
  repository: z.string().min(1).describe('a researched repository: key, local path, or unique name'),
  path: z.string().min(1).optional().describe('a file or folder relative to the repository root'),
  limit: z.number().int().min(1).max(50).optional(),
});
