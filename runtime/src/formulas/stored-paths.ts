/**
 * Stored paths. A formula's many-to-one path to a value of the related record's own columns (`company.name`
 * in `title + ' · ' + company.name`) is kept in a column of the row (`_path_<hash of what it keeps>`), so a
 * list reads one column instead of looking the related record up once per row, and filters and sorts on the
 * formula read it too. The formula itself stays an expression over the row; only the lookup is stored.
 *
 * Two triggers keep the column current, whatever writes the rows (the record service, an import, SQL typed
 * by hand):
 * - the row's own writes: a BEFORE INSERT OR UPDATE OF <foreign key> row trigger reads the related record when
 *   the row gets or changes its foreign key, so the row is written once, with its value;
 * - the related record's changes: the statement-level trigger of `stored-rollups.ts` on the related table
 *   recomputes, set-based, the rows that point at related records whose value or deletion (trash, restore)
 *   changed. Deleting a related record for good goes through the foreign key's ON DELETE action, an update
 *   (or delete) of the rows the row trigger follows.
 *
 * Concurrency: the row trigger reads the related record `FOR SHARE`. A concurrent change of that record
 * (which holds `NO KEY UPDATE`) then either finishes first, and the row trigger reads its committed value, or
 * waits for the row's transaction, and its own trigger's recomputation, a later statement, sees the row.
 *
 * Readers whose row rules hide some related records get the live lookup (`compile-sql.ts` checks), so a
 * stored value never tells a reader more than the live one would.
 */
import type { Db } from '../db/db';
import type { ComputedFields } from './analyze';
import type { Model, ObjectDef } from '../model/model';
import { ident, inlineSql, join, raw, sql, type Fragment } from '../sql/sql';
import { formulaSql, livePathSql, typedFormulaSql } from './compile-sql';
import { sqlTypeOf, type FormulaNode, type PathNode } from './expression';
import {
  dropUnwantedFunctions,
  hash,
  NEW_ROWS,
  OLD_ROWS,
  PAUSED,
  writeTriggerFunction,
  type StoredColumn,
} from './stored-columns';

/** One stored path: its column, and which rows an update of the related table touches. */
export interface StoredPath {
  readonly column: StoredColumn;
  /** The related table, whose statement-level trigger recomputes the column on the rows it touches. */
  readonly feedTable: string;
  /** The ids of the rows pointing at the related records an UPDATE changed (their value, or their deletion). */
  readonly touchedOnUpdate: Fragment;
}

/** The row trigger of one table with stored paths. */
export interface PathRowTrigger {
  readonly table: string;
  readonly functionName: string;
  readonly body: string;
  /** The foreign-key columns whose change re-reads the related record. */
  readonly foreignKeys: readonly string[];
}

/** The name every stored path's row trigger has (one per table). */
export const PATH_ROW_TRIGGER = '_path_row';
const FUNCTION_PREFIX = '_path_row_';

/** The stored paths of a model: every storable path of every formula, one column per distinct path and table. */
export function storedPathPlan(
  model: Model,
  computed: ComputedFields,
): { paths: StoredPath[]; rowTriggers: PathRowTrigger[] } {
  const paths: StoredPath[] = [];
  const rowTriggers: PathRowTrigger[] = [];
  for (const parent of model.objects) {
    const own = new Map<string, PathNode>();
    for (const field of parent.fields) {
      if (field.type !== 'formula') continue;
      const outcome = computed.outcome(parent.name, field.name);
      if (!outcome?.ok) continue;
      for (const node of [outcome.analysis.value, outcome.analysis.code])
        if (node) for (const path of storedPathsOf(node)) own.set(path.stored!, path);
    }
    if (own.size === 0) continue;
    const table = ident(model.schema, parent.table);
    for (const [column, node] of own) {
      const hop = node.hops[0]!;
      const sqlType = sqlTypeOf(node.type);
      const recompute = inlineSql(livePathSql(node, 't0'));
      const share = (alias: 'n' | 'o') =>
        join([
          hop.deletedColumn ? sql`${ident(alias, hop.deletedColumn)} IS NULL` : raw('true'),
          formulaSql(node.node, alias),
        ]);
      paths.push({
        column: {
          parent,
          column,
          sqlType,
          empty: 'NULL',
          recompute,
          source: hop.object,
          signature: hash(JSON.stringify({ sqlType, recompute })),
          indexed: false,
        },
        feedTable: hop.table,
        touchedOnUpdate: sql`SELECT "p"."id" FROM ${ident(NEW_ROWS)} AS "n" JOIN ${ident(OLD_ROWS)} AS "o" ON "o"."id" = "n"."id"
          JOIN ${table} AS "p" ON "p".${ident(hop.foreignKey)} = "n"."id"
          WHERE (${share('n')}) IS DISTINCT FROM (${share('o')})`,
      });
    }
    rowTriggers.push(rowTrigger(parent, [...own.values()]));
  }
  return { paths, rowTriggers };
}

/** The formula's own stored paths: not those inside a path (another record's) or a rollup (related rows'). */
function* storedPathsOf(node: FormulaNode): Generator<PathNode> {
  if (node.kind === 'path' && node.stored) yield node;
  else if (node.kind === 'call') for (const arg of node.args) yield* storedPathsOf(arg);
}

/** Per foreign key: when the row is inserted or the key changes, one locked read of the related record. */
function rowTrigger(parent: ObjectDef, paths: readonly PathNode[]): PathRowTrigger {
  const byKey = new Map<string, PathNode[]>();
  for (const path of paths) {
    const key = path.hops[0]!.foreignKey;
    byKey.set(key, [...(byKey.get(key) ?? []), path]);
  }
  const reads = [...byKey].map(([foreignKey, group]) => {
    const hop = group[0]!.hops[0]!;
    const key = inlineSql(sql`NEW.${ident(foreignKey)}`);
    const values = group.map((p) => inlineSql(typedFormulaSql(p.node, 's')));
    const targets = group.map((p) => inlineSql(sql`NEW.${ident(p.stored!)}`));
    const where = [
      sql`"s"."id" = ${raw(key)}`,
      ...(hop.deletedColumn ? [sql`${ident('s', hop.deletedColumn)} IS NULL`] : []),
    ];
    return `
  IF TG_OP = 'INSERT' OR ${key} IS DISTINCT FROM ${inlineSql(sql`OLD.${ident(foreignKey)}`)} THEN
    SELECT ${values.join(', ')} INTO ${targets.join(', ')}
      FROM ${inlineSql(ident(hop.schema, hop.table))} AS "s" WHERE ${inlineSql(join(where, ' AND '))} FOR SHARE OF "s";
  END IF;`;
  });
  return {
    table: parent.table,
    functionName: `${FUNCTION_PREFIX}${hash(parent.table).slice(0, 16)}`,
    foreignKeys: [...byKey.keys()],
    body: `
BEGIN
  IF current_setting('${PAUSED}', true) = 'on' THEN
    RETURN NEW;
  END IF;${reads.join('')}
  RETURN NEW;
END
`,
  };
}

/**
 * Creates, replaces or drops the row triggers and their functions so that exactly `triggers` are attached. A
 * function whose body changed gets its trigger made again (the foreign keys it watches may have changed too).
 */
export async function syncPathRowTriggers(tx: Db, schema: string, triggers: readonly PathRowTrigger[]): Promise<void> {
  const { rows: functions } = await tx.query<{ name: string; body: string }>(
    `SELECT p.proname AS name, p.prosrc AS body FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace
      WHERE ns.nspname = $1 AND p.proname LIKE '\\_path\\_row\\_%'`,
    [schema],
  );
  const { rows: attached } = await tx.query<{ table: string; function: string }>(
    `SELECT c.relname AS table, p.proname AS function
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = $1 AND NOT t.tgisinternal AND t.tgname = $2`,
    [schema, PATH_ROW_TRIGGER],
  );
  const bodies = new Map(functions.map((f) => [f.name, f.body]));
  const wanted = new Map(triggers.map((t) => [t.table, t]));
  for (const trigger of attached) {
    if (wanted.get(trigger.table)?.functionName !== trigger.function)
      await tx.query(inlineSql(sql`DROP TRIGGER ${ident(PATH_ROW_TRIGGER)} ON ${ident(schema, trigger.table)}`));
  }
  for (const trigger of triggers) {
    const fn = inlineSql(ident(schema, trigger.functionName));
    const table = inlineSql(ident(schema, trigger.table));
    const present = attached.some((a) => a.table === trigger.table && a.function === trigger.functionName);
    if (bodies.get(trigger.functionName) === trigger.body && present) continue;
    await writeTriggerFunction(tx, schema, trigger.functionName, trigger.body);
    if (present) await tx.query(`DROP TRIGGER ${PATH_ROW_TRIGGER} ON ${table}`);
    const keys = inlineSql(join(trigger.foreignKeys.map((k) => ident(k))));
    await tx.query(
      `CREATE TRIGGER ${PATH_ROW_TRIGGER} BEFORE INSERT OR UPDATE OF ${keys} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    );
  }
  await dropUnwantedFunctions(tx, schema, bodies.keys(), new Set(triggers.map((t) => t.functionName)));
}
