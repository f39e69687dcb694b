import type { Person } from '../engine/achievements';

// What the Collect Achievements command asks, parsed; pure so it is tested without VS Code.

/** "alice@example.com, alice" → who and the same person's other identities. */
export function parsePerson(text: string): Person | null {
  const names = text.split(',').map((n) => n.trim()).filter(Boolean);
  const [who, ...as] = names;
  return who ? { who, as: [...new Set(as)].filter((n) => n !== who).slice(0, 20) } : null;
}

export interface WindowChoice {
  label: string;
  since?: string;
  until?: string;
}

/** The collection windows offered, as dates the engine parses (YYYY-MM-DD, UTC). */
export function windowChoices(now: Date): WindowChoice[] {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  return [
    { label: 'Last 12 months', since: day(yearAgo) },
    { label: `This year (${year})`, since: `${year}-01-01` },
    { label: `Last year (${year - 1})`, since: `${year - 1}-01-01`, until: `${year - 1}-12-31` },
    { label: 'All history' },
  ];
}
