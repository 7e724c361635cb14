/**
 * Values as text in the user's language, through `Intl` (money with its code, dates without time-zone shifts).
 * Pure functions of (value, field settings, language), so cells and exports of the screen agree.
 */

export interface Money {
  readonly amount: number;
  readonly currency: string | null;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
}

export function formatMoney(money: Money, language: string): string {
  if (!money.currency) return formatNumber(money.amount, language);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency: money.currency }).format(money.amount);
  } catch {
    return `${formatNumber(money.amount, language)} ${money.currency}`;
  }
}

/** Percent fields hold 0–100. */
export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/** A `YYYY-MM-DD` date: read as a calendar day (UTC), so it never moves by a time zone. */
export function formatDate(value: string, language: string): string {
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

export function formatDateTime(value: string, language: string): string {
  const moment = new Date(value);
  if (Number.isNaN(moment.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(moment);
}

/** `TCK-00042`: the autonumber's prefix and padding. */
export function formatAutonumber(value: number, settings: unknown): string {
  const { prefix = '', padding = 0 } = (settings ?? {}) as { prefix?: string; padding?: number };
  return `${prefix}${String(value).padStart(padding, '0')}`;
}

export function formatAddress(value: Record<string, unknown>): string {
  return ['street', 'city', 'region', 'postalCode', 'country']
    .map((key) => value[key])
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
}
