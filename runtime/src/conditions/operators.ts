/**
 * The operators of the one condition language (DESIGN.md decision 3). Conditions are MongoDB-style
 * objects: `{ amount: { $gte: 1000 }, stage: { $in: ['won'] }, $or: [...] }`. The GraphQL filter inputs use
 * the same operators without the `$` (`{ amount: { gte: 1000 } }`) and are translated to this form.
 */
export const OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'startsWith',
  'isNull',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const LOGICAL = ['and', 'or', 'not'] as const;
export type Logical = (typeof LOGICAL)[number];

export function isOperator(name: string): name is Operator {
  return (OPERATORS as readonly string[]).includes(name);
}

/** Operator sets shared by field types. */
export const EQUALITY: readonly Operator[] = ['eq', 'neq', 'in', 'nin', 'isNull'];
export const ORDERED: readonly Operator[] = [...EQUALITY, 'gt', 'gte', 'lt', 'lte'];
export const TEXTUAL: readonly Operator[] = [...ORDERED, 'contains', 'startsWith'];
/** Arrays (multi-select): `contains` means "has this element"; `eq` means "has exactly these". */
export const ARRAY: readonly Operator[] = ['contains', 'eq', 'isNull'];
export const NULL_ONLY: readonly Operator[] = ['isNull'];
