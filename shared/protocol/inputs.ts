import { z } from 'zod';
import { isValidLogin, MAX_QUERY_CHARS, MEMORY_LINK_KINDS } from './limits';

// Arguments several tools share, with messages that say what was wrong and what to pass.

export const repositoryInput = z
  .string()
  .min(1, 'repository is empty; pass a key from list_repositories or the absolute path of a researched clone')
  .max(4096)
  .describe('Key from list_repositories, clone path or unique name.');

export const recommendRepositoryInput = z
  .string()
  .min(1, 'repository is empty; pass owner/name, a key from list_repositories or search, or a unique name')
  .max(1000)
  .describe('owner/name, key, URL, clone path or unique name.');

export const ownerInput = z
  .string()
  .min(1, 'owner is empty; pass a GitHub organization or user name such as "octo-org"')
  .max(60)
  .refine(isValidLogin, 'owner must be a GitHub organization or user name (letters, digits and single hyphens, e.g. "octo-org"), not a URL or owner/repository')
  .describe('GitHub organization or user, e.g. "octo-org".');

/** The `limit` argument of a paged tool, with messages that point at the cursor. */
export function limitInput(max = 100, fallback = 20) {
  return z
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(max, `limit is at most ${max} per page; pass the returned nextCursor to get the next page`)
    .default(fallback)
    .describe(`Page size, 1-${max}.`);
}

/** The `cursor` argument of a paged tool. */
export function cursorInput(sameAs: string) {
  return z.string().min(1).max(1000).optional().describe(`nextCursor of the previous page (same ${sameAs}).`);
}

export const windowMonthsInput = (what: string) => z.number().int().min(1).max(240).default(12).describe(`Recent window in months, for ${what}.`);

export const searchModeInput = z
  .enum(['hybrid', 'bm25', 'vector'])
  .default('hybrid')
  .describe('hybrid: keyword (BM25) and vector retrieval fused by rank; bm25 or vector: one of them.');

// Queries past MAX_QUERY_CHARS are cut (with a notice); past this they are refused.
const MAX_QUERY_INPUT = 10_000;

export const queryInput = z
  .string()
  .min(1, 'query is empty; give at least one word to search for')
  .max(MAX_QUERY_INPUT, `query is longer than ${MAX_QUERY_INPUT.toLocaleString('en-US')} characters; only the first ${MAX_QUERY_CHARS.toLocaleString('en-US')} are searched, so send a shorter one`);

export const linkInput = z.strictObject({
  kind: z.enum(MEMORY_LINK_KINDS).describe('repository, pull_request or job'),
  target: z.string().min(1).max(2000).describe('repository: owner/name, key or URL; pull_request: owner/name#123 or URL; job: its id.'),
});

const tagInput = z.string().min(1).max(64).describe('Letters, digits and . _ : / - (e.g. "area/search"); case-insensitive.');

const dateInput = (name: string, meaning: string) =>
  z
    .string()
    .min(1)
    .max(40)
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} must be a date such as 2025-01-31 or an ISO-8601 time such as 2025-01-31T12:00:00Z`)
    .optional()
    .describe(meaning);

/** The filters recall and list_memories share; every given condition must hold. */
export const memoryFilterInputs = {
  tags: z.array(tagInput).min(1).max(32).optional().describe('Only memories with all these tags.'),
  link: linkInput.optional().describe('Only memories linked to this.'),
  since: dateInput('since', 'Only memories updated at or after this ISO-8601 date/time.'),
  until: dateInput('until', 'Only memories updated before this ISO-8601 date/time.'),
};
