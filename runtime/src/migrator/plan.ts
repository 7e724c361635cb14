import type { FieldDef, Model, ObjectDef, PipelineDef } from '../model/model';
import { sameJson } from './diff';

/**
 * A plan: the changes that turn the current model into the desired one, in the order the migrator applies
 * them, and the model that results. Plans are plain data: printed by `--dry-run`, stored in revisions.
 *
 * Terminology: a change is *destructive* when applying it could lose data (removing an object or field,
 * narrowing a type, dropping select options); such plans need `allowDestructive`, and even then the data
 * is moved to the trash (renamed, not dropped) until it is purged.
 */
export type Change =
  | { readonly kind: 'createObject'; readonly object: ObjectDef }
  | {
      readonly kind: 'restoreObject';
      readonly object: ObjectDef;
      readonly trashId: number;
      readonly trashTable: string;
    }
  | { readonly kind: 'renameObject'; readonly from: ObjectDef; readonly to: ObjectDef }
  | { readonly kind: 'updateObject'; readonly before: ObjectDef; readonly after: ObjectDef }
  | { readonly kind: 'removeObject'; readonly object: ObjectDef; readonly destructive: string }
  | { readonly kind: 'addField'; readonly object: ObjectDef; readonly field: FieldDef }
  | {
      readonly kind: 'restoreField';
      readonly object: ObjectDef;
      readonly field: FieldDef;
      readonly trashId: number;
      readonly trashColumns: readonly string[];
      readonly trashJunction?: string | undefined;
    }
  | { readonly kind: 'renameField'; readonly object: ObjectDef; readonly from: FieldDef; readonly to: FieldDef }
  | {
      readonly kind: 'updateField';
      readonly object: ObjectDef;
      readonly before: FieldDef;
      readonly after: FieldDef;
      readonly destructive?: string | undefined;
    }
  | {
      readonly kind: 'removeField';
      readonly object: ObjectDef;
      readonly field: FieldDef;
      /** Undefined for computed fields (formula, rollup), which store nothing. */
      readonly destructive?: string | undefined;
    }
  | { readonly kind: 'setPipeline'; readonly before?: PipelineDef | undefined; readonly after: PipelineDef }
  | { readonly kind: 'removePipeline'; readonly pipeline: PipelineDef }
  | { readonly kind: 'setWorkflows'; readonly workflows: readonly unknown[] }
  | { readonly kind: 'setRoles'; readonly roles: readonly unknown[] };

export interface Plan {
  readonly changes: readonly Change[];
  /** The model after the plan (its revision is the current one until the plan is applied). */
  readonly model: Model;
}

export function isDestructive(change: Change): boolean {
  return 'destructive' in change && typeof change.destructive === 'string';
}

/** One line per change, as `stratum apply --dry-run` prints it. */
export function describeChange(change: Change): string {
  switch (change.kind) {
    case 'createObject':
      return `+ object ${change.object.name} (${change.object.fields.length} fields)`;
    case 'restoreObject':
      return `+ object ${change.object.name} (restored from the trash with its records)`;
    case 'renameObject':
      return `~ object ${change.from.name} → ${change.to.name}`;
    case 'updateObject':
      return `~ object ${change.after.name} (${objectChanges(change.before, change.after).join(', ')})`;
    case 'removeObject':
      return `- object ${change.object.name} (${change.destructive})`;
    case 'addField':
      return `+ field ${change.object.name}.${change.field.name} (${change.field.type})`;
    case 'restoreField':
      return `+ field ${change.object.name}.${change.field.name} (${change.field.type}, restored from the trash with its values)`;
    case 'renameField':
      return `~ field ${change.object.name}.${change.from.name} → ${change.to.name}`;
    case 'updateField':
      return (
        `~ field ${change.object.name}.${change.after.name}` +
        (change.before.type !== change.after.type ? ` (${change.before.type} → ${change.after.type})` : '') +
        (change.destructive ? ` (${change.destructive})` : '')
      );
    case 'removeField':
      return `- field ${change.object.name}.${change.field.name} (${change.destructive ?? `${change.field.type}; nothing stored`})`;
    case 'setPipeline':
      return `${change.before ? '~' : '+'} pipeline ${change.after.object}.${change.after.field} (${change.after.stages.map((s) => s.name).join(' → ')})`;
    case 'removePipeline':
      return `- pipeline ${change.pipeline.object}.${change.pipeline.field}`;
    case 'setWorkflows':
      return `~ workflows (${change.workflows.length})`;
    case 'setRoles':
      return `~ roles (${change.roles.length})`;
  }
}

/** What changed in an object's own keys, in words: `layout`, `conversion`, `validation rules`, `labels or settings`. */
function objectChanges(before: ObjectDef, after: ObjectDef): string[] {
  const header = (o: ObjectDef) => ({
    ...o,
    fields: undefined,
    key: undefined,
    validationRules: undefined,
    layout: undefined,
    conversion: undefined,
  });
  return [
    ...(sameJson(before.layout, after.layout) ? [] : ['layout']),
    ...(sameJson(before.conversion, after.conversion) ? [] : ['conversion']),
    ...(sameJson(before.validationRules, after.validationRules) ? [] : ['validation rules']),
    ...(sameJson(header(before), header(after)) ? [] : ['labels or settings']),
  ];
}
