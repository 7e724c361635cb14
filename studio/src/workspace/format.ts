/**
 * Values as text in the user's language, through `Intl` — the one place the workspace screens (home, list,
 * board, record) format money, numbers, percents, dates and relative times, so the same value reads the same
 * on every screen. Pure functions of (value, language[, now]).
 */

const INTL_FALLBACKS: Readonly<Record<string, string>> = { ny: 'en-MW' };

/**
 * The locales `Intl` should try for a studio language, best first. ICU/CLDR has no number or date data for
 * Chichewa (`ny`): alone it resolves to en-US (`Dec 1, 2026`, `MWK 1.00`), so Malawian English follows it
 * (`1 Dec 2026`, `MK 1.00`). Other languages are asked for as they are: `intlLocales('ny')` → `['ny', 'en-MW']`.
 */
export function intlLocales(language: string): string[] {
  const fallback = INTL_FALLBACKS[language];
  return fallback ? [language, fallback] : [language];
}

/**
 * Formatters are costly to build (each resolves its locale and loads CLDR data: tens of microseconds, far
 * more than `format`) and a list of 10,000 records formats every cell that scrolls into view, so each is
 * built once per (kind, language, options) and kept. Options are plain data, so their JSON is their key.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  language: string,
  options: object,
  make: (locales: string[]) => T,
): T {
  const key = `${kind}|${language}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    // An options object Intl refuses (an unknown currency code) throws here, and is not kept.
    formatter = make(intlLocales(language));
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A shared `Intl.NumberFormat` for the language and options. */
export function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('n', language, options, (locales) => new Intl.NumberFormat(locales, options));
}

/** A shared `Intl.DateTimeFormat` for the language and options. */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('d', language, options, (locales) => new Intl.DateTimeFormat(locales, options));
}

/** A shared `Intl.RelativeTimeFormat` for the language and options. */
function relativeTimeFormat(language: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return cached('r', language, options, (locales) => new Intl.RelativeTimeFormat(locales, options));
}

/** Money as the API answers it for a currency field; `currency` is null when the field has none. */
export interface Money {
  readonly amount: number;
  readonly currency: string | null;
}

/** A plain number with the digits it has (up to 6 after the point): `1,234.5`. */
export function formatNumber(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 6 }).format(value);
}

/**
 * `€1,234.50`: money in its currency. Without a currency, the plain number (as `formatNumber`); with a code `Intl`
 * does not know, the number and the code as written (`1,234.5 XYZ`) rather than an error. `options` adjust the
 * number (the board's compact totals pass `notation: 'compact'`).
 */
export function formatMoney(money: Money, language: string, options: Intl.NumberFormatOptions = {}): string {
  if (money.currency) {
    try {
      return numberFormat(language, { ...options, style: 'currency', currency: money.currency }).format(money.amount);
    } catch {
      // An unknown currency code: fall through to the number and the code.
    }
  }
  const plain = numberFormat(language, { maximumFractionDigits: 6, ...options }).format(money.amount);
  return money.currency ? `${plain} ${money.currency}` : plain;
}

/** `formatMoney` for an amount and a currency code held apart (e.g. a sum per currency). */
export function formatAmount(amount: number, currency: string | null, language: string): string {
  return formatMoney({ amount, currency }, language);
}

/** A record's amount as the API answers it — a number, or money `{ amount, currency }` — as money; else null. */
export function moneyOf(value: unknown): Money | null {
  if (typeof value === 'number') return { amount: value, currency: null };
  if (value && typeof value === 'object') {
    const { amount, currency } = value as { amount?: unknown; currency?: unknown };
    if (typeof amount === 'number') return { amount, currency: typeof currency === 'string' ? currency : null };
  }
  return null;
}

/** Percent fields hold 0–100: `12.5` → `12.5%` (up to 2 digits after the point). */
export function formatPercent(value: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/**
 * A `YYYY-MM-DD` date (or the date part of an instant), read as a calendar day in UTC so it never moves by a
 * time zone: `Dec 1, 2026`. Text that is not a date is shown as is.
 */
export function formatDate(value: string, language: string): string {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/** An instant with its local time: `Dec 1, 2026, 10:15 AM`. Text that is not an instant is shown as is. */
export function formatDateTime(value: string, language: string): string {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  return dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(moment);
}

/** A date field's value (`YYYY-MM-DD`, as `formatDate`) or a date-time field's (as `formatDateTime`). */
export function formatWhen(value: string, language: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : formatDateTime(value, language);
}

/** `-1` → "yesterday", `-3` → "3 days ago", `2` → "in 2 days" (with the language's plural forms). */
export function relativeDays(days: number, language: string): string {
  return relativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * An instant relative to `now`, in the largest unit that fits: "5 minutes ago", "yesterday", "last week",
 * "in 2 days"; under a minute, in seconds ("now", "30 seconds ago").
 */
export function relativeTime(value: string, language: string, now: Date | number = Date.now()): string {
  const seconds = (Date.parse(value) - new Date(now).getTime()) / 1000;
  const format = relativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

/** A calendar column's day, short, in local time: "Mon, Nov 30"; `long` adds the year: "Monday, November 30, 2026". */
export function formatDay(day: Date, language: string, long = false): string {
  const options: Intl.DateTimeFormatOptions = long
    ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
    : { weekday: 'short', month: 'short', day: 'numeric' };
  return dateTimeFormat(language, options).format(day);
}

/** A month `YYYY-MM` (or a day of it) as the language writes it, short: "Nov 2026". */
export function formatMonth(value: string, language: string): string {
  const day = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  return dateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
}

/** A share 0–1 as a percent with at most one digit after the point: `0.456` → `45.6%`. */
export function formatShare(value: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/**
 * A length of time in its largest fitting unit, with one digit after the point: "3.5 days", "2 hours", "45 seconds"
 * (Intl's unit formatting, so units and plurals are the language's own).
 */
export function formatDuration(seconds: number, language: string): string {
  const units: readonly [string, number][] = [
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? units[units.length - 1]!;
  return numberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(
    seconds / size,
  );
}
