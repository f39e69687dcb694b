import { createOrchestrator, type Orchestrator, type OrchestratorOptions } from '../../shared/orchestrate/engine';
import type { Store } from '../../shared/store/open';
import type { Logger } from './logger';

/** The server's orchestration engine, made on first use (only servers offering the orchestrate toolset use it). */
export interface Orchestration {
  get(): Promise<Orchestrator>;
  /**
   * Makes the engine now, in the background, so attempts a dead RepoScout left running are
   * settled and their jobs resumed without waiting for a tool call. Call it once the
   * connection is up: it never delays the handshake, and failures are logged.
   */
  start(): void;
  /** Stops jobs this server runs (they become interrupted, resumable) and waits for their workers. */
  close(): Promise<void>;
}

export interface OrchestrationSettings {
  /**
   * Settle and resume what a dead RepoScout left (default true). A read-only server only
   * reads jobs: it neither ends workers nor starts any.
   */
  recover?: boolean;
}

/**
 * Made on first use (or by start()): the engine settles attempts a dead RepoScout left
 * running and resumes their jobs here, since the agent that started them expects them to finish.
 */
export function lazyOrchestration(store: Store, log: Logger, options: Partial<OrchestratorOptions> = {}, settings: OrchestrationSettings = {}): Orchestration {
  let engine: Promise<Orchestrator> | null = null;
  let closing = false;
  const get = () => {
    engine ??= (async () => {
      const made = createOrchestrator({ ...options, store });
      if (settings.recover === false) return made;
      const recovered = await made.recover();
      for (const id of recovered.jobs) {
        if (closing) break;
        log.info(`resuming job ${id}, left by a RepoScout process that stopped`);
        void made.resume(id).catch((error: unknown) => log.error(`could not resume job ${id}: ${(error as Error).message}`));
      }
      return made;
    })();
    return engine;
  };
  return {
    get,
    start() {
      if (closing) return;
      get().catch((error: unknown) => log.error(`could not settle jobs left by a RepoScout process that stopped: ${(error as Error).message}`));
    },
    async close() {
      closing = true;
      if (engine) await (await engine.catch(() => null))?.close();
    },
  };
}
