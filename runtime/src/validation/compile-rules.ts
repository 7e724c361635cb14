import { parseCondition, type ConditionNode } from '../conditions';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import type { Model, ObjectDef } from '../model/model';
import { conditionFieldNames } from './condition-fields';
import { ruleScriptSource } from './rule-script';

/**
 * Terminology: a *compiled rule* is an active validation rule made ready to run: its condition parsed into
 * a condition tree (evaluated in memory), or its script wrapped for the sandbox; with the fields its
 * failure is reported on.
 */
interface CompiledBase {
  readonly name: string;
  readonly message: string;
  /** Fields the error names (`data[3].discount`); empty: the record itself (`data[3]`). */
  readonly fields: readonly string[];
}

export type CompiledRule =
  | (CompiledBase & { readonly kind: 'condition'; readonly node: ConditionNode })
  | (CompiledBase & { readonly kind: 'script'; readonly source: string; readonly lines: number });

/** Whether writes to the object check anything; false costs the write path nothing else. */
export function hasActiveRules(object: ObjectDef): boolean {
  return object.validationRules?.some((rule) => rule.active) ?? false;
}

const cache = new WeakMap<Model, Map<string, readonly CompiledRule[]>>();

/** The object's active rules, compiled once per model revision. The migrator checked them when it applied them. */
export function compiledRules(model: Model, types: FieldTypeRegistry, object: ObjectDef): readonly CompiledRule[] {
  let byObject = cache.get(model);
  if (!byObject) cache.set(model, (byObject = new Map()));
  let rules = byObject.get(object.name);
  if (!rules) {
    rules = Object.freeze(
      (object.validationRules ?? [])
        .filter((rule) => rule.active)
        .map((rule): CompiledRule => {
          const base = { name: rule.name, message: rule.message };
          if (rule.condition !== undefined) {
            const target = conditionTarget(model, types, object.name);
            const node = parseCondition(rule.condition, target, { syntax: 'mongo', path: 'condition' });
            return { ...base, kind: 'condition', node, fields: rule.fields ?? conditionFieldNames(rule.condition) };
          }
          const code = rule.script ?? '';
          return {
            ...base,
            kind: 'script',
            source: ruleScriptSource(code),
            lines: code.split('\n').length,
            fields: rule.fields ?? [],
          };
        }),
    );
    byObject.set(object.name, rules);
  }
  return rules;
}
