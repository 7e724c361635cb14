import { badInput, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { findField, type FieldDef, type ObjectDef } from '../model/model';
import type { Fragment } from '../sql/sql';
import { SYSTEM_FIELDS } from '../model/system-fields';

export type Direction = 'ASC' | 'DESC';

export interface OrderBy {
  readonly field: string;
  readonly direction?: Direction | undefined;
}

/** One key of a keyset ordering: a column, its direction and its SQL type (to cast cursor values back). */
export interface SortKey {
  /** The column; for a computed field, the name its value has in the select list (`_fx_<key>`). */
  readonly column: string;
  readonly direction: Direction;
  readonly sqlType: string;
  /** For a computed field: its value's SQL for a row alias (keyset conditions cannot name select-list values). */
  readonly expression?: ((alias: string) => Fragment) | undefined;
}

/** How a list sorts by a computed field (formula, rollup), when the field can be sorted. */
export type ComputedSortKey = (field: FieldDef) => Omit<SortKey, 'direction'> | undefined;

const SYSTEM_SORT: Record<string, string> = { id: 'uuid', createdAt: 'timestamptz', updatedAt: 'timestamptz' };

/**
 * Resolves `orderBy` into sort keys, always ending with `id` so the order is total (keyset pagination
 * needs every row to have exactly one place). Default: newest first.
 */
export function resolveOrder(
  object: ObjectDef,
  types: FieldTypeRegistry,
  orderBy: readonly OrderBy[] | undefined,
  computed?: ComputedSortKey,
): SortKey[] {
  const problems: Problem[] = [];
  const requested = orderBy && orderBy.length ? orderBy : [{ field: 'createdAt', direction: 'DESC' as const }];
  const keys = requested.flatMap((order, i): SortKey[] => {
    const direction = order.direction ?? 'ASC';
    if (direction !== 'ASC' && direction !== 'DESC') {
      problems.push({ path: `orderBy[${i}].direction`, message: 'must be ASC or DESC' });
      return [];
    }
    if (SYSTEM_SORT[order.field]) return [{ column: order.field, direction, sqlType: SYSTEM_SORT[order.field]! }];
    const field = findField(object, order.field);
    if (!field || SYSTEM_FIELDS.some((f) => f.name === order.field)) {
      problems.push({
        path: `orderBy[${i}].field`,
        message: `"${order.field}" is not a sortable field of ${object.name}`,
      });
      return [];
    }
    const type = types.get(field.type);
    if (type.computed) {
      const key = computed?.(field);
      if (key) return [{ ...key, direction }];
      problems.push({ path: `orderBy[${i}].field`, message: `"${order.field}" cannot be sorted` });
      return [];
    }
    if (!type.sortable || !field.columns[0]) {
      problems.push({ path: `orderBy[${i}].field`, message: `fields of type ${field.type} cannot be sorted` });
      return [];
    }
    return [{ column: field.columns[0], direction, sqlType: type.columns(field)[0]!.sqlType }];
  });
  if (problems.length) throw badInput(problems);
  if (!keys.some((k) => k.column === 'id'))
    keys.push({ column: 'id', direction: keys.at(-1)?.direction ?? 'ASC', sqlType: 'uuid' });
  return keys;
}
