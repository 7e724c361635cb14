import { isStratumError, badInput, type Problem } from '../errors';
import { allFields } from '../model/system-fields';
import { findObject, type ObjectDef } from '../model/model';
import { canReadField, secureCondition } from '../records/authorize';
import type { RecordContext } from '../records/context';
import { computedSortKeys } from '../records/computed-order';
import { parseFilter } from '../records/find';
import { resolveOrder, type Direction } from '../records/order';

export const MAX_VIEW_NAME = 100;
export const MAX_VIEW_SEARCH = 200;
export const MAX_VIEW_SORT = 5;

/** One sort key of a view, as the list's `orderBy` takes it. */
export interface ViewSort {
  readonly field: string;
  readonly direction: Direction;
}

/** What a client sends to save a view: without `id` a new view, with it a change to that view. */
export interface ViewInput {
  readonly id?: string | null | undefined;
  readonly object: string;
  readonly name: string;
  /** The list's condition in the one condition language, mongo spelling (`{ amount: { $gte: 1000 } }`). */
  readonly filter?: unknown;
  readonly sort?: readonly ViewSort[] | null | undefined;
  readonly search?: string | null | undefined;
  readonly columns?: readonly string[] | null | undefined;
  readonly shared?: boolean | null | undefined;
}

/** A view's content once checked: what is stored. */
export interface CheckedView {
  readonly object: ObjectDef;
  readonly name: string;
  readonly filter: Record<string, unknown> | null;
  readonly sort: readonly ViewSort[];
  readonly search: string | null;
  readonly columns: readonly string[];
  readonly shared: boolean;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a view against the model and what the actor may read, collecting every problem at its input path
 * (`name`, `filter.amount`, `sort[0].field`, `columns[2]`) so a form can show each under its control. The
 * filter goes through the same parser and field rules as the list's own filter, so a saved view can never
 * hold a condition the list would refuse, nor filter, sort or show a field its author may not read.
 *
 * @example
 *   checkViewInput(ctx, { object: 'deal', name: 'Big deals', filter: { amount: { $gte: 10000 } } });
 */
export function checkViewInput(ctx: RecordContext, input: ViewInput): CheckedView {
  const object = typeof input.object === 'string' ? findObject(ctx.model, input.object) : undefined;
  if (!object) throw badInput({ path: 'object', message: `no object named "${String(input.object)}"` });
  const problems: Problem[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) problems.push({ path: 'name', message: 'is required' });
  else if (name.length > MAX_VIEW_NAME)
    problems.push({ path: 'name', message: `may be at most ${MAX_VIEW_NAME} characters` });
  const search = typeof input.search === 'string' ? input.search.trim() || null : null;
  if (input.search !== undefined && input.search !== null && typeof input.search !== 'string')
    problems.push({ path: 'search', message: 'must be text' });
  if (search && search.length > MAX_VIEW_SEARCH)
    problems.push({ path: 'search', message: `may be at most ${MAX_VIEW_SEARCH} characters` });
  const filter = checkFilter(ctx, object, input.filter, problems);
  const sort = checkSort(ctx, object, input.sort ?? [], problems);
  const columns = checkColumns(ctx, object, input.columns ?? [], problems);
  if (input.shared !== undefined && input.shared !== null && typeof input.shared !== 'boolean')
    problems.push({ path: 'shared', message: 'must be true or false' });
  if (problems.length) throw badInput(problems);
  return { object, name, filter, sort, search, columns, shared: input.shared === true };
}

function checkFilter(
  ctx: RecordContext,
  object: ObjectDef,
  filter: unknown,
  problems: Problem[],
): Record<string, unknown> | null {
  if (filter === undefined || filter === null) return null;
  if (!isPlainObject(filter)) {
    problems.push({ path: 'filter', message: 'must be a condition object, e.g. {"amount":{"$gte":1000}}' });
    return null;
  }
  if (Object.keys(filter).length === 0) return null;
  try {
    // Parsing is the condition compiler's check; securing it refuses fields the author may not read.
    secureCondition(ctx, object, parseFilter(ctx, object, filter, 'mongo'));
  } catch (error) {
    if (!isStratumError(error)) throw error;
    problems.push(...(error.problems.length ? error.problems : [{ path: 'filter', message: error.message }]));
  }
  return filter;
}

function checkSort(ctx: RecordContext, object: ObjectDef, sort: unknown, problems: Problem[]): ViewSort[] {
  if (!Array.isArray(sort)) {
    problems.push({ path: 'sort', message: 'must be a list of { field, direction }' });
    return [];
  }
  if (sort.length > MAX_VIEW_SORT) {
    problems.push({ path: 'sort', message: `may have at most ${MAX_VIEW_SORT} keys` });
    return [];
  }
  const keys: ViewSort[] = [];
  sort.forEach((item: unknown, i) => {
    if (!isPlainObject(item) || typeof item['field'] !== 'string') {
      problems.push({ path: `sort[${i}]`, message: 'must be { field, direction }' });
      return;
    }
    const field = item['field'];
    if (allFields(object).some((f) => f.name === field) && !canReadField(ctx, object.name, field))
      problems.push({ path: `sort[${i}].field`, message: `you may not sort by ${object.name}.${field}` });
    keys.push({ field, direction: item['direction'] === 'DESC' ? 'DESC' : 'ASC' });
    if (item['direction'] !== undefined && item['direction'] !== 'ASC' && item['direction'] !== 'DESC')
      problems.push({ path: `sort[${i}].direction`, message: 'must be ASC or DESC' });
  });
  try {
    // The list's own order resolution decides what is sortable; its problems name `orderBy[i]`.
    resolveOrder(object, ctx.types, keys, computedSortKeys(ctx, object));
  } catch (error) {
    if (!isStratumError(error)) throw error;
    problems.push(...error.problems.map((p) => ({ ...p, path: p.path.replace(/^orderBy/, 'sort') })));
  }
  return keys;
}

function checkColumns(ctx: RecordContext, object: ObjectDef, columns: unknown, problems: Problem[]): string[] {
  if (!Array.isArray(columns)) {
    problems.push({ path: 'columns', message: 'must be a list of field names' });
    return [];
  }
  const names = new Set(allFields(object).map((f) => f.name));
  const seen = new Set<string>();
  columns.forEach((column: unknown, i) => {
    const path = `columns[${i}]`;
    if (typeof column !== 'string' || !names.has(column))
      problems.push({ path, message: `"${String(column)}" is not a field of ${object.name}` });
    else if (!canReadField(ctx, object.name, column))
      problems.push({ path, message: `you may not read ${object.name}.${column}` });
    else if (seen.has(column)) problems.push({ path, message: `"${column}" is listed twice` });
    else seen.add(column);
  });
  return [...seen];
}
