/**
 * Condition trees → parameterised SQL for a `WHERE` clause. Every value is a bind parameter (through the
 * `sql` builder); identifiers come from metadata and are quoted by `ident`.
 *
 * The SQL means exactly what `evaluateCondition` computes in memory, in two-valued logic: a comparison
 * with a NULL column may be "unknown" in SQL, which `WHERE` and `EXISTS` treat as false, as memory does;
 * the one place "unknown" could leak is `NOT`, which is written `(x) IS NOT TRUE` whenever `x` can be NULL.
 *
 * The common positive cases stay in the shapes a btree index serves: `col = $1::type`, `col > $1::type`,
 * `col = ANY($1::type[])`. Whole numbers are sent as `bigint`, so an integer column (autonumber, rating) is
 * compared without casting the column; PostgreSQL compares integers with `numeric` exactly either way.
 */
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import type { ComparisonNode, ConditionNode, RelationNode, Scalar } from './nodes';
import type { ValueKind } from './target';

/**
 * The SQL for `node` against the table aliased `alias` in the enclosing query. Subqueries for relations
 * alias their tables `t1`, `t2`, … (skipping `alias`), unique within the result.
 *
 * @example
 *   compile(compileCondition(parseCondition({ amount: { $gte: 1000 } }, deal, { syntax: 'mongo' }), 't0'))
 *   // { text: '"t0"."amount" >= $1::bigint', values: [1000] }
 */
export function compileCondition(node: ConditionNode, alias: string): Fragment {
  let counter = 0;
  const nextAlias = (): string => {
    let name: string;
    do name = `t${++counter}`;
    while (name === alias);
    return name;
  };
  return compileNode(node, alias, nextAlias);
}

type NextAlias = () => string;

function compileNode(node: ConditionNode, alias: string, nextAlias: NextAlias): Fragment {
  switch (node.kind) {
    case 'constant':
      return raw(node.value ? 'TRUE' : 'FALSE');
    case 'and':
    case 'or': {
      const parts = node.nodes.map((child) => compileNode(child, alias, nextAlias));
      return sql`(${join(parts, node.kind === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not': {
      const compiled = compileNode(node.node, alias, nextAlias);
      // `and` / `or` come parenthesised already.
      const inner = node.node.kind === 'and' || node.node.kind === 'or' ? compiled : sql`(${compiled})`;
      return mayBeNull(node.node) ? sql`${inner} IS NOT TRUE` : sql`NOT ${inner}`;
    }
    case 'comparison':
      return compileComparison(node, alias);
    case 'relation':
      return compileRelation(node, alias, nextAlias);
  }
}

/**
 * Whether the SQL for `node` can evaluate to NULL. Where it cannot, `NOT (x)` is both correct and
 * better planned (`NOT EXISTS` becomes an anti-join).
 */
function mayBeNull(node: ConditionNode): boolean {
  switch (node.kind) {
    case 'constant':
    case 'relation':
    case 'not':
      return false;
    case 'and':
    case 'or':
      return node.nodes.some(mayBeNull);
    case 'comparison':
      return !['isNull', 'neq', 'nin'].includes(node.operator);
  }
}

const CASTS: Readonly<Record<ValueKind, string>> = {
  text: 'text',
  number: 'numeric',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  uuid: 'uuid',
  textArray: 'text[]',
  json: 'jsonb',
};

function castOf(kind: ValueKind, values: readonly Scalar[]): string {
  if (kind === 'number' && values.every((v) => Number.isSafeInteger(v))) return 'bigint';
  return CASTS[kind];
}

/** A bind parameter with its cast (`$1::numeric`), so PostgreSQL never has to guess the type. */
function typed(kind: ValueKind, value: Scalar): Fragment {
  return sql`${value}::${raw(castOf(kind, [value]))}`;
}

function typedList(kind: ValueKind, values: readonly Scalar[]): Fragment {
  return sql`${values}::${raw(castOf(kind, values))}[]`;
}

/** LIKE treats `%`, `_` and the escape character `\` specially; a condition's text means itself. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function compileComparison(node: ComparisonNode, alias: string): Fragment {
  // A computed field (formula, rollup) compares its SQL expression where a stored field has its column.
  const column = node.field.computed ? sql`(${node.field.computed.sql(alias)})` : ident(alias, node.field.column);
  const kind = node.field.valueKind;
  if (kind === 'textArray') return compileArrayComparison(node, column);
  switch (node.operator) {
    case 'isNull':
      return node.value ? sql`${column} IS NULL` : sql`${column} IS NOT NULL`;
    case 'eq':
      return sql`${column} = ${typed(kind, node.value as Scalar)}`;
    case 'neq':
      // NULL counts as "not equal" (like MongoDB's $ne), and IS DISTINCT FROM never yields NULL.
      return sql`${column} IS DISTINCT FROM ${typed(kind, node.value)}`;
    case 'in':
      return node.value.length === 0 ? raw('FALSE') : sql`${column} = ANY(${typedList(kind, node.value)})`;
    case 'nin':
      return node.value.length === 0
        ? raw('TRUE')
        : sql`(${column} IS NULL OR NOT (${column} = ANY(${typedList(kind, node.value)})))`;
    case 'gt':
      return sql`${column} > ${typed(kind, node.value)}`;
    case 'gte':
      return sql`${column} >= ${typed(kind, node.value)}`;
    case 'lt':
      return sql`${column} < ${typed(kind, node.value)}`;
    case 'lte':
      return sql`${column} <= ${typed(kind, node.value)}`;
    case 'contains':
      return sql`${column} ILIKE ${`%${escapeLike(node.value)}%`}::text`;
    case 'startsWith':
      return sql`${column} ILIKE ${`${escapeLike(node.value)}%`}::text`;
  }
}

/**
 * Text arrays (multi-select): `contains` means "has this element", `eq` means "has exactly these" (as
 * sets), and an empty array is as empty as NULL for `isNull`.
 */
function compileArrayComparison(node: ComparisonNode, column: Fragment): Fragment {
  switch (node.operator) {
    case 'contains':
      return sql`${column} @> ARRAY[${node.value}]::text[]`;
    case 'eq':
      return sql`(${column} @> ${node.value}::text[] AND ${column} <@ ${node.value}::text[])`;
    case 'isNull':
      return node.value
        ? sql`(${column} IS NULL OR cardinality(${column}) = 0)`
        : sql`(${column} IS NOT NULL AND cardinality(${column}) > 0)`;
    default:
      // The parser accepts no other operator on a text array.
      throw new Error(`Operator "${node.operator}" cannot be compiled for a text array`);
  }
}

/** `EXISTS` over the live related rows that meet the nested condition. */
function compileRelation(node: RelationNode, alias: string, nextAlias: NextAlias): Fragment {
  const { target, join: how } = node;
  const table = ident(target.schema, target.table);
  const related = nextAlias();
  const where: Fragment[] = [];
  let from: Fragment;
  switch (how.kind) {
    case 'foreignKey':
      from = sql`${table} AS ${ident(related)}`;
      where.push(sql`${ident(related, target.idColumn)} = ${ident(alias, how.column)}`);
      break;
    case 'inverse':
      from = sql`${table} AS ${ident(related)}`;
      where.push(sql`${ident(related, how.targetColumn)} = ${ident(alias, node.sourceIdColumn)}`);
      break;
    case 'junction': {
      const link = related;
      const row = nextAlias();
      from = sql`${ident(how.schema, how.table)} AS ${ident(link)} JOIN ${table} AS ${ident(row)} ON ${ident(
        row,
        target.idColumn,
      )} = ${ident(link, how.targetColumn)}`;
      where.push(sql`${ident(link, how.sourceColumn)} = ${ident(alias, node.sourceIdColumn)}`);
      return exists(from, where, node, row, nextAlias);
    }
  }
  return exists(from, where, node, related, nextAlias);
}

function exists(from: Fragment, where: Fragment[], node: RelationNode, row: string, nextAlias: NextAlias): Fragment {
  if (node.target.deletedColumn) where.push(sql`${ident(row, node.target.deletedColumn)} IS NULL`);
  if (!(node.node.kind === 'constant' && node.node.value)) where.push(compileNode(node.node, row, nextAlias));
  return sql`EXISTS (SELECT 1 FROM ${from} WHERE ${join(where, ' AND ')})`;
}
