import type { Action } from '../access/role';
import {
  compileCondition,
  evaluateCondition,
  FALSE,
  restrictCondition,
  type ConditionNode,
  type RowRestriction,
} from '../conditions';
import { run } from '../db/db';
import { ident, raw, sql } from '../sql/sql';
import { forbidden, StratumError, type Problem } from '../errors';
import { USER_OBJECT, type ObjectDef } from '../model/model';
import type { RecordContext, RecordData } from './context';

/** Fields every readable record shows: identity and bookkeeping, never business data. */
const ALWAYS_READABLE = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'owner', 'deletedAt']);

const restricted = (ctx: RecordContext) => ctx.access !== undefined && !ctx.access.isAdmin;

/**
 * The row condition under which the actor may perform an action on an object: undefined when nothing is
 * restricted (system actor, admins), FORBIDDEN when the action is not allowed on the object at all.
 */
export function actionScope(ctx: RecordContext, action: Action, object: ObjectDef): ConditionNode | undefined {
  if (!restricted(ctx)) return undefined;
  const scope = ctx.access!.scope(action, object.name);
  if (!scope) throw forbidden(`You may not ${action} ${object.pluralName}`);
  return scope;
}

/**
 * The read scope of a related object, FALSE (nothing) when the actor may not read it at all. Users are the
 * workspace's directory: every member sees who owns a record (`owner { name email }`) and may point a record
 * at any active user, so filtering through a user relation (`owner: { id: { eq: … } }`) is not restricted.
 */
function relatedScope(ctx: RecordContext, objectName: string): ConditionNode | undefined {
  if (!restricted(ctx) || objectName === USER_OBJECT) return undefined;
  return ctx.access!.scope('read', objectName) ?? FALSE;
}

/**
 * The related rows the actor may see, for computed values and nested conditions (undefined: all of them).
 * A formula's path or a rollup reads only these, so it never reveals a record its reader may not read.
 */
export function rowRestriction(ctx: RecordContext): RowRestriction | undefined {
  if (!restricted(ctx)) return undefined;
  return (objectName) => relatedScope(ctx, objectName);
}

/**
 * Whether the actor may read a field. For a formula or rollup, `Access.fieldAllowed` also requires every
 * field it reads to be readable (see `formulas/computed-fields.ts`).
 */
export function canReadField(ctx: RecordContext, objectName: string, field: string): boolean {
  return !restricted(ctx) || ALWAYS_READABLE.has(field) || ctx.access!.fieldAllowed('read', objectName, field);
}

/** The object's fields the actor may read, or undefined when they may read every one. */
export function readableFields(ctx: RecordContext, object: ObjectDef): string[] | undefined {
  if (!restricted(ctx)) return undefined;
  return object.fields.filter((f) => canReadField(ctx, object.name, f.name)).map((f) => f.name);
}

/** Refuses to filter, sort, search or group by a field the actor may not read. */
export function requireReadableField(
  ctx: RecordContext,
  object: ObjectDef,
  field: string,
  path: string,
  doing: string,
): void {
  if (!canReadField(ctx, object.name, field)) throw forbidden(`You may not ${doing} by ${object.name}.${field}`, path);
}

/**
 * Secures a filter: every field it reads must be readable, and a condition through a relation (or a
 * computed field's path or rollup) only sees the related records the actor may read, so a filter can
 * never probe hidden records.
 */
export function secureCondition(ctx: RecordContext, object: ObjectDef, node: ConditionNode): ConditionNode {
  const restrict = rowRestriction(ctx);
  if (!restrict) return node;
  const visit = (n: ConditionNode, objectName: string): void => {
    switch (n.kind) {
      case 'comparison':
        if (!canReadField(ctx, objectName, n.field.name))
          throw forbidden(`You may not filter by ${objectName}.${n.field.name}`, `filter.${n.field.name}`);
        return;
      case 'relation':
        if (!canReadField(ctx, objectName, n.field))
          throw forbidden(`You may not filter by ${objectName}.${n.field}`, `filter.${n.field}`);
        return visit(n.node, n.target.object);
      case 'and':
      case 'or':
        return n.nodes.forEach((c) => visit(c, objectName));
      case 'not':
        return visit(n.node, objectName);
      case 'constant':
        return;
    }
  };
  visit(node, object.name);
  return restrictCondition(node, restrict);
}

/** A record as the actor may see it: fields they may not read are left out. */
export function visibleRecord(ctx: RecordContext, object: ObjectDef, record: RecordData): RecordData {
  if (!restricted(ctx)) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (canReadField(ctx, object.name, key)) out[key] = value;
  return out as RecordData;
}

/**
 * Refuses input that writes fields the actor may not write (`owner` included: mass-assigning it needs a
 * rule that names it). Paths point at the offending key.
 */
export function requireWritableFields(
  ctx: RecordContext,
  action: 'create' | 'update',
  object: ObjectDef,
  inputs: readonly unknown[],
  root: string,
): void {
  if (!restricted(ctx)) return;
  inputs.forEach((input, i) => {
    for (const key of Object.keys((input ?? {}) as object)) {
      if (key === 'id' && action === 'create') continue;
      const known = key === 'owner' || object.fields.some((f) => f.name === key);
      if (known && !ctx.access!.fieldAllowed(action, object.name, key)) {
        const path = inputs.length === 1 ? `${root}.${key}` : `${root}[${i}].${key}`;
        throw forbidden(`You may not ${action === 'create' ? 'set' : 'change'} ${object.name}.${key}`, path);
      }
    }
  });
}

/**
 * A record about to be created must fall inside the create scope (e.g. `{ owner: "$user.id" }`): checked
 * in memory on the new values, with the same semantics as SQL.
 */
export function requireCreatable(
  ctx: RecordContext,
  object: ObjectDef,
  records: readonly Record<string, unknown>[],
  root: string,
): void {
  const scope = actionScope(ctx, 'create', object);
  if (!scope) return;
  const message = `You may not create this ${object.name}`;
  // Every refused record is named, so a batch (an import) can set them all aside at once.
  const refused: Problem[] = [];
  records.forEach((record, i) => {
    let allowed: boolean;
    try {
      allowed = evaluateCondition(scope, record);
    } catch {
      allowed = false;
    }
    if (!allowed) refused.push({ path: records.length === 1 ? root : `${root}[${i}]`, message });
  });
  if (refused.length) throw new StratumError('FORBIDDEN', message, refused);
}

/**
 * Records a write did not reach: FORBIDDEN when the actor can see them (so they learn why), nothing when
 * they cannot (the caller then answers NOT_FOUND, as for a record that does not exist).
 */
export async function requireReadableOtherwiseMissing(
  ctx: RecordContext,
  object: ObjectDef,
  ids: readonly string[],
  action: Action,
): Promise<void> {
  const scope = actionScope(ctx, 'read', object);
  const allowed = scope ? compileCondition(scope, 't0') : raw('TRUE');
  const { rows } = await run(
    ctx.db,
    sql`SELECT 1 FROM ${ident(ctx.model.schema, object.table)} AS t0 WHERE t0.id = ANY(${ids}::uuid[]) AND ${allowed} LIMIT 1`,
  );
  if (rows.length) throw forbidden(`You may not ${action} this ${object.name}`);
}
