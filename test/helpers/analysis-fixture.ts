import type { AnalysisContext } from '../../shared/analyses/context';
import { monthsBefore } from '../../shared/analyses/time';
import { inspectRepository } from '../../shared/git/repository';
import { ingestLocalRepository } from '../../shared/research/ingest-local';
import type { TestRepo } from './git-fixture';
import { tempStore } from './temp-store';

/** "Now" of the analysis unit tests: Wednesday 2024-06-05 12:00 UTC. */
export const NOW = Date.UTC(2024, 5, 5, 12) / 1000;

export interface IngestedFixture {
  /** What an analysis reads, for `now` and a 12-month window (window start 2023-06-05 12:00 UTC). */
  ctx: AnalysisContext;
  headSha: string;
  cleanup(): void;
}

/**
 * Reads a real git repository into a fresh database the way `reposcout research` does, so an
 * analysis can be called alone on rows written by the real ingest.
 */
export async function ingest(repo: TestRepo, now = NOW, windowMonths = 12): Promise<IngestedFixture> {
  const temp = tempStore();
  try {
    const local = await inspectRepository(repo.dir);
    const { repoId } = await ingestLocalRepository(temp.store, local);
    return { ctx: { db: temp.store.db, repoId, now, windowMonths, windowStart: monthsBefore(now, windowMonths) }, headSha: local.headSha, cleanup: temp.cleanup };
  } catch (error) {
    temp.cleanup();
    throw error;
  }
}
