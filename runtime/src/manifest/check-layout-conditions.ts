import { parseCondition, type ConditionNode, type ConditionTarget } from '../conditions';
import { badInput, formatPath, isStratumError, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import type { Model } from '../model/model';
import { conditionFields } from '../validation/condition-fields';

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
      problems.push(...conditionProblems(conditionTarget(model, types, object.name), section.visibleWhen, path));
    });
  });
  if (problems.length) throw badInput(problems);
}

function conditionProblems(target: ConditionTarget, condition: unknown, path: string): Problem[] {
  let node: ConditionNode;
  try {
    node = parseCondition(condition, target, { syntax: 'mongo', path });
  } catch (error) {
    if (!isStratumError(error)) throw error;
    return [...error.problems];
  }
  const problems = conditionFields(condition).flatMap(({ name, path: at, nested }): Problem[] => {
    const field = target.field(name);
    const where = `${path}${at}`;
    if (field?.kind === 'scalar' && field.computed)
      return [
        { path: where, message: `"${name}" is computed; a section's visibility reads only fields the form edits` },
      ];
    if (field?.kind === 'relation' && (field.cardinality === 'many' || nested))
      return [{ path: where, message: `a section's visibility can compare "${name}" by id only` }];
    return [];
  });
  if (problems.length === 0 && readsRelatedRows(node))
    problems.push({ path, message: "a section's visibility cannot look into related records" });
  return problems;
}

function readsRelatedRows(node: ConditionNode): boolean {
  switch (node.kind) {
    case 'relation':
      return true;
    case 'and':
    case 'or':
      return node.nodes.some(readsRelatedRows);
    case 'not':
      return readsRelatedRows(node.node);
    case 'comparison':
    case 'constant':
      return false;
  }
}
