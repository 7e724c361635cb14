/**
 * Timestamps travel as PostgreSQL's own text, never through JS `Date`: it is exact (microseconds, which a
 * Date drops) and cheaper (parsing dates was the single largest cost of reading a page). Both database
 * adapters run their sessions in UTC, so the text is `2026-11-24 09:11:27.360123+00`.
 */
const PG_UTC = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\+00$/;

/** ISO 8601 in UTC with milliseconds, or microseconds when the value has them. */
export function isoTimestamp(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const match = PG_UTC.exec(text);
  if (!match) {
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? text : date.toISOString();
  }
  const fraction = match[7] ?? '';
  const digits = fraction.length <= 3 ? fraction.padEnd(3, '0') : fraction.padEnd(6, '0');
  return `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}.${digits}Z`;
}
