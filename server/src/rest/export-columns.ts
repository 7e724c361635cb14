import {
  allFields,
  badInput,
  isComputedField,
  type FieldDef,
  type FindManyOptions,
  type ObjectDef,
  type Problem,
  type RecordContext,
} from '@stratum/runtime';

/** What an export is of: a list's filter, order and search, and the fields to write (all readable ones when absent). */
export type ExportOptions = Omit<FindManyOptions, 'first' | 'after' | 'totalCount'> & {
  readonly fields?: readonly string[] | undefined;
};

/** System fields an export carries by default, in this order, before the object's own fields. */
const SYSTEM_COLUMNS = ['id', 'createdAt', 'updatedAt', 'owner'];

/**
 * The fields an export of an object writes for the caller. By default: the system columns above, then every
 * stored or computed field they may read (to-many relations have no column and are left out). With `wanted`
 * (`?fields=name,amount,stage`, a list view's visible columns): exactly those fields, in that order, any
 * system field included; a name that is not such a field of the object, or one the caller may not read,
 * refuses the export (BAD_USER_INPUT at `fields`, naming them). CSV and XLSX share it, so both files hold
 * the same columns.
 */
export function exportFields(ctx: RecordContext, object: ObjectDef, wanted?: readonly string[]): FieldDef[] {
  const access = ctx.access;
  const system = allFields(object).filter((f) => f.system);
  const own = object.fields.filter(
    (f) =>
      (f.columns.length > 0 || isComputedField(ctx.types, f)) &&
      (!access || access.isAdmin || access.fieldAllowed('read', object.name, f.name)),
  );
  if (!wanted) return [...SYSTEM_COLUMNS.map((name) => system.find((f) => f.name === name)!), ...own];
  const exportable = new Map([...system, ...own].map((f) => [f.name, f]));
  const problems: Problem[] = [];
  if (wanted.length === 0) problems.push({ path: 'fields', message: 'must name at least one field' });
  const unknown = wanted.filter((name) => !exportable.has(name));
  if (unknown.length)
    problems.push({
      path: 'fields',
      message: `${unknown.join(', ')}: not ${unknown.length === 1 ? 'a field' : 'fields'} of ${object.name} you may export (unknown, not readable, or a to-many relation)`,
    });
  const repeated = wanted.filter((name, i) => wanted.indexOf(name) !== i);
  if (repeated.length) problems.push({ path: 'fields', message: `${[...new Set(repeated)].join(', ')}: named twice` });
  if (problems.length) throw badInput(problems);
  return wanted.map((name) => exportable.get(name)!);
}
