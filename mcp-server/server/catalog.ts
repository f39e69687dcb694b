import path from 'node:path';
import { RepoScoutError, throwIfAborted } from '../../shared/errors';
import type { Remedy } from '../../shared/protocol/errors';
import type { OrganizationResearch } from '../../shared/research/org-types';
import type { RepositoryResearch } from '../../shared/research/types';
import type { Store } from '../../shared/store/open';
import { findRepositoryByKey, listRepositories, localRepositoryKey, type RepositoryRow } from '../../shared/store/repositories';
import { expandHome, looksLikePath } from './paths';
import { createSearchIndex, embedderFromEnvironment, type EmbedderSetting, type SearchIndex } from './search-index';
import { quote } from './untrusted';

/** What the store holds about a GitHub owner: nothing, its ingested repositories, or a finished organization research. */
export type OrganizationLookup =
  | { state: 'unknown' }
  | { state: 'ingested'; login: string }
  | { state: 'researched'; login: string; research: OrganizationResearch };

/** An owner with stored organization research, for resource listings and completions. */
export interface ResearchedOwner {
  login: string;
  name: string | null;
  researchedAt: string;
}

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
  /**
   * The repository `ref` names; NOT_RESEARCHED when there is none or its analysis never
   * finished, with the remedy (add it, or research it) as data.
   */
  resolve(ref: string): CatalogEntry & { research: RepositoryResearch };
  /** A GitHub owner on `host` (login case-insensitive) and its latest organization research. */
  organization(login: string, host: string): OrganizationLookup;
  /** Owners on `host` with stored organization research, by login. */
  organizations(host: string): ResearchedOwner[];
  /** Runs `work` after every earlier write has finished; writes share one SQLite connection. */
  exclusive<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T>;
  /** Search, recommendations and memory: one embedding space for the whole process, made on first use. */
  readonly search: SearchIndex;
}

export interface CatalogOptions {
  /** The embedder search uses (default: REPOSCOUT_EMBEDDER and REPOSCOUT_MODEL_DIR, as the CLI reads them). */
  embedder?: EmbedderSetting;
}

interface OwnerRow {
  id: number;
  login: string;
  name: string | null;
  researched_at: string | null;
}

interface StampRow {
  repo_id: number;
  stamp: string;
}

// Parsed research is cached by the row's identity (head, options, computation time), so a
// read costs one indexed lookup instead of a JSON.parse of the whole result.
const MAX_CACHED = 128;
const MAX_CACHED_ORGANIZATIONS = 8;

export function createCatalog(store: Store, options: CatalogOptions = {}): Catalog {
  const cache = new Map<number, { stamp: string; research: RepositoryResearch }>();
  const stampOf = store.db.prepare(`select head_sha || '|' || options_key || '|' || computed_at as stamp from research where repo_id = ?`).pluck();
  const allStamps = store.db.prepare(`select repo_id, head_sha || '|' || options_key || '|' || computed_at as stamp from research`);
  const resultOf = store.db.prepare('select result_json from research where repo_id = ?').pluck();
  const ownerOf = store.db.prepare('select id, login, name, researched_at from github_owners where host = ? and login = ?');
  const researchedOwners = store.db.prepare('select id, login, name, researched_at from github_owners where host = ? and research_json is not null order by login collate nocase');
  const ownerResearchOf = store.db.prepare('select research_json from github_owners where id = ?').pluck();
  // Organization research is one JSON document per owner (the network's graph included), so
  // it is parsed once per research run rather than on every read. researched_at has whole
  // seconds, so every write through this catalog also drops the cache (two runs can share a second).
  const organizationCache = new Map<number, { stamp: string; research: OrganizationResearch }>();
  let queue: Promise<unknown> = Promise.resolve();

  function exclusive<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const run = queue.then(() => {
      throwIfAborted(signal);
      return work();
    }).finally(() => organizationCache.clear());
    // The lane continues whether this write succeeded or not.
    queue = run.catch(() => undefined);
    return run;
  }

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
    resolve(ref) {
      const row = findRow(store, ref);
      if (!row) throw new RepoScoutError('NOT_RESEARCHED', `No stored repository matches ${quote(ref)}.`, { remedy: { do: 'add_repository' } });
      const found = entry(row);
      if (!found.research) {
        const remedy: Remedy = row.source === 'github' ? { do: 'research_owner', owner: row.owner ?? row.name } : { do: 'research_local', path: row.path ?? null };
        throw new RepoScoutError('NOT_RESEARCHED', `${quote(row.key)} is stored but has no finished analysis yet.`, { remedy });
      }
      return { row, research: found.research };
    },
    organization(login, host) {
      const owner = ownerOf.get(host, login) as OwnerRow | undefined;
      if (!owner) return { state: 'unknown' };
      if (owner.researched_at === null) return { state: 'ingested', login: owner.login };
      const stamp = owner.researched_at;
      const hit = organizationCache.get(owner.id);
      if (hit && hit.stamp === stamp) return { state: 'researched', login: owner.login, research: hit.research };
      const json = ownerResearchOf.get(owner.id) as string | null | undefined;
      if (!json) return { state: 'ingested', login: owner.login };
      const research = JSON.parse(json) as OrganizationResearch;
      organizationCache.set(owner.id, { stamp, research });
      if (organizationCache.size > MAX_CACHED_ORGANIZATIONS) organizationCache.delete(organizationCache.keys().next().value as number);
      return { state: 'researched', login: owner.login, research };
    },
    organizations(host) {
      return (researchedOwners.all(host) as OwnerRow[]).map((o) => ({ login: o.login, name: o.name, researchedAt: o.researched_at ?? '' }));
    },
    exclusive,
    search: createSearchIndex(store, options.embedder ?? embedderFromEnvironment(), exclusive),
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
