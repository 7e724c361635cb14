import { parseCondition, type ConditionNode, type ConditionTarget } from '../conditions';
import { isStratumError, type Problem } from '../errors';
import { conditionFields } from './condition-fields';

/** What a check says when a condition reads something the record alone does not hold; the field name is given. */
export interface RecordConditionWording {
  /** A formula or rollup. */
  readonly computed: (name: string) => string;
  /** A to-many relation. */
  readonly toMany: (name: string) => string;
  /** A to-one relation looked into (`{ company: { name: 'Acme' } }`) rather than compared by id. */
  readonly nested: (name: string) => string;
  /** Whatever else reaches related rows (`{ company: {} }`: "has a company that exists"). */
  readonly related: string;
}

/**
 * The problems of a condition that is evaluated in memory on one record (a validation rule on the record
 * being written, a form section's visibility on the values being edited): it must parse on the object and
 * read only the record's own stored fields — not formulas or rollups, not to-many relations, not fields of
 * related records. `path` is where the condition is; each check says why in its own words.
 *
 * @example
 *   recordConditionProblems(target, { company: { name: 'Acme' } }, 'objects[0].validationRules[0].condition', wording)
 *   // [{ path: 'objects[0]….condition.company', message: wording.nested('company') }]
 */
export function recordConditionProblems(
  target: ConditionTarget,
  condition: unknown,
  path: string,
  wording: RecordConditionWording,
): Problem[] {
  let node: ConditionNode;
  try {
    node = parseCondition(condition, target, { syntax: 'mongo', path });
  } catch (error) {
    if (!isStratumError(error)) throw error;
    return [...error.problems];
  }
  const problems = conditionFields(condition).flatMap(({ name, path: at, nested }): Problem[] => {
    const message = fieldProblem(target, name, nested, wording);
    return message === undefined ? [] : [{ path: `${path}${at}`, message }];
  });
  if (problems.length === 0 && readsRelatedRows(node)) problems.push({ path, message: wording.related });
  return problems;
}

/** Why a field the condition reads is not on the record alone, if it is not. */
function fieldProblem(
  target: ConditionTarget,
  name: string,
  nested: boolean,
  wording: RecordConditionWording,
): string | undefined {
  const field = target.field(name);
  if (field?.kind === 'scalar' && field.computed) return wording.computed(name);
  if (field?.kind === 'relation' && field.cardinality === 'many') return wording.toMany(name);
  if (field?.kind === 'relation' && nested) return wording.nested(name);
  return undefined;
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
