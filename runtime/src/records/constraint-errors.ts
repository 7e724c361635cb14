import { badInput, conflict, StratumError } from '../errors';
import { translateDatabaseError } from '../db/database-errors';
import { fieldLabel, type ObjectDef } from '../model/model';

/**
 * Maps a driver error from a record write to the field it concerns: our unique indexes and foreign keys
 * are named after the field's key (`uq_<key>`, `fk_<key>`), so the constraint name identifies the field.
 */
export function recordWriteError(error: unknown, object: ObjectDef, path: string): Error {
  if (error instanceof StratumError) return error;
  const e = error as { code?: string; constraint?: string };
  const key = e.constraint?.replace(/^(uq|fk)_/, '');
  const field = key ? object.fields.find((f) => f.key === key) : undefined;
  if (e.code === '23505' && field) {
    return conflict(
      `Another ${object.name} already has this ${fieldLabel(field).toLowerCase()}`,
      `${path}.${field.name}`,
    );
  }
  if (e.code === '23503') {
    // owner and createdBy are checked by triggers that name the column (metadata/user-references.ts).
    if (e.constraint === 'owner' || e.constraint === 'createdBy')
      return badInput({ path: `${path}.${e.constraint}`, message: 'must be the id of an existing user' });
    if (field) return badInput({ path: `${path}.${field.name}`, message: 'refers to a record that does not exist' });
    return conflict(`This ${object.name} is still referenced by other records`, undefined, {
      constraint: e.constraint,
    });
  }
  return translateDatabaseError(error, `writing ${object.name}`);
}
