import { identitySchema } from '../../shared/protocol/records';
import type { z } from 'zod';
import type { RepositoryRow } from '../../shared/store/repositories';

// Minimal projections that several tools share: what identifies a repository, and (from
// shared/research/publish.ts, which the report model uses too) the headline figures.
export { primaryLanguage, summaryOf } from '../../shared/research/publish';

export function identityOf(row: RepositoryRow): z.output<typeof identitySchema> {
  return { key: row.key, name: row.name, source: row.source, owner: row.owner, path: row.path };
}
