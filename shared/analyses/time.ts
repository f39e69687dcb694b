const DAY = 86_400;
const WEEK = 7 * DAY;
// 1970-01-01 was a Thursday; shifting by three days makes weeks start on Monday.
const MONDAY_SHIFT = 3 * DAY;

/** Index of the Monday-based week containing unix time `t` (seconds). */
export function weekIndex(t: number): number {
  return Math.floor((t + MONDAY_SHIFT) / WEEK);
}

/** The Monday (YYYY-MM-DD, UTC) that starts week `index`. */
export function weekStart(index: number): string {
  return isoDate(index * WEEK - MONDAY_SHIFT);
}

export function isoDate(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 10);
}

export function isoTime(t: number): string {
  return new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Unix seconds `months` calendar months before `now`. */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now * 1000);
  date.setUTCMonth(date.getUTCMonth() - months);
  return Math.floor(date.getTime() / 1000);
}

export const SECONDS = { DAY, WEEK } as const;
