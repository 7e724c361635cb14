/**
 * The condition tree: what `parseCondition` makes of a condition object, and what `compileCondition` turns
 * into SQL and `evaluateCondition` runs in memory. Nodes are frozen plain data and carry everything both
 * need (columns, value kinds, joins, target tables), so neither resolves a name again.
 *
 * Terminology: a *comparison* tests one column against a value; a *relation* node holds a condition on the
 * related object and means "some live related row matches" (for a to-one relation: "the related row
 * exists, is not deleted and matches"); *constants* are the always-true and always-false conditions.
 *
 * Logic is two-valued: a comparison on a NULL column is simply false (except `neq`, `nin` and `isNull`,
 * which say what they do with NULL), and `not` flips true and false, never "unknown".
 */
import type { Operator } from './operators';
import type { ComputedColumn, ConditionTarget, RelationField, RelationJoin, ValueKind } from './target';

/** A condition's value after validation: datetimes are normalised ISO strings, uuids lower case. */
export type Scalar = string | number | boolean;

/** The column a comparison reads, and how to read it from a record in memory. */
export interface FieldRef {
  /** The key of the value in an in-memory record (the field name). */
  readonly name: string;
  readonly column: string;
  readonly valueKind: ValueKind;
  /**
   * True when a to-one relation is compared by the related id (`{ company: '…id…' }`): the column is the
   * foreign key, and a record may hold either the id or the related record (whose `id` is used).
   */
  readonly reference: boolean;
  /** For computed fields (formula, rollup): the SQL expression that stands for `column`. */
  readonly computed?: ComputedColumn | undefined;
}

/** The value each operator takes. `eq` on a text array takes a list (set equality). */
export interface OperandTypes {
  readonly eq: Scalar | readonly string[];
  readonly neq: Scalar;
  readonly in: readonly Scalar[];
  readonly nin: readonly Scalar[];
  readonly gt: Scalar;
  readonly gte: Scalar;
  readonly lt: Scalar;
  readonly lte: Scalar;
  readonly contains: string;
  readonly startsWith: string;
  readonly isNull: boolean;
}

interface ComparisonOf<O extends Operator> {
  readonly kind: 'comparison';
  readonly field: FieldRef;
  readonly operator: O;
  readonly value: OperandTypes[O];
}

/** One member per operator, so a `switch (node.operator)` narrows `value`. */
export type ComparisonNode = { [O in Operator]: ComparisonOf<O> }[Operator];

/** The related table, copied out of the (lazy, possibly cyclic) target so the node stays plain data. */
export interface RelatedTable {
  readonly object: string;
  readonly schema: string;
  readonly table: string;
  readonly idColumn: string;
  readonly deletedColumn?: string | undefined;
}

export interface RelationNode {
  readonly kind: 'relation';
  /** The relation's field name: the key of the related record(s) in an in-memory record. */
  readonly field: string;
  readonly cardinality: 'one' | 'many';
  readonly join: RelationJoin;
  /** The id column of the table the relation starts from (inverse and junction joins compare with it). */
  readonly sourceIdColumn: string;
  readonly target: RelatedTable;
  /** The condition some live related row must meet. */
  readonly node: ConditionNode;
}

export interface AndNode {
  readonly kind: 'and';
  readonly nodes: readonly ConditionNode[];
}

export interface OrNode {
  readonly kind: 'or';
  readonly nodes: readonly ConditionNode[];
}

export interface NotNode {
  readonly kind: 'not';
  readonly node: ConditionNode;
}

export interface ConstantNode {
  readonly kind: 'constant';
  readonly value: boolean;
}

export type ConditionNode = ComparisonNode | RelationNode | AndNode | OrNode | NotNode | ConstantNode;

export const TRUE: ConstantNode = Object.freeze({ kind: 'constant', value: true });
export const FALSE: ConstantNode = Object.freeze({ kind: 'constant', value: false });

export function comparison<O extends Operator>(field: FieldRef, operator: O, value: OperandTypes[O]): ComparisonNode {
  const frozenValue = Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value;
  return Object.freeze({
    kind: 'comparison',
    field: Object.freeze({ ...field }),
    operator,
    value: frozenValue,
  }) as ComparisonNode;
}

/** Conjunction; drops `TRUE`, short-circuits on `FALSE`, flattens nested `and`s and unwraps a single node. */
export function and(nodes: readonly ConditionNode[]): ConditionNode {
  return junction('and', nodes, TRUE, FALSE);
}

/** Disjunction; drops `FALSE`, short-circuits on `TRUE`, flattens nested `or`s and unwraps a single node. */
export function or(nodes: readonly ConditionNode[]): ConditionNode {
  return junction('or', nodes, FALSE, TRUE);
}

function junction(
  kind: 'and' | 'or',
  nodes: readonly ConditionNode[],
  identity: ConstantNode,
  absorbing: ConstantNode,
): ConditionNode {
  const kept: ConditionNode[] = [];
  for (const node of nodes) {
    if (node === absorbing || (node.kind === 'constant' && node.value === absorbing.value)) return absorbing;
    if (node.kind === 'constant') continue;
    if (node.kind === kind) kept.push(...node.nodes);
    else kept.push(node);
  }
  if (kept.length === 0) return identity;
  if (kept.length === 1) return kept[0] as ConditionNode;
  return Object.freeze({ kind, nodes: Object.freeze(kept) });
}

/** Negation; in two-valued logic `not(not(x))` is `x`, so double negations cancel. */
export function not(node: ConditionNode): ConditionNode {
  if (node.kind === 'constant') return node.value ? FALSE : TRUE;
  if (node.kind === 'not') return node.node;
  return Object.freeze({ kind: 'not', node });
}

/** "Some live row of `field`'s target matches `node`", starting from a row of `source`. */
export function relation(field: RelationField, source: ConditionTarget, node: ConditionNode): RelationNode {
  const target = field.target();
  return Object.freeze({
    kind: 'relation',
    field: field.name,
    cardinality: field.cardinality,
    join: Object.freeze({ ...field.join }),
    sourceIdColumn: source.idColumn,
    target: Object.freeze({
      object: target.object,
      schema: target.schema,
      table: target.table,
      idColumn: target.idColumn,
      deletedColumn: target.deletedColumn,
    }),
    node,
  });
}
