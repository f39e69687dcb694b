import fs from 'node:fs';
import path from 'node:path';
import { openStore, type Store } from '../../shared/store/open';
import { tempDir } from './git-fixture';

export const TINY_MODEL_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'tiny-embedding-model');

/** A fresh database file in its own temp folder; `cleanup` closes it and removes the folder. */
export function tempStore(): { store: Store; dir: string; dbPath: string; cleanup: () => void } {
  const dir = tempDir('reposcout-store-');
  const dbPath = path.join(dir, 'test.db');
  const store = openStore(dbPath);
  return {
    store,
    dir,
    dbPath,
    cleanup: () => {
      try {
        store.close();
      } catch {
        // already closed by the test
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
