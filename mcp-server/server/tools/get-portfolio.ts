import { identityFrom, parseWindow, portfolioFromStore } from '../../../shared/achievements/index';
import { getPortfolioContract } from '../../../shared/protocol/tools/get-portfolio';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const getPortfolioTool = defineTool({
  ...getPortfolioContract,
  run(args, { catalog }) {
    const portfolio = portfolioFromStore(catalog.store, identityFrom(args.who, args.as ?? []), parseWindow(args.since, args.until));
    const sections: Record<string, unknown> = {};
    for (const name of args.sections ?? []) sections[name] = portfolio[name];
    return {
      structured: { who: portfolio.who, totals: portfolio.totals, summary: portfolio.summary, notices: portfolio.notices, sections },
      text: textAnswer(
        `Portfolio of ${quote(args.who)}: ${portfolio.totals.prs} PRs in ${portfolio.totals.repositories} repositories.`,
        [`summary ${quote(portfolio.summary, 1_000)}`, ...portfolio.notices.map((n) => `notice ${quote(n, 400)}`)],
        Object.keys(sections).length > 0 ? ['Requested sections are in the structured content.'] : ['Add sections for highlights, skills, flow and more.'],
      ),
    };
  },
});
