/**
 * Stored rollups. A rollup whose value depends on nothing but the related rows' own columns is kept in a
 * column of its row (`_rollup_<field key>`, and `_rollup_<field key>_code` for a sum of money), so a list
 * reads one column instead of aggregating the related rows once per row, and the value can be indexed,
 * filtered and sorted like any column. Salesforce's roll-up summary fields work the same way.
 *
 * The columns are kept current by statement-level triggers with transition tables on the related table
 * (and on the junction table of a many-to-many relation): whatever writes the rows — the record service,
 * an import, a workflow, a migration, SQL typed by hand — the parents it touched are recomputed from the
 * related rows in the same statement's transaction, set-based (one UPDATE per parent table per statement).
 * An update that changes nothing a rollup reads (a task's title) recomputes nothing.
 *
 * Concurrency: the trigger locks the parents (`FOR NO KEY UPDATE`, in id order) before it recomputes, in a
 * statement of its own, so in READ COMMITTED the recomputation sees every concurrent change that committed
 * while it waited; two transactions adding rows to one parent therefore never lose one another's row.
 * `NO KEY` because the foreign key checks of those very inserts hold `KEY SHARE` locks on the parent.
 *
 * Readers whose row rules hide some related rows get the live aggregate over the rows they may see
 * (`compile-sql.ts` checks), so a stored value never tells a reader more than the live one would.
 *
 * `reconcileStoredRollups` makes the database match the model: it runs in the transaction of every
 * metadata change, and `syncStoredRollups` when a server opens a workspace (for workspaces made before rollups were stored). Each column
 * carries, as its comment, a signature of how it is computed; a column whose signature differs is filled
 * again, so a changed filter, function or field is never served stale.
 *
 * Stored paths (`stored-paths.ts`) ride on the same plan: their columns are reconciled with the rollups', and
 * a related table's trigger recomputes the paths that read it as it does the rollups it feeds.
 */
import { compileCondition } from '../conditions/compile';
import type { Db } from '../db/db';
import type { FieldTypeRegistry } from '../fields/registry';
import { loadModel } from '../metadata/workspace';
import { conditionTarget } from '../model/condition-targets';
import type { Model, ObjectDef } from '../model/model';
import { ident, inlineSql, join, raw, sql, type Fragment } from '../sql/sql';
import { computedFieldsOf } from './analyze';
import { formulaSql, liveRollupSql } from './compile-sql';
import { SQL_TYPES, type RollupNode } from './expression';
import {
  dropUnwantedFunctions,
  hash,
  NEW_ROWS,
  OLD_ROWS,
  PAUSED,
  writeTriggerFunction,
  type Operation,
  type StoredColumn,
} from './stored-columns';
import { storedPathPlan, syncPathRowTriggers, type PathRowTrigger } from './stored-paths';

const PREFIX = '_rollup_';
const IDS = '_rollup_ids';

/** The trigger function of one table whose rows feed stored rollups. */
export interface FeedTrigger {
  readonly table: string;
  readonly functionName: string;
  readonly body: string;
}

/**
 * What the database should have for a model: its stored columns (rollups and paths) and the triggers that keep
 * them: one statement-level trigger per table whose rows feed them, one row trigger per table with stored paths.
 */
export interface StoredRollupPlan {
  readonly columns: readonly StoredColumn[];
  readonly triggers: readonly FeedTrigger[];
  readonly rowTriggers: readonly PathRowTrigger[];
}
const OPERATIONS: readonly Operation[] = ['INSERT', 'UPDATE', 'DELETE'];

/** For one table whose changes touch a parent: per operation, queries giving the parent ids touched. */
interface Feed {
  readonly parent: ObjectDef;
  readonly columns: StoredColumn[];
  readonly touched: Record<Operation, Fragment[]>;
}

/** The stored rollups of a model. */
export function storedRollupPlan(model: Model, types: FieldTypeRegistry): StoredRollupPlan {
  const computed = computedFieldsOf(model, types, (name) => conditionTarget(model, types, name));
  const columns: StoredColumn[] = [];
  // Per table whose rows feed rollups (a related table, a junction table), per parent: what it feeds.
  const feeds = new Map<string, Map<ObjectDef, Feed>>();
  const feed = (table: string, parent: ObjectDef): Feed => {
    let byParent = feeds.get(table);
    if (!byParent) feeds.set(table, (byParent = new Map()));
    let entry = byParent.get(parent);
    if (!entry)
      byParent.set(parent, (entry = { parent, columns: [], touched: { INSERT: [], UPDATE: [], DELETE: [] } }));
    return entry;
  };
  for (const parent of model.objects) {
    for (const field of parent.fields) {
      if (field.type !== 'rollup') continue;
      const outcome = computed.outcome(parent.name, field.name);
      if (!outcome?.ok) continue;
      for (const node of [outcome.analysis.value, outcome.analysis.code]) {
        if (node?.kind !== 'rollup' || !node.stored) continue;
        const sqlType = SQL_TYPES[node.type];
        const empty = emptyValue(node);
        const recompute = inlineSql(liveRollupSql(node, 't0'));
        const signature = hash(JSON.stringify({ sqlType, empty, recompute }));
        const column: StoredColumn = {
          parent,
          column: node.stored,
          sqlType,
          empty,
          recompute,
          source: node.source.object,
          signature,
          indexed: field.indexed && node === outcome.analysis.value,
        };
        columns.push(column);
        const related = feed(node.source.table, parent);
        related.columns.push(column);
        for (const op of OPERATIONS) related.touched[op].push(touchedByRelatedRows(node, op));
        const { join: link } = node.source;
        if (link.kind === 'junction') {
          const links = feed(link.table, parent);
          links.columns.push(column);
          for (const op of OPERATIONS) links.touched[op].push(touchedByLinks(link.sourceColumn, op));
        }
      }
    }
  }
  const { paths, rowTriggers } = storedPathPlan(model, computed);
  for (const path of paths) {
    columns.push(path.column);
    const related = feed(path.feedTable, path.column.parent);
    related.columns.push(path.column);
    related.touched.UPDATE.push(path.touchedOnUpdate);
  }
  const triggers = [...feeds].map(([table, byParent]) => ({
    table,
    functionName: `${PREFIX}sync_${hash(table).slice(0, 16)}`,
    body: triggerBody(model.schema, [...byParent.values()]),
  }));
  return { columns, triggers, rowTriggers };
}

/** The value of an aggregate over no rows. */
function emptyValue(node: RollupNode): string {
  if (node.money?.part === 'code') return node.money.fallback ? inlineSql(sql`${node.money.fallback}::text`) : 'NULL';
  return node.fn === 'count' || node.fn === 'sum' ? '0' : 'NULL';
}

/** Whether the related row aliased `alias` counts in the rollup: live, in the filter, in the currency. */
function counts(node: RollupNode, alias: string): Fragment {
  const parts: Fragment[] = [];
  if (node.source.deletedColumn) parts.push(sql`${ident(alias, node.source.deletedColumn)} IS NULL`);
  if (node.filter) parts.push(sql`coalesce(${compileCondition(node.filter, alias)}, false)`);
  if (node.money?.only)
    parts.push(sql`(${formulaSql(node.money.code, alias)}) IS NOT DISTINCT FROM ${node.money.only}::text`);
  return parts.length ? sql`(${join(parts, ' AND ')})` : raw('true');
}

/** What a related row gives the rollup: whether it counts, its value, its currency. A change to it matters. */
function share(node: RollupNode, alias: string): Fragment {
  return join([
    counts(node, alias),
    ...(node.value ? [formulaSql(node.value, alias)] : []),
    ...(node.money ? [formulaSql(node.money.code, alias)] : []),
  ]);
}

/**
 * The parents whose rollup a statement's changed related rows touch: those the rows counted in before
 * (deleted, or updated away) and after (inserted, or updated into), with no parent for an update that
 * changed nothing the rollup reads.
 */
function touchedByRelatedRows(node: RollupNode, op: Operation): Fragment {
  const { join: link } = node.source;
  const rows = (alias: 'n' | 'o') => ident(alias === 'n' ? NEW_ROWS : OLD_ROWS);
  if (link.kind === 'inverse') {
    const fk = (alias: string) => ident(alias, link.column);
    if (op === 'INSERT') return sql`SELECT ${fk('n')} FROM ${rows('n')} AS "n" WHERE ${counts(node, 'n')}`;
    if (op === 'DELETE') return sql`SELECT ${fk('o')} FROM ${rows('o')} AS "o" WHERE ${counts(node, 'o')}`;
    return sql`SELECT unnest(ARRAY[${fk('n')}, ${fk('o')}]) FROM ${rows('n')} AS "n" JOIN ${rows('o')} AS "o" ON "o"."id" = "n"."id"
      WHERE (${fk('n')}, ${share(node, 'n')}) IS DISTINCT FROM (${fk('o')}, ${share(node, 'o')})`;
  }
  const links = sql`${ident(link.schema, link.table)} AS "j"`;
  const parent = ident('j', link.sourceColumn);
  const linked = (alias: string) => sql`${ident('j', link.targetColumn)} = ${ident(alias, 'id')}`;
  if (op === 'INSERT')
    return sql`SELECT ${parent} FROM ${rows('n')} AS "n" JOIN ${links} ON ${linked('n')} WHERE ${counts(node, 'n')}`;
  if (op === 'DELETE')
    return sql`SELECT ${parent} FROM ${rows('o')} AS "o" JOIN ${links} ON ${linked('o')} WHERE ${counts(node, 'o')}`;
  return sql`SELECT ${parent} FROM ${rows('n')} AS "n" JOIN ${rows('o')} AS "o" ON "o"."id" = "n"."id" JOIN ${links} ON ${linked('n')}
    WHERE (${share(node, 'n')}) IS DISTINCT FROM (${share(node, 'o')})`;
}

/** The parents on either end of the links a statement added to or removed from a junction table. */
function touchedByLinks(sourceColumn: string, op: Operation): Fragment {
  const added = sql`SELECT "n".${ident(sourceColumn)} FROM ${ident(NEW_ROWS)} AS "n"`;
  const removed = sql`SELECT "o".${ident(sourceColumn)} FROM ${ident(OLD_ROWS)} AS "o"`;
  if (op === 'INSERT') return added;
  if (op === 'DELETE') return removed;
  return sql`${added} UNION ALL ${removed}`;
}

/**
 * The trigger function's body: per operation, per parent table, the touched parent ids (each at most once,
 * in id order), locked, then recomputed in one UPDATE.
 */
function triggerBody(schema: string, feeds: readonly Feed[]): string {
  const branch = (op: Operation) =>
    feeds
      .filter((feed) => feed.touched[op].length > 0)
      .map((feed) => {
        const parentTable = inlineSql(ident(schema, feed.parent.table));
        const touched = inlineSql(join(feed.touched[op], ' UNION ALL '));
        const assignments = feed.columns.map((c) => `${inlineSql(ident(c.column))} = ${c.recompute}`).join(', ');
        return `
    ${IDS} := ARRAY(SELECT DISTINCT t.id FROM (${touched}) AS t(id) WHERE t.id IS NOT NULL ORDER BY 1);
    IF cardinality(${IDS}) > 0 THEN
      PERFORM 1 FROM ${parentTable} AS "t0" WHERE "t0"."id" = ANY(${IDS}) ORDER BY "t0"."id" FOR NO KEY UPDATE;
      UPDATE ${parentTable} AS "t0" SET ${assignments} WHERE "t0"."id" = ANY(${IDS});
    END IF;`;
      })
      .join('') || '\n    NULL;';
  return `
DECLARE
  ${IDS} uuid[];
BEGIN
  IF current_setting('${PAUSED}', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN${branch('INSERT')}
  ELSIF TG_OP = 'UPDATE' THEN${branch('UPDATE')}
  ELSE${branch('DELETE')}
  END IF;
  RETURN NULL;
END
`;
}

/**
 * Brings a workspace's stored rollups up to date with its model, under the workspace's lock: what a server
 * (or the CLI) does when it opens a workspace, for workspaces whose rollups were made before they were
 * stored or by another version. Cheap when nothing changed.
 *
 * @example
 *   await syncStoredRollups(db, 'default', types);
 */
export async function syncStoredRollups(db: Db, workspace: string, types: FieldTypeRegistry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`stratum.workspace.${workspace}`]);
    await reconcileStoredRollups(tx, await loadModel(tx, workspace, { forUpdate: true }), types);
  });
}

/**
 * Stops the triggers for the rest of `tx`, or until `reconcileStoredRollups`: a metadata change's DDL may
 * rename a column a trigger reads and then rewrite rows (a retype), which the trigger, still written for
 * the old names, could not follow. `reconcileStoredRollups` then rewrites the triggers and refills what the
 * change's rewrites could have changed (`refillFedBy`).
 */
export async function pauseStoredRollups(tx: Db): Promise<void> {
  await tx.query(`SELECT set_config('${PAUSED}', 'on', true)`);
}

/**
 * Makes the database's stored rollups match the model, in `tx` (a metadata change's transaction, or
 * `syncStoredRollups`'s): adds, retypes and fills the columns whose signature is new, drops the columns of rollups
 * that are gone or no longer stored, and creates, replaces or drops the trigger functions and triggers.
 * Costs three catalogue queries when nothing changed.
 */
export async function reconcileStoredRollups(
  tx: Db,
  model: Model,
  types: FieldTypeRegistry,
  options: {
    /** Objects whose rows the change rewrote while the triggers were paused: the rollups they feed are refilled. */
    readonly refillFedBy?: ReadonlySet<string>;
  } = {},
): Promise<void> {
  await tx.query(`SELECT set_config('${PAUSED}', 'off', true)`);
  const plan = storedRollupPlan(model, types);
  const schema = model.schema;
  const live = new Map(model.objects.map((o) => [o.table, o]));
  const { rows: existing } = await tx.query<{ table: string; column: string; type: string; signature: string | null }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            col_description(c.oid, a.attnum) AS signature
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND (a.attname LIKE '\\_rollup\\_%' OR a.attname LIKE '\\_path\\_%')`,
    [schema],
  );
  const found = new Map(existing.map((e) => [`${e.table}.${e.column}`, e]));
  const wanted = new Set(plan.columns.map((c) => `${c.parent.table}.${c.column}`));
  for (const column of existing) {
    if (wanted.has(`${column.table}.${column.column}`)) continue;
    const table = ident(schema, column.table);
    // A removed object's table waits in the trash: its column is kept, marked stale for a restore to refill.
    if (live.has(column.table))
      await tx.query(inlineSql(sql`ALTER TABLE ${table} DROP COLUMN ${ident(column.column)}`));
    else if (column.signature !== null)
      await tx.query(inlineSql(sql`COMMENT ON COLUMN ${table}.${ident(column.column)} IS NULL`));
  }
  const refill = new Map<ObjectDef, StoredColumn[]>();
  for (const column of plan.columns) {
    const present = found.get(`${column.parent.table}.${column.column}`);
    const rewritten = options.refillFedBy?.has(column.source) === true;
    if (present?.signature === column.signature && !rewritten) continue;
    const table = ident(schema, column.parent.table);
    const name = ident(column.column);
    if (!present) {
      await tx.query(
        inlineSql(sql`ALTER TABLE ${table} ADD COLUMN ${name} ${raw(column.sqlType)} DEFAULT ${raw(column.empty)}`),
      );
    } else {
      if (present.type !== column.sqlType)
        await tx.query(
          inlineSql(sql`ALTER TABLE ${table} ALTER COLUMN ${name} TYPE ${raw(column.sqlType)} USING NULL`),
        );
      await tx.query(inlineSql(sql`ALTER TABLE ${table} ALTER COLUMN ${name} SET DEFAULT ${raw(column.empty)}`));
    }
    await tx.query(inlineSql(sql`COMMENT ON COLUMN ${table}.${name} IS ${column.signature}`));
    refill.set(column.parent, [...(refill.get(column.parent) ?? []), column]);
  }
  await syncTriggers(tx, schema, plan.triggers);
  await syncPathRowTriggers(tx, schema, plan.rowTriggers);
  // One UPDATE per parent table fills its new columns, once the triggers keep them from then on.
  for (const [parent, columns] of refill) {
    const assignments = columns.map((c) => `${inlineSql(ident(c.column))} = ${c.recompute}`).join(', ');
    await tx.query(`UPDATE ${inlineSql(ident(schema, parent.table))} AS "t0" SET ${assignments}`);
  }
  await syncIndexes(tx, schema, new Set(live.keys()), plan.columns);
}

/** The btree index of an indexed stored rollup's column. */
const indexOfColumn = (column: string) => `${column}_ix`;

/**
 * Creates the indexes of the stored columns whose rollup is `indexed` (after the columns are filled: one
 * build, not one insertion per row) and drops those of rollups no longer indexed. A trashed object's table
 * keeps its indexes with its columns, for a restore.
 */
async function syncIndexes(
  tx: Db,
  schema: string,
  liveTables: ReadonlySet<string>,
  columns: readonly StoredColumn[],
): Promise<void> {
  const { rows: existing } = await tx.query<{ table: string; name: string }>(
    `SELECT tablename AS table, indexname AS name FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE '\\_rollup\\_%'`,
    [schema],
  );
  const wanted = new Map(columns.filter((c) => c.indexed).map((c) => [indexOfColumn(c.column), c]));
  for (const index of existing) {
    if (!wanted.has(index.name) && liveTables.has(index.table))
      await tx.query(inlineSql(sql`DROP INDEX ${ident(schema, index.name)}`));
  }
  const present = new Set(existing.map((e) => e.name));
  for (const [name, column] of wanted) {
    if (present.has(name)) continue;
    await tx.query(
      inlineSql(sql`CREATE INDEX ${ident(name)} ON ${ident(schema, column.parent.table)} (${ident(column.column)})`),
    );
  }
}

async function syncTriggers(tx: Db, schema: string, triggers: readonly FeedTrigger[]): Promise<void> {
  const { rows: functions } = await tx.query<{ name: string; body: string }>(
    `SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace
      WHERE ns.nspname = $1 AND p.proname LIKE '\\_rollup\\_sync\\_%'`,
    [schema],
  );
  const { rows: attached } = await tx.query<{ table: string; name: string; function: string }>(
    `SELECT c.relname AS table, t.tgname AS name, p.proname AS function
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = $1 AND NOT t.tgisinternal AND t.tgname LIKE '\\_rollup\\_%'`,
    [schema],
  );
  const bodies = new Map(functions.map((f) => [f.name, f.body]));
  const wanted = new Map(triggers.map((t) => [t.table, t]));
  // Triggers of tables that feed nothing now, or that call another table's function (a renamed table).
  const kept = attached.filter((a) => wanted.get(a.table)?.functionName === a.function);
  for (const trigger of attached) {
    if (!kept.includes(trigger))
      await tx.query(inlineSql(sql`DROP TRIGGER ${ident(trigger.name)} ON ${ident(schema, trigger.table)}`));
  }
  for (const trigger of triggers) {
    const fn = ident(schema, trigger.functionName);
    if (bodies.get(trigger.functionName) !== trigger.body)
      await writeTriggerFunction(tx, schema, trigger.functionName, trigger.body);
    const table = ident(schema, trigger.table);
    const present = new Set(kept.filter((a) => a.table === trigger.table).map((a) => a.name));
    const create = (name: string, event: string, tables: string) =>
      present.has(name)
        ? undefined
        : tx.query(
            `CREATE TRIGGER ${name} AFTER ${event} ON ${inlineSql(table)} REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION ${inlineSql(fn)}()`,
          );
    await create('_rollup_insert', 'INSERT', `NEW TABLE AS ${NEW_ROWS}`);
    await create('_rollup_update', 'UPDATE', `OLD TABLE AS ${OLD_ROWS} NEW TABLE AS ${NEW_ROWS}`);
    await create('_rollup_delete', 'DELETE', `OLD TABLE AS ${OLD_ROWS}`);
  }
  await dropUnwantedFunctions(tx, schema, bodies.keys(), new Set(triggers.map((t) => t.functionName)));
}
