// Types for synthetic-repo.mjs, so TypeScript tests can import the plain-ESM generator.

export interface SyntheticRepoOptions {
  /** Commits reachable from HEAD (main), at least 20. */
  commits: number;
  /** Human author identities to draw from (Zipf-distributed); default 400. */
  authors?: number;
  /** PRNG seed; the same seed gives the same commit SHAs. Default 1. */
  seed?: number;
  /**
   * `github` (default): merge and squash pull requests, bots, many small files.
   * `git`: like git/git: long-lived large files, a quarter of commits topic-branch merges, few squashes.
   */
  shape?: SyntheticShape;
  /** Progress lines; default writes to stderr. */
  log?: (line: string) => void;
}

export type SyntheticShape = 'github' | 'git';

export interface SyntheticRepoSummary {
  commits: number;
  /** Two-parent "Merge pull request #N from user/branch" commits. */
  merges: number;
  /** Commits on merged pull-request branches (reachable from HEAD through merges). */
  featureCommits: number;
  /** Commits whose subject ends in "(#N)" (squash-merged pull requests, human or dependabot). */
  squashCommits: number;
  directCommits: number;
  botCommits: number;
  /** Distinct "name <email>" authors reachable from HEAD, as `git shortlog -sne HEAD` counts them. */
  authorIdentities: number;
  humanPeople: number;
  /** Highest pull-request number used. */
  pullRequests: number;
  tags: { name: string; annotated: boolean }[];
  /** Files in the tree at HEAD. */
  files: number;
  adds: number;
  deletes: number;
  renames: number;
  /** Non-ASCII and space-containing paths guaranteed to exist at HEAD. */
  specialPaths: string[];
  head: string;
  seed: number;
  shape: SyntheticShape;
  generatorVersion: number;
  /** Wall time of the generation, in seconds. */
  seconds: number;
}

export declare const GENERATOR_VERSION: number;
export declare const SHAPES: SyntheticShape[];
export declare function generateSyntheticRepo(dir: string, options: SyntheticRepoOptions): Promise<SyntheticRepoSummary>;
export declare function git(cwd: string, args: string[]): Promise<string>;
