/**
 * Condition trees evaluated in memory, where no database is involved (workflow conditions on a record
 * just written, permission checks on input), with exactly the semantics of the SQL `compileCondition`
 * writes (see `compare.ts` for how values compare).
 *
 * A record is a plain object keyed by field name:
 * - scalars as JavaScript values: numbers or numeric strings, dates as `YYYY-MM-DD`, date-times as `Date`
 *   or ISO strings (compared as instants, to the millisecond), uuids as strings, text arrays as string
 *   lists, money as `{ amount, currency }` (compared by the amount); a missing key reads as NULL;
 * - computed fields (formula, rollup) as the values the record service read for them;
 * - a to-one relation as the related record (an object with `id`) or just its id, or null; id
 *   comparisons accept both, nested conditions need the record;
 * - a to-many relation as the list of related records.
 *
 * Related records carrying a non-null value under the target's soft-delete column name (the system
 * field `deletedAt`, whose name and column agree) are skipped by nested conditions, as in SQL.
 */
import { compareValues, foldCase } from './compare';
import type { ComparisonNode, ConditionNode, RelationNode, Scalar } from './nodes';

export type EvaluationRecord = Readonly<Record<string, unknown>>;

/**
 * Whether `record` meets the condition.
 *
 * @example
 *   const node = parseCondition({ amount: { $gte: 1000 } }, deal, { syntax: 'mongo' });
 *   evaluateCondition(node, { amount: '1500.00' }) // true
 */
export function evaluateCondition(node: ConditionNode, record: EvaluationRecord): boolean {
  switch (node.kind) {
    case 'constant':
      return node.value;
    case 'and':
      return node.nodes.every((child) => evaluateCondition(child, record));
    case 'or':
      return node.nodes.some((child) => evaluateCondition(child, record));
    case 'not':
      return !evaluateCondition(node.node, record);
    case 'comparison':
      return evaluateComparison(node, record);
    case 'relation':
      return relatedRecords(node, record).some((related) => evaluateCondition(node.node, related));
  }
}

function isRecord(value: unknown): value is EvaluationRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value a comparison reads; NULL as `null`. A reference may hold the related record instead of its id. */
function readValue(node: ComparisonNode, record: EvaluationRecord): unknown {
  const value = Object.hasOwn(record, node.field.name) ? record[node.field.name] : undefined;
  if (value === undefined || value === null) return null;
  if (node.field.reference && isRecord(value)) return value.id ?? null;
  // Money (a currency field or a currency formula, as records carry it) compares by its amount, as in SQL.
  if (node.field.valueKind === 'number' && isRecord(value) && 'amount' in value) return value.amount ?? null;
  return value;
}

function evaluateComparison(node: ComparisonNode, record: EvaluationRecord): boolean {
  const value = readValue(node, record);
  const kind = node.field.valueKind;
  if (kind === 'textArray') return evaluateArrayComparison(node, value);
  // Undefined when the value is NULL or not of the field's kind: then it equals and orders with nothing.
  const compare = (to: Scalar) => (value === null ? undefined : compareValues(kind, value, to));
  const ordered = (to: Scalar, test: (order: number) => boolean) => {
    const order = compare(to);
    return order !== undefined && test(order);
  };
  switch (node.operator) {
    case 'isNull':
      return (value === null) === node.value;
    case 'eq':
      return compare(node.value as Scalar) === 0;
    case 'neq':
      return compare(node.value) !== 0;
    case 'in':
      return node.value.some((item) => compare(item) === 0);
    case 'nin':
      return !node.value.some((item) => compare(item) === 0);
    case 'gt':
      return ordered(node.value, (order) => order > 0);
    case 'gte':
      return ordered(node.value, (order) => order >= 0);
    case 'lt':
      return ordered(node.value, (order) => order < 0);
    case 'lte':
      return ordered(node.value, (order) => order <= 0);
    case 'contains':
      return typeof value === 'string' && foldCase(value).includes(foldCase(node.value));
    case 'startsWith':
      return typeof value === 'string' && foldCase(value).startsWith(foldCase(node.value));
  }
}

/** Multi-select semantics, as in `compile.ts`: an empty list is as empty as NULL. */
function evaluateArrayComparison(node: ComparisonNode, value: unknown): boolean {
  const list = Array.isArray(value) ? (value as unknown[]) : null;
  switch (node.operator) {
    case 'isNull':
      return (list === null || list.length === 0) === node.value;
    case 'contains':
      return list !== null && list.includes(node.value);
    case 'eq': {
      if (list === null || !Array.isArray(node.value)) return false;
      const wanted = new Set<unknown>(node.value);
      return list.every((item) => wanted.has(item)) && node.value.every((item) => list.includes(item));
    }
    default:
      return false;
  }
}

/** The live related records a nested condition looks at. */
function relatedRecords(node: RelationNode, record: EvaluationRecord): readonly EvaluationRecord[] {
  const value = Object.hasOwn(record, node.field) ? record[node.field] : undefined;
  // A missing relation is a caller's mistake, not "no related rows": guessing could grant a permission.
  if (value === undefined) {
    throw new Error(`evaluateCondition: the record has no "${node.field}"; load the related records first`);
  }
  if (typeof value === 'string') {
    throw new Error(`evaluateCondition: "${node.field}" holds an id; a nested condition needs the related record`);
  }
  const rows: unknown[] = value === null ? [] : Array.isArray(value) ? value : [value];
  const deleted = node.target.deletedColumn;
  return rows.filter(
    (row): row is EvaluationRecord =>
      isRecord(row) && !(deleted && row[deleted] !== null && row[deleted] !== undefined),
  );
}
