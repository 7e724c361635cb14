/**
 * What the rest of the runtime (and the API) asks about computed fields: whether a field is one, the type
 * its values have, the SQL that reads them in a select list, and the fields a reader must be allowed to
 * read to see them.
 *
 * Permissions: a reader may read a formula or rollup only if they may read every field it reads, at
 * every level (the fields of formulas it uses, the relations of its paths and the fields at their end, a
 * rollup's relation, aggregated field and the fields of its filter). This is the simplest sound rule: a
 * computed value can then tell nothing its reader could not compute from fields they see. Row rules are
 * kept too: paths and rollups only read related records in the reader's read scope (`RowRestriction`).
 */
import type { RowRestriction } from '../conditions/target';
import type { FieldType } from '../fields/field-type';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import type { FieldDef, Model, ObjectDef } from '../model/model';
import { ident, sql, type Fragment } from '../sql/sql';
import { computedFieldsOf, type AnalysisOutcome, type ComputedAnalysis } from './analyze';
import { typedFormulaSql } from './compile-sql';
import type { ColumnNode, FieldUse, FormulaNode } from './expression';
import { computedColumnNames } from './output-columns';

export { computedColumnNames };

/** Whether a field is a formula or rollup (or another computed type). */
export function isComputed(types: FieldTypeRegistry, field: FieldDef): boolean {
  return !field.system && types.has(field.type) && types.get(field.type).computed === true;
}

/** The analysis of a computed field, or why it cannot be computed; undefined for stored fields. */
export function computedOutcome(
  model: Model,
  types: FieldTypeRegistry,
  objectName: string,
  fieldName: string,
): AnalysisOutcome | undefined {
  return computedFieldsOf(model, types, (name) => conditionTarget(model, types, name)).outcome(objectName, fieldName);
}

export function computedAnalysis(
  model: Model,
  types: FieldTypeRegistry,
  objectName: string,
  fieldName: string,
): ComputedAnalysis | undefined {
  const outcome = computedOutcome(model, types, objectName, fieldName);
  return outcome?.ok ? outcome.analysis : undefined;
}

/**
 * The type whose values a field has: its own type for stored fields, the result type for computed ones
 * (`number`, `currency`, `text`, `boolean`, `date`, `datetime`), which decides filters, sorting, grouping
 * and the API's types.
 *
 * @example
 *   fieldValueType(model, types, 'deal', weighted).graphql.output // 'Currency'
 */
export function fieldValueType(model: Model, types: FieldTypeRegistry, objectName: string, field: FieldDef): FieldType {
  if (!isComputed(types, field)) return types.get(field.type);
  const analysis = computedAnalysis(model, types, objectName, field.name);
  return analysis ? types.get(analysis.type) : types.get(field.type);
}

/**
 * The fields a reader must be allowed to read to see a computed field (see the header), or undefined for
 * stored fields. A field that cannot be computed reads itself only.
 */
export function computedReads(
  model: Model,
  types: FieldTypeRegistry,
  objectName: string,
  fieldName: string,
): readonly FieldUse[] | undefined {
  const outcome = computedOutcome(model, types, objectName, fieldName);
  if (!outcome) return undefined;
  return outcome.ok ? outcome.analysis.reads : [];
}

/**
 * Where a read finds a computed field's value in a row: `_fx_<key>`, and for money the code: `_fx_<key>_code`,
 * or, when the code is a column of the row itself (`amount * probability / 100` takes `amount`'s currency),
 * that column, which every read selects anyway: one value less per row to compute, send and parse.
 */
export function computedValueColumns(
  model: Model,
  types: FieldTypeRegistry,
  objectName: string,
  field: FieldDef,
): readonly [string, string] {
  const names = computedColumnNames(field);
  const code = computedAnalysis(model, types, objectName, field.name)?.code;
  return code && isRowColumn(code) ? [names[0], code.column] : names;
}

function isRowColumn(node: FormulaNode): node is ColumnNode {
  return node.kind === 'column' && !node.uuid;
}

/**
 * The select-list entries of an object's computed fields for the row aliased `alias`: each value as
 * `_fx_<key>` (money also its code as `_fx_<key>_code`, unless it is a column of the row: see
 * `computedValueColumns`), computed in the same statement as the row.
 */
export function computedSelectList(
  model: Model,
  types: FieldTypeRegistry,
  object: ObjectDef,
  alias: string,
  restrict?: RowRestriction,
  only?: ReadonlySet<string>,
): Fragment[] {
  const entries: Fragment[] = [];
  for (const field of object.fields) {
    if (!isComputed(types, field) || (only && !only.has(field.name))) continue;
    const analysis = computedAnalysis(model, types, object.name, field.name);
    if (!analysis) continue;
    const [value, code] = computedColumnNames(field);
    entries.push(sql`${typedFormulaSql(analysis.value, alias, restrict)} AS ${ident(value)}`);
    if (analysis.code && !isRowColumn(analysis.code))
      entries.push(sql`${typedFormulaSql(analysis.code, alias, restrict)} AS ${ident(code)}`);
  }
  return entries;
}
