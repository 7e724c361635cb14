import type { FieldDef, Model, ObjectDef } from '../model/model';
import type { FieldTypeRegistry } from '../fields/registry';
import { exportRule } from '../validation/rule-schema';

/**
 * The model as a manifest (`stratum export`): only what an admin wrote, never physical names, and without
 * keys that hold their default value, so a manifest applied and exported comes back as it was written.
 */
export function exportManifest(model: Model, types: FieldTypeRegistry): Record<string, unknown> {
  return {
    objects: model.objects.map((object) => exportObject(object, types)),
    pipelines: model.pipelines,
    workflows: model.workflows,
    roles: model.roles,
  };
}

function exportObject(object: ObjectDef, types: FieldTypeRegistry): Record<string, unknown> {
  const { key: _key, table: _table, fields, validationRules, layout, ...rest } = object;
  return {
    ...rest,
    fields: fields.map((f) => exportField(f, types)),
    ...(validationRules?.length ? { validationRules: validationRules.map(exportRule) } : {}),
    ...(layout ? { layout } : {}),
  };
}

function exportField(field: FieldDef, types: FieldTypeRegistry): Record<string, unknown> {
  const {
    key: _key,
    columns: _columns,
    junctionTable: _junction,
    system: _system,
    settings,
    required,
    unique,
    indexed,
    searchable,
    ...rest
  } = field;
  return {
    ...rest,
    ...(required ? { required } : {}),
    ...(unique ? { unique } : {}),
    ...(indexed ? { indexed } : {}),
    ...(searchable !== types.get(field.type).searchableByDefault ? { searchable } : {}),
    ...settings,
  };
}
