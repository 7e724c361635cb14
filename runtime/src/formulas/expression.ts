/**
 * Formula trees: what a formula's expression (or a rollup's definition) becomes once it is parsed and
 * type-checked against the model, and what `formulaSql` compiles. Nodes are frozen plain data and carry
 * every physical name SQL needs (columns, tables, joins), resolved once per model revision; they never
 * name an SQL alias, so one tree compiles for any row (`t0`, a related row in a subquery, `ins`…).
 *
 * Terminology: a *value type* is what an expression gives (number, text, boolean, date, datetime; `null`
 * for the bare `null` literal, which fits any type); a *hop* follows a many-to-one relation (or `owner`
 * and `createdBy` to a user) from one row to the related row; a *path* is an expression evaluated on the
 * row a chain of hops reaches (`company.country`); a *rollup* aggregates the live rows of a to-many
 * relation; *money* is a number with a currency code beside it (formulas with result type `currency`,
 * rollups over currency fields).
 */
import type { ConditionNode } from '../conditions/nodes';

/** What a formula may give (`resultType`); `currency` is a number with a currency code. */
export const RESULT_TYPES = ['number', 'currency', 'text', 'boolean', 'date', 'datetime'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

export const ROLLUP_FUNCTIONS = ['count', 'sum', 'min', 'max', 'avg'] as const;
export type RollupFunction = (typeof ROLLUP_FUNCTIONS)[number];

export type ValueType = 'number' | 'text' | 'boolean' | 'date' | 'datetime';
export type ExpressionType = ValueType | 'null';

/** The PostgreSQL type of each value type (results are cast to it, so every reader sees one type). */
export const SQL_TYPES: Readonly<Record<ValueType, string>> = {
  number: 'numeric',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** The SQL type a value of `type` is cast to: a value that is only `null` is text. */
export function sqlTypeOf(type: ExpressionType): string {
  return SQL_TYPES[type === 'null' ? 'text' : type];
}

/** One many-to-one step: from the current row, through its column `foreignKey`, to a row of `table`. */
export interface Hop {
  /** The object reached (`user` for owner, createdBy and relations to users). */
  readonly object: string;
  readonly schema: string;
  readonly table: string;
  /** The column on the row the hop starts from that holds the related id. */
  readonly foreignKey: string;
  /** Soft-delete column of the reached table: a deleted related record reads as absent. */
  readonly deletedColumn?: string | undefined;
}

/** Where a rollup's rows come from, seen from the row it is computed for. */
export interface RollupSource {
  readonly object: string;
  readonly schema: string;
  readonly table: string;
  readonly deletedColumn?: string | undefined;
  readonly join:
    | { readonly kind: 'inverse'; readonly column: string }
    | {
        readonly kind: 'junction';
        readonly schema: string;
        readonly table: string;
        readonly sourceColumn: string;
        readonly targetColumn: string;
      };
}

/**
 * The internal operations formulas compile to: operators (`+` on numbers is `add`, on text `concat`) and
 * functions (`ROUND` is `round`). `formulaSql` writes each one.
 */
export type Operation =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'modulo'
  | 'negate'
  | 'concat'
  | 'toText'
  | 'addDays'
  | 'subtractDays'
  | 'daysBetween'
  | 'addWeeks'
  | 'addMonths'
  | 'addYears'
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'and'
  | 'or'
  | 'not'
  | 'if'
  | 'lookup'
  | 'round'
  | 'abs'
  | 'least'
  | 'greatest'
  | 'coalesce'
  | 'upper'
  | 'lower'
  | 'length'
  | 'left'
  | 'right'
  | 'trim'
  | 'contains'
  | 'today'
  | 'now'
  | 'year'
  | 'month'
  | 'day'
  | 'isBlank';

export interface LiteralNode {
  readonly kind: 'literal';
  readonly type: ExpressionType;
  readonly value: string | number | boolean | null;
}

/** A column of the current row. `uuid` columns (ids) read as text. */
export interface ColumnNode {
  readonly kind: 'column';
  readonly type: ValueType;
  readonly column: string;
  readonly uuid?: boolean | undefined;
}

/** `node`, evaluated on the row the hops reach; empty when any hop finds no live row. */
export interface PathNode {
  readonly kind: 'path';
  readonly type: ExpressionType;
  readonly hops: readonly Hop[];
  readonly node: FormulaNode;
  /**
   * The row's column that keeps this value (`stored-paths.ts`), for a one-hop path to a value of the related
   * record's own columns; readers who may see every related record read it instead of looking the record up.
   */
  readonly stored?: string | undefined;
}

/**
 * An aggregate over the live rows of a to-many relation that meet `filter`. `value` is evaluated on each
 * related row (absent for count). For money, `code` is the currency code of each row: only rows in
 * `only` count when it is set; otherwise amounts are aggregated only when every row shares one code.
 * `part` says whether the node gives the amount or the code.
 */
export interface RollupNode {
  readonly kind: 'rollup';
  readonly type: ValueType;
  readonly fn: RollupFunction;
  readonly source: RollupSource;
  readonly value?: FormulaNode | undefined;
  readonly filter?: ConditionNode | undefined;
  readonly money?:
    | {
        readonly code: FormulaNode;
        readonly only?: string | undefined;
        /** The code of a sum over no rows (zero): `only`, or the field's default currency. */
        readonly fallback?: string | undefined;
        readonly part: 'amount' | 'code';
      }
    | undefined;
  /**
   * The parent's column that keeps this value (`stored-rollups.ts`), when the value depends on nothing but
   * the related rows' own columns; readers who see every related row read it instead of aggregating.
   */
  readonly stored?: string | undefined;
}

export interface CallNode {
  readonly kind: 'call';
  readonly type: ExpressionType;
  readonly op: Operation;
  readonly args: readonly FormulaNode[];
}

export type FormulaNode = LiteralNode | ColumnNode | PathNode | RollupNode | CallNode;

/** A field (of an object) a computed value reads: a reader must be allowed to read all of them. */
export interface FieldUse {
  readonly object: string;
  readonly field: string;
}

/** The nodes below `node` (itself included), depth first. */
export function* walk(node: FormulaNode): Generator<FormulaNode> {
  yield node;
  switch (node.kind) {
    case 'path':
      yield* walk(node.node);
      break;
    case 'rollup':
      if (node.value) yield* walk(node.value);
      if (node.money) yield* walk(node.money.code);
      break;
    case 'call':
      for (const arg of node.args) yield* walk(arg);
      break;
    case 'literal':
    case 'column':
      break;
  }
}
