import { computedAnalysis, computedColumnNames } from '../formulas/computed-fields';
import { typedFormulaSql } from '../formulas/compile-sql';
import { sqlTypeOf } from '../formulas/expression';
import type { ObjectDef } from '../model/model';
import { rowRestriction } from './authorize';
import type { RecordContext } from './context';
import type { ComputedSortKey } from './order';

/**
 * Sorting by formulas and rollups: the ORDER BY uses the value the select list computed (`_fx_<key>`),
 * keyset cursors compare the same expression, as the actor sees it. A currency result sorts by amount.
 * No index can serve such a sort: PostgreSQL computes the value for every row that passes the filter.
 */
export function computedSortKeys(ctx: RecordContext, object: ObjectDef): ComputedSortKey {
  const restrict = rowRestriction(ctx);
  return (field) => {
    const analysis = computedAnalysis(ctx.model, ctx.types, object.name, field.name);
    // The field's value type (fieldValueType) is its result type's.
    if (!analysis || !ctx.types.get(analysis.type).sortable) return undefined;
    return {
      column: computedColumnNames(field)[0],
      sqlType: sqlTypeOf(analysis.value.type),
      expression: (alias) => typedFormulaSql(analysis.value, alias, restrict),
    };
  };
}
