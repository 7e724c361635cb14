import { run } from '../db/db';
import { badInput, limitExceeded, type Problem } from '../errors';
import { relationKind } from '../fields/relation-type';
import { findField, type FieldDef } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { requireObject, type RecordContext } from './context';
import { canReadField, requireReadableField, rowRestriction } from './authorize';
import {
  computedColumnNames,
  computedSelectList,
  computedValueColumns,
  fieldValueType,
  isComputed,
} from '../formulas/computed-fields';
import { whereClause, type FindManyOptions } from './find';

export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface GroupBy {
  readonly field: string;
  /** For date and datetime fields: the period to truncate to (default day). */
  readonly granularity?: Granularity | undefined;
}

export interface AggregateOptions extends Pick<FindManyOptions, 'filter' | 'filterSyntax' | 'search'> {
  readonly groupBy?: readonly GroupBy[];
  /** At most this many groups (default and maximum 1000), largest count first. */
  readonly limit?: number;
}

export type Metric = 'sum' | 'avg' | 'min' | 'max';

export interface AggregateGroup {
  /** The group's value per grouped field: an option, a related id, a day (`2026-11-01`), a currency code. */
  readonly key: Readonly<Record<string, unknown>>;
  readonly count: number;
  /** Per number, percent, rating or currency field (currency: the amount; group by it for one currency). */
  readonly sum: Readonly<Record<string, number | null>>;
  readonly avg: Readonly<Record<string, number | null>>;
  readonly min: Readonly<Record<string, number | null>>;
  readonly max: Readonly<Record<string, number | null>>;
}

const MAX_GROUPS = 1000;
/** System fields a dashboard groups by: records per owner, new records per month of `createdAt`. */
const SYSTEM_GROUPS = new Map(SYSTEM_FIELDS.filter((f) => f.name !== 'id').map((f) => [f.name, f]));
const NUMERIC = new Set(['number', 'percent', 'rating', 'currency']);
const GROUPABLE = new Set([
  'select',
  'boolean',
  'text',
  'email',
  'url',
  'phone',
  'date',
  'datetime',
  'relation',
  'currency',
  'rating',
]);

/**
 * Aggregates for dashboards: counts and sum/avg/min/max of the numeric fields, grouped by fields (options,
 * related records, days/weeks/months of dates, currencies). One query, over the same filter as lists.
 *
 * @example
 *   await aggregate(ctx, 'deal', { filter: { stage: { $nin: ['lost'] } }, groupBy: [{ field: 'stage' }] });
 */
export async function aggregate(
  ctx: RecordContext,
  objectName: string,
  options: AggregateOptions = {},
): Promise<AggregateGroup[]> {
  const object = requireObject(ctx, objectName);
  const limit = options.limit ?? MAX_GROUPS;
  if (limit > MAX_GROUPS) throw limitExceeded(`an aggregation returns at most ${MAX_GROUPS} groups`, { path: 'limit' });
  const problems: Problem[] = [];
  const valueType = (f: FieldDef) => fieldValueType(ctx.model, ctx.types, object.name, f);
  const groups = (options.groupBy ?? []).flatMap((group, i) => {
    requireReadableField(ctx, object, group.field, `groupBy[${i}].field`, 'group');
    const field = findField(object, group.field) ?? SYSTEM_GROUPS.get(group.field);
    const as = field && isComputed(ctx.types, field) ? valueType(field).type : field?.type;
    const codeColumn = () => field!.columns[1] ?? computedValueColumns(ctx.model, ctx.types, object.name, field!)[1];
    const expression = groupExpression(field, as, group, `groupBy[${i}]`, problems, codeColumn);
    return expression ? [{ name: group.field, field: field!, expression }] : [];
  });
  if (problems.length) throw badInput(problems);
  // Sums of a field the actor may not read would reveal it: only readable fields are aggregated.
  const numeric = object.fields.filter(
    (f) =>
      NUMERIC.has(valueType(f).type) &&
      (f.columns[0] || isComputed(ctx.types, f)) &&
      canReadField(ctx, object.name, f.name),
  );
  const metrics = numeric.flatMap((f) =>
    (['sum', 'avg', 'min', 'max'] as const).map(
      (m) => sql`${raw(m)}(${valueColumn(f)})::float8 AS ${ident(`${m}_${f.name}`)}`,
    ),
  );
  const keys = groups.map((g, i) => sql`${g.expression} AS ${ident(`g${i}`)}`);
  const select = join([...keys, raw('count(*)::int AS "count"'), ...metrics]);
  const groupBy = groups.length ? sql` GROUP BY ${join(groups.map((_, i) => raw(String(i + 1))))}` : raw('');
  const table = ident(ctx.model.schema, object.table);
  const where = join(whereClause(ctx, object, options), ' AND ');
  // Formulas and rollups are computed once per row in a derived table (as the actor sees them), then
  // grouped and aggregated like columns.
  const computed = [...new Set([...groups.map((g) => g.field), ...numeric])].filter((f) => isComputed(ctx.types, f));
  const from = computed.length
    ? sql`(SELECT t0.*, ${join(computedSelectList(ctx.model, ctx.types, { ...object, fields: computed }, 't0', rowRestriction(ctx)))} FROM ${table} AS t0 WHERE ${where}) AS t0`
    : sql`${table} AS t0 WHERE ${where}`;
  const { rows } = await run<Record<string, unknown>>(
    ctx.db,
    sql`SELECT ${select} FROM ${from}${groupBy}
        ORDER BY "count" DESC${groups.length ? raw(', ' + groups.map((_, i) => String(i + 1)).join(', ')) : raw('')} LIMIT ${limit}`,
  );
  return rows.map((row) => {
    const pick = (metric: Metric) =>
      Object.fromEntries(numeric.map((f) => [f.name, (row[`${metric}_${f.name}`] as number | null) ?? null]));
    return {
      key: Object.fromEntries(groups.map((g, i) => [g.name, row[`g${i}`] ?? null])),
      count: row.count as number,
      sum: pick('sum'),
      avg: pick('avg'),
      min: pick('min'),
      max: pick('max'),
    };
  });
}

/** A field's value on the row `t0`: its main column, or for a formula or rollup its computed value. */
function valueColumn(field: FieldDef): Fragment {
  return ident('t0', field.columns[0] ?? computedColumnNames(field)[0]);
}

/**
 * The SQL a group key is. `type` is how the field's values behave: its own type, or a computed field's
 * result type (formulas and rollups also group by number results).
 */
function groupExpression(
  field: FieldDef | undefined,
  type: string | undefined,
  group: GroupBy,
  path: string,
  problems: Problem[],
  /** The column of the currency code, for a currency field or a money formula or rollup. */
  codeColumn: () => string,
): Fragment | undefined {
  const computed = field !== undefined && type !== field.type;
  if (
    !field ||
    !type ||
    !(GROUPABLE.has(type) || (computed && type === 'number')) ||
    (type === 'relation' && relationKind(field) !== 'manyToOne')
  ) {
    problems.push({
      path: `${path}.field`,
      message: `"${group.field}" cannot be grouped by (select, boolean, text, date, datetime, many-to-one relation or currency fields can, and formulas and rollups)`,
    });
    return undefined;
  }
  if (group.granularity && type !== 'date' && type !== 'datetime') {
    problems.push({ path: `${path}.granularity`, message: 'only date and datetime fields have a granularity' });
    return undefined;
  }
  if (group.granularity && !GRANULARITIES.includes(group.granularity)) {
    problems.push({ path: `${path}.granularity`, message: `must be one of ${GRANULARITIES.join(', ')}` });
    return undefined;
  }
  const column = valueColumn(field);
  // Currencies group by their code, so sums never add up amounts of different currencies.
  if (type === 'currency') return ident('t0', codeColumn());
  if (type === 'date' || type === 'datetime') {
    const utc = type === 'datetime' ? sql`(${column} AT TIME ZONE 'UTC')` : column;
    return sql`to_char(date_trunc(${group.granularity ?? 'day'}, ${utc}), 'YYYY-MM-DD')`;
  }
  return column;
}
