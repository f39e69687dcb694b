import type { Db } from '../store/open';

/** A stored GET answer that can be revalidated with its ETag or Last-Modified. */
export interface CachedResponse {
  etag: string | null;
  lastModified: string | null;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Where conditional-request answers are kept between runs. */
export interface HttpCache {
  get(key: string): CachedResponse | undefined;
  put(key: string, entry: CachedResponse): void;
}

// Only headers a replayed answer needs; per-request ones (date, rate limit, request id) are dropped.
const KEPT_HEADERS = ['content-type', 'link', 'etag', 'last-modified'];

export function keepHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

/** The ETag cache in the store's `http_cache` table, so a re-run revalidates instead of refetching. */
export function sqliteHttpCache(db: Db): HttpCache {
  const select = db.prepare('select etag, last_modified, status, headers_json, body from http_cache where key = ?');
  const upsert = db.prepare(
    `insert into http_cache (key, etag, last_modified, status, headers_json, body) values (?, ?, ?, ?, ?, ?)
     on conflict (key) do update set etag = excluded.etag, last_modified = excluded.last_modified, status = excluded.status,
       headers_json = excluded.headers_json, body = excluded.body, stored_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  return {
    get(key) {
      const row = select.get(key) as { etag: string | null; last_modified: string | null; status: number; headers_json: string; body: Buffer } | undefined;
      if (!row) return undefined;
      return { etag: row.etag, lastModified: row.last_modified, status: row.status, headers: JSON.parse(row.headers_json) as Record<string, string>, body: row.body };
    },
    put(key, entry) {
      upsert.run(key, entry.etag, entry.lastModified, entry.status, JSON.stringify(entry.headers), entry.body);
    },
  };
}

/** An in-memory cache (for one-off clients and tests). */
export function memoryHttpCache(): HttpCache {
  const entries = new Map<string, CachedResponse>();
  return { get: (key) => entries.get(key), put: (key, entry) => void entries.set(key, entry) };
}
