import { compileCondition, parseCondition, type ConditionNode } from '../conditions';
import { runRead } from './read';
import { badInput, limitExceeded } from '../errors';
import { conditionTarget } from '../model/condition-targets';
import type { ObjectDef } from '../model/model';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { recordSelectList } from './columns';
import { computedSortKeys } from './computed-order';
import { decodeRow } from './codec';
import { requireObject, type RecordContext, type RecordData } from './context';
import { afterCursor, cursorValues, decodeCursor, encodeCursor, orderByClause } from './cursor';
import { resolveOrder, type OrderBy, type SortKey } from './order';
import { searchCondition } from './search';
import { actionScope, canReadField, requireReadableField, secureCondition, visibleRecord } from './authorize';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Lists, counts and aggregates read the object's table as `t0`. */
const ALIAS = 't0';

export interface FindManyOptions {
  /** A condition in the one condition language (`{ amount: { $gte: 1000 } }`), or an API filter. */
  readonly filter?: unknown;
  readonly filterSyntax?: 'mongo' | 'api';
  readonly orderBy?: readonly OrderBy[];
  readonly first?: number;
  readonly after?: string;
  readonly search?: string;
  /** Soft-deleted records: left out (default), included, or the only ones (a trash view). */
  readonly deleted?: 'exclude' | 'include' | 'only';
  readonly totalCount?: boolean;
  /**
   * The computed fields (formulas, rollups) the records need; the others are left out of them, and their SQL
   * out of the query. All of them by default. A computed field the page is sorted by is always computed.
   */
  readonly computed?: Iterable<string>;
}

export interface Page {
  readonly records: readonly RecordData[];
  /** The cursor of each record, for connection edges. */
  readonly cursorAt: (index: number) => string;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly totalCount?: number;
}

/**
 * The computed fields a page computes: those asked for and those it is sorted by (their values order it); all
 * of them (undefined) when `computed` is not given.
 */
export function computedToRead(options: Pick<FindManyOptions, 'computed' | 'orderBy'>): Set<string> | undefined {
  return options.computed && new Set([...options.computed, ...(options.orderBy ?? []).map((o) => o.field)]);
}

/**
 * A page of records: filter, search, order, keyset cursor, and optionally the total count. One query for
 * the page (LIMIT first + 1 tells whether there is a next page) and one for the count when asked.
 *
 * @example
 *   await findMany(ctx, 'deal', { filter: { amount: { $gte: 1000 } }, orderBy: [{ field: 'amount', direction: 'DESC' }], first: 50 });
 */
export async function findMany(ctx: RecordContext, objectName: string, options: FindManyOptions = {}): Promise<Page> {
  const object = requireObject(ctx, objectName);
  const first = options.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput({ path: 'first', message: 'must be a whole number of at least 0' });
  if (first > MAX_PAGE_SIZE)
    throw limitExceeded(`first may be at most ${MAX_PAGE_SIZE}`, { path: 'first', max: MAX_PAGE_SIZE });
  const keys = resolveOrder(object, ctx.types, options.orderBy, computedSortKeys(ctx, object));
  options.orderBy?.forEach((o, i) => requireReadableField(ctx, object, o.field, `orderBy[${i}].field`, 'sort'));
  const where = whereClause(ctx, object, options);
  const pageWhere = options.after ? [...where, afterCursor(keys, decodeCursor(keys, options.after), ALIAS)] : where;
  const from = sql`${ident(ctx.model.schema, object.table)} AS ${raw(ALIAS)}`;
  const query = sql`SELECT ${recordSelectList(ctx, object, ALIAS, computedToRead(options))} FROM ${from}
    WHERE ${join(pageWhere, ' AND ')} ORDER BY ${orderByClause(keys, ALIAS)} LIMIT ${first + 1}`;
  const [{ rows }, totalCount] = await Promise.all([
    runRead<Record<string, unknown>>(ctx, query),
    options.totalCount ? countWhere(ctx, from, where) : Promise.resolve(undefined),
  ]);
  return toPage(rows, first, keys, (row) => visibleRecord(ctx, object, decodeRow(ctx, object, row)), totalCount);
}

/**
 * A page from rows fetched with LIMIT first + 1 (the extra row says whether there is a next page).
 * Cursors are encoded on demand: most queries ask only for the last one.
 */
export function toPage(
  rows: readonly Record<string, unknown>[],
  first: number,
  keys: readonly SortKey[],
  decode: (row: Record<string, unknown>) => RecordData,
  totalCount?: number,
): Page {
  const pageRows = rows.slice(0, first);
  const cursorAt = (index: number) => encodeCursor(keys, cursorValues(keys, pageRows[index]!));
  return {
    records: pageRows.map(decode),
    cursorAt,
    pageInfo: { hasNextPage: rows.length > first, endCursor: pageRows.length ? cursorAt(pageRows.length - 1) : null },
    ...(totalCount !== undefined ? { totalCount } : {}),
  };
}

/** Counts the records matching a filter and search, ignoring pagination. */
export async function countRecords(
  ctx: RecordContext,
  objectName: string,
  options: Pick<FindManyOptions, 'filter' | 'filterSyntax' | 'search' | 'deleted'> = {},
): Promise<number> {
  const object = requireObject(ctx, objectName);
  return countWhere(
    ctx,
    sql`${ident(ctx.model.schema, object.table)} AS ${raw(ALIAS)}`,
    whereClause(ctx, object, options),
  );
}

/** One record by id, or null when it does not exist (or is deleted, unless asked for). */
export async function findOne(
  ctx: RecordContext,
  objectName: string,
  id: string,
  options: { deleted?: 'exclude' | 'include'; computed?: Iterable<string> } = {},
): Promise<RecordData | null> {
  const object = requireObject(ctx, objectName);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const deleted = options.deleted === 'include' ? raw('TRUE') : raw(`${ALIAS}."deletedAt" IS NULL`);
  // A record outside the read scope is simply not found: no hint that it exists.
  const scope = actionScope(ctx, 'read', object);
  const allowed = scope ? compileCondition(scope, ALIAS) : raw('TRUE');
  const { rows } = await runRead<Record<string, unknown>>(
    ctx,
    sql`SELECT ${recordSelectList(ctx, object, ALIAS, options.computed && new Set(options.computed))} FROM ${ident(ctx.model.schema, object.table)} AS ${raw(ALIAS)} WHERE ${raw(ALIAS)}."id" = ${id}::uuid AND ${deleted} AND ${allowed}`,
  );
  return rows[0] ? visibleRecord(ctx, object, decodeRow(ctx, object, rows[0])) : null;
}

/** Parses a filter against an object, with errors at `filter.…` paths. */
export function parseFilter(
  ctx: RecordContext,
  object: ObjectDef,
  filter: unknown,
  syntax: 'mongo' | 'api' = 'mongo',
): ConditionNode {
  return parseCondition(filter, conditionTarget(ctx.model, ctx.types, object.name), { syntax, path: 'filter' });
}

/** The WHERE conditions of a list: deleted rows, filter and search (shared with counts and aggregates). */
export function whereClause(
  ctx: RecordContext,
  object: ObjectDef,
  options: Pick<FindManyOptions, 'filter' | 'filterSyntax' | 'search' | 'deleted'>,
): Fragment[] {
  const where: Fragment[] = [];
  const deleted = options.deleted ?? 'exclude';
  if (deleted === 'exclude') where.push(raw(`${ALIAS}."deletedAt" IS NULL`));
  if (deleted === 'only') where.push(raw(`${ALIAS}."deletedAt" IS NOT NULL`));
  // The actor's read scope is part of the query: pages, counts and aggregates only ever see allowed rows.
  const scope = actionScope(ctx, 'read', object);
  if (scope) where.push(compileCondition(scope, ALIAS));
  if (options.filter !== undefined && options.filter !== null) {
    const filter = secureCondition(ctx, object, parseFilter(ctx, object, options.filter, options.filterSyntax));
    where.push(compileCondition(filter, ALIAS));
  }
  if (options.search) {
    const search = searchCondition(object, options.search, ALIAS, (field) => canReadField(ctx, object.name, field));
    if (search) where.push(search);
  }
  if (where.length === 0) where.push(raw('TRUE'));
  return where;
}

async function countWhere(ctx: RecordContext, from: Fragment, where: readonly Fragment[]): Promise<number> {
  const { rows } = await runRead<{ count: number }>(
    ctx,
    sql`SELECT count(*)::int AS count FROM ${from} WHERE ${join(where, ' AND ')}`,
  );
  return rows[0]?.count ?? 0;
}
