import type { Db } from '../store/open';
import type { RepositoryResearch } from './types';

export interface StoredResearch {
  headSha: string;
  optionsKey: string;
  research: RepositoryResearch;
}

export function loadResearch(db: Db, repoId: number): StoredResearch | null {
  const row = db.prepare('select head_sha, options_key, result_json from research where repo_id = ?').get(repoId) as
    | { head_sha: string; options_key: string; result_json: string }
    | undefined;
  if (!row) return null;
  return { headSha: row.head_sha, optionsKey: row.options_key, research: JSON.parse(row.result_json) as RepositoryResearch };
}

export function saveResearch(db: Db, repoId: number, headSha: string, optionsKey: string, research: RepositoryResearch): void {
  db.prepare(
    `insert into research (repo_id, head_sha, options_key, computed_at, result_json) values (?, ?, ?, ?, ?)
     on conflict (repo_id) do update set head_sha = excluded.head_sha, options_key = excluded.options_key,
       computed_at = excluded.computed_at, result_json = excluded.result_json`,
  ).run(repoId, headSha, optionsKey, research.options.now, JSON.stringify(research));
}

/** Score, grade and analysis date of a stored result, read without parsing the whole JSON. */
export function researchHeadline(db: Db, repoId: number): { health: number; grade: string; analyzedAt: string } | undefined {
  return db
    .prepare(
      `select json_extract(result_json, '$.health.score') as health, json_extract(result_json, '$.health.grade') as grade,
              json_extract(result_json, '$.repository.analyzedAt') as analyzedAt
         from research where repo_id = ?`,
    )
    .get(repoId) as { health: number; grade: string; analyzedAt: string } | undefined;
}
