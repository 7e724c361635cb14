import type { ConditionTarget, RowRestriction, ScalarField, TargetField } from '../conditions/target';
import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind, relationSettings } from '../fields/relation-type';
import { META_SCHEMA } from '../metadata/bootstrap';
import { findField, findObject, USER_OBJECT, type FieldDef, type Model, type ObjectDef } from './model';
import { SYSTEM_FIELDS } from './system-fields';
import { EQUALITY, ORDERED, TEXTUAL } from '../conditions/operators';
import { computedFieldsOf } from '../formulas/analyze';
import { typedFormulaSql } from '../formulas/compile-sql';
import { computedColumnNames } from '../formulas/output-columns';

const cache = new WeakMap<Model, Map<string, ConditionTarget>>();

/**
 * The condition target of an object: what the one condition compiler needs to turn `{ company: { name:
 * { $startsWith: "A" } } }` into SQL on this model. Built once per model revision and object.
 */
export function conditionTarget(model: Model, types: FieldTypeRegistry, objectName: string): ConditionTarget {
  let targets = cache.get(model);
  if (!targets) cache.set(model, (targets = new Map()));
  const cached = targets.get(objectName);
  if (cached) return cached;
  const target = objectName === USER_OBJECT ? userTarget() : buildTarget(model, types, objectName);
  targets.set(objectName, target);
  return target;
}

function buildTarget(model: Model, types: FieldTypeRegistry, objectName: string): ConditionTarget {
  const object = findObject(model, objectName);
  if (!object) throw new Error(`Unknown object "${objectName}"`);
  const fields = new Map<string, TargetField>();
  const field = (name: string): TargetField | undefined => {
    if (name === SHARES_FIELD) return sharesRelation(model);
    if (!fields.has(name)) {
      const def = SYSTEM_FIELDS.find((f) => f.name === name) ?? findField(object, name);
      const resolved = def ? targetField(model, types, object, def) : undefined;
      if (!resolved) return undefined;
      fields.set(name, resolved);
    }
    return fields.get(name);
  };
  return {
    object: object.name,
    schema: model.schema,
    table: object.table,
    idColumn: 'id',
    deletedColumn: 'deletedAt',
    field,
  };
}

function targetField(
  model: Model,
  types: FieldTypeRegistry,
  object: ObjectDef,
  def: FieldDef,
): TargetField | undefined {
  if (def.name === 'id') return scalar('id', 'id', 'uuid', EQUALITY);
  if (!def.system && types.has(def.type) && types.get(def.type).computed)
    return computedField(model, types, object, def);
  if (def.type === 'relation') {
    const { target } = relationSettings(def);
    const kind = relationKind(def);
    const related = () => conditionTarget(model, types, target);
    if (kind === 'manyToOne')
      return {
        kind: 'relation',
        name: def.name,
        cardinality: 'one',
        join: { kind: 'foreignKey', column: def.columns[0]! },
        target: related,
      };
    if (kind === 'oneToMany') {
      const inverse = findField(findObject(model, target)!, relationSettings(def).inverse!)!;
      return {
        kind: 'relation',
        name: def.name,
        cardinality: 'many',
        join: { kind: 'inverse', targetColumn: inverse.columns[0]! },
        target: related,
      };
    }
    return {
      kind: 'relation',
      name: def.name,
      cardinality: 'many',
      join: {
        kind: 'junction',
        schema: model.schema,
        table: def.junctionTable!,
        sourceColumn: 'source',
        targetColumn: 'target',
      },
      target: related,
    };
  }
  const type = types.get(def.type);
  if (!type.valueKind || def.columns.length === 0) return undefined;
  return scalar(def.name, def.columns[0]!, type.valueKind, type.operators);
}

/**
 * A formula or rollup: compared by its SQL expression (a currency result by its amount), with the
 * operators of its result type. Undefined when it cannot be computed (the migrator refuses such models).
 */
function computedField(
  model: Model,
  types: FieldTypeRegistry,
  object: ObjectDef,
  def: FieldDef,
): TargetField | undefined {
  const outcome = computedFieldsOf(model, types, (name) => conditionTarget(model, types, name)).outcome(
    object.name,
    def.name,
  );
  if (!outcome?.ok) return undefined;
  const { analysis } = outcome;
  const valueType = types.get(analysis.type);
  if (!valueType.valueKind) return undefined;
  return {
    ...scalar(def.name, computedColumnNames(def)[0], valueType.valueKind, valueType.operators),
    computed: Object.freeze({
      sql: (alias: string, restrict?: RowRestriction) => typedFormulaSql(analysis.value, alias, restrict),
    }),
  };
}

function scalar(
  name: string,
  column: string,
  valueKind: ScalarField['valueKind'],
  operators: ScalarField['operators'],
): ScalarField {
  return { kind: 'scalar', name, column, valueKind, operators };
}

/** Users as a relation target: filterable by id, email, name and whether they are active. */
function userTarget(): ConditionTarget {
  const fields: Record<string, TargetField> = {
    id: scalar('id', 'id', 'uuid', EQUALITY),
    email: scalar('email', 'email', 'text', TEXTUAL),
    name: scalar('name', 'name', 'text', TEXTUAL),
    active: scalar('active', 'active', 'boolean', ['eq', 'neq']),
    createdAt: scalar('createdAt', 'createdAt', 'datetime', ORDERED),
  };
  return { object: USER_OBJECT, schema: META_SCHEMA, table: 'users', idColumn: 'id', field: (name) => fields[name] };
}

/**
 * The virtual relation from any record to the shares that point at it (`_shares`: record sharing). Its
 * name cannot clash with a field (API names start with a letter); permission scopes use it to let a
 * record's shares extend what a role may read or edit.
 */
export const SHARES_FIELD = '_shares';

function sharesRelation(model: Model): TargetField {
  const target: ConditionTarget = {
    object: SHARES_FIELD,
    schema: model.schema,
    table: '_shares',
    idColumn: 'id',
    field: (name) => SHARE_FIELDS[name],
  };
  return {
    kind: 'relation',
    name: SHARES_FIELD,
    cardinality: 'many',
    join: { kind: 'inverse', targetColumn: 'recordId' },
    target: () => target,
  };
}

const SHARE_FIELDS: Record<string, TargetField> = {
  object: scalar('object', 'object', 'text', EQUALITY),
  userId: scalar('userId', 'userId', 'uuid', EQUALITY),
  teamId: scalar('teamId', 'teamId', 'uuid', EQUALITY),
  access: scalar('access', 'access', 'text', EQUALITY),
};
