import type { Db } from '../db/db';
import { run } from '../db/db';
import { badInput, type Problem } from '../errors';
import { relationKind, relationSettings } from '../fields/relation-type';
import { findObject, USER_OBJECT, type FieldDef, type ObjectDef } from '../model/model';
import { META_SCHEMA } from '../metadata/bootstrap';
import { ident, sql, type Fragment } from '../sql/sql';
import { compileCondition } from '../conditions';
import type { RecordContext } from './context';
import type { EncodedInput } from './codec';

/**
 * Checks, one query per relation field, that every id an input points at is a live record of the target,
 * so a bad id is reported at its exact path (`data[3].company`) before anything is written.
 */
export async function checkRelationTargets(
  ctx: RecordContext,
  db: Db,
  object: ObjectDef,
  inputs: readonly EncodedInput[],
  root: string,
): Promise<void> {
  const model = ctx.model;
  const problems: Problem[] = [];
  const at = (i: number, field: string) => (inputs.length === 1 ? `${root}.${field}` : `${root}[${i}].${field}`);
  const relations = object.fields.filter((f) => f.type === 'relation' && relationKind(f) !== 'oneToMany');
  const checks = [
    ...relations.map((f) => ({ field: f, name: f.name, target: relationSettings(f).target })),
    { field: undefined, name: 'owner', target: USER_OBJECT },
  ];
  for (const { field, name, target } of checks) {
    const wanted = new Map<string, number[]>();
    inputs.forEach((input, i) => {
      const ids =
        field && relationKind(field) === 'manyToMany'
          ? (input.links.get(field) ?? [])
          : [input.columns[field ? field.columns[0]! : 'owner']];
      for (const id of ids) if (typeof id === 'string') wanted.set(id, [...(wanted.get(id) ?? []), i]);
    });
    if (wanted.size === 0) continue;
    const table =
      target === USER_OBJECT ? ident(META_SCHEMA, 'users') : ident(model.schema, findObject(model, target)!.table);
    const live = target === USER_OBJECT ? sql`t0.active` : sql`t0."deletedAt" IS NULL`;
    // A record may only point at records its writer may read: a hidden one answers like a missing one.
    const readable = target === USER_OBJECT ? sql`TRUE` : readScope(ctx, findObject(model, target)!);
    const { rows } = await run<{ id: string }>(
      db,
      sql`SELECT t0.id FROM ${table} AS t0 WHERE t0.id = ANY(${[...wanted.keys()]}::uuid[]) AND ${live} AND ${readable}`,
    );
    const found = new Set(rows.map((r) => r.id));
    for (const [id, indexes] of wanted) {
      if (!found.has(id))
        for (const i of indexes) problems.push({ path: at(i, name), message: `no ${target} with id ${id}` });
    }
  }
  if (problems.length) throw badInput(problems);
}

/** Replaces the many-to-many links of records: set-based, one delete and one insert per field. */
export async function writeLinks(
  db: Db,
  schema: string,
  field: FieldDef,
  links: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  if (links.size === 0) return;
  const junction = ident(schema, field.junctionTable!);
  const sources = [...links.keys()];
  const pairs = [...links].flatMap(([source, targets]) => targets.map((target) => [source, target] as const));
  await run(
    db,
    sql`DELETE FROM ${junction} AS j WHERE j."source" = ANY(${sources}::uuid[])
    AND NOT EXISTS (SELECT 1 FROM unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]) AS n(s, t) WHERE n.s = j."source" AND n.t = j."target")`,
  );
  if (pairs.length) {
    await run(
      db,
      sql`INSERT INTO ${junction} ("source", "target")
      SELECT * FROM unnest(${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[]) ON CONFLICT DO NOTHING`,
    );
  }
}

/** The actor's read scope of an object as SQL on `t0` (FALSE when they may not read it at all). */
function readScope(ctx: RecordContext, object: ObjectDef): Fragment {
  if (!ctx.access || ctx.access.isAdmin) return sql`TRUE`;
  const scope = ctx.access.scope('read', object.name);
  return scope ? compileCondition(scope, 't0') : sql`FALSE`;
}
