import { z } from 'zod';
import type { Db } from '../store/open';

// How far a person's GitHub collection got, per scope and kind, stored as one JSON row in
// achievement_collections. Two facts: which merge windows are fully stored and as of when
// (so a later run asks only for PRs updated since), and the plan of a run still under way
// (so an interrupted run resumes at the page after the last stored one).

/** An incremental search starts this long before the last run, so a PR that search indexed late is not missed. */
export const OVERLAP_MS = 86_400_000;

const segmentSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** only PRs updated at or after this moment (null: every PR merged in the window) */
  updatedSince: z.string().nullable(),
  /** the search cursor after the last stored page (null: from the start) */
  after: z.string().nullable(),
});
export type Segment = z.infer<typeof segmentSchema>;

const coveredSchema = z.object({ from: z.string(), to: z.string(), asOf: z.string() });
export type Covered = z.infer<typeof coveredSchema>;

const stateSchema = z.object({
  version: z.literal(2),
  /** merge windows whose PRs are all stored, each as of the start of the run that stored it; sorted, disjoint */
  covered: z.array(coveredSchema),
  /** a run that has not finished: the window it was asked for, when it started, and the searches left */
  pending: z.object({ from: z.string(), to: z.string(), runAt: z.string(), queue: z.array(segmentSchema) }).nullable(),
});
export type CollectionState = z.infer<typeof stateSchema>;

export const emptyState = (): CollectionState => ({ version: 2, covered: [], pending: null });

/**
 * The stored state, or an empty one. A row from before version 2 (or one that does not
 * parse) starts over: collection upserts, so the cost is one full re-read, never a wrong answer.
 */
export function loadState(db: Db, key: string, scope: string, source: string): CollectionState {
  const row = db.prepare(`select state_json from achievement_collections where identity_key = ? and scope = ? and source = ?`).get(key, scope, source) as { state_json: string } | undefined;
  if (!row) return emptyState();
  try {
    const parsed = stateSchema.safeParse(JSON.parse(row.state_json));
    return parsed.success ? parsed.data : emptyState();
  } catch {
    return emptyState();
  }
}

export function saveState(db: Db, key: string, scope: string, source: string, state: CollectionState): void {
  db.prepare(
    `insert into achievement_collections (identity_key, scope, source, state_json) values (?, ?, ?, ?)
     on conflict (identity_key, scope, source) do update set state_json = excluded.state_json, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(key, scope, source, JSON.stringify(state));
}

/** achievement_collections.source of the two GitHub searches: the person's PRs, and others' PRs they reviewed. */
export const AUTHORED_SOURCE = 'github';
export const REVIEWED_SOURCE = 'github-reviewed';

/** The collection key of a person collected under `login` (identity values, then the login searched for). */
export const collectionKey = (identityKey: string, login: string) => `${identityKey}|${login.toLowerCase()}`;

/** True when some merge window has been fully collected for this login and kind, under any identity and scope. */
export function hasCollected(db: Db, login: string, source: string): boolean {
  // logins are letters, digits and hyphens, so they are safe inside a LIKE pattern
  const rows = db.prepare(`select state_json from achievement_collections where identity_key like ? and source = ?`).all(`%|${login.toLowerCase()}`, source) as { state_json: string }[];
  return rows.some((row) => {
    const parsed = stateSchema.safeParse(safeJson(row.state_json));
    return parsed.success && parsed.data.covered.length > 0;
  });
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString();

/**
 * The searches that bring [from, to] up to date: a window never collected is searched in
 * full; a collected one only for PRs updated since it was collected (a day's overlap). A
 * full search right after an updated-since one is folded into it when every PR merged in
 * it must have been updated since that moment too (merging updates a PR), and neighbours
 * with the same moment are one search: the usual second run is one search.
 */
export function planSegments(covered: readonly Covered[], from: string, to: string): Segment[] {
  if (from >= to) return [];
  const raw: Segment[] = [];
  let cursor = from;
  for (const c of [...covered].sort((a, b) => a.from.localeCompare(b.from))) {
    if (c.to <= cursor || c.from >= to) continue;
    if (c.from > cursor) raw.push({ from: cursor, to: c.from, updatedSince: null, after: null });
    const end = earlier(c.to, to);
    raw.push({ from: later(c.from, cursor), to: end, updatedSince: minus(c.asOf, OVERLAP_MS), after: null });
    cursor = end;
  }
  if (cursor < to) raw.push({ from: cursor, to, updatedSince: null, after: null });
  const plan: Segment[] = [];
  for (const s of raw) {
    const last = plan.at(-1);
    const foldable = s.updatedSince === null ? last?.updatedSince != null && s.from >= last.updatedSince : last?.updatedSince === s.updatedSince;
    if (last && last.to === s.from && foldable) {
      last.to = s.to;
    } else {
      plan.push({ ...s });
    }
  }
  return plan;
}

/** The covered windows after [from, to] was collected as of `asOf`: older coverage outside it keeps its own moment. */
export function addCovered(covered: readonly Covered[], added: Covered): Covered[] {
  const out: Covered[] = [];
  for (const c of covered) {
    if (c.to <= added.from || c.from >= added.to) {
      out.push(c);
      continue;
    }
    if (c.from < added.from) out.push({ from: c.from, to: added.from, asOf: c.asOf });
    if (c.to > added.to) out.push({ from: added.to, to: c.to, asOf: c.asOf });
  }
  out.push(added);
  out.sort((a, b) => a.from.localeCompare(b.from));
  // neighbours collected at the same moment are one window
  const merged: Covered[] = [];
  for (const c of out) {
    const last = merged.at(-1);
    if (last && last.to === c.from && last.asOf === c.asOf) last.to = c.to;
    else merged.push({ ...c });
  }
  return merged;
}
