import type { Db } from '../store/open';

/** What every history analysis reads: one repository's rows and the time frame. */
export interface AnalysisContext {
  db: Db;
  repoId: number;
  /** "Now" in unix seconds; tests pin it, the CLI uses the clock. */
  now: number;
  windowMonths: number;
  /** Start of the recent window, unix seconds. */
  windowStart: number;
}
