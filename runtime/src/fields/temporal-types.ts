import { ORDERED } from '../conditions/operators';
import { isoTimestamp } from '../db/timestamps';
import { fail, ok, type FieldType } from './field-type';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days already checked: a bulk load repeats a few hundred dates. Bounded, so distinct ones cannot grow it. */
const checkedDays = new Map<string, boolean>();
const MAX_CHECKED_DAYS = 20_000;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const known = checkedDays.get(value);
  if (known !== undefined) return known;
  const valid = checkCalendarDate(value);
  if (checkedDays.size < MAX_CHECKED_DAYS) checkedDays.set(value, valid);
  return valid;
}

function checkCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// ISO 8601 with a time and an explicit zone: a CRM shared across time zones must never guess one.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function toInstant(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string' || !DATETIME.test(value) || !isCalendarDate(value.slice(0, 10))) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A calendar day without a time zone (a close date, a birthday): stored as `date`, read as `YYYY-MM-DD`. */
export const dateType: FieldType = {
  type: 'date',
  settings: {},
  columns: () => [{ suffix: '', sqlType: 'date' }],
  valueKind: 'date',
  operators: ORDERED,
  sortable: true,
  searchableByDefault: false,
  canSearch: false,
  toColumns: (value) =>
    typeof value === 'string' && isCalendarDate(value) ? ok(value) : fail('must be a date written YYYY-MM-DD'),
  fromColumns: ([value]) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null)),
  jsonSchema: () => ({ type: 'string', format: 'date' }),
  graphql: { output: 'Date', input: 'Date', filter: 'DateFilter' },
};

/** An instant (a meeting, an SLA deadline): stored as `timestamptz`, read as ISO 8601 in UTC. */
export const datetimeType: FieldType = {
  type: 'datetime',
  settings: {},
  columns: () => [{ suffix: '', sqlType: 'timestamptz' }],
  valueKind: 'datetime',
  operators: ORDERED,
  sortable: true,
  searchableByDefault: false,
  canSearch: false,
  toColumns(value) {
    const instant = toInstant(value);
    if (!instant) return fail('must be an ISO 8601 date-time with a time zone, e.g. 2026-11-24T09:30:00Z');
    // Keep microseconds PostgreSQL stores but a JS Date drops (zone offsets never touch the fraction).
    const micro = typeof value === 'string' ? /\.\d{3}(\d{1,3})/.exec(value)?.[1] : undefined;
    const iso = instant.toISOString();
    return ok(micro ? iso.replace(/Z$/, `${micro}Z`) : iso);
  },
  fromColumns: ([value]) => isoTimestamp(value),
  jsonSchema: () => ({ type: 'string', format: 'date-time' }),
  graphql: { output: 'DateTime', input: 'DateTime', filter: 'DateTimeFilter' },
};
