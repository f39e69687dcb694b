import { RepoScoutError } from '../errors';

/** "2026-Q1" for an ISO time, by UTC calendar quarter. */
export function quarterOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** "2026-03" for an ISO time. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export interface TimeWindow {
  since: string | null;
  until: string | null;
}

/**
 * Parses the window's start and end (a date "2026-01-01" or a full ISO time) into a window.
 * A date as `until` means the end of that day. Refuses an unreadable date and a window
 * that ends before it starts.
 */
export function parseWindow(since: string | undefined, until: string | undefined): TimeWindow {
  const window = { since: since === undefined ? null : parseMoment(since, 'since', false), until: until === undefined ? null : parseMoment(until, 'until', true) };
  if (window.since !== null && window.until !== null && window.since > window.until) {
    throw new RepoScoutError('INVALID_INPUT', `The window ends (${window.until}) before it starts (${window.since}); swap its start and end.`, { remedy: { do: 'fix_input', input: 'since' } });
  }
  return window;
}

function parseMoment(value: string, input: 'since' | 'until', endOfDay: boolean): string {
  const text = value.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) {
    const end = input === 'since' ? 'start' : 'end';
    throw new RepoScoutError('INVALID_INPUT', `The window's ${end} "${value}" is not a date; use YYYY-MM-DD or an ISO-8601 time such as 2026-01-31T12:00:00Z.`, {
      remedy: { do: 'fix_input', input },
    });
  }
  return new Date(dateOnly && endOfDay ? ms + 86_400_000 - 1 : ms).toISOString();
}
