/**
 * Records per option of a select (leads by source, leads per status), in the select's own option order, with
 * each option's share of all the records counted — options without records included (as zero), and records with
 * no value or a value the select no longer has counted at the end.
 */
export interface OptionCount {
  /** The option's value, or null for records without one. */
  readonly value: string | null;
  readonly count: number;
  /** count / total, 0 when there are no records. */
  readonly share: number;
}

export function optionCounts(
  options: readonly string[],
  groups: readonly { readonly key: Readonly<Record<string, unknown>>; readonly count: number }[],
  field: string,
): OptionCount[] {
  const counts = new Map<string | null, number>(options.map((o) => [o, 0]));
  for (const group of groups) {
    const value = group.key[field];
    const key = typeof value === 'string' ? value : null;
    counts.set(key, (counts.get(key) ?? 0) + group.count);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  // Options first (the map began with them), then values the select no longer has, then no value.
  const none = counts.get(null);
  counts.delete(null);
  if (none) counts.set(null, none);
  return [...counts].map(([value, count]) => ({ value, count, share: total ? count / total : 0 }));
}

/** Record counts per month (`YYYY-MM`) of aggregate groups keyed by a month-truncated date, in month order. */
export function countsByMonth(
  groups: readonly { readonly key: Readonly<Record<string, unknown>>; readonly count: number }[],
  field: string,
): { readonly month: string; readonly count: number }[] {
  const months = new Map<string, number>();
  for (const group of groups) {
    const day = group.key[field];
    if (typeof day === 'string') months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + group.count);
  }
  return [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}
