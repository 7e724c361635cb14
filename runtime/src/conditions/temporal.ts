/**
 * Dates and date-times as conditions accept them. Both are checked strictly, because a value PostgreSQL
 * would read differently from JavaScript (a 30th of February, a local time without a zone) would make the
 * compiled SQL and the in-memory evaluator disagree.
 *
 * Years are limited to 0001–9999: PostgreSQL has no year 0 and JavaScript writes other years with a sign.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100 literal.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  return day <= last.getUTCDate();
}

/** True for `YYYY-MM-DD` naming a real calendar day. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads an ISO-8601 date-time with a time zone (`2024-05-01T09:30:00.123+04:00`, seconds and fraction
 * optional, `Z` or `±HH:MM`) as epoch milliseconds. Digits past the millisecond are dropped: instants in
 * memory (JavaScript `Date`) have millisecond precision.
 */
export function parseInstant(text: string): number | undefined {
  const m = DATETIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(m[10] ?? 0);
  const offsetMinutes = Number(m[11] ?? 0);
  if (offsetHours > 15 || offsetMinutes > 59) return undefined;
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millis);
  return local.getTime() - offset;
}

/** The canonical form sent to PostgreSQL (`…T…Z`), or undefined when the instant is outside 0001–9999. */
export function instantText(epochMillis: number): string | undefined {
  if (!Number.isFinite(epochMillis)) return undefined;
  const text = new Date(epochMillis).toISOString();
  return /^\d{4}-/.test(text) && !text.startsWith('0000') ? text : undefined;
}

/** A condition's date-time (ISO string or `Date`) in canonical form, or undefined when it is not one. */
export function readInstant(value: unknown): string | undefined {
  if (value instanceof Date) return instantText(value.getTime());
  if (typeof value !== 'string') return undefined;
  const millis = parseInstant(value);
  return millis === undefined ? undefined : instantText(millis);
}

/** A record's date-time as epoch milliseconds: a `Date`, or a string in ISO form. */
export function recordInstant(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const millis = parseInstant(value) ?? Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}
