import type { AchievementRecord, PrClass, RecordSource } from '../protocol/achievements';
import type { Db } from '../store/open';
import { matchesIdentity, type Identity } from './identity';
import type { TimeWindow } from './time';

/** Writes records (insert or replace by repository, number and source) in one transaction. */
export function saveRecords(db: Db, records: readonly AchievementRecord[]): void {
  const upsert = db.prepare(
    `insert into achievement_prs (repository_key, repository, number, source, merged_at, author_login, author_email, author_name, class, rule, confidence, impact, record_json)
     values (@repositoryKey, @repository, @number, @source, @mergedAt, @login, @email, @name, @class, @rule, @confidence, @impact, @json)
     on conflict (repository_key, number, source) do update set
       repository = excluded.repository, merged_at = excluded.merged_at, author_login = excluded.author_login,
       author_email = excluded.author_email, author_name = excluded.author_name, class = excluded.class, rule = excluded.rule,
       confidence = excluded.confidence, impact = excluded.impact, record_json = excluded.record_json,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  db.transaction(() => {
    for (const r of records) {
      upsert.run({
        repositoryKey: r.repositoryKey,
        repository: r.repository,
        number: r.number,
        source: r.source,
        mergedAt: r.mergedAt,
        login: r.author.login,
        email: r.author.email,
        name: r.author.name,
        class: r.classification.class,
        rule: r.classification.rule,
        confidence: r.classification.confidence,
        impact: r.impact.score,
        json: JSON.stringify(r),
      });
    }
  })();
}

export interface RecordFilter {
  window?: TimeWindow;
  classes?: readonly PrClass[];
  repository?: string;
  minImpact?: number;
  source?: RecordSource;
}

/**
 * A person's stored records, newest first. Identity matching runs here rather than in
 * SQL because one person is many logins, addresses and names (see identity.ts).
 */
export function loadRecords(db: Db, identity: Identity, filter: RecordFilter = {}): AchievementRecord[] {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.window?.since) {
    clauses.push('merged_at >= ?');
    params.push(filter.window.since);
  }
  if (filter.window?.until) {
    clauses.push('merged_at <= ?');
    params.push(filter.window.until);
  }
  if (filter.classes && filter.classes.length > 0) {
    clauses.push(`class in (${filter.classes.map(() => '?').join(', ')})`);
    params.push(...filter.classes);
  }
  if (filter.repository) {
    clauses.push('(lower(repository) = lower(?) or repository_key = ?)');
    params.push(filter.repository, filter.repository);
  }
  if (filter.minImpact !== undefined) {
    clauses.push('impact >= ?');
    params.push(filter.minImpact);
  }
  if (filter.source) {
    clauses.push('source = ?');
    params.push(filter.source);
  }
  const where = clauses.length === 0 ? '' : `where ${clauses.join(' and ')}`;
  const rows = db
    .prepare(`select author_login, author_email, author_name, record_json from achievement_prs ${where} order by merged_at desc, repository, number`)
    .all(...params) as { author_login: string | null; author_email: string | null; author_name: string | null; record_json: string }[];
  return rows
    .filter((row) => matchesIdentity(identity, { login: row.author_login, email: row.author_email, name: row.author_name }))
    .map((row) => JSON.parse(row.record_json) as AchievementRecord);
}

/** The stored records of one PR by repository key or name (GitHub and git may both hold it), GitHub first. */
export function findRecords(db: Db, repository: string, number: number): AchievementRecord[] {
  const rows = db
    .prepare(`select record_json from achievement_prs where (repository_key = ? or lower(repository) = lower(?)) and number = ? order by source desc`)
    .all(repository, repository, number) as { record_json: string }[];
  return rows.map((row) => JSON.parse(row.record_json) as AchievementRecord);
}
