import { run } from '../db/db';
import { isoTimestamp } from '../db/timestamps';
import { ident, sql } from '../sql/sql';
import { findField, type ObjectDef } from '../model/model';
import { readableFields } from './authorize';
import { requireObject, type RecordContext } from './context';

export interface HistoryEntry {
  readonly at: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly actor: string | null;
}

/**
 * The field history of one record, newest first (the record page's timeline reads it): only the changes of
 * fields the actor may read, kept in the query so the limit counts only what is returned. It checks nothing
 * else: callers first make sure the record itself is readable.
 */
export async function recordHistory(
  ctx: RecordContext,
  objectName: string,
  id: string,
  options: { limit?: number } = {},
): Promise<HistoryEntry[]> {
  const object = requireObject(ctx, objectName);
  const readable = readableFields(ctx, object);
  const onlyFields = readable ? sql` AND field = ANY(${readable}::text[])` : sql``;
  const { rows } = await run<HistoryEntry & { at: Date | string }>(
    ctx.db,
    sql`SELECT at, field, "oldValue", "newValue", actor FROM ${ident(ctx.model.schema, '_history')}
        WHERE object = ${object.name} AND "recordId" = ${id}::uuid${onlyFields} ORDER BY at DESC, id DESC LIMIT ${Math.min(options.limit ?? 100, 1000)}`,
  );
  return rows.map((r) => ({
    ...r,
    oldValue: decoded(ctx, object, r.field, r.oldValue),
    newValue: decoded(ctx, object, r.field, r.newValue),
    at: isoTimestamp(r.at)!,
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
