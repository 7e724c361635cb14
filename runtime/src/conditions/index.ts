/**
 * The one condition language (DESIGN.md decision 3): condition objects are parsed once into frozen
 * trees, which compile to parameterised SQL or evaluate in memory with the same meaning.
 *
 * @example
 *   const node = parseCondition({ amount: { $gte: 1000 } }, dealTarget, { syntax: 'mongo' });
 *   const where = compileCondition(node, 't0'); // "t0"."amount" >= $1::bigint
 *   evaluateCondition(node, { amount: 1200 }); // true
 */
export { parseCondition, MAX_DEPTH, MAX_NODES, type ParseOptions } from './parse';
export { compileCondition } from './compile';
export { evaluateCondition, type EvaluationRecord } from './evaluate';
export { restrictCondition, restrictComputed } from './restrict';
export { operatorsFor } from './operands';
export {
  and,
  comparison,
  FALSE,
  not,
  or,
  relation,
  TRUE,
  type AndNode,
  type ComparisonNode,
  type ConditionNode,
  type ConstantNode,
  type FieldRef,
  type NotNode,
  type OperandTypes,
  type OrNode,
  type RelatedTable,
  type RelationNode,
  type Scalar,
} from './nodes';
export type {
  ComputedColumn,
  ConditionTarget,
  RelationField,
  RelationJoin,
  RowRestriction,
  ScalarField,
  TargetField,
  ValueKind,
} from './target';
export {
  ARRAY,
  EQUALITY,
  isOperator,
  LOGICAL,
  NULL_ONLY,
  OPERATORS,
  ORDERED,
  TEXTUAL,
  type Logical,
  type Operator,
} from './operators';
