import { RepoScoutError } from '../errors';
import { removeDocuments } from '../search/documents';
import type { Store } from '../store/open';
import { memoryRefKey } from './rows';

/**
 * Deletes memories with their links, history, search document and vectors. All or
 * nothing: if any id is unknown, MEMORY_NOT_FOUND names it and nothing is deleted.
 */
export function forgetMemories(store: Store, ids: readonly number[]): { forgotten: number[] } {
  if (ids.length === 0) throw new RepoScoutError('INVALID_INPUT', 'Give at least one memory id to forget.', { remedy: { do: 'list', what: 'memories' } });
  const unique = [...new Set(ids)];
  const { db } = store;
  return db
    .transaction(() => {
      const exists = db.prepare('select 1 from memories where id = ?');
      const missing = unique.filter((id) => !exists.get(id));
      if (missing.length > 0) {
        throw new RepoScoutError('MEMORY_NOT_FOUND', `No memory with id ${missing.join(', ')}; nothing was forgotten.`, { remedy: { do: 'list', what: 'memories' } });
      }
      removeDocuments(store, unique.map((id) => ({ kind: 'memory' as const, refKey: memoryRefKey(id) })));
      const del = db.prepare('delete from memories where id = ?');
      for (const id of unique) del.run(id);
      return { forgotten: unique };
    })
    .immediate();
}
