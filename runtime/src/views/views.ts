import { randomUUID } from 'node:crypto';
import { TRUE } from '../conditions';
import { run } from '../db/db';
import { isoTimestamp } from '../db/timestamps';
import { badInput, conflict, forbidden, notFound } from '../errors';
import { findObject, type ObjectDef } from '../model/model';
import { actionScope } from '../records/authorize';
import { actorId, type RecordContext } from '../records/context';
import { ident, sql } from '../sql/sql';
import { checkViewInput, type ViewInput, type ViewSort } from './view-input';

/**
 * Saved list views: a named filter, sort, search and column choice of one object's list.
 *
 * Terminology: a *personal* view is seen only by its owner; a *shared* view by everyone who may read its
 * object. Whoever may read an object may keep personal views of it. Sharing is a promise to a whole team,
 * so creating, changing or deleting a shared view needs a *view manager* of the object: an admin, or a
 * role that may `manage` the object on every row (the access model's word for "administers this object").
 */
export interface SavedView {
  readonly id: string;
  readonly object: string;
  readonly name: string;
  readonly filter: Record<string, unknown> | null;
  readonly sort: readonly ViewSort[];
  readonly search: string | null;
  readonly columns: readonly string[];
  readonly shared: boolean;
  readonly owner: string | null;
  /** Whether the actor may change or delete it (their own personal view, or a shared one they manage). */
  readonly editable: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

type ViewRow = Omit<SavedView, 'editable' | 'createdAt' | 'updatedAt'> & { createdAt: unknown; updatedAt: unknown };

const COLUMNS = sql`id, object, name, filter, sort, search, columns, shared, owner, "createdAt", "updatedAt"`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the actor may create, change or delete the shared views of an object. */
export function managesViews(ctx: RecordContext, object: ObjectDef): boolean {
  const access = ctx.access;
  if (!access || access.isAdmin) return true;
  return access.scope('manage', object.name) === TRUE;
}

/**
 * The views of an object the actor may see: their own, then the shared ones, each by name.
 *
 * @example
 *   await listViews(ctx, 'deal'); // [{ name: 'My open deals', shared: false, … }, { name: 'Pipeline', shared: true, … }]
 */
export async function listViews(ctx: RecordContext, objectName: string): Promise<SavedView[]> {
  const object = readableObject(ctx, objectName);
  const { rows } = await run<ViewRow>(
    ctx.db,
    sql`SELECT ${COLUMNS} FROM ${ident(ctx.model.schema, '_views')}
        WHERE object = ${object.name} AND (shared OR owner IS NOT DISTINCT FROM ${actorId(ctx.actor)}::uuid)
        ORDER BY shared, lower(name), id`,
  );
  return rows.map((row) => toView(ctx, object, row));
}

/** One view the actor may see, or null (a personal view of someone else is not found, as if absent). */
export async function findView(ctx: RecordContext, id: string): Promise<SavedView | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await run<ViewRow>(
    ctx.db,
    sql`SELECT ${COLUMNS} FROM ${ident(ctx.model.schema, '_views')}
        WHERE id = ${id}::uuid AND (shared OR owner IS NOT DISTINCT FROM ${actorId(ctx.actor)}::uuid)`,
  );
  const row = rows[0];
  const object = row && findObject(ctx.model, row.object);
  // A shared view of an object the actor may not read is none of theirs.
  if (!row || !object || (ctx.access && !ctx.access.can('read', object.name))) return null;
  return toView(ctx, object, row);
}

/**
 * Saves a view: a new one without `input.id` (owned by the actor), otherwise a change to one the actor may
 * edit (its owner stays). Answers the view as stored.
 *
 * @example
 *   await saveView(ctx, { object: 'deal', name: 'Big deals', filter: { amount: { $gte: 10000 } }, sort: [{ field: 'amount', direction: 'DESC' }] });
 */
export async function saveView(ctx: RecordContext, input: ViewInput): Promise<SavedView> {
  const checked = checkViewInput(ctx, input);
  readableObject(ctx, checked.object.name);
  const before = input.id ? await editableView(ctx, input.id) : null;
  if (before && before.object !== checked.object.name)
    throw badInput({ path: 'object', message: `a view of ${before.object} cannot become a view of another object` });
  if ((checked.shared || before?.shared) && !managesViews(ctx, checked.object))
    throw forbidden(sharedRefusal(checked.object, before ? 'change' : 'create'), 'shared');
  const owner = before ? before.owner : actorId(ctx.actor);
  // Un-sharing hands a view back to its owner alone; someone else's is not the actor's to take away.
  if (before?.shared && !checked.shared && owner !== actorId(ctx.actor))
    throw forbidden('Only the owner of a shared view may make it personal again', 'shared');
  const taken = await run(
    ctx.db,
    sql`SELECT 1 FROM ${ident(ctx.model.schema, '_views')} WHERE object = ${checked.object.name}
        AND owner IS NOT DISTINCT FROM ${owner}::uuid AND lower(name) = lower(${checked.name}) AND id IS DISTINCT FROM ${before?.id ?? null}::uuid`,
  );
  if (taken.rows.length) throw duplicateName(checked.name, checked.object);
  const values = {
    filter: checked.filter === null ? null : JSON.stringify(checked.filter),
    sort: JSON.stringify(checked.sort),
    columns: JSON.stringify(checked.columns),
  };
  try {
    const { rows } = before
      ? await run<ViewRow>(
          ctx.db,
          sql`UPDATE ${ident(ctx.model.schema, '_views')} SET name = ${checked.name}, filter = ${values.filter}::jsonb,
                sort = ${values.sort}::jsonb, search = ${checked.search}, columns = ${values.columns}::jsonb,
                shared = ${checked.shared}, "updatedAt" = now()
              WHERE id = ${before.id}::uuid RETURNING ${COLUMNS}`,
        )
      : await run<ViewRow>(
          ctx.db,
          sql`INSERT INTO ${ident(ctx.model.schema, '_views')} (id, object, name, filter, sort, search, columns, shared, owner)
              VALUES (${randomUUID()}::uuid, ${checked.object.name}, ${checked.name}, ${values.filter}::jsonb, ${values.sort}::jsonb,
                      ${checked.search}, ${values.columns}::jsonb, ${checked.shared}, ${owner}::uuid)
              RETURNING ${COLUMNS}`,
        );
    return toView(ctx, checked.object, rows[0]!);
  } catch (error) {
    // Two saves of one name at once: the unique index decides, and says it the same way.
    if ((error as { code?: string }).code === '23505') throw duplicateName(checked.name, checked.object);
    throw error;
  }
}

/** Deletes a view the actor may edit; answers its id. */
export async function deleteView(ctx: RecordContext, id: string): Promise<string> {
  const view = await editableView(ctx, id);
  await run(ctx.db, sql`DELETE FROM ${ident(ctx.model.schema, '_views')} WHERE id = ${view.id}::uuid`);
  return view.id;
}

/** A view the actor may change: theirs, or a shared one of an object whose shared views they manage. */
async function editableView(ctx: RecordContext, id: string): Promise<SavedView> {
  const view = await findView(ctx, id);
  if (!view) throw notFound(`No view with id ${id}`, { path: 'id' });
  if (!view.editable) {
    const object = findObject(ctx.model, view.object)!;
    throw forbidden(sharedRefusal(object, 'change or delete'), 'id');
  }
  return view;
}

function readableObject(ctx: RecordContext, name: string): ObjectDef {
  const object = findObject(ctx.model, name);
  if (!object) throw badInput({ path: 'object', message: `no object named "${name}"` });
  actionScope(ctx, 'read', object);
  return object;
}

function sharedRefusal(object: ObjectDef, doing: string): string {
  return `Only admins (or a role that may manage every ${object.name}) may ${doing} shared views of ${object.pluralName}`;
}

function duplicateName(name: string, object: ObjectDef) {
  return conflict(`There is already a view of ${object.pluralName} named "${name}"`, 'name');
}

function toView(ctx: RecordContext, object: ObjectDef, row: ViewRow): SavedView {
  const mine = row.owner === actorId(ctx.actor);
  return {
    id: row.id,
    object: row.object,
    name: row.name,
    filter: row.filter,
    sort: row.sort,
    search: row.search,
    columns: row.columns,
    shared: row.shared,
    owner: row.owner,
    editable: row.shared ? managesViews(ctx, object) : mine,
    createdAt: isoTimestamp(row.createdAt)!,
    updatedAt: isoTimestamp(row.updatedAt)!,
  };
}
