/**
 * The home screen's own date forms (short, for task rows); money, dates and relative times are the workspace's,
 * in ../format.
 */

import { intlLocales } from '../format';

/** A day of the coming week and its time, short: "Wed, Dec 2, 10:15 AM" (a date field: without the time). */
export function formatSoon(value: string, language: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;
    return new Intl.DateTimeFormat(intlLocales(language), day).format(new Date(`${value}T00:00:00Z`));
  }
  const at = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' } as const;
  return new Intl.DateTimeFormat(intlLocales(language), at).format(new Date(value));
}

/** The time of day of an instant, for tasks due today. */
export function formatTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocales(language), { timeStyle: 'short' }).format(new Date(value));
}
