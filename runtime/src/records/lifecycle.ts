import { run } from '../db/db';
import { notFound } from '../errors';
import { ident, raw, sql, type Fragment } from '../sql/sql';
import { recordSelectList } from './columns';
import { decodeRow } from './codec';
import { recordWriteError } from './constraint-errors';
import { actorId, requireObject, type RecordContext, type RecordData } from './context';
import { actionScope, requireReadableOtherwiseMissing, visibleRecord } from './authorize';
import { compileCondition } from '../conditions';

type Event = 'deleted' | 'restored' | 'destroyed';

/**
 * Soft delete: the record keeps its row and values (`deletedAt` is set), disappears from lists and
 * relations, and can be restored. Its unique values no longer block new records.
 */
export function deleteRecord(ctx: RecordContext, objectName: string, id: string): Promise<RecordData> {
  return lifecycle(
    ctx,
    objectName,
    id,
    'deleted',
    (t, allowed) =>
      sql`UPDATE ${t} AS t SET "deletedAt" = now(), "updatedAt" = now() WHERE t.id = ${id}::uuid AND t."deletedAt" IS NULL AND ${allowed} RETURNING t.*`,
  );
}

/** Brings back a soft-deleted record (CONFLICT if a live record took one of its unique values meanwhile). */
export function restoreRecord(ctx: RecordContext, objectName: string, id: string): Promise<RecordData> {
  return lifecycle(
    ctx,
    objectName,
    id,
    'restored',
    (t, allowed) =>
      sql`UPDATE ${t} AS t SET "deletedAt" = NULL, "updatedAt" = now() WHERE t.id = ${id}::uuid AND t."deletedAt" IS NOT NULL AND ${allowed} RETURNING t.*`,
  );
}

/** Removes a record for good (its history stays); relations apply their on-delete rule. */
export function destroyRecord(ctx: RecordContext, objectName: string, id: string): Promise<RecordData> {
  return lifecycle(
    ctx,
    objectName,
    id,
    'destroyed',
    (t, allowed) => sql`DELETE FROM ${t} AS t WHERE t.id = ${id}::uuid AND ${allowed} RETURNING t.*`,
  );
}

async function lifecycle(
  ctx: RecordContext,
  objectName: string,
  id: string,
  event: Event,
  statement: (table: Fragment, allowed: Fragment) => Fragment,
): Promise<RecordData> {
  const object = requireObject(ctx, objectName);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`No ${object.name} with id ${id}`, { id });
  const table = ident(ctx.model.schema, object.table);
  const column = event === 'deleted' ? 'before' : 'after';
  // Deleting, restoring and destroying all need `delete` on the record.
  const scope = actionScope(ctx, 'delete', object);
  const allowed = scope ? compileCondition(scope, 't') : raw('TRUE');
  try {
    const { rows } = await run<Record<string, unknown>>(
      ctx.db,
      sql`WITH changed AS (${statement(table, allowed)}),
        ev AS (INSERT INTO ${ident(ctx.model.schema, '_outbox')} (object, "recordId", event, ${raw(`"${column}"`)}, actor)
               SELECT ${object.name}, changed.id, ${event}, row_to_json(changed), ${actorId(ctx.actor)}::uuid FROM changed)
      SELECT ${recordSelectList(ctx, object, 'changed')} FROM changed`,
    );
    if (!rows[0] && scope) await requireReadableOtherwiseMissing(ctx, object, [id], 'delete');
    if (!rows[0]) throw notFound(`No ${event === 'restored' ? 'deleted ' : ''}${object.name} with id ${id}`, { id });
    return visibleRecord(ctx, object, decodeRow(ctx, object, rows[0]));
  } catch (error) {
    throw recordWriteError(error, object, 'id');
  }
}
