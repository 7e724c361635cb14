/**
 * Condition objects → condition trees (DESIGN.md decision 3: one condition language). Two spellings of
 * the same language are read:
 *
 * - `mongo` (permissions, workflow conditions, views, the record service):
 *   `{ amount: { $gte: 1000 }, stage: 'won', $or: [...], $not: {...} }`; a bare value means `$eq` and
 *   `null` means `$isNull: true`. A to-one relation takes an id, `$`-operators on the id, or a nested
 *   condition on the related object; a to-many relation takes a nested condition ("some related row
 *   matches") or `$isNull` ("has no / some related rows").
 * - `api` (GraphQL and REST filter inputs, CONTRACT.md "Filters"): the same operators without `$`
 *   (`{ amount: { gte: 1000 }, and: [...] }`); a scalar field always takes an operator object and a
 *   relation always takes the related object's filter (`{ company: { id: { eq: "…" } } }`).
 *
 * Every problem is collected with its path (`filter.amount.$contains`) and all are thrown together as one
 * BAD_USER_INPUT error. Depth and size are limited, because conditions come from users and a condition
 * becomes nested SQL.
 */
import { badInput, type Problem } from '../errors';
import {
  and,
  comparison,
  not,
  or,
  relation,
  TRUE,
  type ComparisonNode,
  type ConditionNode,
  type FieldRef,
} from './nodes';
import { operatorsFor, readOperand } from './operands';
import { isOperator, type Operator } from './operators';
import type { ConditionTarget, RelationField, TargetField } from './target';

export interface ParseOptions {
  readonly syntax: 'mongo' | 'api';
  /** Where the condition sits in the input, for error paths; `filter` by default. */
  readonly path?: string;
}

/** Conditions nest at most this deep (each object, logical list item or relation is one level). */
export const MAX_DEPTH = 32;
/** A condition has at most this many parts (objects and comparisons). */
export const MAX_NODES = 1000;

/** Keys that would reach `Object.prototype` through a careless lookup; never field or operator names. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What a relation accepts besides a nested condition (mongo syntax): operators on the related id. */
const REFERENCE_OPERATORS: Readonly<Record<'one' | 'many', readonly Operator[]>> = {
  one: ['eq', 'neq', 'in', 'nin', 'isNull'],
  many: ['isNull'],
};

type Entries = [string, unknown][];

/**
 * Parses a condition object for `target`; throws a BAD_USER_INPUT StratumError listing every problem.
 *
 * @example
 *   parseCondition({ amount: { $gte: 1000 }, company: { name: 'Acme' } }, dealTarget, { syntax: 'mongo' })
 *   parseCondition({ amount: { gte: 1000 }, or: [{ won: { eq: true } }] }, dealTarget, { syntax: 'api' })
 */
export function parseCondition(condition: unknown, target: ConditionTarget, options: ParseOptions): ConditionNode {
  const parser = new ConditionParser(options.syntax);
  const node = parser.condition(condition, target, options.path ?? 'filter', 1);
  if (parser.problems.length > 0) throw badInput(parser.problems);
  return node;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A field of the target, checked to be one: a target backed by a plain object map would answer
 * `toString` or `valueOf` with a function from `Object.prototype`.
 */
function lookUp(target: ConditionTarget, name: string): TargetField | undefined {
  const field: unknown = target.field(name);
  if (typeof field !== 'object' || field === null) return undefined;
  const kind = (field as { kind?: unknown }).kind;
  return kind === 'scalar' || kind === 'relation' ? (field as TargetField) : undefined;
}

class ConditionParser {
  readonly problems: Problem[] = [];
  readonly #syntax: 'mongo' | 'api';
  #nodes = 0;

  constructor(syntax: 'mongo' | 'api') {
    this.#syntax = syntax;
  }

  /** A condition object: its entries are ANDed. */
  condition(value: unknown, target: ConditionTarget, path: string, depth: number): ConditionNode {
    if (depth > MAX_DEPTH) return this.#problem(path, `conditions may be nested at most ${MAX_DEPTH} levels deep`);
    const entries = this.#entries(value, path, 'a condition object');
    if (!entries || !this.#count(path)) return TRUE;
    const nodes: ConditionNode[] = [];
    for (const [key, item] of entries) {
      if (this.#tooLarge) break;
      const at = `${path}.${key}`;
      const logical = this.#logical(key);
      if (logical) nodes.push(this.#logicalNode(logical, item, target, at, depth));
      else if (this.#syntax === 'mongo' && key.startsWith('$')) {
        this.#problem(at, `unknown operator "${key}" (a condition takes $and, $or, $not and field names)`);
      } else {
        const field = lookUp(target, key);
        if (field) nodes.push(this.#field(field, item, target, at, depth));
        else this.#problem(at, `unknown field "${key}" on object "${target.object}"`);
      }
    }
    return and(nodes);
  }

  get #tooLarge(): boolean {
    return this.#nodes > MAX_NODES;
  }

  /** Counts one part; reports (once) and answers false when the condition has grown too large. */
  #count(path: string): boolean {
    this.#nodes += 1;
    if (this.#nodes === MAX_NODES + 1) this.#problem(path, `conditions may have at most ${MAX_NODES} parts`);
    return !this.#tooLarge;
  }

  #problem(path: string, message: string): ConditionNode {
    this.problems.push({ path, message });
    return TRUE;
  }

  /** The entries of a plain object, without undefined values; reports anything else. */
  #entries(value: unknown, path: string, what: string): Entries | undefined {
    if (!isPlainObject(value)) {
      this.#problem(path, `must be ${what}${Array.isArray(value) ? ', not a list' : ''}`);
      return undefined;
    }
    const entries: Entries = [];
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) this.#problem(`${path}.${key}`, `"${key}" is not allowed as a key`);
      else if (item !== undefined) entries.push([key, item]);
    }
    return entries;
  }

  #logical(key: string): 'and' | 'or' | 'not' | undefined {
    const name = this.#syntax === 'mongo' ? (key.startsWith('$') ? key.slice(1) : undefined) : key;
    return name === 'and' || name === 'or' || name === 'not' ? name : undefined;
  }

  /** The operator a key names (`$gte` / `gte`; mongo also accepts `$ne` for `$neq`). */
  #operator(key: string): Operator | undefined {
    if (this.#syntax === 'api') return isOperator(key) ? key : undefined;
    if (!key.startsWith('$')) return undefined;
    const name = key === '$ne' ? 'neq' : key.slice(1);
    return isOperator(name) ? name : undefined;
  }

  #logicalNode(
    logical: 'and' | 'or' | 'not',
    value: unknown,
    target: ConditionTarget,
    path: string,
    depth: number,
  ): ConditionNode {
    if (logical === 'not') return not(this.condition(value, target, path, depth + 1));
    if (!Array.isArray(value)) return this.#problem(path, 'must be a list of conditions');
    const nodes: ConditionNode[] = [];
    for (const [i, item] of value.entries()) {
      if (this.#tooLarge) break;
      nodes.push(this.condition(item, target, `${path}[${i}]`, depth + 1));
    }
    return logical === 'and' ? and(nodes) : or(nodes);
  }

  #field(field: TargetField, value: unknown, target: ConditionTarget, path: string, depth: number): ConditionNode {
    if (field.kind === 'relation') {
      if (this.#syntax === 'mongo') return this.#mongoRelation(field, value, target, path, depth);
      if (!isPlainObject(value)) return this.#problem(path, `must be a filter on "${field.target().object}"`);
      return relation(field, target, this.condition(value, field.target(), path, depth + 1));
    }
    const ref: FieldRef = {
      name: field.name,
      column: field.column,
      valueKind: field.valueKind,
      reference: false,
      ...(field.computed ? { computed: field.computed } : {}),
    };
    const allowed = operatorsFor(field.operators, field.valueKind);
    if (isPlainObject(value)) return this.#operators(ref, allowed, value, path);
    if (this.#syntax === 'api') return this.#problem(path, 'must be an operator object such as { eq: … }');
    // A bare value is `$eq` (and `null` is `$isNull: true`, which readOperand makes of `eq null`).
    return this.#operand(ref, allowed, 'eq', value, path) ?? TRUE;
  }

  /** `{ $gte: 1, $lt: 5 }`: every operator must hold. */
  #operators(ref: FieldRef, allowed: readonly Operator[], value: unknown, path: string): ConditionNode {
    const entries = this.#entries(value, path, 'an operator object');
    const nodes: ConditionNode[] = [];
    for (const [key, operand] of entries ?? []) {
      const operator = this.#operator(key);
      if (!operator) this.#problem(`${path}.${key}`, `unknown operator "${key}"`);
      else nodes.push(this.#operand(ref, allowed, operator, operand, `${path}.${key}`) ?? TRUE);
    }
    return and(nodes);
  }

  /** One operator's value as a comparison; undefined (with a problem reported) when anything is wrong. */
  #operand(
    ref: FieldRef,
    allowed: readonly Operator[],
    operator: Operator,
    value: unknown,
    path: string,
  ): ComparisonNode | undefined {
    if (!allowed.includes(operator)) {
      const spelled = this.#syntax === 'mongo' ? `$${operator}` : operator;
      this.#problem(path, `operator "${spelled}" is not allowed on field "${ref.name}"`);
      return undefined;
    }
    if (!this.#count(path)) return undefined;
    const read = readOperand(ref, operator, value);
    if (read.ok) return read.node;
    this.#problem(path + read.path, read.message);
    return undefined;
  }

  /**
   * Mongo spelling of a relation: an id or null (to-one), operators on the related id, and/or field
   * names and logical keys, which form a nested condition on the related object. All must hold.
   */
  #mongoRelation(
    field: RelationField,
    value: unknown,
    source: ConditionTarget,
    path: string,
    depth: number,
  ): ConditionNode {
    if (field.cardinality === 'one' && (value === null || typeof value === 'string')) {
      return this.#reference(field, source, 'eq', value, path);
    }
    const entries = this.#entries(
      value,
      path,
      field.cardinality === 'one' ? 'an id, null or a condition' : 'a condition',
    );
    if (!entries) return TRUE;
    const nodes: ConditionNode[] = [];
    const nested: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let hasNested = false;
    for (const [key, item] of entries) {
      if (!key.startsWith('$') || this.#logical(key)) {
        nested[key] = item;
        hasNested = true;
        continue;
      }
      const operator = this.#operator(key);
      if (!operator) this.#problem(`${path}.${key}`, `unknown operator "${key}"`);
      else if (!REFERENCE_OPERATORS[field.cardinality].includes(operator)) {
        this.#problem(`${path}.${key}`, `operator "${key}" is not allowed on relation "${field.name}"`);
      } else nodes.push(this.#reference(field, source, operator, item, `${path}.${key}`));
    }
    // `{}` alone means "has a live related row", like a nested condition that is always true.
    if (hasNested || nodes.length === 0) {
      nodes.push(relation(field, source, this.condition(nested, field.target(), path, depth + 1)));
    }
    return and(nodes);
  }

  /**
   * An operator on the related id. A foreign key is compared in place (index-friendly, and it is what
   * the record stores); other joins have no column here, so the comparison becomes a relation test.
   */
  #reference(
    field: RelationField,
    source: ConditionTarget,
    operator: Operator,
    value: unknown,
    path: string,
  ): ConditionNode {
    const operators = REFERENCE_OPERATORS[field.cardinality];
    if (field.join.kind === 'foreignKey') {
      const ref: FieldRef = { name: field.name, column: field.join.column, valueKind: 'uuid', reference: true };
      return this.#operand(ref, operators, operator, value, path) ?? TRUE;
    }
    const target = field.target();
    const id: FieldRef = { name: 'id', column: target.idColumn, valueKind: 'uuid', reference: false };
    const node = this.#operand(id, operators, operator, value, path);
    if (!node) return TRUE;
    const some = (condition: ConditionNode) => relation(field, source, condition);
    if (node.operator === 'isNull') return node.value ? not(some(TRUE)) : some(TRUE);
    if (node.operator === 'neq') return not(some(comparison(id, 'eq', node.value)));
    if (node.operator === 'nin') return not(some(comparison(id, 'in', node.value)));
    return some(node); // eq, in: the only other reference operators
  }
}
