import { z } from 'zod';
import { defineContract, READ_ONLY } from '../contract';
import { cursorInput, limitInput, repositoryInput } from '../inputs';
import { identitySchema, pullRequestBriefSchema } from '../records';

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
  author: z.string().min(1).max(200).optional().describe("Only pull requests whose author's name or e-mail contains this text (case-insensitive)."),
  titleContains: z.string().min(1).max(200).optional().describe('Only pull requests whose title contains this text (case-insensitive).'),
  source: z.enum(['merge', 'squash', 'github']).optional().describe('merge: reconstructed from "Merge pull request #N" commits; squash: from "title (#N)" commits; github: from the GitHub API.'),
  since: date('since').optional().describe('Merged on or after this date (YYYY-MM-DD or ISO timestamp, UTC when no offset).'),
  until: date('until').optional().describe('Merged before this date (YYYY-MM-DD or ISO timestamp).'),
  detail: z.enum(['summary', 'full']).default('summary').describe('full adds the commit SHA, branch name and up to 20 changed files per pull request.'),
  limit: limitInput(),
  cursor: cursorInput('repository and filters'),
});

const output = z.object({
  repository: identitySchema,
  pullRequests: z.array(pullRequestBriefSchema.extend({ sha: z.string().nullable().optional(), headRef: z.string().nullable().optional(), files: z.array(z.string()).optional() })),
  total: z.number(),
  nextCursor: z.string().nullable(),
});

export const listPullRequestsContract = defineContract({
  name: 'list_pull_requests',
  toolset: 'research',
  title: 'List merged pull requests',
  description:
    'List a stored repository\'s merged pull requests, newest first: rebuilt offline from merge and squash commits, or ingested from GitHub. Filter by author, title, kind or dates; detail "full" adds SHA, branch and files. Paged.',
  input,
  output,
  hints: READ_ONLY,
});

export type ListPullRequestsArgs = z.input<typeof input>;
export type ListPullRequestsResult = z.output<typeof output>;
