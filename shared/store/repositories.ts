import type { Db } from './open';

export interface RepositoryRow {
  id: number;
  key: string;
  source: 'local' | 'github';
  owner: string | null;
  name: string;
  path: string | null;
  description: string | null;
  default_branch: string | null;
  head_sha: string | null;
  is_shallow: number;
  created_at: string;
  updated_at: string;
}

export function localRepositoryKey(root: string): string {
  return `local:${root}`;
}

export function findRepositoryByKey(db: Db, key: string): RepositoryRow | undefined {
  return db.prepare('select * from repositories where key = ?').get(key) as RepositoryRow | undefined;
}

export function listRepositories(db: Db): RepositoryRow[] {
  return db.prepare('select * from repositories order by source, owner, name').all() as RepositoryRow[];
}

/** Reads one sync cursor ("how far was `kind` synced") for a repository. */
export function getSyncState(db: Db, repoId: number, kind: string): string | null {
  const row = db.prepare('select value from sync_state where repo_id = ? and kind = ?').get(repoId, kind) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSyncState(db: Db, repoId: number, kind: string, value: string): void {
  db.prepare(
    `insert into sync_state (repo_id, kind, value) values (?, ?, ?)
     on conflict (repo_id, kind) do update set value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(repoId, kind, value);
}
