/**
 * Syntax tree (jsep) → typed formula tree, against the model: every identifier must be a field (or a
 * many-to-one path to one), every operator and function must get the types it takes. The first problem
 * ends the check with a FormulaError naming the token and its position (`unknown field "amout" at
 * position 0 (did you mean "amount"?)`).
 */
import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind, relationSettings } from '../fields/relation-type';
import { META_SCHEMA } from '../metadata/bootstrap';
import { findField, findObject, USER_OBJECT, type FieldDef, type Model, type ObjectDef } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import type { FieldUse, FormulaNode, Hop, PathNode, ValueType } from './expression';
import { asText, conditional, FUNCTIONS } from './functions';
import { FormulaError, type ParsedExpression, type SyntaxNode } from './parse-expression';
import { applied, call, concat, describeType, expect, literal, suggest, typed, unify, type Typed } from './typing';
import type jsep from 'jsep';

/** Many-to-one relations a formula may follow in a row (`company.owner.name` follows two). */
export const MAX_HOPS = 3;

/** The analysis of another computed field, as a formula that reads it needs it. */
export interface ComputedRef {
  readonly type: ValueType | 'currency';
  readonly value: FormulaNode;
  readonly code?: FormulaNode | undefined;
  readonly reads: readonly FieldUse[];
  readonly hops: number;
  readonly hasRollup: boolean;
}

/** How the checker reaches other computed fields: their analysis, or why it cannot be used. */
export interface ComputedResolver {
  computed(
    object: ObjectDef,
    field: FieldDef,
  ): ComputedRef | { readonly error: string; readonly cycle?: readonly string[] | undefined };
}

interface Scope {
  /** The object whose row the expression reads here; null for a user (owner, createdBy). */
  readonly object: ObjectDef | null;
  /** Many-to-one hops taken to reach it. */
  readonly hops: number;
}

const USER_FIELDS: Readonly<Record<string, { column: string; uuid?: boolean }>> = {
  id: { column: 'id', uuid: true },
  email: { column: 'email' },
  name: { column: 'name' },
};

const KIND_TYPES: Readonly<Record<string, ValueType>> = {
  number: 'number',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
};

// A lone surrogate cannot be encoded as UTF-8 (the driver would send another string).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks one expression of `object`. After `check`, `reads` holds every field it reads (for the rule
 * that a reader must be allowed to read them all), `hops` the longest many-to-one path it follows.
 */
export class ExpressionChecker {
  readonly #model: Model;
  readonly #types: FieldTypeRegistry;
  readonly #resolver: ComputedResolver;
  readonly #parsed: ParsedExpression;
  readonly #reads = new Map<string, FieldUse>();
  #hops = 0;
  #hasRollup = false;

  constructor(model: Model, types: FieldTypeRegistry, resolver: ComputedResolver, parsed: ParsedExpression) {
    this.#model = model;
    this.#types = types;
    this.#resolver = resolver;
    this.#parsed = parsed;
  }

  get reads(): readonly FieldUse[] {
    return [...this.#reads.values()];
  }

  get hops(): number {
    return this.#hops;
  }

  get hasRollup(): boolean {
    return this.#hasRollup;
  }

  check(object: ObjectDef): Typed {
    return this.#expression(this.#parsed.root, { object, hops: 0 });
  }

  #at(node: SyntaxNode): number {
    return this.#parsed.position(node);
  }

  #read(object: string, field: string, more: readonly FieldUse[] = []): void {
    for (const use of [{ object, field }, ...more]) this.#reads.set(`${use.object}.${use.field}`, use);
  }

  #expression(node: SyntaxNode, scope: Scope): Typed {
    const at = this.#at(node);
    switch (node.type) {
      case 'Literal':
        return this.#literal(node as jsep.Literal, at);
      case 'Identifier':
      case 'MemberExpression':
        return this.#reference(this.#chain(node), scope);
      case 'CallExpression':
        return this.#call(node as jsep.CallExpression, scope, at);
      case 'UnaryExpression':
        return this.#unary(node as jsep.UnaryExpression, scope, at);
      case 'BinaryExpression':
        return this.#binary(node as jsep.BinaryExpression, scope, at);
      case 'ConditionalExpression': {
        const c = node as jsep.ConditionalExpression;
        const parts = [c.test, c.consequent, c.alternate].map((part) => this.#expression(part, scope));
        return conditional(parts, at, 'a ? b : c');
      }
      case 'Compound': {
        const body = (node as jsep.Compound).body;
        if (body.length === 0) throw new FormulaError('the expression is empty', at);
        throw new FormulaError('unexpected second expression (a formula is one expression)', at);
      }
      default:
        throw new FormulaError(`${describeSyntax(node.type)} are not supported`, at);
    }
  }

  #literal(node: jsep.Literal, at: number): Typed {
    const value = node.value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new FormulaError(`the number ${node.raw} is too large`, at);
      return typed(literal('number', value), 'number', at, []);
    }
    if (typeof value === 'string') {
      if (value.includes('\u0000') || LONE_SURROGATE.test(value))
        throw new FormulaError('the text must be valid Unicode without NUL characters', at);
      return typed(literal('text', value), 'text', at, []);
    }
    if (typeof value === 'boolean') return typed(literal('boolean', value), 'boolean', at, []);
    if (value === null) return typed(literal('null', null), 'null', at, []);
    throw new FormulaError(`unsupported literal ${node.raw}`, at);
  }

  /** `company.owner.name` → the identifiers company, owner, name (only plain dotted names are allowed). */
  #chain(node: SyntaxNode): jsep.Identifier[] {
    if (node.type === 'Identifier') return [node as jsep.Identifier];
    const member = node as jsep.MemberExpression;
    if (member.computed)
      throw new FormulaError('brackets are not supported; name fields with dots', this.#at(member.property));
    if (member.optional)
      throw new FormulaError(
        '"?." is not supported; a missing related record reads as empty',
        this.#at(member.property),
      );
    if (member.object.type !== 'Identifier' && member.object.type !== 'MemberExpression')
      throw new FormulaError('only fields have fields (write company.name)', this.#at(member.property));
    if (member.property.type !== 'Identifier')
      throw new FormulaError('expected a field name after "."', this.#at(member.property));
    return [...this.#chain(member.object), member.property as jsep.Identifier];
  }

  /** A field, or a path of many-to-one relations ending in one, read on the scope's row. */
  #reference(chain: readonly jsep.Identifier[], scope: Scope): Typed {
    const [first, ...rest] = chain as [jsep.Identifier, ...jsep.Identifier[]];
    const at = this.#at(first);
    const name = first.name;
    if (scope.object === null) return this.#userField(first, rest);
    const object = scope.object;
    if (name === 'owner' || name === 'createdBy') return this.#hop(first, rest, scope, userHop(name), null);
    const system = SYSTEM_FIELDS.find((f) => f.name === name && f.type !== 'relation');
    if (system) {
      this.#noMembers(first, rest);
      if (name === 'id') return typed(column('text', 'id', true), 'text', at, []);
      return typed(column('datetime', system.columns[0]!), 'datetime', at, []);
    }
    const field = findField(object, name);
    if (!field) {
      const known = [...SYSTEM_FIELDS.map((f) => f.name), ...object.fields.map((f) => f.name)];
      const guess = suggest(name, known);
      throw new FormulaError(
        `unknown field "${name}" on ${object.name}`,
        at,
        guess ? `did you mean "${guess}"?` : undefined,
      );
    }
    this.#read(object.name, field.name);
    if (field.type === 'relation') {
      const settings = relationSettings(field);
      if (relationKind(field) !== 'manyToOne')
        throw new FormulaError(`"${name}" is a to-many relation; count or sum it with a rollup field`, at);
      if (settings.target === USER_OBJECT) return this.#hop(first, rest, scope, userHop(field.columns[0]!), null);
      const target = findObject(this.#model, settings.target)!;
      const hop: Hop = {
        object: target.name,
        schema: this.#model.schema,
        table: target.table,
        foreignKey: field.columns[0]!,
        deletedColumn: 'deletedAt',
      };
      return this.#hop(first, rest, scope, hop, target);
    }
    if (rest.length && field.type === 'select' && rest.length === 1 && rest[0]!.name === 'probability') {
      const pipeline = this.#model.pipelines.find((p) => p.object === object.name && p.field === field.name);
      if (pipeline) {
        const pairs = pipeline.stages.flatMap((s) => [literal('text', s.name), literal('number', s.probability)]);
        return typed(call('lookup', 'number', [column('text', field.columns[0]!), ...pairs]), 'number', at, []);
      }
    }
    this.#noMembers(first, rest);
    const type = this.#types.get(field.type);
    if (type.computed) return this.#computed(object, field, scope, at);
    if (field.type === 'currency')
      return {
        node: column('number', field.columns[0]!),
        type: 'number',
        position: at,
        codes: [column('text', field.columns[1]!)],
      };
    const valueType = type.valueKind ? KIND_TYPES[type.valueKind] : undefined;
    if (!valueType || !field.columns[0])
      throw new FormulaError(`"${name}" is a ${field.type} field; formulas cannot read ${field.type} fields`, at);
    return typed(column(valueType, field.columns[0]), valueType, at, []);
  }

  #noMembers(first: jsep.Identifier, rest: readonly jsep.Identifier[]): void {
    if (rest.length)
      throw new FormulaError(
        `"${first.name}" is not a relation, so it has no field "${rest[0]!.name}"`,
        this.#at(rest[0]!),
      );
  }

  /** Follows a many-to-one hop and reads the rest of the chain on the related row. */
  #hop(
    first: jsep.Identifier,
    rest: readonly jsep.Identifier[],
    scope: Scope,
    hop: Hop,
    target: ObjectDef | null,
  ): Typed {
    const at = this.#at(first);
    if (rest.length === 0) {
      const example = target ? (target.titleField ?? target.fields[0]?.name ?? 'id') : 'name';
      throw new FormulaError(
        `"${first.name}" is a relation; name one of its fields, e.g. ${first.name}.${example}`,
        at,
      );
    }
    const hops = scope.hops + 1;
    if (hops > MAX_HOPS) throw new FormulaError(`a formula may follow at most ${MAX_HOPS} relations in a row`, at);
    this.#hops = Math.max(this.#hops, hops);
    const inner = this.#reference(rest, { object: target, hops });
    return { ...inner, position: at, node: path(hop, inner.node), codes: inner.codes.map((code) => path(hop, code)) };
  }

  #userField(first: jsep.Identifier, rest: readonly jsep.Identifier[]): Typed {
    const field = USER_FIELDS[first.name];
    if (!field) {
      const guess = suggest(first.name, Object.keys(USER_FIELDS));
      throw new FormulaError(
        `unknown field "${first.name}" on user (users have id, email and name)`,
        this.#at(first),
        guess ? `did you mean "${guess}"?` : undefined,
      );
    }
    this.#noMembers(first, rest);
    return typed(column('text', field.column, field.uuid), 'text', this.#at(first), []);
  }

  /** Another formula or rollup: its tree is used in place (inlined), with the fields it reads. */
  #computed(object: ObjectDef, field: FieldDef, scope: Scope, at: number): Typed {
    const ref = this.#resolver.computed(object, field);
    if ('error' in ref) throw new FormulaError(ref.error, at, undefined, ref.cycle);
    if (scope.hops + ref.hops > MAX_HOPS)
      throw new FormulaError(
        `"${field.name}" follows ${ref.hops} relations itself; with this path that is more than ${MAX_HOPS}`,
        at,
      );
    this.#hops = Math.max(this.#hops, scope.hops + ref.hops);
    this.#hasRollup ||= ref.hasRollup;
    this.#read(object.name, field.name, ref.reads);
    if (ref.type === 'currency')
      return { node: ref.value, type: 'number', position: at, codes: ref.code ? [ref.code] : [] };
    return typed(ref.value, ref.type, at, []);
  }

  #call(node: jsep.CallExpression, scope: Scope, at: number): Typed {
    if (node.callee.type !== 'Identifier')
      throw new FormulaError('only functions such as ROUND(x, 2) can be called', at);
    const name = (node.callee as jsep.Identifier).name;
    const spec = FUNCTIONS[name.toUpperCase()];
    if (!spec) {
      const guess = suggest(name, Object.keys(FUNCTIONS));
      throw new FormulaError(`unknown function "${name}"`, at, guess ? `did you mean ${guess}?` : undefined);
    }
    const count = node.arguments.length;
    if (node.arguments.some((arg) => !arg)) throw new FormulaError(`an argument of ${spec.signature} is missing`, at);
    if (count < spec.min || count > spec.max) {
      const wanted =
        spec.min === spec.max ? `${spec.min}` : spec.max >= 100 ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
      throw new FormulaError(
        `${spec.signature} takes ${wanted} argument${wanted === '1' ? '' : 's'}, not ${count}`,
        at,
      );
    }
    const args = node.arguments.map((arg) => this.#expression(arg, scope));
    return spec.check(args, at);
  }

  #unary(node: jsep.UnaryExpression, scope: Scope, at: number): Typed {
    const argument = this.#expression(node.argument, scope);
    switch (node.operator) {
      case '-': {
        const n = expect(argument, ['number'], 'the operand of "-"');
        return { ...n, position: at, node: call('negate', 'number', [n.node]), type: 'number' };
      }
      case '+':
        return { ...expect(argument, ['number'], 'the operand of "+"'), position: at };
      case '!': {
        const b = expect(argument, ['boolean'], 'the operand of "!"');
        return typed(call('not', 'boolean', [b.node]), 'boolean', at, []);
      }
      default:
        throw new FormulaError(`operator "${node.operator}" is not supported`, at);
    }
  }

  #binary(node: jsep.BinaryExpression, scope: Scope, at: number): Typed {
    const op = node.operator;
    if (op === '===' || op === '!==')
      throw new FormulaError(`operator "${op}" is not supported`, at, `use ${op.slice(0, 2)}`);
    const left = this.#expression(node.left, scope);
    const right = this.#expression(node.right, scope);
    const numbers = (name: 'add' | 'subtract' | 'multiply' | 'divide' | 'modulo') => {
      const l = expect(left, ['number'], `the left side of "${op}"`);
      const r = expect(right, ['number'], `the right side of "${op}"`);
      return typed(call(name, 'number', [l.node, r.node]), 'number', at, [l, r]);
    };
    const temporal = (t: Typed) => t.type === 'date' || t.type === 'datetime';
    const numeric = (t: Typed) => t.type === 'number' || t.type === 'null';
    switch (op) {
      case '+': {
        if (left.type === 'text' || right.type === 'text') {
          const parts = [left, right].map((p) =>
            asText(expect(p, ['number', 'text', 'boolean', 'date', 'datetime'], 'a side of "+"')),
          );
          return concat(parts, at);
        }
        if (temporal(left) && numeric(right)) return this.#shiftDays('addDays', left, right, at);
        if (numeric(left) && temporal(right)) return this.#shiftDays('addDays', right, left, at);
        if (temporal(left) || temporal(right))
          throw new FormulaError(
            `operator "+" cannot add ${describeType(left.type)} and ${describeType(right.type)}`,
            at,
          );
        return numbers('add');
      }
      case '-': {
        if (temporal(left) && numeric(right)) return this.#shiftDays('subtractDays', left, right, at);
        if (temporal(left) || temporal(right)) {
          const { values } = unify([left, right], 'both sides of "-"');
          const [l, r] = values.map((v) => expect(v, ['date', 'datetime'], 'a side of "-"')) as [Typed, Typed];
          // date - date: the days from the right one to the left one.
          return typed(call('daysBetween', 'number', [r.node, l.node]), 'number', at, []);
        }
        return numbers('subtract');
      }
      case '*':
        return numbers('multiply');
      case '/':
        return numbers('divide');
      case '%':
        return numbers('modulo');
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const { type, values } = unify([left, right], `both sides of "${op}"`);
        if (type === 'boolean' && op !== '==' && op !== '!=')
          throw new FormulaError(`operator "${op}" cannot order true/false values`, at);
        const name = ({ '==': 'eq', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' } as const)[op];
        return applied(name, 'boolean', values, at, []);
      }
      case '&&':
      case '||': {
        const l = expect(left, ['boolean'], `the left side of "${op}"`);
        const r = expect(right, ['boolean'], `the right side of "${op}"`);
        return typed(call(op === '&&' ? 'and' : 'or', 'boolean', [l.node, r.node]), 'boolean', at, []);
      }
      default:
        throw new FormulaError(`operator "${op}" is not supported`, at);
    }
  }

  #shiftDays(op: 'addDays' | 'subtractDays', date: Typed, days: Typed, at: number): Typed {
    const count = expect(days, ['number'], 'the number of days');
    return typed(call(op, date.type, [date.node, count.node]), date.type, at, [date]);
  }
}

function column(type: ValueType, name: string, uuid?: boolean): FormulaNode {
  return Object.freeze({ kind: 'column', type, column: name, ...(uuid ? { uuid } : {}) });
}

/** `node` read through `hop`; consecutive hops become one path (one subquery with joins). */
function path(hop: Hop, node: FormulaNode): PathNode {
  if (node.kind === 'path') return Object.freeze({ ...node, hops: Object.freeze([Object.freeze(hop), ...node.hops]) });
  return Object.freeze({ kind: 'path', type: node.type, hops: Object.freeze([Object.freeze(hop)]), node });
}

function userHop(foreignKey: string): Hop {
  return { object: USER_OBJECT, schema: META_SCHEMA, table: 'users', foreignKey };
}

function describeSyntax(type: string): string {
  switch (type) {
    case 'ArrayExpression':
      return 'lists';
    case 'ThisExpression':
      return '"this" and objects';
    case 'SequenceExpression':
      return 'sequences';
    default:
      return `${type} expressions`;
  }
}
