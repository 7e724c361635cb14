import { compileCondition } from '../conditions';
import { runRead } from './read';
import { badInput, limitExceeded } from '../errors';
import { relationKind, relationSettings } from '../fields/relation-type';
import { findField, findObject, type FieldDef, type ObjectDef } from '../model/model';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { recordSelectList } from './columns';
import { computedSortKeys } from './computed-order';
import { decodeRow } from './codec';
import { actionScope, requireReadableField, secureCondition, visibleRecord } from './authorize';
import { StratumError } from '../errors';
import { requireObject, type RecordContext, type RecordData } from './context';
import { afterCursor, decodeCursor, orderByClause } from './cursor';
import {
  computedToRead,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  parseFilter,
  toPage,
  type FindManyOptions,
  type Page,
} from './find';
import { resolveOrder } from './order';

/**
 * Loads live records by id in one query: the batch function behind a DataLoader for many-to-one relations,
 * so a page of 50 deals with their companies costs one query for the companies, not 50.
 */
export async function loadByIds(
  ctx: RecordContext,
  objectName: string,
  ids: readonly string[],
  /** The computed fields the records need (FindManyOptions.computed); all of them by default. */
  computed?: Iterable<string>,
): Promise<Map<string, RecordData>> {
  const object = requireObject(ctx, objectName);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // Relations apply the target's rules: a related record the actor may not read reads as absent.
  const scope = readScopeOrNothing(ctx, object);
  if (scope === null) return new Map();
  const { rows } = await runRead<Record<string, unknown>>(
    ctx,
    sql`SELECT ${recordSelectList(ctx, object, 't0', computed && new Set(computed))} FROM ${ident(ctx.model.schema, object.table)} AS t0 WHERE t0.id = ANY(${unique}::uuid[]) AND t0."deletedAt" IS NULL AND ${scope}`,
  );
  return new Map(rows.map((row) => [row.id as string, visibleRecord(ctx, object, decodeRow(ctx, object, row))]));
}

/**
 * Pages of a to-many relation (one-to-many or many-to-many) for many parents in one query: a LATERAL
 * subquery gives each parent its own filtered, ordered, limited page; one more query counts them when asked.
 */
export async function loadRelated(
  ctx: RecordContext,
  objectName: string,
  fieldName: string,
  parentIds: readonly string[],
  options: Omit<FindManyOptions, 'search' | 'deleted'> = {},
): Promise<Map<string, Page>> {
  const object = requireObject(ctx, objectName);
  const field = findField(object, fieldName);
  if (!field || field.type !== 'relation' || relationKind(field) === 'manyToOne') {
    throw badInput({ path: fieldName, message: `"${fieldName}" is not a to-many relation of ${object.name}` });
  }
  const target = findObject(ctx.model, relationSettings(field).target)!;
  const first = options.first ?? DEFAULT_PAGE_SIZE;
  if (first > MAX_PAGE_SIZE)
    throw limitExceeded(`first may be at most ${MAX_PAGE_SIZE}`, { path: 'first', max: MAX_PAGE_SIZE });
  const keys = resolveOrder(target, ctx.types, options.orderBy, computedSortKeys(ctx, target));
  const { from, link } = relationJoin(ctx, field);
  const scope = readScopeOrNothing(ctx, target);
  options.orderBy?.forEach((o, i) => requireReadableField(ctx, target, o.field, `orderBy[${i}].field`, 'sort'));
  const where: Fragment[] = [link, raw(`t0."deletedAt" IS NULL`), scope ?? raw('FALSE')];
  if (options.filter !== undefined && options.filter !== null)
    where.push(
      compileCondition(
        secureCondition(ctx, target, parseFilter(ctx, target, options.filter, options.filterSyntax)),
        't0',
      ),
    );
  const page = options.after ? [...where, afterCursor(keys, decodeCursor(keys, options.after), 't0')] : where;
  const parents = [...new Set(parentIds)];
  const { rows } = await runRead<Record<string, unknown>>(
    ctx,
    sql`SELECT p.id AS "_parent", r.* FROM unnest(${parents}::uuid[]) AS p(id) CROSS JOIN LATERAL (
      SELECT ${recordSelectList(ctx, target, 't0', computedToRead(options))} FROM ${from} WHERE ${join(page, ' AND ')}
      ORDER BY ${orderByClause(keys, 't0')} LIMIT ${first + 1}) AS r`,
  );
  const counts = options.totalCount ? await countRelated(ctx, from, where, parents) : undefined;
  const grouped = new Map<string, Record<string, unknown>[]>(parents.map((id) => [id, []]));
  for (const row of rows) grouped.get(row._parent as string)!.push(row);
  const result = new Map<string, Page>();
  for (const [parent, list] of grouped) {
    result.set(
      parent,
      toPage(
        list,
        first,
        keys,
        (row) => visibleRecord(ctx, target, decodeRow(ctx, target, row)),
        counts ? (counts.get(parent) ?? 0) : undefined,
      ),
    );
  }
  return result;
}

/** The target table (alias t0) and the condition linking it to the parent `p.id`. */
function relationJoin(ctx: RecordContext, field: FieldDef): { from: Fragment; link: Fragment } {
  const settings = relationSettings(field);
  const target = findObject(ctx.model, settings.target)!;
  const table = sql`${ident(ctx.model.schema, target.table)} AS t0`;
  if (relationKind(field) === 'oneToMany') {
    const inverse = findField(target, settings.inverse!)!;
    return { from: table, link: sql`t0.${ident(inverse.columns[0]!)} = p.id` };
  }
  return {
    from: sql`${table} JOIN ${ident(ctx.model.schema, field.junctionTable!)} AS j ON j."target" = t0.id`,
    link: raw('j."source" = p.id'),
  };
}

async function countRelated(
  ctx: RecordContext,
  from: Fragment,
  where: readonly Fragment[],
  parents: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await runRead<{ parent: string; count: number }>(
    ctx,
    sql`SELECT p.id AS parent, (SELECT count(*)::int FROM ${from} WHERE ${join(where, ' AND ')}) AS count FROM unnest(${parents}::uuid[]) AS p(id)`,
  );
  return new Map(rows.map((r) => [r.parent, r.count]));
}

/** The read scope of an object as SQL on `t0`; null when the actor may not read it at all. */
function readScopeOrNothing(ctx: RecordContext, object: ObjectDef): Fragment | null {
  try {
    const scope = actionScope(ctx, 'read', object);
    return scope ? compileCondition(scope, 't0') : raw('TRUE');
  } catch (error) {
    if (error instanceof StratumError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
}
