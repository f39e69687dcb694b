import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, repositoryInput } from '../inputs';
import { identitySchema } from '../records';
import { reconstructedPullRequestSchema } from '../research';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const date = (what: string) =>
  z
    .string()
    .max(40)
    .regex(DATE, `${what} must be a date like 2025-01-31 or a timestamp like 2025-01-31T12:00:00Z`)
    .refine(isCalendarDate, `${what} is not a real calendar date`);

/** Date.parse accepts 2025-02-30 (as March 2nd); a filter date must exist as written. */
function isCalendarDate(text: string): boolean {
  const [y = NaN, m = NaN, d = NaN] = text.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && Number.isFinite(Date.parse(text));
}

const input = z.strictObject({
  repository: repositoryInput,
  author: z.string().min(1).max(200).optional().describe("Author name or e-mail contains this."),
  titleContains: z.string().min(1).max(200).optional().describe('Title contains this.'),
  source: z.enum(['merge', 'squash', 'github']).optional().describe('merge/squash: rebuilt from commits; github: from the API.'),
  since: date('since').optional().describe('Merged on/after (YYYY-MM-DD or ISO time).'),
  until: date('until').optional().describe('Merged before (YYYY-MM-DD or ISO time).'),
  detail: z.enum(['summary', 'full']).default('summary').describe('full adds SHA, branch and changed files.'),
  limit: limitInput(),
  cursor: cursorInput('repository and filters'),
});

const output = z.object({
  repository: identitySchema,
  // detail 'full' adds the fields the stored record keeps beyond the brief.
  pullRequests: z.array(reconstructedPullRequestSchema.partial({ sha: true, headRef: true, files: true })),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const listPullRequestsContract = defineContract({
  name: 'list_pull_requests',
  toolset: 'research',
  title: 'List merged pull requests',
  description:
    'List a stored repository\'s merged pull requests, newest first, rebuilt offline from merge and squash commits or ingested from GitHub; filter by author, title, kind or dates. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type ListPullRequestsArgs = z.input<typeof input>;
export type ListPullRequestsResult = z.output<typeof output>;
