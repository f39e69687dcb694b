import { z } from 'zod';
import { RepoScoutError } from '../../../shared/errors';
import { cursorInput, decodeCursor, encodeCursor, limitInput } from '../cursor';
import { queryPullRequests, type PullRequestPosition } from '../../../shared/analyses/pull-request-query';
import { identityOf, identitySchema, pullRequestBriefSchema, repositoryInput } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

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

export const listPullRequestsTool = defineTool({
  name: 'list_pull_requests',
  toolset: 'research',
  title: 'List merged pull requests',
  description:
    "List a stored repository's merged pull requests, newest first, as reconstructed offline from git history (merge commits \"Merge pull request #N\" and squash commits \"title (#N)\") or, for GitHub repositories, as ingested from the API: number, title, author, merge date and size. " +
    'Filter by author, title text, kind or date range; detail "full" adds SHA, branch and changed files. Use it to review what a person shipped or what changed in a period. Paged, 20 by default.',
  input,
  output,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run(args, { catalog, enabledTools }) {
    const { row } = catalog.resolve(args.repository, enabledTools);
    const since = args.since === undefined ? undefined : Math.floor(Date.parse(args.since) / 1000);
    const until = args.until === undefined ? undefined : Math.floor(Date.parse(args.until) / 1000);
    if (since !== undefined && until !== undefined && since >= until) {
      throw new RepoScoutError('INVALID_INPUT', `since (${args.since}) must be before until (${args.until}); swap them or widen the range.`);
    }
    const filter = {
      repoId: row.id,
      author: args.author?.toLowerCase(),
      title: args.titleContains?.toLowerCase(),
      source: args.source,
      since,
      until,
    };
    const query = { repository: row.key, ...filter, repoId: undefined, detail: args.detail };
    const after = args.cursor === undefined ? null : toPosition(decodeCursor('list_pull_requests', query, args.cursor));
    const result = queryPullRequests(catalog.store.db, filter, { after, limit: args.limit, withFiles: args.detail === 'full' });
    const last = result.positions.at(-1);
    const nextCursor = result.more && last ? encodeCursor('list_pull_requests', query, last) : null;
    const pullRequests = result.items.map((pr) => {
      if (args.detail === 'full') return pr;
      const { sha: _sha, headRef: _headRef, files: _files, ...brief } = pr;
      return brief;
    });
    const headline =
      result.total === 0
        ? 'No merged pull request matches these filters.'
        : `${pullRequests.length} of ${result.total} matching pull requests, newest first:`;
    const rows = pullRequests.map((pr) => {
      const files = (pr as { files?: string[] }).files ?? [];
      return (
        `#${pr.number} ${quote(pr.title)} by ${pr.author ? quote(pr.author.name) : 'unknown'} ${pr.source} ${pr.mergedAt?.slice(0, 10) ?? '?'} +${pr.additions}/-${pr.deletions} in ${pr.filesChanged} files` +
        (files.length > 0 ? ` files ${files.slice(0, 5).map((f) => quote(f)).join(' ')}` : '')
      );
    });
    return {
      structured: { repository: identityOf(row), pullRequests, total: result.total, nextCursor },
      text: textAnswer(headline, rows, nextCursor ? [`More: call again with cursor ${JSON.stringify(nextCursor)}.`] : []),
    };
  },
});

function toPosition(after: (string | number | null)[]): PullRequestPosition {
  const [at, number] = after;
  if (typeof at !== 'number' || typeof number !== 'number') {
    throw new RepoScoutError('INVALID_INPUT', 'cursor is not one list_pull_requests returned; leave cursor out to start from the first page.');
  }
  return [at, number];
}
