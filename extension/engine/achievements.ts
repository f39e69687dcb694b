import {
  collectAchievementsContract,
  getPortfolioContract,
  getPullRequestImpactContract,
  listAchievementsContract,
  type CollectAchievementsResult,
  type GetPullRequestImpactResult,
  type ListAchievementsResult,
} from '../../shared/protocol';
import { PORTFOLIO_EXPORT_FORMATS, PORTFOLIO_SECTIONS, portfolioExportUri, portfolioSchema, type Portfolio, type PortfolioExportFormat } from '../../shared/protocol/achievements';
import { portfolioModelUri, portfolioReportModelSchema, type PortfolioReportModel } from '../../shared/protocol/portfolio-report';
import type { CallOptions, EngineClient } from './client';
import { ToolError } from './errors';
import { loadModel } from './research';

// The achievements capability as typed calls over MCP: collect, list, explain one PR, the
// portfolio with every section, and its exports (MCP resources). Shapes come from the contract.
export type AchievementBrief = ListAchievementsResult['items'][number];
export type PullRequestImpact = GetPullRequestImpactResult;
export type CollectResult = CollectAchievementsResult;
export { PORTFOLIO_EXPORT_FORMATS, type PortfolioExportFormat };

/** One developer as the user named them: the first name and the same person's other identities. */
export interface Person {
  who: string;
  as: string[];
}

const PAGE = 100;
// A safety stop: 2,000 PRs is years of one person's work; the view says when it is reached.
const MAX_PAGES = 20;

export function collectAchievements(engine: EngineClient, person: Person, local: string[], window: { since?: string; until?: string }, options: CallOptions): Promise<CollectResult> {
  return engine.call(collectAchievementsContract, { who: person.who, ...(person.as.length > 0 ? { as: person.as } : {}), ...window, local }, { ...options, long: true });
}

/** Every stored merged PR of `person`, newest first, all pages. */
export async function listAllAchievements(engine: EngineClient, person: Person, signal?: AbortSignal): Promise<{ items: AchievementBrief[]; total: number; truncated: boolean }> {
  const items: AchievementBrief[] = [];
  let cursor: string | null = null;
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer: ListAchievementsResult = await engine.call(listAchievementsContract, { ...personArgs(person), limit: PAGE, ...(cursor ? { cursor } : {}) }, { signal });
    items.push(...answer.items);
    total = answer.total;
    cursor = answer.nextCursor;
    if (!cursor) return { items, total, truncated: false };
  }
  return { items, total, truncated: true };
}

export function pullRequestImpact(engine: EngineClient, repositoryKey: string, number: number, signal?: AbortSignal): Promise<PullRequestImpact> {
  return engine.call(getPullRequestImpactContract, { repository: repositoryKey, number }, { signal });
}

/** The portfolio's fields the charts, tables and prose use (no per-PR list: the view has it; no CLI --llm prose: MCP serves none). */
export type PortfolioData = Omit<Portfolio, 'identities' | 'window' | 'generatedAt' | 'sources' | 'pullRequests' | 'prose'>;

/** The portfolio with every section, each checked against the portfolio's record schema. */
export async function loadPortfolio(engine: EngineClient, person: Person, signal?: AbortSignal): Promise<PortfolioData> {
  const answer = await engine.call(getPortfolioContract, { ...personArgs(person), sections: [...PORTFOLIO_SECTIONS] }, { signal });
  const sections = portfolioSchema.pick({ highlights: true, themes: true, classMix: true, skills: true, flow: true, collaboration: true, repositories: true, impactOverTime: true }).safeParse(answer.sections);
  if (!sections.success) throw new Error(`The engine's portfolio sections are not in the shape this extension knows (${sections.error.issues[0]?.path.join('.') ?? ''}); the extension and its engine may be from different versions.`);
  return { who: answer.who, totals: answer.totals, summary: answer.summary, notices: answer.notices, ...sections.data };
}

/** The portfolio's report model (the resource the HTML export renders too), checked against the contract. */
export function loadPortfolioModel(engine: EngineClient, person: Person, signal?: AbortSignal): Promise<PortfolioReportModel> {
  return loadModel(engine, portfolioModelUri(person.who, person.as), portfolioReportModelSchema, 'portfolio', signal);
}

/** A PDF asked of an engine on a machine without a Chromium-family browser. */
export class NoBrowserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBrowserError';
  }
}

/** One export of the portfolio, as the bytes to write. */
export async function exportPortfolio(engine: EngineClient, person: Person, format: PortfolioExportFormat, signal?: AbortSignal): Promise<Uint8Array> {
  let contents;
  try {
    contents = await engine.readContents(portfolioExportUri(person.who, format, person.as), { signal, long: format === 'pdf' });
  } catch (error) {
    // The engine has no browser to print with (or cannot use the one it has): the browser is the input to fix.
    if (format === 'pdf' && error instanceof ToolError && error.remedy?.do === 'fix_input' && error.remedy.input === 'browser') throw new NoBrowserError(error.message);
    throw error;
  }
  const first = contents[0];
  if (first?.bytes) return first.bytes;
  if (first?.text !== null && first?.text !== undefined) return new TextEncoder().encode(first.text);
  throw new Error(`The engine returned an empty ${format} export.`);
}

function personArgs(person: Person): { who: string; as?: string[] } {
  return { who: person.who, ...(person.as.length > 0 ? { as: person.as } : {}) };
}
