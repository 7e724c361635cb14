import { createHash } from 'node:crypto';
import { badInput } from '../errors';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import type { SortKey } from './order';

/**
 * Keyset cursors. A cursor holds the sort-key values of the last row of a page, as PostgreSQL's own text
 * (exact to the microsecond and the last decimal), plus a fingerprint of the ordering so a cursor from
 * one ordering is refused by another.
 */
export function encodeCursor(keys: readonly SortKey[], values: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify({ o: fingerprint(keys), v: values })).toString('base64url');
}

export function decodeCursor(keys: readonly SortKey[], cursor: string, path = 'after'): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput({ path, message: 'is not a cursor from this list' });
  }
  const { o, v } = (parsed ?? {}) as { o?: unknown; v?: unknown };
  const valid = Array.isArray(v) && v.length === keys.length && v.every((x) => x === null || typeof x === 'string');
  if (!valid) throw badInput({ path, message: 'is not a cursor from this list' });
  if (o !== fingerprint(keys)) throw badInput({ path, message: 'belongs to a list with another order' });
  return v as (string | null)[];
}

// Keys arrays are made once per list call and shared by all its cursors: hash each ordering once.
const fingerprints = new WeakMap<readonly SortKey[], string>();

function fingerprint(keys: readonly SortKey[]): string {
  let value = fingerprints.get(keys);
  if (value === undefined) {
    value = createHash('sha1')
      .update(keys.map((k) => `${k.column}:${k.direction}`).join(','))
      .digest('base64url')
      .slice(0, 8);
    fingerprints.set(keys, value);
  }
  return value;
}

/**
 * The cursor values of a row: its sort-key columns as PostgreSQL text. Every sortable type reads back
 * exact (numerics and dates as text, timestamps as text with microseconds), so `String` is enough.
 */
export function cursorValues(keys: readonly SortKey[], row: Readonly<Record<string, unknown>>): (string | null)[] {
  return keys.map((k) => {
    const value = row[k.column];
    return value === null || value === undefined ? null : String(value);
  });
}

export function orderByClause(keys: readonly SortKey[], alias: string): Fragment {
  // PostgreSQL's defaults (ASC NULLS LAST, DESC NULLS FIRST) are what the keyset predicate assumes. A
  // computed key sorts by its select-list name, so its value is computed once per row, not twice.
  return join(
    keys.map((k) =>
      k.expression
        ? sql`${ident(k.column)} ${raw(k.direction)}`
        : sql`${raw(alias)}.${ident(k.column)} ${raw(k.direction)}`,
    ),
  );
}

/**
 * Rows strictly after the cursor in the ordering:
 *   OR over i of (k1 = v1 AND … AND k(i-1) = v(i-1) AND ki after vi),
 * where NULLs sort last ascending and first descending, as in ORDER BY.
 */
export function afterCursor(keys: readonly SortKey[], values: readonly (string | null)[], alias: string): Fragment {
  const column = (k: SortKey) => (k.expression ? sql`(${k.expression(alias)})` : sql`${raw(alias)}.${ident(k.column)}`);
  const value = (k: SortKey, v: string) => sql`${v}::${raw(k.sqlType)}`;
  const branches: Fragment[] = [];
  keys.forEach((key, i) => {
    const equal = keys
      .slice(0, i)
      .map((k, j) => (values[j] === null ? sql`${column(k)} IS NULL` : sql`${column(k)} = ${value(k, values[j]!)}`));
    const v = values[i] ?? null;
    let after: Fragment | null;
    if (key.direction === 'ASC')
      after = v === null ? null : sql`(${column(key)} > ${value(key, v)} OR ${column(key)} IS NULL)`;
    else after = v === null ? sql`${column(key)} IS NOT NULL` : sql`${column(key)} < ${value(key, v)}`;
    if (after) branches.push(sql`(${join([...equal, after], ' AND ')})`);
  });
  return branches.length ? sql`(${join(branches, ' OR ')})` : raw('FALSE');
}
