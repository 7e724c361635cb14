import type { Operator } from './condition-clauses';

/** The condition operators of each field type, by type name, as the server's `fieldTypes` query lists them. */
export type OperatorsByType = ReadonlyMap<string, readonly Operator[]>;

/**
 * The table of the server's field types (core and plugins). The studio does not restate the runtime's lists:
 * the server says what its condition parser allows.
 */
export function operatorsByType(types: readonly { name: string; operators: readonly string[] }[]): OperatorsByType {
  // The server's operator names are the condition language's, which `Operator` spells.
  return new Map(types.map((t) => [t.name, t.operators as readonly Operator[]]));
}

/**
 * The operators offered for a field of this type. The system `id` field has no registry type: it compares by
 * id, as a to-one relation does (runtime/src/conditions/parse.ts). A type the server does not list takes none.
 */
export function operatorsForType(table: OperatorsByType, type: string): readonly Operator[] {
  return table.get(type === 'id' ? 'relation' : type) ?? [];
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
