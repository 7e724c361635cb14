/**
 * The computed fields of a model, analysed once per model revision: each formula and rollup becomes a
 * typed tree (`expression.ts`) with its result type, the fields it reads and how deep it reaches, or the
 * problems that keep it from being computed (at paths relative to the field: `expression`, `filter.stage`).
 *
 * Formulas may use other formulas and rollups (their trees are inlined); a chain that comes back to where
 * it started is a cycle and refused. Rollups aggregate a field of the related object, which may be a
 * formula but not a rollup nor a formula that uses one (one level of aggregation per value).
 */
import { parseCondition, type ConditionNode, type ConditionTarget } from '../conditions';
import { isStratumError, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind, relationSettings } from '../fields/relation-type';
import { findField, findObject, USER_OBJECT, type FieldDef, type Model, type ObjectDef } from '../model/model';
import { ExpressionChecker, type ComputedRef, type ComputedResolver } from './check-expression';
import {
  walk,
  type FieldUse,
  type FormulaNode,
  type ResultType,
  type RollupFunction,
  type RollupNode,
  type RollupSource,
  type ValueType,
} from './expression';
import { FormulaError, parseExpression } from './parse-expression';
import { isStorable, storedRollupColumn, withStoredPaths } from './storable';
import { literal } from './typing';

/** A formula may grow to at most this many parts once the formulas it uses are inlined. */
export const MAX_FORMULA_PARTS = 1000;

export interface ComputedAnalysis extends ComputedRef {
  readonly object: string;
  readonly field: string;
  readonly kind: 'formula' | 'rollup';
  readonly type: ResultType;
}

export type AnalysisOutcome =
  | { readonly ok: true; readonly analysis: ComputedAnalysis }
  | {
      readonly ok: false;
      /** Problems at paths relative to the field (`expression`, `filter.stage.$in`). */
      readonly problems: readonly Problem[];
      /** The fields of a cycle this field is part of (`deal.a`, `deal.b`, `deal.a`). */
      readonly cycle?: readonly string[] | undefined;
    };

type Settings = Readonly<Record<string, unknown>>;

/** The computed fields of one model; `targets` gives condition targets (for rollup filters). */
export class ComputedFields {
  readonly #model: Model;
  readonly #types: FieldTypeRegistry;
  readonly #targets: (object: string) => ConditionTarget;
  /** Per `object.field`: the outcome, or null for fields that are not computed (asked about on every read). */
  readonly #outcomes = new Map<string, AnalysisOutcome | null>();
  readonly #stack: string[] = [];

  constructor(model: Model, types: FieldTypeRegistry, targets: (object: string) => ConditionTarget) {
    this.#model = model;
    this.#types = types;
    this.#targets = targets;
  }

  /** The analysis of a computed field, or why it fails; undefined for unknown and stored fields. */
  outcome(objectName: string, fieldName: string): AnalysisOutcome | undefined {
    const key = `${objectName}.${fieldName}`;
    const cached = this.#outcomes.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const object = findObject(this.#model, objectName);
    const field = object && findField(object, fieldName);
    if (!object || !field || !this.#types.has(field.type) || !this.#types.get(field.type).computed) {
      this.#outcomes.set(key, null);
      return undefined;
    }
    // Asked for again while being analysed (a rollup whose filter reads it): a cycle, not an answer to keep.
    if (this.#stack.includes(key)) {
      const message = `formula cycle: ${this.#describeCycle([...this.#stack.slice(this.#stack.indexOf(key)), key])}`;
      return { ok: false, problems: [{ path: field.type === 'rollup' ? 'filter' : 'expression', message }] };
    }
    this.#stack.push(key);
    let outcome: AnalysisOutcome;
    try {
      outcome =
        field.type === 'rollup'
          ? this.#rollup(object, field)
          : field.type === 'formula'
            ? this.#formula(object, field)
            : { ok: false, problems: [{ path: 'type', message: `computed type ${field.type} is not supported` }] };
    } finally {
      this.#stack.pop();
    }
    this.#outcomes.set(key, outcome);
    return outcome;
  }

  /** How a formula reaches another computed field (with cycle detection). */
  /** How a formula reaches another computed field (with cycle detection). */
  readonly #resolver: ComputedResolver = { computed: (object, field) => this.#usable(object, field) };

  /**
   * Another computed field as the one being analysed (the top of the stack) may use it: its analysis, or
   * why not. A cycle is described from the field being analysed (`f → g → f`).
   */
  #usable(object: ObjectDef, field: FieldDef): ReturnType<ComputedResolver['computed']> {
    const key = `${object.name}.${field.name}`;
    const current = this.#stack.at(-1)!;
    const cycleError = (members: readonly string[]) => {
      const start = members.indexOf(current);
      const cycle = [...members.slice(start), ...members.slice(0, start), current];
      return { error: `formula cycle: ${this.#describeCycle(cycle)}`, cycle };
    };
    const onStack = this.#stack.indexOf(key);
    if (onStack >= 0) return cycleError(this.#stack.slice(onStack));
    const outcome = this.outcome(object.name, field.name)!;
    if (outcome.ok) return outcome.analysis;
    if (outcome.cycle?.includes(current)) return cycleError(outcome.cycle.slice(0, -1));
    const first = outcome.problems[0];
    return {
      error: `"${field.name}" cannot be used: it has a problem of its own (${first ? `${first.path}: ${first.message}` : 'see its definition'})`,
    };
  }

  #describeCycle(keys: readonly string[]): string {
    const objects = new Set(keys.map((k) => k.split('.')[0]));
    return keys.map((k) => (objects.size === 1 ? k.split('.')[1]! : k)).join(' → ');
  }

  #formula(object: ObjectDef, field: FieldDef): AnalysisOutcome {
    const settings = field.settings as Settings;
    const expression = String(settings.expression ?? '');
    const fail = (key: string, message: string, cycle?: readonly string[]): AnalysisOutcome => ({
      ok: false,
      problems: [{ path: key, message }],
      ...(cycle ? { cycle } : {}),
    });
    let checker: ExpressionChecker;
    let result: ReturnType<ExpressionChecker['check']>;
    try {
      checker = new ExpressionChecker(this.#model, this.#types, this.#resolver, parseExpression(expression));
      result = checker.check(object);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      return fail('expression', error.message, error.cycle);
    }
    const size = [...walk(result.node)].length;
    if (size > MAX_FORMULA_PARTS)
      return fail(
        'expression',
        `is too large once the formulas it uses are filled in (${size} parts, at most ${MAX_FORMULA_PARTS})`,
      );
    const declared = settings.resultType as ResultType | undefined;
    const currency = settings.currency as string | undefined;
    const code: FormulaNode | undefined = currency ? literal('text', currency) : result.codes[0];
    let type: ResultType;
    if (declared === 'currency' || (!declared && result.type === 'number' && code)) {
      if (result.type !== 'number' && result.type !== 'null')
        return fail('expression', `gives ${describe(result.type)}, but a currency formula needs a number`);
      if (!code)
        return fail(
          'currency',
          'a currency formula needs "currency" (an ISO 4217 code) or a currency field in its expression',
        );
      type = 'currency';
    } else if (declared) {
      if (result.type !== 'null' && result.type !== declared)
        return fail('expression', `gives ${describe(result.type)}, but "resultType" is "${declared}"`);
      type = declared;
    } else {
      if (result.type === 'null')
        return fail('resultType', 'the result type cannot be told from the expression; set "resultType"');
      type = result.type;
    }
    if (currency && type !== 'currency')
      return fail('currency', `only a currency formula has a "currency" (this one gives ${describe(type)})`);
    return {
      ok: true,
      analysis: Object.freeze({
        object: object.name,
        field: field.name,
        kind: 'formula',
        type,
        // An expression that is only `null` takes the declared type, so its SQL has that type too.
        value:
          result.type === 'null' ? literal(type === 'currency' ? 'number' : type, null) : withStoredPaths(result.node),
        ...(type === 'currency' && code ? { code: withStoredPaths(code) } : {}),
        reads: Object.freeze(checker.reads),
        hops: checker.hops,
        hasRollup: checker.hasRollup,
      }),
    };
  }

  #rollup(object: ObjectDef, field: FieldDef): AnalysisOutcome {
    const settings = field.settings as Settings;
    const problems: Problem[] = [];
    const fail = (path: string, message: string): AnalysisOutcome => ({
      ok: false,
      problems: [...problems, { path, message }],
    });
    const fn = settings.function as RollupFunction;
    const relationName = String(settings.relation);
    const relation = findField(object, relationName);
    if (!relation) return fail('relation', `"${relationName}" is not a field of ${object.name}`);
    if (relation.type !== 'relation' || relationKind(relation) === 'manyToOne')
      return fail(
        'relation',
        `"${relationName}" must be a to-many relation of ${object.name} (one-to-many or many-to-many)`,
      );
    const targetName = relationSettings(relation).target;
    const target = targetName === USER_OBJECT ? undefined : findObject(this.#model, targetName);
    if (!target) return fail('relation', `rollups cannot aggregate ${targetName}s`);
    const reads = new Map<string, FieldUse>();
    const read = (use: FieldUse) => reads.set(`${use.object}.${use.field}`, use);
    read({ object: object.name, field: relation.name });

    let value: FormulaNode | undefined;
    let type: ValueType = 'number';
    let money: { code: FormulaNode; fallback?: string | undefined } | undefined;
    let hops = 0;
    const only = settings.currency as string | undefined;
    if (fn === 'count') {
      if (settings.field !== undefined) return fail('field', 'count counts related records and takes no field');
      if (only) return fail('currency', 'count takes no "currency"');
    } else {
      const name = settings.field;
      if (typeof name !== 'string') return fail('field', `is required: the field of ${target.name} to ${fn}`);
      const aggregated = findField(target, name);
      if (!aggregated) return fail('field', `"${name}" is not a field of ${target.name}`);
      read({ object: target.name, field: aggregated.name });
      const resolved = this.#aggregated(target, aggregated, fn);
      if ('error' in resolved)
        return {
          ok: false,
          problems: [...problems, { path: 'field', message: resolved.error }],
          cycle: resolved.cycle,
        };
      ({ value, type, money, hops } = resolved);
      for (const use of resolved.reads) read(use);
      if (only && !money) return fail('currency', `only a rollup of a currency field has a "currency"`);
    }

    let filter: ConditionNode | undefined;
    if (settings.filter !== undefined) {
      try {
        filter = parseCondition(settings.filter, this.#targets(target.name), { syntax: 'mongo', path: 'filter' });
      } catch (error) {
        if (!isStratumError(error)) throw error;
        return { ok: false, problems: [...problems, ...error.problems] };
      }
      const nested = this.#filterReads(filter, target.name);
      if ('error' in nested) return fail('filter', nested.error);
      for (const use of nested.reads) read(use);
    }

    const source = rollupSource(this.#model, relation, target);
    const stored = isStorable({ value, code: money?.code, filter });
    const node = (part: 'amount' | 'code'): RollupNode =>
      Object.freeze({
        kind: 'rollup',
        type: part === 'code' ? 'text' : type,
        fn,
        source,
        ...(value ? { value } : {}),
        ...(filter ? { filter } : {}),
        ...(money ? { money: Object.freeze({ ...money, only, fallback: only ?? money.fallback, part }) } : {}),
        ...(stored ? { stored: storedRollupColumn(field, part) } : {}),
      });
    return {
      ok: true,
      analysis: Object.freeze({
        object: object.name,
        field: field.name,
        kind: 'rollup',
        type: money ? 'currency' : type,
        value: node('amount'),
        ...(money ? { code: only ? literal('text', only) : node('code') } : {}),
        reads: Object.freeze([...reads.values()]),
        hops,
        hasRollup: true,
      }),
    };
  }

  /** What a rollup aggregates: a stored field of the related object, or a formula without rollups. */
  #aggregated(
    target: ObjectDef,
    field: FieldDef,
    fn: RollupFunction,
  ):
    | {
        value: FormulaNode;
        type: ValueType;
        money?: { code: FormulaNode; fallback?: string | undefined };
        hops: number;
        reads: readonly FieldUse[];
      }
    | { error: string; cycle?: readonly string[] | undefined } {
    const ordered = fn === 'min' || fn === 'max';
    const allowed: readonly ValueType[] = ordered ? ['number', 'text', 'date', 'datetime'] : ['number'];
    const fits = (type: string) => allowed.includes(type as ValueType);
    const refuse = (what: string) => ({
      error: `"${field.name}" is ${what}; ${fn} needs ${ordered ? 'a number, text, date or date-time' : 'a number or currency'} field`,
    });
    const type = this.#types.get(field.type);
    if (type.computed) {
      if (field.type === 'rollup')
        return { error: `"${field.name}" is itself a rollup; a rollup cannot aggregate another rollup` };
      const usable = this.#usable(target, field);
      if ('error' in usable) return usable;
      const analysis = usable as ComputedAnalysis;
      if (analysis.hasRollup)
        return { error: `"${field.name}" uses a rollup; a rollup cannot aggregate another rollup` };
      const reads = analysis.reads;
      if (analysis.type === 'currency')
        return fn === 'min' || fn === 'max' || fn === 'sum' || fn === 'avg'
          ? { value: analysis.value, type: 'number', money: { code: analysis.code! }, hops: analysis.hops, reads }
          : refuse('a currency formula');
      if (!fits(analysis.type)) return refuse(`a ${analysis.type} formula`);
      return { value: analysis.value, type: analysis.type, hops: analysis.hops, reads };
    }
    if (field.type === 'currency') {
      return {
        value: column('number', field.columns[0]!),
        type: 'number',
        money: { code: column('text', field.columns[1]!), fallback: field.settings.currency as string | undefined },
        hops: 0,
        reads: [],
      };
    }
    const kind = type.valueKind;
    const valueType: ValueType | undefined =
      kind === 'number' || kind === 'text' || kind === 'date' || kind === 'datetime' ? kind : undefined;
    if (!valueType || !field.columns[0] || field.type === 'relation') return refuse(`a ${field.type} field`);
    if (!fits(valueType)) return refuse(`a ${field.type} field`);
    return { value: column(valueType, field.columns[0]), type: valueType, hops: 0, reads: [] };
  }

  /** The fields a rollup's filter reads (at every level), refusing rollups in it. */
  #filterReads(node: ConditionNode, objectName: string): { reads: FieldUse[] } | { error: string } {
    const reads: FieldUse[] = [];
    const visit = (n: ConditionNode, object: string): string | undefined => {
      switch (n.kind) {
        case 'comparison': {
          reads.push({ object, field: n.field.name });
          if (!n.field.computed) return undefined;
          const outcome = this.outcome(object, n.field.name);
          if (!outcome?.ok) return `"${n.field.name}" cannot be used in the filter`;
          if (outcome.analysis.hasRollup)
            return `"${n.field.name}" is or uses a rollup; a rollup's filter cannot use another rollup`;
          reads.push(...outcome.analysis.reads);
          return undefined;
        }
        case 'relation':
          reads.push({ object, field: n.field });
          return visit(n.node, n.target.object);
        case 'and':
        case 'or':
          for (const child of n.nodes) {
            const error = visit(child, object);
            if (error) return error;
          }
          return undefined;
        case 'not':
          return visit(n.node, object);
        case 'constant':
          return undefined;
      }
    };
    const error = visit(node, objectName);
    return error ? { error } : { reads };
  }
}

function column(type: ValueType, name: string): FormulaNode {
  return Object.freeze({ kind: 'column', type, column: name });
}

function rollupSource(model: Model, relation: FieldDef, target: ObjectDef): RollupSource {
  const base = { object: target.name, schema: model.schema, table: target.table, deletedColumn: 'deletedAt' };
  if (relationKind(relation) === 'oneToMany') {
    const inverse = findField(target, relationSettings(relation).inverse!)!;
    return Object.freeze({ ...base, join: Object.freeze({ kind: 'inverse', column: inverse.columns[0]! }) });
  }
  return Object.freeze({
    ...base,
    join: Object.freeze({
      kind: 'junction',
      schema: model.schema,
      table: relation.junctionTable!,
      sourceColumn: 'source',
      targetColumn: 'target',
    }),
  });
}

function describe(type: string): string {
  return type === 'null' ? 'null' : `a ${type}`;
}

const cache = new WeakMap<Model, WeakMap<FieldTypeRegistry, ComputedFields>>();

/**
 * The computed fields of a model (one analysis per model and registry).
 *
 * @example
 *   computedFieldsOf(model, types, (name) => conditionTarget(model, types, name)).outcome('deal', 'weighted')
 */
export function computedFieldsOf(
  model: Model,
  types: FieldTypeRegistry,
  targets: (object: string) => ConditionTarget,
): ComputedFields {
  let byTypes = cache.get(model);
  if (!byTypes) cache.set(model, (byTypes = new WeakMap()));
  let fields = byTypes.get(types);
  if (!fields) byTypes.set(types, (fields = new ComputedFields(model, types, targets)));
  return fields;
}
