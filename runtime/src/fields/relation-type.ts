import { z } from 'zod';
import { EQUALITY } from '../conditions/operators';
import type { FieldDef } from '../model/model';
import { fail, ok, type FieldType } from './field-type';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export type OnDelete = 'setNull' | 'restrict' | 'cascade';

export interface RelationSettings {
  readonly target: string;
  readonly many: boolean;
  readonly inverse?: string | undefined;
  readonly onDelete: OnDelete;
}

/** The relation's settings with their defaults (`many` false, `onDelete` setNull). */
export function relationSettings(field: FieldDef): RelationSettings {
  const s = field.settings as { target: string; many?: boolean; inverse?: string; onDelete?: OnDelete };
  return { target: s.target, many: s.many === true, inverse: s.inverse, onDelete: s.onDelete ?? 'setNull' };
}

/** The three shapes a relation takes (see `relation-type.ts` header). */
export function relationKind(field: FieldDef): 'manyToOne' | 'oneToMany' | 'manyToMany' {
  const { many, inverse } = relationSettings(field);
  if (!many) return 'manyToOne';
  return inverse ? 'oneToMany' : 'manyToMany';
}

/**
 * Relations between objects (or to users):
 * - many-to-one (`many` unset): a uuid column with a foreign key, an index and an on-delete rule;
 * - one-to-many (`many` and `inverse`): no column; the inverse of a many-to-one on the target;
 * - many-to-many (`many`, no `inverse`): a junction table. Written as a list of ids.
 */
export const relationType: FieldType = {
  type: 'relation',
  settings: {
    target: z.string().regex(/^[a-z][a-zA-Z0-9]{0,62}$/, 'must be an object name'),
    many: z.boolean().optional(),
    inverse: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{0,62}$/, 'must be a field name')
      .optional(),
    onDelete: z.enum(['setNull', 'restrict', 'cascade']).optional(),
  },
  columns: (field) => (relationSettings(field).many ? [] : [{ suffix: '', sqlType: 'uuid' }]),
  valueKind: 'uuid',
  operators: EQUALITY,
  sortable: false,
  searchableByDefault: false,
  canSearch: false,
  toColumns(value, field) {
    const kind = relationKind(field);
    if (kind === 'oneToMany')
      return fail(
        `is the inverse of ${relationSettings(field).target}.${relationSettings(field).inverse}; set it there`,
      );
    if (kind === 'manyToMany') {
      if (!Array.isArray(value) || !value.every(isUuid)) return fail('must be a list of record ids');
      return ok([...new Set(value.map((id) => id.toLowerCase()))]);
    }
    return isUuid(value) ? ok(value.toLowerCase()) : fail('must be a record id');
  },
  fromColumns: ([value]) => value ?? null,
  jsonSchema: (field) =>
    relationSettings(field).many
      ? { type: 'array', items: { type: 'string', format: 'uuid' }, format: 'relation' }
      : { type: 'string', format: 'uuid' },
  graphql: { output: 'ID', input: 'ID', filter: 'IDFilter' },
};
