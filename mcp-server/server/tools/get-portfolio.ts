import { identityFrom, parseWindow, portfolioFromStore } from '../../../shared/achievements/index';
import { MCP_WINDOW_NAMES } from '../../../shared/achievements/time';
import { getPortfolioInput, getPortfolioOutput } from '../../../shared/protocol/achievements';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const getPortfolioTool = defineTool({
  name: 'get_portfolio',
  toolset: 'achievements',
  title: 'Get a portfolio',
  description:
    "A developer's portfolio from stored pull requests: totals, a summary written from the data, and notices; add sections (highlights, themes, classMix, skills, flow, collaboration, repositories, impactOverTime) for more. " +
    'The full report is the resource reposcout://portfolio/{who}/report.',
  input: getPortfolioInput,
  output: getPortfolioOutput,
  hints: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  run(args, { catalog }) {
    const portfolio = portfolioFromStore(catalog.store, identityFrom(args.who, args.as ?? []), parseWindow(args.since, args.until, MCP_WINDOW_NAMES));
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
