import type { FieldDef, ObjectDef } from './model';

const system = (name: string, type: string, settings: Record<string, unknown> = {}): FieldDef =>
  Object.freeze({
    name,
    type,
    key: name,
    required: false,
    unique: false,
    indexed: true,
    searchable: false,
    settings: Object.freeze(settings),
    columns: Object.freeze([name]),
    system: true,
  });

/** Fields every object has (CONTRACT.md); they live in the table but never in a manifest. */
export const SYSTEM_FIELDS: readonly FieldDef[] = Object.freeze([
  system('id', 'id'),
  system('createdAt', 'datetime'),
  system('updatedAt', 'datetime'),
  system('createdBy', 'relation', { target: 'user' }),
  system('owner', 'relation', { target: 'user' }),
]);

/** System fields first, then the object's own. */
export function allFields(object: ObjectDef): readonly FieldDef[] {
  return [...SYSTEM_FIELDS, ...object.fields];
}
