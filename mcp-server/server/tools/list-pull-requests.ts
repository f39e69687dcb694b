import { RepoScoutError } from '../../../shared/errors';
import { decodeCursor, encodeCursor } from '../cursor';
import { queryPullRequests, type PullRequestPosition } from '../../../shared/analyses/pull-request-query';
import { identityOf } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { listPullRequestsContract } from '../../../shared/protocol/tools/list-pull-requests';

export const listPullRequestsTool = defineTool({
  ...listPullRequestsContract,
  run(args, { catalog }) {
    const { row } = catalog.resolve(args.repository);
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
