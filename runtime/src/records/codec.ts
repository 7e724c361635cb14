import { badInput, formatPath, type Problem } from '../errors';
import { isUuid, relationKind } from '../fields/relation-type';
import type { FieldDef, ObjectDef } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import { isoTimestamp } from '../db/timestamps';
import type { RecordContext, RecordData } from './context';

/** Input validated into column values, plus the many-to-many lists that go to junction tables. */
export interface EncodedInput {
  /** Column name → value (JSON-compatible, for `jsonb_to_recordset`). */
  readonly columns: Readonly<Record<string, unknown>>;
  /** Many-to-many field → target ids (replaces the set). */
  readonly links: ReadonlyMap<FieldDef, readonly string[]>;
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
  for (const key of Object.keys(data)) {
    const at = formatPath([...path, key]);
    if (SYSTEM_FIELDS.some((f) => f.name === key)) {
      if (!WRITABLE_SYSTEM.has(key) || (key === 'id' && mode === 'update'))
        problems.push({ path: at, message: `${key} is set by the system` });
      else if (data[key] !== null && data[key] !== undefined && !isUuid(data[key]))
        problems.push({ path: at, message: 'must be an id' });
      else columns[key] = data[key] ?? null;
    } else if (!object.fields.some((f) => f.name === key)) {
      problems.push({ path: at, message: `unknown field "${key}" on ${object.name}` });
    }
  }
  for (const field of object.fields) {
    const at = formatPath([...path, field.name]);
    const given = Object.prototype.hasOwnProperty.call(data, field.name);
    if (!given && mode === 'update') continue;
    let value = given ? data[field.name] : undefined;
    if (value === undefined && mode === 'create' && field.default !== undefined) value = field.default;
    if (field.type === 'autonumber') {
      if (given) problems.push({ path: at, message: 'is numbered automatically and cannot be set' });
      continue;
    }
    if (value === undefined || value === null || (field.required && value === '')) {
      if (field.required && (mode === 'create' || given)) problems.push({ path: at, message: 'is required' });
      else if (given || mode === 'create') field.columns.forEach((c) => (columns[c] = null));
      if (given && value === null && field.type === 'relation' && relationKind(field) === 'manyToMany')
        links.set(field, []);
      continue;
    }
    const result = ctx.types.get(field.type).toColumns(value, field);
    if (!result.ok) {
      problems.push({ path: at, message: result.message });
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
  for (const field of object.fields) {
    if (field.columns.length === 0) continue;
    record[field.name] = ctx.types.get(field.type).fromColumns(
      field.columns.map((c) => row[c] ?? null),
      field,
    );
  }
  return record as RecordData;
}
