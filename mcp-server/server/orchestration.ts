import { createOrchestrator, type Orchestrator, type OrchestratorOptions } from '../../shared/orchestrate/engine';
import type { Store } from '../../shared/store/open';
import type { Logger } from './logger';

/** The server's orchestration engine, made on first use (only servers offering the orchestrate toolset use it). */
export interface Orchestration {
  get(): Promise<Orchestrator>;
  /** Stops jobs this server runs (they become interrupted, resumable) and waits for their workers. */
  close(): Promise<void>;
}

/**
 * Made on first use: the engine settles attempts a dead RepoScout left running and resumes
 * their jobs here, since the agent that started them expects them to finish.
 */
export function lazyOrchestration(store: Store, log: Logger, options: Partial<OrchestratorOptions> = {}): Orchestration {
  let engine: Promise<Orchestrator> | null = null;
  return {
    get() {
      engine ??= (async () => {
        const made = createOrchestrator({ ...options, store });
        const recovered = await made.recover();
        for (const id of recovered.jobs) {
          log.info(`resuming job ${id}, left by a RepoScout process that stopped`);
          void made.resume(id).catch((error: unknown) => log.error(`could not resume job ${id}: ${(error as Error).message}`));
        }
        return made;
      })();
      return engine;
    },
    async close() {
      if (engine) await (await engine).close();
    },
  };
}
