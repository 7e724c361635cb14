/**
 * The part of the one condition language (DESIGN.md decision 3, runtime/src/conditions/parse.ts) that a form
 * of clauses can show: a flat list of "field · operator · value" joined by all (`$and`) or any (`$or`).
 *
 * Terminology: a *clause* is one comparison of one field; a *clause list* is the clauses and how they are
 * joined. `readClauses` answers undefined for a condition a clause list cannot show (nested relation
 * conditions, `$not`, mixed joins…), so the builder can fall back to JSON instead of losing it;
 * `writeClauses(readClauses(c))` gives back a condition with the same meaning as `c`.
 */

/**
 * The operators of the condition language (runtime/src/conditions/operators.ts), by name: the studio labels
 * each one. Which ones a field takes the server says (`fieldTypes { operators }`).
 */
export type Operator = 'eq' | 'neq' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'startsWith' | 'isNull';

/** The operators each field of the object takes, by field name; fields not in it are not clause fields. */
export type FieldOperators = ReadonlyMap<string, readonly Operator[]>;

export interface Clause {
  readonly field: string;
  readonly operator: Operator;
  /** A scalar, a list for `in`/`nin` (or a `$user.…Ids` placeholder), true/false for `isNull`; undefined: not given yet. */
  readonly value: unknown;
}

export type Join = 'and' | 'or';

export interface ClauseList {
  readonly join: Join;
  readonly clauses: readonly Clause[];
}

export const EMPTY_CLAUSES: ClauseList = { join: 'and', clauses: [] };

/** `$user` values that stand for a list of ids, so they may be the whole operand of `$in`. */
export const USER_LIST_VALUES = ['$user.teamIds', '$user.subordinateIds'] as const;

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The operator a `$` key names, if the field takes it. */
function operatorOf(key: string, operators: readonly Operator[]): Operator | undefined {
  const name = key === '$ne' ? 'neq' : key.startsWith('$') ? key.slice(1) : undefined;
  return operators.find((operator) => operator === name);
}

/** One operand as a clause value, or undefined when a clause cannot show it. */
function readOperand(operator: Operator, operand: unknown): { value: unknown } | undefined {
  if (operator === 'isNull') return typeof operand === 'boolean' ? { value: operand } : undefined;
  if (operator === 'in' || operator === 'nin') {
    if (typeof operand === 'string' && (USER_LIST_VALUES as readonly string[]).includes(operand)) {
      return { value: [operand] };
    }
    return Array.isArray(operand) && operand.every(isScalar) ? { value: operand } : undefined;
  }
  // `$eq: [..]` on a multi-select means "has exactly these"; other arrays are not clause values.
  if (operator === 'eq' && Array.isArray(operand) && operand.every((v) => typeof v === 'string')) {
    return { value: operand };
  }
  return isScalar(operand) ? { value: operand } : undefined;
}

/** The clauses of one field's entry (`amount: { $gte: 1, $lt: 5 }` is two), or undefined. */
function readEntry(field: string, entry: unknown, operators: readonly Operator[]): Clause[] | undefined {
  if (entry === null) return operators.includes('isNull') ? [{ field, operator: 'isNull', value: true }] : undefined;
  if (!isPlainObject(entry)) {
    if (!operators.includes('eq')) return undefined;
    const operand = readOperand('eq', entry);
    return operand ? [{ field, operator: 'eq', ...operand }] : undefined;
  }
  const keys = Object.keys(entry);
  if (keys.length === 0) return undefined;
  const clauses: Clause[] = [];
  for (const key of keys) {
    const operator = operatorOf(key, operators);
    if (!operator) return undefined; // a nested condition on a related object, an operator the field does not take
    const operand = readOperand(operator, entry[key]);
    if (!operand) return undefined;
    clauses.push({ field, operator, ...operand });
  }
  return clauses;
}

/** The clauses of an object of field entries, all of which must hold. */
function readFields(condition: Json, fields: FieldOperators): Clause[] | undefined {
  const clauses: Clause[] = [];
  for (const [key, entry] of Object.entries(condition)) {
    if (entry === undefined) continue;
    const operators = key.startsWith('$') ? undefined : fields.get(key);
    if (!operators) return undefined;
    const read = readEntry(key, entry, operators);
    if (!read) return undefined;
    clauses.push(...read);
  }
  return clauses;
}

/**
 * A condition as a clause list; undefined when it has parts a clause list cannot show (among them an
 * operator the field does not take: the operator select could not show it).
 *
 * @example
 *   readClauses({ amount: { $gte: 1000 }, stage: 'won' }, new Map([['amount', ['gte', …]], ['stage', ['eq', …]]]))
 *   // { join: 'and', clauses: [{ field: 'amount', operator: 'gte', value: 1000 }, { field: 'stage', operator: 'eq', value: 'won' }] }
 */
export function readClauses(condition: unknown, fields: FieldOperators): ClauseList | undefined {
  if (condition === undefined || condition === null) return EMPTY_CLAUSES;
  if (!isPlainObject(condition)) return undefined;
  const keys = Object.keys(condition).filter((k) => condition[k] !== undefined);
  if (keys.length === 1 && (keys[0] === '$or' || keys[0] === '$and')) {
    const items = condition[keys[0]];
    if (!Array.isArray(items)) return undefined;
    const clauses: Clause[] = [];
    for (const item of items) {
      if (!isPlainObject(item)) return undefined;
      const read = readFields(item, fields);
      // Under `$or` each item must be one clause: `{ a: 1, b: 2 }` inside an "any" list would be an "all" group.
      if (!read || (keys[0] === '$or' && read.length !== 1)) return undefined;
      clauses.push(...read);
    }
    return { join: keys[0] === '$or' ? 'or' : 'and', clauses };
  }
  const clauses = readFields(condition, fields);
  return clauses ? { join: 'and', clauses } : undefined;
}

/** Whether the clause has everything it needs to be written. */
export function isComplete(clause: Clause): boolean {
  if (!clause.field) return false;
  if (clause.operator === 'in' || clause.operator === 'nin')
    return Array.isArray(clause.value) && clause.value.length > 0;
  return clause.value !== undefined && clause.value !== '';
}

function operand(clause: Clause): unknown {
  if (
    (clause.operator === 'in' || clause.operator === 'nin') &&
    Array.isArray(clause.value) &&
    clause.value.length === 1 &&
    (USER_LIST_VALUES as readonly unknown[]).includes(clause.value[0])
  ) {
    return clause.value[0]; // `{ owner: { $in: '$user.subordinateIds' } }`, as the runtime reads it
  }
  return clause.value;
}

/** One clause as a field entry: a bare value for `eq` (as people write it), `{ $op: value }` otherwise. */
function entryOf(clause: Clause): unknown {
  const value = operand(clause);
  // A bare list or null would mean something else (`$in` of a `$user` list, `$isNull`), so those keep `$eq`.
  if (clause.operator === 'eq' && value !== null && !Array.isArray(value)) return value;
  return { [`$${clause.operator}`]: value };
}

/**
 * A clause list as a condition (complete clauses only); undefined when there are none.
 *
 * @example
 *   writeClauses({ join: 'or', clauses: [{ field: 'stage', operator: 'eq', value: 'won' }, { field: 'amount', operator: 'gte', value: 5 }] })
 *   // { $or: [{ stage: 'won' }, { amount: { $gte: 5 } }] }
 */
export function writeClauses(list: ClauseList): Json | undefined {
  const clauses = list.clauses.filter(isComplete);
  if (clauses.length === 0) return undefined;
  const single = clauses.map((c) => ({ [c.field]: entryOf(c) }));
  if (list.join === 'or') return clauses.length === 1 ? single[0] : { $or: single };
  // "All": one object of fields, merging a field's operators — unless a field repeats an operator.
  const merged: Json = {};
  for (const clause of clauses) {
    const entry = entryOf(clause);
    const existing = merged[clause.field];
    if (existing === undefined) {
      merged[clause.field] = entry;
      continue;
    }
    const a: Json = isPlainObject(existing) ? existing : { $eq: existing };
    const b: Json = isPlainObject(entry) ? entry : { $eq: entry };
    if (Object.keys(b).some((k) => k in a)) return { $and: single };
    merged[clause.field] = { ...a, ...b };
  }
  return merged;
}
