import type { Portfolio } from '../protocol/achievements';
import { PORTFOLIO_PULL_REQUESTS_SHOWN, portfolioReportModelSchema, type CollaborationPerson, type PortfolioReportModel } from '../protocol/portfolio-report';
import { safeLinkTarget } from '../reports/safe-link';

// The one builder of the portfolio's report model (shared/protocol/portfolio-report.ts): the
// HTML export inlines it, the MCP server serves it to the VS Code webview; both render it with
// webview-client/portfolio.ts. Links keep only http(s) targets (the browser code draws a link
// only for those); parsing with the contract keeps exactly its fields.

/** The report model of a portfolio. */
export function buildPortfolioReportModel(p: Portfolio): PortfolioReportModel {
  const link = <T extends { url: string | null }>(x: T): T => ({ ...x, url: safeLinkTarget(x.url) });
  return portfolioReportModelSchema.parse({
    ...p,
    highlights: p.highlights.map(link),
    collaboration: {
      ...p.collaboration,
      reviewed: p.collaboration.reviewed.map((r) => ({ ...r, pullRequests: r.pullRequests.map(link) })),
      people: collaborationPeople(p),
    },
    pullRequests: { shown: p.pullRequests.slice(0, PORTFOLIO_PULL_REQUESTS_SHOWN).map(link), total: p.pullRequests.length },
  } satisfies PortfolioReportModel);
}

/**
 * One row per person, both directions: how often they reviewed this person's PRs, and how
 * many of their merged PRs this person reviewed. A direction not collected is null.
 */
export function collaborationPeople(p: Portfolio): CollaborationPerson[] {
  const people = new Map<string, { login: string; reviewedThem: number; theirPrs: number; reviewsGiven: number }>();
  const row = (login: string) => {
    const key = login.toLowerCase();
    const found = people.get(key) ?? { login, reviewedThem: 0, theirPrs: 0, reviewsGiven: 0 };
    people.set(key, found);
    return found;
  };
  for (const r of p.collaboration.reviewedBy) row(r.login).reviewedThem += r.reviews;
  for (const r of p.collaboration.reviewed) Object.assign(row(r.login), { theirPrs: r.prs, reviewsGiven: r.reviews });
  const given = p.collaboration.reviewedTotals !== null;
  const fromGitHub = p.sources.includes('github');
  return [...people.values()]
    .sort((a, b) => b.reviewedThem + b.theirPrs - (a.reviewedThem + a.theirPrs) || a.login.localeCompare(b.login))
    .map((r) => ({ login: r.login, reviewsOfThisWork: fromGitHub ? r.reviewedThem : null, theirPrsReviewed: given ? r.theirPrs : null, reviewsGiven: given ? r.reviewsGiven : null }));
}
