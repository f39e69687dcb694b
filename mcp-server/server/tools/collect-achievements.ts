import { collectFromGit, identityFrom, parseWindow, portfolioFromStore } from '../../../shared/achievements/index';
import { MCP_WINDOW_NAMES } from '../../../shared/achievements/time';
import { collectAchievementsContract } from '../../../shared/protocol/tools/collect-achievements';
import { expandHome } from '../paths';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';

export const collectAchievementsTool = defineTool({
  ...collectAchievementsContract,
  async run(args, { catalog, signal, progress }) {
    const identity = identityFrom(args.who, args.as ?? []);
    const window = parseWindow(args.since, args.until, MCP_WINDOW_NAMES);
    const result = await catalog.exclusive(signal, () => collectFromGit(catalog.store, args.local.map(expandHome), identity, window, { signal, onProgress: progress }));
    const portfolio = portfolioFromStore(catalog.store, identity, window);
    const repositories = result.repositories.map((r) => ({ name: r.name, prs: r.prs, newCommits: r.newCommits }));
    return {
      structured: { who: args.who, repositories, prs: result.records.length, summary: portfolio.summary },
      text: textAnswer(
        `Collected ${result.records.length} merged pull requests by ${quote(args.who)} from ${repositories.length} clone(s).`,
        [...repositories.map((r) => `${quote(r.name)}: ${r.prs} PRs`), `summary ${quote(portfolio.summary, 600)}`],
        ['Next: get_portfolio (add sections for more), list_achievements, get_pull_request_impact.'],
      ),
    };
  },
});
