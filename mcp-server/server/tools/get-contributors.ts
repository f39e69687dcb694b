import type { ContributorStats } from '../../../shared/research/types';
import { plural } from '../../../shared/reports/format';
import { comparePositions, type CursorPosition, pageOf } from '../cursor';
import { identityOf } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getContributorsContract } from '../../../shared/protocol/tools/get-contributors';

export const getContributorsTool = defineTool({
  ...getContributorsContract,
  run(args, { catalog }) {
    const { row, research } = catalog.resolve(args.repository);
    const needle = args.match?.toLowerCase();
    const people = [...research.contributors.humans, ...(args.includeBots ? research.contributors.bots : [])].filter(
      (c) => needle === undefined || c.name.toLowerCase().includes(needle) || c.email.toLowerCase().includes(needle),
    );
    const position = positionFor(args.sort);
    people.sort((a, b) => comparePositions(position(a), position(b)));
    const query = { repository: row.key, sort: args.sort, includeBots: args.includeBots, match: needle };
    const { page, nextCursor } = pageOf(people, position, { tool: 'get_contributors', query, cursor: args.cursor, limit: args.limit });
    const { busFactor } = research;
    const structured = {
      repository: identityOf(row),
      busFactor,
      humans: research.contributors.humans.length,
      bots: research.contributors.bots.length,
      contributors: page,
      total: people.length,
      nextCursor,
    };
    const headline =
      `Bus factor ${busFactor.window.factor} over the last ${busFactor.windowMonths} months (${busFactor.window.commits} human commits), ${busFactor.allTime.factor} over all time. ` +
      `${plural(structured.humans, 'person', 'people')}, ${plural(structured.bots, 'bot')}; showing ${page.length} of ${people.length} sorted by ${args.sort}.`;
    const rows = [
      ...busFactor.window.people.map((p) => `bus factor (window) ${quote(p.name)} ${Math.round(p.share * 100)}% of commits`),
      ...page.map((c) => `${c.isBot ? 'bot' : 'person'} ${quote(c.name)}${c.email ? ` ${quote(c.email)}` : ''} ${c.commits} commits (${c.commitsInWindow} recent), +${c.additions}/-${c.deletions}, ${c.lastCommitAt ? `${c.firstCommitAt.slice(0, 10)} to ${c.lastCommitAt.slice(0, 10)}` : 'no commits read in the window'}`),
    ];
    return { structured, text: textAnswer(headline, rows, nextCursor ? [`More: call again with cursor ${JSON.stringify(nextCursor)}.`] : []) };
  },
});

// Positions end in e-mail and name: GitHub contributors have no e-mail, and their name is the unique login.
function positionFor(sort: 'commits' | 'recent' | 'lines'): (c: ContributorStats) => CursorPosition {
  switch (sort) {
    case 'commits':
      return (c) => [-c.commits, c.email, c.name];
    case 'recent':
      return (c) => [-c.commitsInWindow, -c.commits, c.email, c.name];
    case 'lines':
      return (c) => [-(c.additions + c.deletions), c.email, c.name];
  }
}
