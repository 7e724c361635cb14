import type { Operator } from './condition-clauses';

/**
 * The operators each Stratum field type accepts, as the runtime's field types declare them
 * (runtime/src/fields/*-types.ts, runtime/src/conditions/operators.ts). The GraphQL API does not list them,
 * so the studio restates them here.
 */
const EQUALITY: readonly Operator[] = ['eq', 'neq', 'in', 'nin', 'isNull'];
const ORDERED: readonly Operator[] = [...EQUALITY, 'gt', 'gte', 'lt', 'lte'];
const TEXTUAL: readonly Operator[] = [...ORDERED, 'contains', 'startsWith'];
const ARRAY: readonly Operator[] = ['contains', 'eq', 'isNull'];
const NULL_ONLY: readonly Operator[] = ['isNull'];

const BY_TYPE: Readonly<Record<string, readonly Operator[]>> = {
  text: TEXTUAL,
  longText: TEXTUAL,
  richText: TEXTUAL,
  email: TEXTUAL,
  phone: TEXTUAL,
  url: TEXTUAL,
  number: ORDERED,
  currency: ORDERED,
  percent: ORDERED,
  rating: ORDERED,
  autonumber: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  select: EQUALITY,
  multiSelect: ARRAY,
  boolean: ['eq', 'neq', 'isNull'],
  // A to-one relation compares the related id (the reference operators of conditions/parse.ts).
  relation: EQUALITY,
  id: EQUALITY,
  formula: NULL_ONLY,
  rollup: NULL_ONLY,
  address: NULL_ONLY,
  json: NULL_ONLY,
};

/** The operators offered for a field of this type; unknown (plugin) types get equality. */
export function operatorsForType(type: string): readonly Operator[] {
  return BY_TYPE[type] ?? EQUALITY;
}

/** How a clause's value is edited, by field type and operator. */
export type ValueEditor = 'none' | 'text' | 'number' | 'boolean' | 'option' | 'options' | 'list' | 'date';

const NUMERIC = new Set(['number', 'currency', 'percent', 'rating', 'autonumber']);

export function valueEditor(type: string, operator: Operator): ValueEditor {
  if (operator === 'isNull') return 'none';
  const many = operator === 'in' || operator === 'nin';
  if (type === 'select') return many ? 'options' : 'option';
  if (type === 'multiSelect') return operator === 'eq' ? 'options' : 'option';
  if (type === 'boolean') return 'boolean';
  if (many) return 'list';
  if (NUMERIC.has(type)) return 'number';
  if (type === 'date') return 'date';
  return 'text';
}

/** Whether list items of this type are numbers (a `$in` over a number field). */
export const isNumericType = (type: string): boolean => NUMERIC.has(type);
