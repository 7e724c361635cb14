import { badInput, formatPath, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import type { Model } from '../model/model';
import { recordConditionProblems, type RecordConditionWording } from '../validation/record-condition';

/**
 * Checks the `visibleWhen` condition of every layout section on the model it will run on. A form decides
 * visibility in the browser, on the values being edited, so a condition must parse on the object and
 * read only the record's own stored fields: not formulas or rollups (stale while editing), not to-many
 * relations, not fields of related records. Problems are at `objects[i].layout.sections[j].visibleWhen…`.
 *
 * @example
 *   checkLayoutConditions(plan.model, types); // throws BAD_USER_INPUT listing every problem
 */
export function checkLayoutConditions(model: Model, types: FieldTypeRegistry): void {
  const problems: Problem[] = [];
  model.objects.forEach((object, i) => {
    object.layout?.sections.forEach((section, j) => {
      if (section.visibleWhen === undefined) return;
      const path = formatPath(['objects', i, 'layout', 'sections', j, 'visibleWhen']);
      problems.push(
        ...recordConditionProblems(conditionTarget(model, types, object.name), section.visibleWhen, path, VISIBILITY),
      );
    });
  });
  if (problems.length) throw badInput(problems);
}

/** A layout's wording of what a section's visibility cannot read. */
const VISIBILITY: RecordConditionWording = {
  computed: (name) => `"${name}" is computed; a section's visibility reads only fields the form edits`,
  toMany: (name) => `a section's visibility can compare "${name}" by id only`,
  nested: (name) => `a section's visibility can compare "${name}" by id only`,
  related: "a section's visibility cannot look into related records",
};
