import type { z } from 'zod';
import type { analysisRecords, AnalysisName } from '../protocol/research';
import type { RepositoryResearch } from '../research/types';
import type { GitHubSource, LocalSource } from './sources';

/** What the analyses fill: the research record but its header (repository and options). */
export type AnalysisResults = Pick<RepositoryResearch, AnalysisName>;
export type { AnalysisName };

/** The record so far: the header and the results of the analyses listed before this one. */
export type Earlier = Pick<RepositoryResearch, 'repository' | 'options'> & Partial<AnalysisResults>;

type Value<K extends AnalysisName> = NonNullable<AnalysisResults[K]>;

/** get_repository sections cap their lists at this many; the dedicated tools page through everything. */
export const PUBLISHED_TOP = 10;

/**
 * How an analysis's result becomes its get_repository section: the projection into the
 * section's record (`analysisRecords` in shared/protocol/research.ts names the section and
 * its schema; lists capped, the dedicated tools page through everything); null for a result
 * no tool publishes on its own.
 */
export type Publish<K extends AnalysisName> = (typeof analysisRecords)[K]['published'] extends { schema: infer S extends z.ZodType }
  ? (value: Value<K>) => z.input<S>
  : null;

/**
 * One analysis, declared: the field of the research record it fills, how it is published
 * (null when no tool publishes it on its own), and what it needs, with a reader per source:
 * - `both`: a local clone (history in the store, tree at HEAD) and a GitHub repository (stored API rows);
 * - `local`: only a local clone; GitHub repositories get `onGitHub`;
 * - `github`: only GitHub data; local records leave the field out;
 * - `earlier`: only the results listed before it, the same code for either source.
 */
export type Analysis<K extends AnalysisName = AnalysisName> = { name: K; publish: Publish<K> } & (
  | { needs: 'both'; local: (source: LocalSource, earlier: Earlier) => Value<K> | Promise<Value<K>>; github: (source: GitHubSource, earlier: Earlier) => Value<K> }
  | { needs: 'local'; local: (source: LocalSource, earlier: Earlier) => Value<K> | Promise<Value<K>>; onGitHub: () => Value<K> }
  | { needs: 'github'; github: (source: GitHubSource, earlier: Earlier) => Value<K> }
  | { needs: 'earlier'; fromEarlier: (earlier: Earlier) => Value<K> }
);

/** Any analysis of the registry (a union over the fields, so each keeps its own result type). */
export type AnyAnalysis = { [K in AnalysisName]: Analysis<K> }[AnalysisName];

/** Declares an analysis (an identity function that keeps the result type tied to the field). */
export function defineAnalysis<K extends AnalysisName>(analysis: Analysis<K>): Analysis<K> {
  return analysis;
}

/**
 * A result an analysis reads from those listed before it. Missing means the registry lists
 * them in the wrong order: a programming error, not a user's.
 */
export function earlierResult<K extends AnalysisName>(earlier: Earlier, name: K): Value<K> {
  const value = earlier[name];
  if (value === undefined) throw new Error(`analysis registry order: "${name}" must run before the analysis that reads it`);
  return value as Value<K>;
}
