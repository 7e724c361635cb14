/** Money, dates and day counts in the user's language, through `Intl` (the workspace's rule for numbers). */

export function formatMoney(value: unknown, language: string): string | null {
  const money = value as { amount?: unknown; currency?: unknown } | null;
  if (!money || typeof money.amount !== 'number') return null;
  if (typeof money.currency !== 'string') return new Intl.NumberFormat(language).format(money.amount);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    // An unknown currency code: the number and the code as written.
    return `${new Intl.NumberFormat(language).format(money.amount)} ${money.currency}`;
  }
}

/** A date (`YYYY-MM-DD`, shown as is) or an instant (with its local time). */
export function formatWhen(value: string, language: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A day of the coming week and its time, short: "Wed, Dec 2, 10:15 AM" (a date field: without the time). */
export function formatSoon(value: string, language: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;
    return new Intl.DateTimeFormat(language, day).format(new Date(`${value}T00:00:00Z`));
  }
  const at = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' } as const;
  return new Intl.DateTimeFormat(language, at).format(new Date(value));
}

/** The time of day of an instant, for tasks due today. */
export function formatTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(value));
}

/** `-3` → "3 days ago", `-1` → "yesterday" (in the user's language, with its plural forms). */
export function relativeDays(days: number, language: string): string {
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
}

/** How long ago an instant was, in the largest unit that fits ("5 minutes ago", "2 days ago"). */
export function relativeTime(value: string, now: Date, language: string): string {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
