/** Commander collector for repeatable options: --tag a --tag b,c gives [a, b, c]. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

/** "30d", "2w", "6m", "1y" before `now`, or a date, as ISO-8601; anything else is returned as is for the engine to reject. */
export function relativeTime(value: string, now = Date.now()): string {
  const match = /^(\d{1,5})\s*([hdwmy])$/i.exec(value.trim());
  if (!match) return value;
  const n = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  const days = unit === 'h' ? n / 24 : unit === 'd' ? n : unit === 'w' ? 7 * n : unit === 'm' ? 30 * n : 365 * n;
  return new Date(now - days * 86_400_000).toISOString();
}
