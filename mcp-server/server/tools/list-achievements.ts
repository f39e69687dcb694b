import { identityFrom, loadRecords, parseWindow } from '../../../shared/achievements/index';
import { recordRef } from '../../../shared/achievements/record';
import { RepoScoutError } from '../../../shared/errors';
import { listAchievementsContract } from '../../../shared/protocol/tools/list-achievements';
import { decodeCursor, encodeCursor } from '../cursor';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const listAchievementsTool = defineTool({
  ...listAchievementsContract,
  run(args, { catalog }) {
    const identity = identityFrom(args.who, args.as ?? []);
    const window = parseWindow(args.since, args.until);
    const query = { who: args.who, as: args.as, since: args.since, until: args.until, classes: args.classes, repository: args.repository, minImpact: args.minImpact };
    const offset = args.cursor === undefined ? 0 : decodeCursor('list_achievements', query, args.cursor)[0];
    if (typeof offset !== 'number' || offset < 0) throw new RepoScoutError('INVALID_INPUT', 'cursor is not one list_achievements returned; leave cursor out to start from the first page.');
    const records = loadRecords(catalog.store.db, identity, { window, classes: args.classes, repository: args.repository, minImpact: args.minImpact });
    const page = records.slice(offset, offset + args.limit);
    const nextCursor = offset + page.length < records.length ? encodeCursor('list_achievements', query, [offset + page.length]) : null;
    const items = page.map((r) => ({
      ref: recordRef(r),
      repositoryKey: r.repositoryKey,
      number: r.number,
      title: r.title,
      mergedAt: r.mergedAt,
      class: r.classification.class,
      impact: r.impact.score,
      source: r.source,
      url: r.url,
      sha: r.sha,
    }));
    const headline = records.length === 0 ? `No stored merged pull requests by ${quote(args.who)} match; collect them with collect_achievements.` : `${items.length} of ${records.length}, newest first:`;
    return {
      structured: { items, total: records.length, nextCursor },
      text: textAnswer(headline, items.map((i) => `${quote(i.ref)} ${quote(i.title)} ${i.mergedAt.slice(0, 10)} ${i.class} impact ${i.impact} ${i.source}`), nextCursor ? [`More: call again with cursor ${JSON.stringify(nextCursor)}.`] : []),
    };
  },
});
