import type { Db } from '../db/db';
import { run } from '../db/db';
import { badInput, type Problem } from '../errors';
import { relationKind, relationSettings } from '../fields/relation-type';
import { findObject, USER_OBJECT, type FieldDef, type Model, type ObjectDef } from '../model/model';
import { META_SCHEMA } from '../metadata/bootstrap';
import { ident, sql } from '../sql/sql';
import type { EncodedInput } from './codec';

/**
 * Checks, one query per relation field, that every id an input points at is a live record of the target,
 * so a bad id is reported at its exact path (`data[3].company`) before anything is written.
 */
export async function checkRelationTargets(
  db: Db,
  model: Model,
  object: ObjectDef,
  inputs: readonly EncodedInput[],
  root: string,
): Promise<void> {
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
    const live = target === USER_OBJECT ? sql`active` : sql`"deletedAt" IS NULL`;
    const { rows } = await run<{ id: string }>(
      db,
      sql`SELECT id FROM ${table} WHERE id = ANY(${[...wanted.keys()]}::uuid[]) AND ${live}`,
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
