import { allFields, isComputedField, type FieldDef, type ObjectDef, type RecordContext } from '@stratum/runtime';

/** System fields an export always carries, in this order, before the object's own fields. */
const SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt', 'owner'];

/**
 * The fields an export of an object writes for the caller: the system columns, then every stored or
 * computed field they may read (to-many relations have no column and are left out). CSV and XLSX share it,
 * so both files hold the same columns.
 */
export function exportFields(ctx: RecordContext, object: ObjectDef): FieldDef[] {
  const access = ctx.access;
  const system = allFields(object).filter((f) => f.system && SYSTEM_COLUMNS.includes(f.name));
  const own = object.fields.filter(
    (f) =>
      (f.columns.length > 0 || isComputedField(ctx.types, f)) &&
      (!access || access.isAdmin || access.fieldAllowed('read', object.name, f.name)),
  );
  return [...SYSTEM_COLUMNS.map((name) => system.find((f) => f.name === name)!), ...own];
}
