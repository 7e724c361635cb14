/** Numbers and money on the board, formatted with `Intl` in the user's language. */

/** `€1,234,567.89` (or `1,234.5` for a plain number). */
export function formatAmount(language: string, value: number, currency: string | null): string {
  return new Intl.NumberFormat(
    language,
    currency ? { style: 'currency', currency } : { maximumFractionDigits: 2 },
  ).format(value);
}

/** `€1.2M`: column headers are narrow; the full value is in the title. */
export function formatCompact(language: string, value: number, currency: string | null): string {
  return new Intl.NumberFormat(language, {
    notation: 'compact',
    maximumFractionDigits: 1,
    ...(currency ? { style: 'currency', currency } : {}),
  }).format(value);
}

/** A record's amount as the API answers it: a number, or money `{ amount, currency }`. */
export function amountOf(value: unknown): { readonly value: number; readonly currency: string | null } | null {
  if (typeof value === 'number') return { value, currency: null };
  if (value && typeof value === 'object') {
    const { amount, currency } = value as { amount?: unknown; currency?: unknown };
    if (typeof amount === 'number') return { value: amount, currency: typeof currency === 'string' ? currency : null };
  }
  return null;
}
