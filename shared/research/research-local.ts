import type { AnalysisContext } from '../analyses/context';
import { runLocalAnalyses } from '../analyses/registry';
import { isoTime, monthsBefore } from '../analyses/time';
import { RepoScoutError, throwIfAborted } from '../errors';
import { inspectRepository, type LocalRepository } from '../git/repository';
import { listTree, readFileAt } from '../git/tree';
import type { Store } from '../store/open';
import { findRepositoryByKey, localRepositoryKey } from '../store/repositories';
import { ingestLocalRepository, type IngestOptions } from './ingest-local';
import { loadResearch, saveResearch } from './stored-research';
import type { RepositoryResearch } from './types';

export interface ResearchOptions extends IngestOptions {
  /** Recent window for bus factor, hotspots and activity, in months (default 12). */
  windowMonths?: number;
  /** Unix seconds; defaults to the clock. */
  now?: number;
  /** Recompute even when the stored result is for the same head and options. */
  force?: boolean;
}

export interface ResearchOutcome {
  research: RepositoryResearch;
  newCommits: number;
  /** True when the stored result was reused because nothing changed. */
  reused: boolean;
}

// A stored result is reused for an unchanged repository only while its "now" is recent.
const REUSE_FOR_SECONDS = 6 * 3600;

/** Ingests a local clone (only new commits) and analyses it, storing the result. */
export async function researchLocalRepository(store: Store, inputPath: string, options: ResearchOptions = {}): Promise<ResearchOutcome> {
  const windowMonths = options.windowMonths ?? 12;
  if (!Number.isInteger(windowMonths) || windowMonths < 1 || windowMonths > 240) {
    throw new RepoScoutError('INVALID_INPUT', `The window must be a whole number of months from 1 to 240, got ${windowMonths}.`, { remedy: { do: 'fix_input', input: 'windowMonths' } });
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const repo = await inspectRepository(inputPath);
  const { repoId, newCommits } = await ingestLocalRepository(store, repo, options);
  throwIfAborted(options.signal);

  const optionsKey = `window=${windowMonths}`;
  const stored = loadResearch(store.db, repoId);
  if (!options.force && newCommits === 0 && stored && stored.headSha === repo.headSha && stored.optionsKey === optionsKey) {
    const age = now - Date.parse(stored.research.options.now) / 1000;
    if (age >= 0 && age < REUSE_FOR_SECONDS) return { research: stored.research, newCommits, reused: true };
  }
  options.onProgress?.({ done: 0, total: 1, message: 'analysing' });
  const research = await analyseLocalRepository(store, repo, repoId, { windowMonths, now });
  saveResearch(store.db, repoId, repo.headSha, optionsKey, research);
  options.onProgress?.({ done: 1, total: 1, message: 'analysed' });
  return { research, newCommits, reused: false };
}

/** The stored research of a local clone, or NOT_RESEARCHED with the command to run. */
export function storedLocalResearch(store: Store, root: string): RepositoryResearch {
  const row = findRepositoryByKey(store.db, localRepositoryKey(root));
  const stored = row ? loadResearch(store.db, row.id) : null;
  if (!stored) {
    throw new RepoScoutError('NOT_RESEARCHED', `${root} has not been researched yet.`, { remedy: { do: 'research_local', path: root } });
  }
  return stored.research;
}

async function analyseLocalRepository(
  store: Store,
  repo: LocalRepository,
  repoId: number,
  { windowMonths, now }: { windowMonths: number; now: number },
): Promise<RepositoryResearch> {
  const ctx: AnalysisContext = { db: store.db, repoId, now, windowMonths, windowStart: monthsBefore(now, windowMonths) };
  const tree = await listTree(repo.root, repo.headSha);
  const readFile = (path: string) => readFileAt(repo.root, repo.headSha, path, undefined, tree.find((e) => e.path === path)?.size);
  const header = {
    repository: {
      key: localRepositoryKey(repo.root),
      name: repo.name,
      path: repo.root,
      headSha: repo.headSha,
      defaultBranch: repo.branch,
      isShallow: repo.isShallow,
      analyzedAt: isoTime(now),
    },
    options: { windowMonths, windowStart: isoTime(ctx.windowStart), now: isoTime(now) },
  };
  return runLocalAnalyses(header, { ctx, headSha: repo.headSha, tree, readFile });
}
