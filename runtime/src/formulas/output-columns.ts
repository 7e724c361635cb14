import type { FieldDef } from '../model/model';

/**
 * The names a computed field's value takes in a select list: `_fx_<key>` (and `_fx_<key>_code` for the
 * currency code of money). Physical names start with a letter, so these never meet a column's name; the
 * field key is stable across renames, so cursors stay valid.
 */
export function computedColumnNames(field: FieldDef): readonly [string, string] {
  return [`_fx_${field.key}`, `_fx_${field.key}_code`];
}
