import { z } from 'zod';
import { portfolioSchema } from './achievements';

// The portfolio's report model: what the self-contained HTML export (and the PDF printed from
// it) and the VS Code portfolio webview both render, with the same browser code
// (webview-client/portfolio.ts). The engine builds it from a portfolio
// (shared/achievements/report-model.ts) and serves it as the unlisted resource
// PORTFOLIO_MODEL_TEMPLATE. It is made of the portfolio's own records, so no shape is written
// twice. PR titles, repository names and the model's prose are data: rendered with textContent.

/** Where the engine serves a person's portfolio model (JSON); `who` and aliases as in the export URI. */
export const PORTFOLIO_MODEL_TEMPLATE = 'reposcout://portfolio/{who}/report-model';

/** The portfolio model's URI of `who` and the same person's `aliases` (newline-joined, percent-encoded). */
export function portfolioModelUri(who: string, aliases: readonly string[] = []): string {
  return `reposcout://portfolio/${encodeURIComponent([who, ...aliases].join('\n'))}/report-model`;
}

/** How many pull requests the report lists (newest first); the total says how many there are. */
export const PORTFOLIO_PULL_REQUESTS_SHOWN = 200;

const { collaboration, pullRequests } = portfolioSchema.shape;

/** One person in the collaboration table, both directions; null where that direction was not collected. */
export const collaborationPersonSchema = z.object({
  login: z.string(),
  reviewsOfThisWork: z.number().int().nullable(),
  theirPrsReviewed: z.number().int().nullable(),
  reviewsGiven: z.number().int().nullable(),
});
export type CollaborationPerson = z.output<typeof collaborationPersonSchema>;

export const portfolioReportModelSchema = portfolioSchema
  .pick({
    who: true,
    window: true,
    generatedAt: true,
    sources: true,
    totals: true,
    summary: true,
    prose: true,
    notices: true,
    highlights: true,
    classMix: true,
    themes: true,
    impactOverTime: true,
    skills: true,
    flow: true,
    repositories: true,
  })
  .extend({
    collaboration: collaboration.extend({ people: z.array(collaborationPersonSchema).describe('reviewedBy and reviewed merged by person, most involved first') }),
    pullRequests: z.object({ shown: pullRequests, total: z.number().int() }),
  });
export type PortfolioReportModel = z.output<typeof portfolioReportModelSchema>;
