import { run } from '../db/db';
import { isoTimestamp } from '../db/timestamps';
import { ident, sql } from '../sql/sql';
import { afterCursor, decodeCursor, encodeCursor } from './cursor';
import type { SortKey } from './order';
import { findField, type ObjectDef } from '../model/model';
import { readableFields } from './authorize';
import { requireObject, type RecordContext } from './context';

export interface HistoryEntry {
  readonly at: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly actor: string | null;
  /** Where the entry is in the history: pass it as `after` for the entries older than this one. */
  readonly cursor: string;
}

/** The history's order, newest first: time, then the row's id (one update's fields share a time). */
const HISTORY_ORDER: readonly SortKey[] = [
  { column: 'at', direction: 'DESC', sqlType: 'timestamptz' },
  { column: 'id', direction: 'DESC', sqlType: 'bigint' },
];

/**
 * The field history of one record, newest first (the record page's timeline reads it): only the changes of
 * fields the actor may read, kept in the query so the limit counts only what is returned. It checks nothing
 * else: callers first make sure the record itself is readable.
 *
 * Pages are keyset pages: `after` is the `cursor` of the last entry of the previous page (its time, exact to
 * the microsecond, and its row id), so entries written meanwhile neither shift nor repeat the older ones.
 *
 * @example
 *   const page = await recordHistory(ctx, 'deal', id, { limit: 50 });
 *   const older = await recordHistory(ctx, 'deal', id, { limit: 50, after: page.at(-1)!.cursor });
 */
export async function recordHistory(
  ctx: RecordContext,
  objectName: string,
  id: string,
  options: { limit?: number; after?: string | undefined } = {},
): Promise<HistoryEntry[]> {
  const object = requireObject(ctx, objectName);
  const readable = readableFields(ctx, object);
  const onlyFields = readable ? sql` AND h.field = ANY(${readable}::text[])` : sql``;
  const older = options.after
    ? sql` AND ${afterCursor(HISTORY_ORDER, decodeCursor(HISTORY_ORDER, options.after), 'h')}`
    : sql``;
  const { rows } = await run<Omit<HistoryEntry, 'cursor'> & { at: Date | string; _at: string; _id: string }>(
    ctx.db,
    sql`SELECT h.at, h.field, h."oldValue", h."newValue", h.actor, h.at::text AS _at, h.id::text AS _id
          FROM ${ident(ctx.model.schema, '_history')} AS h
         WHERE h.object = ${object.name} AND h."recordId" = ${id}::uuid${onlyFields}${older}
         ORDER BY h.at DESC, h.id DESC LIMIT ${Math.min(options.limit ?? 100, 1000)}`,
  );
  return rows.map(({ _at, _id, ...r }) => ({
    ...r,
    oldValue: decoded(ctx, object, r.field, r.oldValue),
    newValue: decoded(ctx, object, r.field, r.newValue),
    at: isoTimestamp(r.at)!,
    cursor: encodeCursor(HISTORY_ORDER, [_at, _id]),
  }));
}

/**
 * A stored value in the shape the API reads it: history keeps a field's columns (an array of them for
 * multi-column fields such as money), its type turns them into the field's value. A field removed since
 * keeps what was stored.
 */
function decoded(ctx: RecordContext, object: ObjectDef, fieldName: string, stored: unknown): unknown {
  const field = findField(object, fieldName);
  if (!field || stored === null) return stored;
  const columns = field.columns.length > 1 && Array.isArray(stored) ? stored : [stored];
  return ctx.types.get(field.type).fromColumns(columns, field);
}
