import { peopleToAsk } from '../../../shared/recommend/people';
import { plural } from '../../../shared/reports/format';
import { factorLine, factorsOf } from '../recommend-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { findPeopleToAskContract } from '../../../shared/protocol/tools/find-people-to-ask';

export const findPeopleToAskTool = defineTool({
  ...findPeopleToAskContract,
  async run(args, { catalog, signal, progress, log }) {
    // Resolving names uses the search documents: bring them up to date (no vectors needed).
    await catalog.search.ready({ signal, progress, log }, false);
    const result = peopleToAsk(catalog.store, args.repository, { path: args.path, limit: args.limit });
    const structured = { repository: result.repository, path: result.path, people: result.people.map((p) => ({ ...p, factors: factorsOf(p.factors) })) };
    const where = result.path === null ? 'this repository' : 'this path';
    const headline = structured.people.length === 0 ? `Nobody to ask about ${where}: its history has no commits by people.` : `${plural(structured.people.length, 'person', 'people')} to ask about ${where}, best first:`;
    const rows = [
      `repository ${quote(result.repository)}${result.path === null ? '' : ` path ${quote(result.path)}`}`,
      ...structured.people.map(
        (p) => `${p.rank}. ${quote(p.name)} ${quote(p.email)} score ${p.score.toFixed(3)}, ${plural(p.commits, 'commit')}, last ${p.lastTouched.slice(0, 10)}\n   factors: ${factorLine(p.factors)}`,
      ),
    ];
    return { structured, text: textAnswer(headline, rows) };
  },
});
