/**
 * The dashboard's filters as API filters: a period (this month, quarter, year, or all time, in the user's local
 * calendar) and an owner (me, or everyone the user may see — the server's read scope decides who that is).
 */

export type Period = 'month' | 'quarter' | 'year' | 'all';
export const PERIODS: readonly Period[] = ['month', 'quarter', 'year', 'all'];

export type OwnerScope = 'me' | 'everyone';

/** `[start, end)` of a period around `now`; null for all time. */
export interface Range {
  readonly start: Date;
  readonly end: Date;
}

export function periodRange(period: Period, now: Date = new Date()): Range | null {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (period) {
    case 'month':
      return { start: new Date(year, month, 1), end: new Date(year, month + 1, 1) };
    case 'quarter': {
      const first = month - (month % 3);
      return { start: new Date(year, first, 1), end: new Date(year, first + 3, 1) };
    }
    case 'year':
      return { start: new Date(year, 0, 1), end: new Date(year + 1, 0, 1) };
    case 'all':
      return null;
  }
}

/** A local calendar day as a date field holds it: `2026-12-01`. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The months `YYYY-MM` of a range, in order. */
export function monthsOf(range: Range): string[] {
  const months: string[] = [];
  for (let d = new Date(range.start); d < range.end; d = new Date(d.getFullYear(), d.getMonth() + 1, 1)) {
    months.push(dayOf(d).slice(0, 7));
  }
  return months;
}

type ApiFilter = Record<string, unknown>;

/**
 * The API filter (`{ and: [...] }`) of records in the period by a date field (`date`: calendar days) or a date-time
 * field (`datetime`: instants), owned by `me` when the scope says so, and meeting `extra` conditions.
 */
export function recordsFilter(options: {
  readonly range: Range | null;
  readonly dateField?: { readonly name: string; readonly type: string } | undefined;
  readonly owner: OwnerScope;
  readonly me: string | undefined;
  readonly extra?: readonly ApiFilter[];
}): ApiFilter | undefined {
  const { range, dateField, owner, me } = options;
  const parts: ApiFilter[] = [...(options.extra ?? [])];
  if (range && dateField) {
    const bound = (d: Date) => (dateField.type === 'date' ? dayOf(d) : d.toISOString());
    parts.push({ [dateField.name]: { gte: bound(range.start), lt: bound(range.end) } });
  }
  if (owner === 'me' && me) parts.push({ owner: { id: { eq: me } } });
  return parts.length ? { and: parts } : undefined;
}

/** The same owner choice in the condition language of roles and workflows (`stageDurations` takes it). */
export function ownerCondition(owner: OwnerScope, me: string | undefined): Record<string, unknown> | undefined {
  return owner === 'me' && me ? { owner: me } : undefined;
}
