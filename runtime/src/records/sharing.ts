import { compileCondition } from '../conditions';
import { run } from '../db/db';
import { badInput, notFound } from '../errors';
import { ident, raw, sql } from '../sql/sql';
import { actionScope, requireReadableOtherwiseMissing } from './authorize';
import { requireObject, actorId, type RecordContext } from './context';

export type ShareAccess = 'read' | 'edit';

/** Who a record is shared with: one user, or one team. */
export type ShareWith =
  { readonly userId: string; readonly teamId?: undefined } | { readonly teamId: string; readonly userId?: undefined };

export interface Share {
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly access: ShareAccess;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

/**
 * Shares one record with a user or a team, to read or to edit. Whoever may update the record may share it.
 * A share widens the scope of roles that may already read the object (it is a rule like any other,
 * compiled into the same WHERE): it never opens an object a role cannot read at all.
 */
export async function shareRecord(
  ctx: RecordContext,
  objectName: string,
  id: string,
  target: ShareWith,
  access: ShareAccess,
): Promise<Share[]> {
  const object = requireObject(ctx, objectName);
  if ((target.userId === undefined) === (target.teamId === undefined))
    throw badInput({ path: 'with', message: 'share with exactly one user or one team' });
  if (access !== 'read' && access !== 'edit') throw badInput({ path: 'access', message: 'must be read or edit' });
  await requireUpdatable(ctx, objectName, id);
  const member = target.userId
    ? await ctx.db.query(`SELECT 1 FROM stratum.memberships WHERE workspace = $1 AND "userId" = $2::uuid`, [
        ctx.model.workspace,
        target.userId,
      ])
    : await ctx.db.query(`SELECT 1 FROM stratum.teams WHERE workspace = $1 AND id = $2::uuid`, [
        ctx.model.workspace,
        target.teamId,
      ]);
  if (member.rows.length === 0)
    throw badInput({
      path: target.userId ? 'userId' : 'teamId',
      message: `is not a ${target.userId ? 'member' : 'team'} of this workspace`,
    });
  const conflict = target.userId
    ? raw(`(object, "recordId", "userId") WHERE "userId" IS NOT NULL`)
    : raw(`(object, "recordId", "teamId") WHERE "teamId" IS NOT NULL`);
  await run(
    ctx.db,
    sql`INSERT INTO ${ident(ctx.model.schema, '_shares')} (object, "recordId", "userId", "teamId", access, "createdBy")
        VALUES (${object.name}, ${id}::uuid, ${target.userId ?? null}::uuid, ${target.teamId ?? null}::uuid, ${access}, ${actorId(ctx.actor)}::uuid)
        ON CONFLICT ${conflict} DO UPDATE SET access = excluded.access`,
  );
  return recordShares(ctx, objectName, id);
}

export async function unshareRecord(
  ctx: RecordContext,
  objectName: string,
  id: string,
  target: ShareWith,
): Promise<Share[]> {
  const object = requireObject(ctx, objectName);
  await requireUpdatable(ctx, objectName, id);
  await run(
    ctx.db,
    sql`DELETE FROM ${ident(ctx.model.schema, '_shares')} WHERE object = ${object.name} AND "recordId" = ${id}::uuid
        AND "userId" IS NOT DISTINCT FROM ${target.userId ?? null}::uuid AND "teamId" IS NOT DISTINCT FROM ${target.teamId ?? null}::uuid`,
  );
  return recordShares(ctx, objectName, id);
}

/** The shares of a record the actor may update (sharing is part of managing a record). */
export async function recordShares(ctx: RecordContext, objectName: string, id: string): Promise<Share[]> {
  const object = requireObject(ctx, objectName);
  await requireUpdatable(ctx, objectName, id);
  const { rows } = await run<Share>(
    ctx.db,
    sql`SELECT "userId", "teamId", access, "createdBy", "createdAt" FROM ${ident(ctx.model.schema, '_shares')}
        WHERE object = ${object.name} AND "recordId" = ${id}::uuid ORDER BY id`,
  );
  return rows;
}

async function requireUpdatable(ctx: RecordContext, objectName: string, id: string): Promise<void> {
  const object = requireObject(ctx, objectName);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`No ${object.name} with id ${id}`);
  const scope = actionScope(ctx, 'update', object);
  const allowed = scope ? compileCondition(scope, 't0') : raw('TRUE');
  const { rows } = await run(
    ctx.db,
    sql`SELECT 1 FROM ${ident(ctx.model.schema, object.table)} AS t0 WHERE t0.id = ${id}::uuid AND t0."deletedAt" IS NULL AND ${allowed}`,
  );
  if (rows.length) return;
  if (scope) await requireReadableOtherwiseMissing(ctx, object, [id], 'update');
  throw notFound(`No ${object.name} with id ${id}`);
}
