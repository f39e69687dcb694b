import { loadEmbedder, resolveEmbedderSettings, type EmbedderSettings } from '../../shared/embeddings/settings';
import type { Embedder } from '../../shared/embeddings/types';
import { defaultDataDir } from '../../shared/paths';
import type { Progress } from '../../shared/research/ingest-local';
import { indexStoredRepositories } from '../../shared/search/index-repositories';
import { currentSpace, lexicalFitIsStale, openSpace, type VectorSpace } from '../../shared/search/spaces';
import { syncEmbeddings } from '../../shared/search/sync';
import type { Store } from '../../shared/store/open';
import type { Logger } from './logger';

/**
 * Which embedder the server's search uses: settings resolved like the CLI's (the default:
 * REPOSCOUT_EMBEDDER and REPOSCOUT_MODEL_DIR), the built-in 'lexical' one, or a loaded embedder.
 */
export type EmbedderSetting = EmbedderSettings | Embedder | 'lexical';

/** The production setting: the environment, then the data folder, exactly as the CLI reads them. */
export function embedderFromEnvironment(env: NodeJS.ProcessEnv = process.env): EmbedderSettings {
  return resolveEmbedderSettings({}, env, defaultDataDir(env));
}

/** What one tool call lends the index while it brings itself up to date. */
export interface IndexRun {
  signal: AbortSignal;
  progress: (progress: Progress) => void;
  log: Logger;
}

/**
 * The search index of one server process: one embedding space, opened (for the lexical
 * embedder: fitted) on first use and reused by every later call and session.
 */
export interface SearchIndex {
  /**
   * Brings the index up to date with the store and returns the space; with `vectors` false
   * only documents are refreshed (BM25 and lookups) and the result is null. Nothing is
   * re-read when the store has not changed since the last call.
   */
  ready(run: IndexRun, vectors?: boolean): Promise<VectorSpace | null>;
  /** Runs a memory write in the write lane with a current space; the index stays current without a re-scan. */
  write<T>(run: IndexRun, work: (space: VectorSpace) => Promise<T> | T): Promise<T>;
  /**
   * Brings the index up to date right after a tool wrote data (ingest, analysis), so the
   * next search answers at once. A failure here is logged, not thrown: the write succeeded.
   */
  warm(run: IndexRun): Promise<void>;
  /** The background refit under way, if any (tests and benchmarks wait on it). */
  refitting(): Promise<void> | null;
}

type Exclusive = <T>(signal: AbortSignal, work: () => Promise<T>) => Promise<T>;

export function createSearchIndex(store: Store, setting: EmbedderSetting, exclusive: Exclusive): SearchIndex {
  const { db } = store;
  const totalChanges = db.prepare('select total_changes()').pluck();
  const fitOf = db.prepare('select fitted_documents from embedding_spaces where id = ?').pluck();
  const documentCount = db.prepare('select count(*) from search_documents').pluck();
  let embedder: Promise<Embedder | 'lexical'> | null = null;
  let space: VectorSpace | null = null;
  // What the store looked like when documents / vectors were last brought up to date.
  let indexedAt: string | null = null;
  let syncedAt: string | null = null;
  let refit: Promise<void> | null = null;

  // data_version moves when another connection commits; total_changes counts this
  // connection's own writes. Together: "has anything changed since", for one query each.
  const dataVersion = () => String(db.pragma('data_version', { simple: true }));
  const stamp = () => `${dataVersion()}:${String(totalChanges.get())}`;

  function loadEmbedderOnce(log: Logger): Promise<Embedder | 'lexical'> {
    embedder ??= loadSetting(setting).then(
      (loaded) => {
        for (const warning of loaded.warnings) log.warn(warning);
        return loaded.embedder;
      },
      (error: unknown) => {
        // A broken model folder the user may fix: try again on the next call.
        embedder = null;
        throw error;
      },
    );
    return embedder;
  }

  function current(vectors: boolean): boolean {
    const now = stamp();
    return vectors ? space !== null && syncedAt === now : indexedAt === now;
  }

  /** Runs inside the write lane: indexing and embedding write to the shared connection. */
  async function update(run: IndexRun, vectors: boolean): Promise<VectorSpace | null> {
    if (indexedAt !== stamp()) {
      indexStoredRepositories(store);
      indexedAt = stamp();
    }
    if (!vectors) return null;
    if (space !== null && syncedAt === stamp()) return space;
    const chosen = await loadEmbedderOnce(run.log);
    if (space === null) space = await openSpace(store, chosen);
    else {
      space = await currentSpace(store, space);
      // The corpus has outgrown the lexical fit: refit in the background while this space
      // (new documents embedded with the old fit) keeps answering; it is swapped when complete.
      if (chosen === 'lexical' && fitIsStale(space)) startRefit(run.log);
    }
    await syncEmbeddings(store, space, { signal: run.signal, onProgress: run.progress });
    syncedAt = indexedAt = stamp();
    return space;
  }

  function startRefit(log: Logger): void {
    if (refit) return;
    const started = performance.now();
    refit = (async () => {
      const next = await openSpace(store, 'lexical', { refit: 'force', background: true });
      // Small batches with a pause between them: reads are served in the gaps. These writes
      // touch only the new space, so they do not make the serving space stale: when nobody
      // else wrote since the last batch, the "up to date" stamps move along with them.
      let previous = stamp();
      await syncEmbeddings(store, next, {
        background: true,
        batchSize: 64,
        onProgress: () => {
          const now = stamp();
          if (indexedAt === previous) indexedAt = now;
          if (syncedAt === previous) syncedAt = now;
          previous = now;
        },
      });
      // Complete: the old space was retired by the sync; later calls pick the new one up.
      space = next;
      syncedAt = null;
      log.info(`search index: lexical space refitted in the background in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    })()
      .catch((error: unknown) => log.warn(`search index: background refit failed (the previous space keeps serving): ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        refit = null;
      });
  }

  function fitIsStale(s: VectorSpace): boolean {
    return lexicalFitIsStale(Number(fitOf.get(s.id) ?? 0), Number(documentCount.get()));
  }

  return {
    async ready(run, vectors = true) {
      // The common case, a store unchanged since the last call, needs no lane.
      if (current(vectors)) return vectors ? space : null;
      return exclusive(run.signal, () => update(run, vectors));
    },
    write(run, work) {
      return exclusive(run.signal, async () => {
        const ready = (await update(run, true))!;
        const before = dataVersion();
        const wasCurrent = syncedAt === stamp();
        const result = await work(ready);
        // Memory writes index and embed their own documents: if nobody else wrote meanwhile,
        // the index is as current as before, and the next search need not re-scan the store.
        if (wasCurrent && dataVersion() === before) syncedAt = indexedAt = stamp();
        return result;
      });
    },
    async warm(run) {
      try {
        await this.ready(run, true);
      } catch (error) {
        if (run.signal.aborted) return;
        run.log.warn(`search index: not brought up to date after the write (the next search will): ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    refitting: () => refit,
  };
}

async function loadSetting(setting: EmbedderSetting): Promise<{ embedder: Embedder | 'lexical'; warnings: string[] }> {
  if (setting === 'lexical') return { embedder: 'lexical', warnings: [] };
  if ('embed' in setting) return { embedder: setting, warnings: [] };
  return loadEmbedder(setting);
}
