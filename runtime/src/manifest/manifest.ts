import type { FieldDef, ObjectDef, PipelineDef } from '../model/model';

/**
 * A validated manifest: the desired model without physical names. `renamedFrom` tells the migrator that an
 * object or field was renamed (its data moves with it) rather than removed and added.
 */
export interface FieldSpec extends Omit<FieldDef, 'key' | 'columns' | 'junctionTable' | 'system'> {
  readonly renamedFrom?: string | undefined;
}

export interface ObjectSpec extends Omit<ObjectDef, 'key' | 'table' | 'fields'> {
  readonly fields: readonly FieldSpec[];
  readonly renamedFrom?: string | undefined;
}

export interface Manifest {
  readonly objects: readonly ObjectSpec[];
  readonly pipelines: readonly PipelineDef[];
  readonly workflows: readonly unknown[];
  readonly roles: readonly unknown[];
}

/** API names: `^[a-z][a-zA-Z0-9]{0,62}$` (CONTRACT.md). */
export const NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,62}$/;
