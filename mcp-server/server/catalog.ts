import path from 'node:path';
import { RepoScoutError, throwIfAborted } from '../../shared/errors';
import type { RepositoryResearch } from '../../shared/research/types';
import type { Store } from '../../shared/store/open';
import { findRepositoryByKey, listRepositories, localRepositoryKey, type RepositoryRow } from '../../shared/store/repositories';
import { expandHome, looksLikePath } from './paths';
import { quote } from './untrusted';

/** A stored repository and its latest research (null when an analysis never finished). */
export interface CatalogEntry {
  row: RepositoryRow;
  research: RepositoryResearch | null;
}

/**
 * The MCP layer's view of the store: repositories with their parsed research, resolved
 * from whatever an agent passes (key, path or name), and one lane for writes.
 * One catalog is shared by every session of a server process.
 */
export interface Catalog {
  readonly store: Store;
  /** Every stored repository, in the store's order (source, owner, name). */
  entries(): CatalogEntry[];
  /** The repository `ref` names; NOT_RESEARCHED (with the next step) when there is none. */
  resolve(ref: string, hint: { canAnalyze: boolean }): CatalogEntry & { research: RepositoryResearch };
  /** Runs `work` after every earlier write has finished; writes share one SQLite connection. */
  exclusive<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T>;
}

interface StampRow {
  repo_id: number;
  stamp: string;
}

// Parsed research is cached by the row's identity (head, options, computation time), so a
// read costs one indexed lookup instead of a JSON.parse of the whole result.
const MAX_CACHED = 128;

export function createCatalog(store: Store): Catalog {
  const cache = new Map<number, { stamp: string; research: RepositoryResearch }>();
  const stampOf = store.db.prepare(`select head_sha || '|' || options_key || '|' || computed_at as stamp from research where repo_id = ?`).pluck();
  const allStamps = store.db.prepare(`select repo_id, head_sha || '|' || options_key || '|' || computed_at as stamp from research`);
  const resultOf = store.db.prepare('select result_json from research where repo_id = ?').pluck();
  let queue: Promise<unknown> = Promise.resolve();

  function research(repoId: number, stamp: string | undefined): RepositoryResearch | null {
    if (stamp === undefined) return null;
    const hit = cache.get(repoId);
    if (hit && hit.stamp === stamp) {
      // Refresh recency for the LRU bound.
      cache.delete(repoId);
      cache.set(repoId, hit);
      return hit.research;
    }
    const json = resultOf.get(repoId) as string | undefined;
    if (json === undefined) return null;
    const parsed = JSON.parse(json) as RepositoryResearch;
    cache.set(repoId, { stamp, research: parsed });
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as number);
    return parsed;
  }

  function entry(row: RepositoryRow): CatalogEntry {
    return { row, research: research(row.id, stampOf.get(row.id) as string | undefined) };
  }

  return {
    store,
    entries() {
      const stamps = new Map((allStamps.all() as StampRow[]).map((r) => [r.repo_id, r.stamp]));
      return listRepositories(store.db).map((row) => ({ row, research: research(row.id, stamps.get(row.id)) }));
    },
    resolve(ref, hint) {
      const row = findRow(store, ref);
      const analyse = hint.canAnalyze ? 'call analyze_local_repository with the path of the local clone' : 'ask the user to analyse it (this server is read-only)';
      if (!row) {
        throw new RepoScoutError(
          'NOT_RESEARCHED',
          `No stored repository matches ${quote(ref)}. Call list_repositories to see the stored keys, or ${analyse} to add it.`,
        );
      }
      const found = entry(row);
      if (!found.research) {
        throw new RepoScoutError('NOT_RESEARCHED', `${quote(row.key)} is stored but has no finished analysis yet; ${analyse}${row.path ? ` (${quote(row.path)})` : ''}.`);
      }
      return { row, research: found.research };
    },
    exclusive(signal, work) {
      const run = queue.then(() => {
        throwIfAborted(signal);
        return work();
      });
      // The lane continues whether this write succeeded or not.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** Finds a repository by exact key, by local path (the clone's root or a folder inside it), or by unique name. */
function findRow(store: Store, ref: string): RepositoryRow | undefined {
  const byKey = findRepositoryByKey(store.db, ref);
  if (byKey) return byKey;
  const rows = listRepositories(store.db);
  if (looksLikePath(ref)) {
    // Relative paths resolve against the server's working folder (the project, in Claude Code).
    const absolute = path.resolve(expandHome(ref));
    const byRoot = findRepositoryByKey(store.db, localRepositoryKey(absolute));
    if (byRoot) return byRoot;
    // The innermost stored clone containing the path (a submodule before its parent).
    const containing = rows
      .filter((r) => r.path !== null && absolute.startsWith(r.path.endsWith(path.sep) ? r.path : r.path + path.sep))
      .sort((a, b) => (b.path?.length ?? 0) - (a.path?.length ?? 0));
    if (containing[0]) return containing[0];
  }
  const byName = rows.filter((r) => r.name.toLowerCase() === ref.toLowerCase() || (r.owner !== null && `${r.owner}/${r.name}`.toLowerCase() === ref.toLowerCase()));
  if (byName.length > 1) {
    throw new RepoScoutError('INVALID_INPUT', `${quote(ref)} matches ${byName.length} stored repositories (${byName.slice(0, 5).map((r) => quote(r.key)).join(', ')}); pass one of their keys.`);
  }
  return byName[0];
}
