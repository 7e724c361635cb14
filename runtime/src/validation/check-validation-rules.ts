import { badInput, formatPath, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import { findField, type Model } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import { atScriptLine, checkScriptSyntax } from '../scripts';
import { recordConditionProblems, type RecordConditionWording } from './record-condition';
import { ruleScriptSource } from './rule-script';

/**
 * Checks every object's validation rules against the model they will run on: unique names, exactly one
 * of `condition` and `script`, `fields` that exist, conditions that parse on the object and read only its
 * own stored fields (a rule is evaluated in memory on the record being written: formulas, rollups and
 * related records are not there), and scripts that compile. Inactive rules are checked too, so turning
 * one on never fails. Problems are reported at `objects[i].validationRules[j]…` paths.
 *
 * @example
 *   await checkValidationRules(plan.model, types); // throws BAD_USER_INPUT listing every problem
 */
export async function checkValidationRules(model: Model, types: FieldTypeRegistry): Promise<void> {
  // One list per rule, in manifest order; scripts compile in parallel.
  const checks: Promise<Problem[]>[] = [];
  model.objects.forEach((object, i) => {
    const names = new Set<string>();
    object.validationRules?.forEach((rule, j) => {
      const at = (...rest: PropertyKey[]) => formatPath(['objects', i, 'validationRules', j, ...rest]);
      const problems: Problem[] = [];
      if (names.has(rule.name))
        problems.push({ path: at('name'), message: `duplicate validation rule "${rule.name}" on ${object.name}` });
      names.add(rule.name);
      if ((rule.condition === undefined) === (rule.script === undefined))
        problems.push({ path: at(), message: 'needs exactly one of "condition" and "script"' });
      rule.fields?.forEach((name, k) => {
        if (!findField(object, name) && !SYSTEM_FIELDS.some((f) => f.name === name))
          problems.push({ path: at('fields', k), message: `"${name}" is not a field of ${object.name}` });
      });
      if (rule.condition !== undefined)
        problems.push(
          ...recordConditionProblems(conditionTarget(model, types, object.name), rule.condition, at('condition'), RULE),
        );
      checks.push(
        rule.script === undefined
          ? Promise.resolve(problems)
          : scriptProblem(rule.script, at('script')).then((p) => (p ? [...problems, p] : problems)),
      );
    });
  });
  const problems = (await Promise.all(checks)).flat();
  if (problems.length) throw badInput(problems);
}

/** A validation rule's wording of what its condition cannot read. */
const RULE: RecordConditionWording = {
  computed: (name) => `"${name}" is computed; validation rules see only stored fields`,
  toMany: (name) => `"${name}" is a to-many relation; validation rules see only the record's own fields`,
  nested: (name) => `a validation rule can compare "${name}" by id, not look into the related record`,
  related: 'a validation rule cannot look into related records',
};

async function scriptProblem(code: string, path: string): Promise<Problem | undefined> {
  const failure = await checkScriptSyntax(ruleScriptSource(code));
  if (!failure) return undefined;
  return { path, message: atScriptLine(failure.message, failure.line, code.split('\n').length).message };
}
