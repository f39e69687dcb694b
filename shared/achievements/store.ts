import type { AchievementRecord, PrClass, RecordSource } from '../protocol/achievements';
import type { Db } from '../store/open';
import { hasCollected, REVIEWED_SOURCE } from './collect-state';
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

/** A pull request by someone else that the person reviewed (GitHub only). */
export interface ReviewGiven {
  reviewer: string;
  repositoryKey: string;
  repository: string;
  number: number;
  title: string;
  url: string | null;
  authorLogin: string | null;
  authorIsBot: boolean;
  mergedAt: string;
  reviews: number;
  firstReviewAt: string | null;
}

/** Writes reviews given (insert or replace by reviewer and PR); runs inside the caller's transaction. */
export function saveReviewsGiven(db: Db, items: readonly ReviewGiven[]): void {
  const upsert = db.prepare(
    `insert into achievement_reviews_given (reviewer, repository_key, repository, number, title, url, author_login, author_is_bot, merged_at, reviews, first_review_at)
     values (@reviewer, @repositoryKey, @repository, @number, @title, @url, @authorLogin, @authorIsBot, @mergedAt, @reviews, @firstReviewAt)
     on conflict (reviewer, repository_key, number) do update set
       repository = excluded.repository, title = excluded.title, url = excluded.url, author_login = excluded.author_login,
       author_is_bot = excluded.author_is_bot, merged_at = excluded.merged_at, reviews = excluded.reviews,
       first_review_at = excluded.first_review_at, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  for (const r of items) upsert.run({ ...r, reviewer: r.reviewer.toLowerCase(), authorIsBot: r.authorIsBot ? 1 : 0 });
}

/** The PRs of others that any of the person's logins reviewed, merged in the window, newest first. */
export function loadReviewsGiven(db: Db, identity: Identity, window?: TimeWindow): ReviewGiven[] {
  const logins = [...identity.logins];
  if (logins.length === 0) return [];
  const clauses = [`reviewer in (${logins.map(() => '?').join(', ')})`];
  const params: string[] = [...logins];
  if (window?.since) {
    clauses.push('merged_at >= ?');
    params.push(window.since);
  }
  if (window?.until) {
    clauses.push('merged_at <= ?');
    params.push(window.until);
  }
  const rows = db
    .prepare(
      `select reviewer, repository_key, repository, number, title, url, author_login, author_is_bot, merged_at, reviews, first_review_at
       from achievement_reviews_given where ${clauses.join(' and ')} order by merged_at desc, repository, number`,
    )
    .all(...params) as { reviewer: string; repository_key: string; repository: string; number: number; title: string; url: string | null; author_login: string | null; author_is_bot: number; merged_at: string; reviews: number; first_review_at: string | null }[];
  return rows.map((r) => ({
    reviewer: r.reviewer,
    repositoryKey: r.repository_key,
    repository: r.repository,
    number: r.number,
    title: r.title,
    url: r.url,
    authorLogin: r.author_login,
    authorIsBot: r.author_is_bot === 1,
    mergedAt: r.merged_at,
    reviews: r.reviews,
    firstReviewAt: r.first_review_at,
  }));
}

/** The person's reviews of others' PRs in the window, or null when they were never collected from GitHub (so none can be claimed). */
export function reviewsGivenIfCollected(db: Db, identity: Identity, window?: TimeWindow): ReviewGiven[] | null {
  const collected = [...identity.logins].some((login) => hasCollected(db, login, REVIEWED_SOURCE));
  return collected ? loadReviewsGiven(db, identity, window) : null;
}
