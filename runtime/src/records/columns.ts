import type { FieldTypeRegistry } from '../fields/registry';
import { computedSelectList } from '../formulas/computed-fields';
import type { ObjectDef } from '../model/model';
import { ident, join, raw, type Fragment } from '../sql/sql';
import { rowRestriction } from './authorize';
import type { RecordContext } from './context';

const SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt', 'createdBy', 'owner', 'deletedAt'];

/** Every physical column of an object, system columns first. */
export function objectColumns(object: ObjectDef): string[] {
  return [...SYSTEM_COLUMNS, ...object.fields.flatMap((f) => f.columns)];
}

/** `t0."id", t0."createdAt", …`: explicit columns, so trashed columns never leak into reads. */
export function selectList(object: ObjectDef, alias: string): Fragment {
  return join(objectColumns(object).map((c) => raw(`${alias}.${quote(c)}`)));
}

/**
 * What a read selects for a record: its columns, and the values of its formulas and rollups computed in
 * the same statement (as the actor may see them: paths and rollups read only rows in their scopes); with
 * `computed`, only those computed fields (a GraphQL query that shows none of them computes none).
 */
export function recordSelectList(
  ctx: RecordContext,
  object: ObjectDef,
  alias: string,
  computed?: ReadonlySet<string>,
): Fragment {
  return join([
    selectList(object, alias),
    ...computedSelectList(ctx.model, ctx.types, object, alias, rowRestriction(ctx), computed),
  ]);
}

/** The column definitions of `json_to_recordset(…) AS x(…)` for the given columns. */
export function recordsetColumns(object: ObjectDef, types: FieldTypeRegistry, columns: readonly string[]): Fragment {
  const sqlTypes = new Map<string, string>([
    ['id', 'uuid'],
    ['owner', 'uuid'],
    ['createdBy', 'uuid'],
  ]);
  for (const field of object.fields) {
    types
      .get(field.type)
      .columns(field)
      .forEach((spec, i) => sqlTypes.set(field.columns[i]!, spec.sqlType));
  }
  return join(columns.map((c) => raw(`${quote(c)} ${sqlTypes.get(c)}`)));
}

function quote(column: string): string {
  return ident(column).parts[0] as string;
}
