import { badInput, formatPath, type Problem } from '../errors';
import { isUuid, relationKind } from '../fields/relation-type';
import type { FieldType } from '../fields/field-type';
import type { FieldTypeRegistry } from '../fields/registry';
import { computedValueColumns, fieldValueType, isComputed } from '../formulas/computed-fields';
import type { FieldDef, ObjectDef } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import { isoTimestamp } from '../db/timestamps';
import type { RecordContext, RecordData } from './context';

/** Input validated into column values, plus the many-to-many lists that go to junction tables. */
export interface EncodedInput {
  /** Column name → value (JSON-compatible, for `json_to_recordset`). */
  readonly columns: Readonly<Record<string, unknown>>;
  /** Many-to-many field → target ids (replaces the set). */
  readonly links: ReadonlyMap<FieldDef, readonly string[]>;
}

const SYSTEM_NAMES = new Set(SYSTEM_FIELDS.map((f) => f.name));

/** What encoding asks of an object for every row, worked out once per object of a model revision. */
interface ObjectShape {
  readonly fieldNames: ReadonlySet<string>;
  readonly computed: ReadonlySet<FieldDef>;
}

const shapes = new WeakMap<ObjectDef, WeakMap<FieldTypeRegistry, ObjectShape>>();

function objectShape(ctx: RecordContext, object: ObjectDef): ObjectShape {
  let byTypes = shapes.get(object);
  if (!byTypes) shapes.set(object, (byTypes = new WeakMap()));
  let shape = byTypes.get(ctx.types);
  if (!shape) {
    shape = {
      fieldNames: new Set(object.fields.map((f) => f.name)),
      computed: new Set(object.fields.filter((f) => isComputed(ctx.types, f))),
    };
    byTypes.set(ctx.types, shape);
  }
  return shape;
}

/** System fields an input may set: `owner` (CONTRACT.md) and, for imports, a chosen `id`. */
const WRITABLE_SYSTEM = new Set(['owner', 'id']);

/**
 * Validates one input object for an object and encodes it into column values. On create, missing fields
 * take their default and required ones must be present; on update only the given keys change.
 * Problems are collected (not thrown) so a batch reports every bad row at once.
 */
export function encodeInput(
  ctx: RecordContext,
  object: ObjectDef,
  input: unknown,
  mode: 'create' | 'update',
  path: PropertyKey[],
  problems: Problem[],
): EncodedInput {
  const columns: Record<string, unknown> = {};
  const links = new Map<FieldDef, string[]>();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ path: formatPath(path), message: 'must be an object of field values' });
    return { columns, links };
  }
  const data = input as Record<string, unknown>;
  const { fieldNames, computed } = objectShape(ctx, object);
  // Paths are built only for problems: a batch of thousands of good rows builds none.
  const pathOf = (key: string) => formatPath([...path, key]);
  for (const key of Object.keys(data)) {
    if (fieldNames.has(key)) continue;
    if (SYSTEM_NAMES.has(key)) {
      if (!WRITABLE_SYSTEM.has(key) || (key === 'id' && mode === 'update'))
        problems.push({ path: pathOf(key), message: `${key} is set by the system` });
      else if (data[key] !== null && data[key] !== undefined && !isUuid(data[key]))
        problems.push({ path: pathOf(key), message: 'must be an id' });
      else columns[key] = data[key] ?? null;
    } else {
      problems.push({ path: pathOf(key), message: `unknown field "${key}" on ${object.name}` });
    }
  }
  for (const field of object.fields) {
    const given = Object.prototype.hasOwnProperty.call(data, field.name);
    if (!given && mode === 'update') continue;
    let value = given ? data[field.name] : undefined;
    if (value === undefined && mode === 'create' && field.default !== undefined) value = field.default;
    if (field.type === 'autonumber') {
      if (given) problems.push({ path: pathOf(field.name), message: 'is numbered automatically and cannot be set' });
      continue;
    }
    if (computed.has(field)) {
      if (given)
        problems.push({ path: pathOf(field.name), message: `is computed (a ${field.type}) and cannot be set` });
      continue;
    }
    if (value === undefined || value === null || (field.required && value === '')) {
      if (field.required && (mode === 'create' || given))
        problems.push({ path: pathOf(field.name), message: 'is required' });
      else if (given || mode === 'create') field.columns.forEach((c) => (columns[c] = null));
      if (given && value === null && field.type === 'relation' && relationKind(field) === 'manyToMany')
        links.set(field, []);
      continue;
    }
    const result = ctx.types.get(field.type).toColumns(value, field);
    if (!result.ok) {
      problems.push({ path: pathOf(field.name), message: result.message });
      continue;
    }
    if (field.type === 'relation' && relationKind(field) === 'manyToMany')
      links.set(field, result.values[0] as string[]);
    else field.columns.forEach((c, i) => (columns[c] = result.values[i] ?? null));
  }
  return { columns, links };
}

/** Encodes a batch; throws one BAD_USER_INPUT listing every problem, so nothing is written. */
export function encodeBatch(
  ctx: RecordContext,
  object: ObjectDef,
  inputs: readonly unknown[],
  mode: 'create' | 'update',
  root: string,
): EncodedInput[] {
  const problems: Problem[] = [];
  const encoded = inputs.map((input, i) =>
    encodeInput(ctx, object, input, mode, inputs.length === 1 ? [root] : [root, i], problems),
  );
  if (problems.length) throw badInput(problems);
  return encoded;
}

/** How one field's value is read from a row: the row keys it comes from and the type that builds it. */
interface FieldReader {
  readonly field: FieldDef;
  readonly keys: readonly string[];
  readonly type: FieldType;
}

const readers = new WeakMap<ObjectDef, WeakMap<FieldTypeRegistry, readonly FieldReader[]>>();

/**
 * The readers of an object's fields, made once per object of a model revision (rows are decoded by the
 * thousand; resolving types per row would cost more than reading the values). A computed field is read
 * from `_fx_<key>` (recordSelectList; money's code maybe from a column: `computedValueColumns`) like a value of
 * its result type.
 */
function fieldReaders(ctx: RecordContext, object: ObjectDef): readonly FieldReader[] {
  let byTypes = readers.get(object);
  if (!byTypes) readers.set(object, (byTypes = new WeakMap()));
  let list = byTypes.get(ctx.types);
  if (!list) {
    list = object.fields.flatMap((field): FieldReader[] => {
      if (isComputed(ctx.types, field)) {
        const type = fieldValueType(ctx.model, ctx.types, object.name, field);
        return type.computed
          ? []
          : [{ field, keys: computedValueColumns(ctx.model, ctx.types, object.name, field), type }];
      }
      return field.columns.length ? [{ field, keys: field.columns, type: ctx.types.get(field.type) }] : [];
    });
    byTypes.set(ctx.types, list);
  }
  return list;
}

/** Builds the API record from a row keyed by column name. */
export function decodeRow(ctx: RecordContext, object: ObjectDef, row: Record<string, unknown>): RecordData {
  const record: Record<string, unknown> = {
    id: row.id,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    createdBy: row.createdBy ?? null,
    owner: row.owner ?? null,
    deletedAt: row.deletedAt ? isoTimestamp(row.deletedAt) : null,
  };
  for (const { field, keys, type } of fieldReaders(ctx, object)) {
    const first = row[keys[0]!];
    // A read that did not compute a field (FindManyOptions.computed) leaves it out rather than empty.
    if (first === undefined && keys !== field.columns) continue;
    record[field.name] = type.fromColumns(keys.length === 1 ? [first ?? null] : keys.map((k) => row[k] ?? null), field);
  }
  return record as RecordData;
}
