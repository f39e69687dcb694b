import type { Db, Statement } from './driver';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement reused across calls on the same connection. For hot read paths
 * (search) whose SQL takes a handful of shapes: preparing a vec0 or FTS5 query costs
 * about as much as running it on a small corpus.
 */
export function cachedStatement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    // Bounded: SQL shapes come from code (filters present or not), never from user text.
    if (cache.size >= 256) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
