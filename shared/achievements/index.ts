// The achievements capability: a developer's merged pull requests, classified, scored,
// measured and exported. Adapters (CLI, MCP tools) import from here.
import type { Portfolio } from '../protocol/achievements';
import type { Store } from '../store/open';
import { buildIdentity, type Identity } from './identity';
import { buildPortfolio } from './portfolio';
import { loadRecords, reviewsGivenIfCollected, type RecordFilter } from './store';
import type { TimeWindow } from './time';

export { collectFromGit } from './collect-git';
export { buildIdentity, identityKey, matchesIdentity, type Identity } from './identity';
export { buildPortfolio } from './portfolio';
export { findRecords, loadRecords, loadReviewsGiven, saveRecords, type RecordFilter, type ReviewGiven } from './store';
export { parseWindow, type TimeWindow } from './time';
export { impactFormulaMarkdown } from './impact';
export { writePortfolio, EXPORT_FORMATS, type ExportFormat } from './exports/write';

/** The portfolio of the records stored for a person in a window. */
export function portfolioFromStore(store: Store, identity: Identity, window: TimeWindow, options: { notices?: string[]; now?: Date; filter?: RecordFilter } = {}): Portfolio {
  const records = loadRecords(store.db, identity, { ...options.filter, window });
  const reviewsGiven = reviewsGivenIfCollected(store.db, identity, window);
  return buildPortfolio(identity, window, records, { notices: options.notices ?? [], now: options.now ?? new Date(), reviewsGiven });
}

/** Parses `<who>` plus a comma-separated `--as` list into an identity. */
export function identityFrom(who: string, aliases: readonly string[] = []): Identity {
  return buildIdentity(who, aliases);
}
