import { buildAccess, SAMPLE_USER, SYSTEM_FIELDS, type FieldTypeRegistry, type Model } from '@stratum/runtime';

/**
 * What a role set can ever see, to shape the GraphQL schema its members get: objects they may never read
 * and fields they may never read or write are not in their schema at all (not even their names).
 */
export interface Visibility {
  object(name: string): boolean;
  field(object: string, field: string, action: 'read' | 'create' | 'update'): boolean;
  /** Whether the role set may ever perform an action on an object (decides which mutations exist). */
  action(object: string, action: 'create' | 'update' | 'delete'): boolean;
}

export const EVERYTHING: Visibility = { object: () => true, field: () => true, action: () => true };

const SYSTEM = new Set(SYSTEM_FIELDS.map((f) => f.name));

export function visibilityFor(model: Model, types: FieldTypeRegistry, roles: readonly string[]): Visibility {
  // Visibility depends on the rules, not on who the user is: any user of the role set will do.
  const access = buildAccess(model, types, SAMPLE_USER, roles);
  if (access.isAdmin) return EVERYTHING;
  return {
    object: (name) => access.can('read', name),
    action: (object, action) => access.can(action, object),
    field: (object, field, action) =>
      action === 'read'
        ? SYSTEM.has(field) || access.fieldAllowed('read', object, field)
        : access.can(action, object) && access.fieldAllowed(action, object, field),
  };
}

/** The key of a role set's schema: admins share one, other role sets one each. */
export function roleSetKey(roles: readonly string[]): string {
  return roles.includes('admin') ? '*' : [...new Set(roles)].sort().join(',');
}
