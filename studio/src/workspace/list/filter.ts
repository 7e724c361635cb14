/**
 * The list's filter in the API spelling. The ConditionBuilder edits conditions of the one condition language in
 * the mongo spelling (`{ amount: { $gte: 1000 }, stage: 'won', company: 'id' }`); the generated lists take the
 * API spelling of the same language (`{ amount: { gte: 1000 }, stage: { eq: 'won' }, company: { id: { eq: 'id' } } }`,
 * runtime/src/conditions/parse.ts). The two differ where a bare value stands for `eq`, where `null` stands for
 * "is empty", and for relations, which the API always filters through the related object's filter.
 *
 * Terminology: a *shape* says which fields of an object are relations, and what the related object's shape is,
 * which is all the translation needs to know about the metadata.
 */

import { relationTarget, type WorkspaceObject } from '../record-api';

export interface FilterShape {
  /** The relation of this name, or undefined for a scalar field (or an unknown name: the server reports it). */
  relation(field: string): FilterShape | undefined;
}

/** A shape without relations (users, and what is not known). */
export const SCALAR_SHAPE: FilterShape = { relation: () => undefined };

type Json = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `$gte` → `gte`, `$ne` → `neq`. */
const operatorName = (key: string): string => (key === '$ne' ? 'neq' : key.slice(1));

/** Several parts that must all hold: one part alone, several under `and`. */
function allOf(parts: Json[]): Json {
  if (parts.length === 1) return parts[0]!;
  return { and: parts };
}

function scalarEntry(field: string, value: unknown): Json {
  if (value === null) return { [field]: { isNull: true } };
  if (!isPlainObject(value)) return { [field]: { eq: value } };
  const operators: Json = {};
  for (const [key, operand] of Object.entries(value)) {
    if (operand !== undefined) operators[key.startsWith('$') ? operatorName(key) : key] = operand;
  }
  return { [field]: operators };
}

/** "Has a live related record" / "has none", which the API says with an empty related filter. */
const related = (field: string, present: boolean): Json => (present ? { [field]: {} } : { not: { [field]: {} } });

function relationEntry(field: string, value: unknown, target: FilterShape): Json {
  if (value === null) return related(field, false);
  if (typeof value === 'string') return { [field]: { id: { eq: value } } };
  if (!isPlainObject(value)) return { [field]: { id: { eq: value } } };
  const parts: Json[] = [];
  const nested: Json = {};
  for (const [key, operand] of Object.entries(value)) {
    if (operand === undefined) continue;
    if (key === '$isNull') parts.push(related(field, operand === false));
    else if (key.startsWith('$') && !['$and', '$or', '$not'].includes(key))
      parts.push({ [field]: { id: { [operatorName(key)]: operand } } });
    else nested[key] = operand;
  }
  if (Object.keys(nested).length > 0) parts.push({ [field]: toApiFilter(nested, target) ?? {} });
  return parts.length ? allOf(parts) : related(field, true);
}

/**
 * A mongo-spelling condition in the API spelling, for `shape`'s object; undefined for no condition.
 *
 * @example
 *   toApiFilter({ amount: { $gte: 1000 }, stage: 'won' }, dealShape)
 *   // { and: [{ amount: { gte: 1000 } }, { stage: { eq: 'won' } }] }
 */
export function toApiFilter(condition: Json | undefined, shape: FilterShape): Json | undefined {
  if (!condition) return undefined;
  const parts: Json[] = [];
  for (const [key, value] of Object.entries(condition)) {
    if (value === undefined) continue;
    if (key === '$and' || key === '$or') {
      const items = Array.isArray(value) ? value : [];
      parts.push({ [key.slice(1)]: items.map((item) => toApiFilter(item as Json, shape) ?? {}) });
    } else if (key === '$not') {
      parts.push({ not: toApiFilter(value as Json, shape) ?? {} });
    } else {
      const target = shape.relation(key);
      parts.push(target ? relationEntry(key, value, target) : scalarEntry(key, value));
    }
  }
  return parts.length ? allOf(parts) : undefined;
}

/** The shape of a workspace object: its relation fields (system `owner` and `createdBy` too) and their targets. */
export function shapeOf(object: WorkspaceObject, objects: readonly WorkspaceObject[]): FilterShape {
  return {
    relation(name) {
      const field = object.fields.find((f) => f.name === name);
      if (!field || field.type !== 'relation') return undefined;
      const target = objects.find((o) => o.name === relationTarget(field));
      return target ? shapeOf(target, objects) : SCALAR_SHAPE;
    },
  };
}
