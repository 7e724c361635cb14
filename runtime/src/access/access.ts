import { createMongoAbility, type MongoAbility } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { and, FALSE, not, or, parseCondition, TRUE, type ConditionNode } from '../conditions';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget, SHARES_FIELD } from '../model/condition-targets';
import { findObject, SYSTEM_FIELD_NAMES as SYSTEM_NAMES, type Model } from '../model/model';
import { computedReads } from '../formulas/computed-fields';
import { ADMIN_ROLE, asList, roleSchema, type Action, type RoleDef } from './role';
import { interpolateUser, type UserValues } from './user-values';

/**
 * What one user may do in one workspace, built from the rules of their roles (CASL semantics: later rules
 * win, inverted rules forbid). The record service asks it for the row condition of an action on an
 * object (compiled into the query's WHERE, so pages and counts are right) and for the fields a user may
 * read or write.
 *
 * Terminology: a *scope* is the row condition under which an action is allowed (TRUE: every row; null:
 * none, the action is forbidden on that object).
 */
export interface Access {
  /** Admins (the built-in `admin` role) may do everything, metadata included. */
  readonly isAdmin: boolean;
  readonly user: UserValues;
  can(action: Action, object: string): boolean;
  scope(action: Action, object: string): ConditionNode | null;
  /** Whether the user may read (or write, for create/update) a field of an object. */
  fieldAllowed(action: Action, object: string, field: string): boolean;
}

const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(SYSTEM_NAMES);

type Rule = {
  action: string | string[];
  subject: string | string[];
  conditions?: Record<string, unknown>;
  fields?: string | string[];
  inverted?: boolean;
};

export function buildAccess(
  model: Model,
  types: FieldTypeRegistry,
  user: UserValues,
  roleNames: readonly string[],
): Access {
  const isAdmin = roleNames.includes(ADMIN_ROLE);
  const roles = (model.roles as RoleDef[]).filter((r) => roleSchema.safeParse(r).success && roleNames.includes(r.name));
  const rules: Rule[] = isAdmin
    ? [{ action: 'manage', subject: 'all' }]
    : roles.flatMap((role) =>
        role.rules.map((rule) => ({
          action: rule.action as string | string[],
          subject: rule.subject as string | string[],
          ...(rule.conditions ? { conditions: interpolateUser(rule.conditions, user) as Record<string, unknown> } : {}),
          ...(rule.fields ? { fields: rule.fields as string | string[] } : {}),
          ...(rule.inverted ? { inverted: true } : {}),
        })),
      );
  // CASL decides which rules apply to an action and subject, in what order, and which fields they grant.
  // Conditions are matched by our own compiler instead of CASL's, so the SQL and in-memory meaning agree.
  const ability: MongoAbility = createMongoAbility(rules as never, { conditionsMatcher: () => () => true });
  const scopes = new Map<string, ConditionNode | null>();
  const fields = new Map<string, ReadonlySet<string> | 'all'>();
  const computedReadable = new Map<string, boolean>();

  const scope = (action: Action, object: string): ConditionNode | null => {
    const key = `${action}:${object}`;
    if (!scopes.has(key)) scopes.set(key, computeScope(action, object));
    return scopes.get(key)!;
  };

  function computeScope(action: Action, object: string): ConditionNode | null {
    if (!findObject(model, object)) return null;
    const target = conditionTarget(model, types, object);
    const parse = (condition: Record<string, unknown>) =>
      parseCondition(condition, target, { syntax: 'mongo', path: `roles(${object})` });
    // The algorithm of CASL's rulesToCondition, over our condition nodes.
    const allowed: ConditionNode[] = [];
    const denied: ConditionNode[] = [];
    let unconditional = false;
    for (const rule of ability.rulesFor(action, object)) {
      const condition = rule.conditions as Record<string, unknown> | undefined;
      if (rule.inverted) {
        if (!condition) break;
        denied.push(not(parse(condition)));
      } else if (!condition) {
        unconditional = true;
        break;
      } else {
        allowed.push(and([parse(condition), ...denied]));
      }
    }
    if (unconditional) allowed.push(denied.length ? and(denied) : TRUE);
    if (allowed.length === 0) return null;
    // Record sharing widens a role's scope on an object it may already read: records shared with the user,
    // or with one of their teams, can be read (and, shared for editing, updated).
    if (!isAdmin && (action === 'read' || action === 'update')) {
      const access = action === 'read' ? { $in: ['read', 'edit'] } : 'edit';
      allowed.push(
        parse({
          [SHARES_FIELD]: { object, access, $or: [{ userId: user.id }, { teamId: { $in: [...user.teamIds] } }] },
        }),
      );
    }
    const result = or(allowed);
    return result === FALSE ? null : result;
  }

  /** What the rules say about a field (for a computed field, about the field itself). */
  function ruleAllows(action: Action, object: string, field: string): boolean {
    const key = `${action}:${object}`;
    if (!fields.has(key)) {
      const all = findObject(model, object)?.fields.map((f) => f.name) ?? [];
      // Rules without `fields` grant the object's own fields; system fields such as `owner` must be named.
      const permitted = permittedFieldsOf(ability, action, object, {
        fieldsFrom: (rule) => (rule.fields ? asList(rule.fields as string | string[]) : all) as string[],
      });
      fields.set(key, new Set(permitted));
    }
    const allowed = fields.get(key)!;
    return allowed === 'all' || allowed.has(field);
  }

  return {
    isAdmin,
    user,
    can: (action, object) => scope(action, object) !== null,
    scope,
    fieldAllowed(action, object, field) {
      if (isAdmin) return true;
      if (!ruleAllows(action, object, field)) return false;
      if (action !== 'read') return true;
      // A formula or rollup is readable only with every field it reads (formulas/computed-fields.ts). Asked
      // per record and field when records are filtered for the reader, so the answer is kept.
      const key = `${object}:${field}`;
      let readable = computedReadable.get(key);
      if (readable === undefined) {
        const reads = computedReads(model, types, object, field);
        readable =
          !reads ||
          reads.every((use) => SYSTEM_FIELD_NAMES.has(use.field) || ruleAllows('read', use.object, use.field));
        computedReadable.set(key, readable);
      }
      return readable;
    },
  };
}
