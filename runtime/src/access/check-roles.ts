import { parseCondition } from '../conditions';
import { badInput, formatPath, isStratumError, type Problem } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import { findObject, type Model } from '../model/model';
import { SYSTEM_FIELDS } from '../model/system-fields';
import { ADMIN_ROLE, asList, type RoleDef } from './role';
import { interpolateUser, SAMPLE_USER } from './user-values';

/**
 * Checks roles against the model they will act on: subjects are objects (or `all`), fields belong to
 * their subject, conditions parse in the one condition language (with `$user…` values), and the built-in
 * `admin` role is not redefined. Problems are reported at `roles[i].rules[j]…` paths.
 */
export function checkRoles(model: Model, types: FieldTypeRegistry): void {
  const problems: Problem[] = [];
  const names = new Set<string>();
  (model.roles as RoleDef[]).forEach((role, i) => {
    const at = (...rest: PropertyKey[]) => formatPath(['roles', i, ...rest]);
    if (role.name === ADMIN_ROLE)
      problems.push({ path: at('name'), message: '"admin" is built in and may do everything; choose another name' });
    if (names.has(role.name)) problems.push({ path: at('name'), message: `duplicate role "${role.name}"` });
    names.add(role.name);
    role.rules.forEach((rule, j) => {
      const subjects = asList(rule.subject);
      for (const subject of subjects) {
        if (subject !== 'all' && !findObject(model, subject))
          problems.push({ path: at('rules', j, 'subject'), message: `unknown object "${subject}"` });
      }
      const known = subjects.filter((s) => s !== 'all' && findObject(model, s));
      if (rule.fields) {
        if (subjects.includes('all'))
          problems.push({ path: at('rules', j, 'fields'), message: 'field rules need a specific subject, not "all"' });
        for (const subject of known) {
          const object = findObject(model, subject)!;
          for (const field of asList(rule.fields)) {
            if (!object.fields.some((f) => f.name === field) && !SYSTEM_FIELDS.some((f) => f.name === field)) {
              problems.push({ path: at('rules', j, 'fields'), message: `"${field}" is not a field of ${subject}` });
            }
          }
        }
      }
      if (rule.conditions) {
        if (subjects.includes('all'))
          problems.push({
            path: at('rules', j, 'conditions'),
            message: 'conditions need a specific subject, not "all"',
          });
        for (const subject of known) {
          try {
            const condition = interpolateUser(rule.conditions, SAMPLE_USER, at('rules', j, 'conditions'));
            parseCondition(condition, conditionTarget(model, types, subject), {
              syntax: 'mongo',
              path: at('rules', j, 'conditions'),
            });
          } catch (error) {
            if (!isStratumError(error)) throw error;
            problems.push(
              ...(error.problems.length
                ? error.problems
                : [{ path: at('rules', j, 'conditions'), message: error.message }]),
            );
          }
        }
      }
    });
  });
  if (problems.length) throw badInput(problems);
}
