import { badInput, formatPath, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { computedOutcome, isComputed } from './computed-fields';

/**
 * Checks the formulas and rollups of a model before it is applied: expressions parse and type-check,
 * referenced fields exist, rollups name a to-many relation and a field they can aggregate, filters parse
 * on the related object, no formula depends on itself, and only stored rollups are `indexed`. Problems are
 * reported at the field's keys:
 * `objects[0].fields[3].expression: unknown field "amout" on deal at position 0 (did you mean "amount"?)`.
 */
export function checkComputedFields(model: Model, types: FieldTypeRegistry): void {
  const problems: Problem[] = [];
  model.objects.forEach((object, i) => {
    object.fields.forEach((field, j) => {
      if (!isComputed(types, field)) return;
      const outcome = computedOutcome(model, types, object.name, field.name);
      const at = formatPath(['objects', i, 'fields', j]);
      if (outcome && !outcome.ok) {
        problems.push(...outcome.problems.map((p) => ({ path: `${at}.${p.path}`, message: p.message })));
      } else if (outcome?.ok && field.indexed) {
        const value = outcome.analysis.value;
        if (value.kind !== 'rollup' || !value.stored)
          problems.push({
            path: `${at}.indexed`,
            message:
              'only a stored rollup can be indexed: this one reads a path, another rollup or the clock, so it is computed on every read',
          });
      }
    });
  });
  if (problems.length) throw badInput(problems);
}
