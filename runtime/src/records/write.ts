import { v7 as uuidv7 } from 'uuid';
import { run } from '../db/db';
import { badInput, notFound } from '../errors';
import type { FieldDef, ObjectDef } from '../model/model';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { recordSelectList, recordsetColumns } from './columns';
import { decodeRow, encodeBatch, type EncodedInput } from './codec';
import { recordWriteError } from './constraint-errors';
import { actorId, requireObject, type RecordContext, type RecordData } from './context';
import { checkRelationTargets, writeLinks } from './links';
import {
  actionScope,
  requireCreatable,
  requireReadableOtherwiseMissing,
  requireWritableFields,
  visibleRecord,
} from './authorize';
import { compileCondition, type ConditionNode } from '../conditions';
import { hasActiveRules } from '../validation/compile-rules';
import { checkCreateRules, checkUpdateRules } from '../validation/enforce-rules';

/** Records written in one statement; larger batches are split so each statement stays well under limits. */
const CHUNK = 5000;

/**
 * Creates records in one set-based statement per chunk: the rows, their `created` events in the outbox
 * and their many-to-many links, all in one transaction. Returns the records in input order. The object's
 * validation rules are checked on every row before anything is written (validation/enforce-rules.ts).
 *
 * @example
 *   const [deal] = await createMany(ctx, 'deal', [{ name: 'Tbilisi fit-out', amount: { amount: 12000, currency: 'GEL' } }]);
 */
export async function createMany(
  ctx: RecordContext,
  objectName: string,
  inputs: readonly unknown[],
  root = 'data',
): Promise<RecordData[]> {
  const { object, rows } = await insertPrepared(ctx, prepareCreate(ctx, objectName, inputs, root), 'records');
  return rows.map((row) => visibleRecord(ctx, object, decodeRow(ctx, object, row)));
}

/** Inputs checked and encoded into rows, ready for `insertMany`: what `createMany` does before the database. */
export interface PreparedCreate {
  readonly object: ObjectDef;
  readonly root: string;
  readonly encoded: readonly EncodedInput[];
  /** The column values of each new record, with its id, owner and creator. */
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * The first half of a create, without the database: permissions on the object and its fields, every value
 * validated and encoded, ids given, the actor's row conditions checked. Throws as `createMany` does
 * (BAD_USER_INPUT listing every bad row at `root[i].field`, FORBIDDEN). A bulk load prepares the next batch
 * while the database writes the one before.
 */
export function prepareCreate(
  ctx: RecordContext,
  objectName: string,
  inputs: readonly unknown[],
  root = 'data',
): PreparedCreate {
  const object = requireObject(ctx, objectName);
  if (inputs.length === 0) return { object, root, encoded: [], rows: [] };
  const scope = actionScope(ctx, 'create', object);
  requireWritableFields(ctx, 'create', object, inputs, root);
  const encoded = encodeBatch(ctx, object, inputs, 'create', root);
  const actor = actorId(ctx.actor);
  // Object.assign, not a spread: in bulk loads the spread with keys after it cost ten times as much (V8 12,
  // measured on 200,000 rows of an import: 0.77 s against 0.07 s).
  const rows = encoded.map((input) =>
    Object.assign({}, input.columns, {
      id: (input.columns.id as string | undefined) ?? uuidv7(),
      owner: input.columns.owner ?? actor,
      createdBy: actor,
    }),
  );
  // Only a restricted actor's rows are checked one by one (and only then built: a bulk load by an admin skips it).
  if (scope)
    requireCreatable(
      ctx,
      object,
      inputs.map((input, i) => ({ ...(input as object), owner: rows[i]!.owner, id: rows[i]!.id })),
      root,
    );
  return { object, root, encoded, rows };
}

/** Batches of one object prepared apart (so that long work can pause between them) as one batch to insert. */
export function joinPrepared(parts: readonly PreparedCreate[]): PreparedCreate | null {
  if (parts.length <= 1) return parts[0] ?? null;
  return {
    object: parts[0]!.object,
    root: parts[0]!.root,
    encoded: parts.flatMap((p) => p.encoded),
    rows: parts.flatMap((p) => p.rows),
  };
}

/**
 * The second half: writes prepared records exactly as `createMany` does (relation targets and validation
 * rules checked, outbox events, links) without reading them back, for bulk loads such as the import, which
 * need only the count and would otherwise spend about as long decoding the returned rows as writing them.
 */
export async function insertMany(ctx: RecordContext, prepared: PreparedCreate): Promise<number> {
  return (await insertPrepared(ctx, prepared, 'count')).count;
}

interface Inserted {
  readonly object: ObjectDef;
  /** The stored rows in input order (read back only for `records`). */
  readonly rows: readonly Record<string, unknown>[];
  readonly count: number;
}

async function insertPrepared(
  ctx: RecordContext,
  prepared: PreparedCreate,
  readBack: 'records' | 'count',
): Promise<Inserted> {
  const { object, root, encoded, rows } = prepared;
  if (rows.length === 0) return { object, rows: [], count: 0 };
  const actor = actorId(ctx.actor);
  return ctx.db.transaction(async (db) => {
    await checkRelationTargets(ctx, db, object, encoded, root);
    if (hasActiveRules(object)) await checkCreateRules(ctx, object, rows, root);
    const columns = columnsOf(rows);
    const names = join(columns.map((c) => ident(c)));
    const answer =
      readBack === 'records'
        ? sql`SELECT ${recordSelectList(ctx, object, 'ins')} FROM ins`
        : raw('SELECT count(*)::int AS count FROM ins');
    const stored: Record<string, unknown>[] = [];
    let count = 0;
    try {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const chunk = rows.slice(start, start + CHUNK);
        // json, not jsonb: the rows are read once, so building jsonb first only costs (−7 % of the database's
        // CPU in the import bench).
        const { rows: inserted } = await run<Record<string, unknown>>(
          db,
          sql`WITH input AS (SELECT * FROM json_to_recordset(${JSON.stringify(chunk)}::json) AS x(${recordsetColumns(object, ctx.types, columns)})),
            ins AS (INSERT INTO ${ident(ctx.model.schema, object.table)} (${names}) SELECT ${names} FROM input RETURNING *),
            ev AS (INSERT INTO ${ident(ctx.model.schema, '_outbox')} (object, "recordId", event, after, actor)
                   SELECT ${object.name}, ins.id, 'created', row_to_json(ins), ${actor}::uuid FROM ins)
          ${answer}`,
        );
        if (readBack === 'records') {
          const byId = new Map(inserted.map((row) => [row.id as string, row]));
          stored.push(...chunk.map((r) => byId.get(r.id as string)!));
          count += inserted.length;
        } else count += inserted[0]!.count as number;
      }
      await writeAllLinks(
        ctx,
        db,
        object.fields,
        encoded,
        rows.map((r) => r.id as string),
      );
    } catch (error) {
      throw recordWriteError(error, object, root);
    }
    return { object, rows: stored, count };
  });
}

export async function createRecord(ctx: RecordContext, objectName: string, input: unknown): Promise<RecordData> {
  const [record] = await createMany(ctx, objectName, [input]);
  return record!;
}

export interface UpdateItem {
  readonly id: string;
  readonly data: unknown;
}

/**
 * Updates records, one set-based statement per group of items that change the same fields. The same
 * statement writes each changed field's old and new value to the field history and an `updated` event
 * (before and after) to the outbox. Any missing id fails the whole batch, and so does any record that
 * would break a validation rule once patched.
 */
export async function updateMany(
  ctx: RecordContext,
  objectName: string,
  items: readonly UpdateItem[],
  root = 'data',
): Promise<RecordData[]> {
  const object = requireObject(ctx, objectName);
  if (items.length === 0) return [];
  const ids = items.map((item, i) => {
    if (typeof item.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(item.id))
      throw badInput({ path: items.length === 1 ? 'id' : `${root}[${i}].id`, message: 'must be a record id' });
    return item.id.toLowerCase();
  });
  if (new Set(ids).size !== ids.length)
    throw badInput({ path: root, message: 'a record may appear only once per batch' });
  const scope = actionScope(ctx, 'update', object);
  requireWritableFields(
    ctx,
    'update',
    object,
    items.map((i) => i.data),
    root,
  );
  const encoded = encodeBatch(
    ctx,
    object,
    items.map((i) => i.data),
    'update',
    root,
  );
  return ctx.db.transaction(async (db) => {
    await checkRelationTargets(ctx, db, object, encoded, root);
    if (hasActiveRules(object)) await checkUpdateRules(ctx, db, object, ids, encoded, scope, root);
    const actor = actorId(ctx.actor);
    const updated = new Map<string, RecordData>();
    const groups = new Map<string, number[]>();
    encoded.forEach((input, i) => {
      const signature = Object.keys(input.columns).sort().join(',');
      groups.set(signature, [...(groups.get(signature) ?? []), i]);
    });
    try {
      for (const indexes of groups.values()) {
        const columns = Object.keys(encoded[indexes[0]!]!.columns);
        const rows = indexes.map((i) => ({ ...encoded[i]!.columns, id: ids[i] }));
        // Lock first, then read the old values in the next statement's snapshot: a statement that both
        // locks and updates the same rows would read them in an unspecified order.
        await run(
          db,
          sql`SELECT 1 FROM ${ident(ctx.model.schema, object.table)} WHERE id = ANY(${rows.map((r) => r.id)}::uuid[]) ORDER BY id FOR UPDATE`,
        );
        const { rows: changed } = await run<Record<string, unknown>>(
          db,
          updateStatement(ctx, objectName, columns, rows, actor, scope),
        );
        for (const row of changed)
          updated.set(row.id as string, visibleRecord(ctx, object, decodeRow(ctx, object, row)));
      }
      const missing = ids.filter((id) => !updated.has(id));
      if (missing.length && scope) await requireReadableOtherwiseMissing({ ...ctx, db }, object, missing, 'update');
      if (missing.length) throw notFound(`No ${object.name} with id ${missing.join(', ')}`, { ids: missing });
      await writeAllLinks(ctx, db, object.fields, encoded, ids);
    } catch (error) {
      throw recordWriteError(error, object, root);
    }
    return ids.map((id) => updated.get(id)!);
  });
}

export async function updateRecord(
  ctx: RecordContext,
  objectName: string,
  id: string,
  data: unknown,
): Promise<RecordData> {
  const [record] = await updateMany(ctx, objectName, [{ id, data }]);
  return record!;
}

function updateStatement(
  ctx: RecordContext,
  objectName: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  actor: string | null,
  scope: ConditionNode | undefined,
): Fragment {
  // Only rows inside the actor's update scope change; the others are reported as not found or forbidden.
  const allowed = scope ? compileCondition(scope, 't') : raw('TRUE');
  const object = requireObject(ctx, objectName);
  const table = ident(ctx.model.schema, object.table);
  const fields = object.fields.filter((f) => f.columns.some((c) => columns.includes(c)));
  const assignments = [...columns.map((c) => sql`${ident(c)} = input.${ident(c)}`), raw(`"updatedAt" = now()`)];
  // One history row per changed field: (field, old, new) pairs as a VALUES list, never one function call
  // with an argument per field (PostgreSQL allows at most 100 function arguments).
  const pairs = fields.map((f) => sql`(${f.name}, ${fieldJson('prev', f)}, ${fieldJson('upd', f)})`);
  const history = pairs.length
    ? sql`, hist AS (INSERT INTO ${ident(ctx.model.schema, '_history')} (object, "recordId", field, "oldValue", "newValue", actor)
          SELECT ${object.name}, upd.id, c.field, c.old, c.new, ${actor}::uuid FROM prev JOIN upd ON upd.id = prev.id
          CROSS JOIN LATERAL (VALUES ${join(pairs)}) AS c(field, old, new) WHERE c.old IS DISTINCT FROM c.new)`
    : raw('');
  return sql`WITH input AS (SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(${recordsetColumns(object, ctx.types, ['id', ...columns])})),
      prev AS (SELECT t.* FROM ${table} AS t JOIN input ON input.id = t.id WHERE t."deletedAt" IS NULL AND ${allowed}),
      upd AS (UPDATE ${table} AS t SET ${join(assignments)} FROM input WHERE t.id = input.id AND t."deletedAt" IS NULL AND ${allowed} RETURNING t.*)
      ${history},
      ev AS (INSERT INTO ${ident(ctx.model.schema, '_outbox')} (object, "recordId", event, before, after, actor)
             SELECT ${object.name}, upd.id, 'updated', row_to_json(prev), row_to_json(upd), ${actor}::uuid FROM prev JOIN upd ON upd.id = prev.id)
    SELECT ${recordSelectList(ctx, object, 'upd')} FROM upd`;
}

/** A field's value as JSON for the history: one column as is, several (currency) as an array. */
function fieldJson(alias: string, field: FieldDef): Fragment {
  if (field.columns.length === 1) return sql`to_jsonb(${raw(alias)}.${ident(field.columns[0]!)})`;
  return sql`jsonb_build_array(${join(field.columns.map((c) => sql`${raw(alias)}.${ident(c)}`))})`;
}

async function writeAllLinks(
  ctx: RecordContext,
  db: RecordContext['db'],
  fields: readonly FieldDef[],
  encoded: readonly EncodedInput[],
  ids: readonly string[],
): Promise<void> {
  for (const field of fields) {
    const links = new Map<string, readonly string[]>();
    encoded.forEach((input, i) => {
      const targets = input.links.get(field);
      if (targets) links.set(ids[i]!, targets);
    });
    await writeLinks(db, ctx.model.schema, field, links);
  }
}

/** The columns any of the rows sets, in the order they first appear (a loop: a batch has thousands of rows). */
function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column in row) columns.add(column);
  return [...columns];
}
