import type { z } from 'zod';
import type { RepositoryResearch } from '../research/types';
import type { GitHubSource, LocalSource } from './sources';

/** What the analyses fill: the research record but its header (repository and options). */
export type AnalysisResults = Omit<RepositoryResearch, 'repository' | 'options'>;
export type AnalysisName = keyof AnalysisResults;

/** The record so far: the header and the results of the analyses listed before this one. */
export type Earlier = Pick<RepositoryResearch, 'repository' | 'options'> & Partial<AnalysisResults>;

type Value<K extends AnalysisName> = NonNullable<AnalysisResults[K]>;

/**
 * One analysis, declared: the field of the research record it fills, the contract record its
 * result is published as (`shared/protocol/records.ts`; null when no tool publishes it), and
 * what it needs, with a reader per source:
 * - `both`: a local clone (history in the store, tree at HEAD) and a GitHub repository (stored API rows);
 * - `local`: only a local clone; GitHub repositories get `onGitHub`;
 * - `github`: only GitHub data; local records leave the field out;
 * - `earlier`: only the results listed before it, the same code for either source.
 */
export type Analysis<K extends AnalysisName = AnalysisName> = { name: K; record: z.ZodType | null } & (
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
