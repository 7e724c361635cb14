import { FALSE, compileCondition, type ConditionNode } from '../conditions';
import { run } from '../db/db';
import { badInput, conflict, notFound, StratumError, type Problem } from '../errors';
import { ident, raw, sql, type Fragment } from '../sql/sql';
import { actionScope, visibleRecord } from './authorize';
import { recordSelectList } from './columns';
import { decodeRow } from './codec';
import { recordWriteError } from './constraint-errors';
import { actorId, requireObject, type RecordContext, type RecordData } from './context';

/** Ids a refusal names in its message; every one is in its problems and `details.ids`. */
const NAMED = 5;

/**
 * Soft-deletes records all or nothing, as `deleteRecord` does one (`deletedAt` set, a `deleted` event in the
 * outbox per record): one transaction, one set-based statement for the rows and their events, whatever the
 * number of ids. The actor's delete conditions are compiled to SQL and checked on the locked rows first, so
 * the batch is refused as a whole when any record in it may not be deleted:
 * - FORBIDDEN when the actor may see a record but not delete it, naming every such id (a problem at
 *   `ids[i]` each, and `details.ids`);
 * - NOT_FOUND when an id is not a live record the actor may read (deleted, never existed or hidden alike),
 *   naming them in `details.ids`.
 * Returns the deleted records in input order.
 *
 * @example
 *   await deleteMany(ctx, 'deal', ['0190…a1', '0190…b2']); // both deleted, or neither
 */
export async function deleteMany(
  ctx: RecordContext,
  objectName: string,
  ids: readonly string[],
  root = 'ids',
): Promise<RecordData[]> {
  const object = requireObject(ctx, objectName);
  const wanted = ids.map((id, i) => {
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
      throw badInput({ path: `${root}[${i}]`, message: 'must be a record id' });
    return id.toLowerCase();
  });
  if (wanted.length === 0) return [];
  if (new Set(wanted).size !== wanted.length)
    throw badInput({ path: root, message: 'a record may appear only once per batch' });
  // Undefined: nothing is restricted (system actor, admins). A restricted actor's read scope tells a record
  // they may not delete (refused, by id) from one they may not even see (reported as missing).
  const scope = actionScope(ctx, 'delete', object);
  const readScope = scope ? (ctx.access!.scope('read', object.name) ?? FALSE) : undefined;
  const table = ident(ctx.model.schema, object.table);
  return ctx.db.transaction(async (db) => {
    // Locked first, then judged in the next statement's snapshot (as updateMany does).
    await run(
      db,
      sql`SELECT 1 FROM ${table} WHERE id = ANY(${wanted}::uuid[]) AND "deletedAt" IS NULL ORDER BY id FOR UPDATE`,
    );
    const { rows: found } = await run<{ id: string; deletable: boolean; readable: boolean }>(
      db,
      sql`SELECT t.id, (${allowedBy(scope)}) AS deletable, (${allowedBy(readScope)}) AS readable
          FROM ${table} AS t WHERE t.id = ANY(${wanted}::uuid[]) AND t."deletedAt" IS NULL`,
    );
    const byId = new Map(found.map((row) => [row.id, row]));
    const refused = wanted.flatMap((id, i) => {
      const row = byId.get(id);
      return row?.readable && !row.deletable ? [i] : [];
    });
    if (refused.length) throw refusal(object.name, refused, wanted, root);
    const missing = wanted.filter((id) => !byId.get(id)?.readable);
    if (missing.length) throw notFound(`No ${object.name} with id ${named(missing)}`, { ids: missing });
    try {
      const { rows } = await run<Record<string, unknown>>(
        db,
        sql`WITH changed AS (
              UPDATE ${table} AS t SET "deletedAt" = now(), "updatedAt" = now()
              WHERE t.id = ANY(${wanted}::uuid[]) AND t."deletedAt" IS NULL AND ${allowedBy(scope)} RETURNING t.*),
            ev AS (INSERT INTO ${ident(ctx.model.schema, '_outbox')} (object, "recordId", event, before, actor)
                   SELECT ${object.name}, changed.id, 'deleted', row_to_json(changed), ${actorId(ctx.actor)}::uuid FROM changed)
          SELECT ${recordSelectList(ctx, object, 'changed')} FROM changed`,
      );
      // The rows are locked, so only a related record changed meanwhile (a condition through a relation) can
      // leave one out; the whole batch then goes back.
      if (rows.length !== wanted.length)
        throw conflict(`Some of these ${object.pluralName} changed while being deleted: nothing was deleted`, root);
      const deleted = new Map(rows.map((row) => [row.id as string, row]));
      return wanted.map((id) => visibleRecord(ctx, object, decodeRow(ctx, object, deleted.get(id)!)));
    } catch (error) {
      throw recordWriteError(error, object, root);
    }
  });
}

/** A row condition as SQL over the alias `t`, TRUE when nothing is restricted. */
function allowedBy(scope: ConditionNode | undefined): Fragment {
  return scope ? compileCondition(scope, 't') : raw('TRUE');
}

function named(ids: readonly string[]): string {
  const more = ids.length > NAMED ? ` (and ${ids.length - NAMED} more)` : '';
  return ids.slice(0, NAMED).join(', ') + more;
}

function refusal(objectName: string, indexes: readonly number[], ids: readonly string[], root: string): StratumError {
  const refusedIds = indexes.map((i) => ids[i]!);
  const problems: Problem[] = indexes.map((i) => ({
    path: `${root}[${i}]`,
    message: `You may not delete ${objectName} ${ids[i]!}`,
  }));
  return new StratumError(
    'FORBIDDEN',
    `You may not delete ${objectName} ${named(refusedIds)}: nothing was deleted`,
    problems,
    { ids: refusedIds },
  );
}
