import {
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
} from 'graphql';
import {
  fieldValueType,
  isComputedField,
  relationKind,
  relationSettings,
  SYSTEM_FIELDS,
  USER_OBJECT,
  type FieldDef,
  type FieldType,
  type FieldTypeRegistry,
  type Model,
  type ObjectDef,
  type RecordData,
} from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { EVERYTHING, type Visibility } from './visibility';
import { objectNames } from './names';
import { DateTimeScalar, JSONScalar } from './scalars';
import {
  DateGranularity,
  FILTERS,
  inputType,
  OrderDirection,
  outputType,
  PageInfo,
  User,
  UserFilter,
} from './shared-types';
import { relationResolvers } from './relation-resolvers';

export interface ObjectTypes {
  readonly object: ObjectDef;
  readonly type: GraphQLObjectType;
  readonly connection: GraphQLObjectType;
  readonly filter: GraphQLInputObjectType;
  readonly orderBy: GraphQLInputObjectType;
  readonly createInput: GraphQLInputObjectType;
  readonly updateInput: GraphQLInputObjectType;
  readonly updateManyInput: GraphQLInputObjectType;
  readonly groupBy: GraphQLInputObjectType;
  readonly aggregateGroup: GraphQLObjectType;
}

const nonNull = <T extends GraphQLInputType>(type: T) => new GraphQLNonNull(type);
const NUMERIC = new Set(['number', 'percent', 'rating', 'currency']);

/**
 * Builds the GraphQL types of every object of a model. Types refer to each other through thunks, so
 * relations may form cycles (company ↔ contact).
 */
export function buildObjectTypes(
  model: Model,
  types: FieldTypeRegistry,
  visibility: Visibility = EVERYTHING,
): Map<string, ObjectTypes> {
  const all = new Map<string, ObjectTypes>();
  const get = (name: string) => all.get(name)!;
  for (const object of visibleObjects(model, visibility)) {
    const names = objectNames(object);
    const description = object.description;
    // Formulas and rollups behave like their result type (number, text, currency…).
    const valueType = (f: FieldDef) => fieldValueType(model, types, object.name, f);
    const scalarFields = object.fields.filter(
      (f) => (f.columns.length > 0 || isComputedField(types, f)) && f.type !== 'relation',
    );

    const type: GraphQLObjectType = new GraphQLObjectType<RecordData, GraphQLContext>({
      name: names.type,
      ...(description ? { description } : {}),
      fields: () => outputFields(object, types, get, valueType),
    });
    const connection = new GraphQLObjectType({
      name: names.connection,
      fields: () => ({
        edges: {
          type: nonNullList(
            new GraphQLObjectType({
              name: names.edge,
              fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(type) } },
            }),
          ),
        },
        pageInfo: { type: new GraphQLNonNull(PageInfo) },
        totalCount: { type: new GraphQLNonNull(GraphQLInt) },
      }),
    });
    const filter: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: names.filter,
      fields: () => filterFields(object, valueType, get, filter),
    });
    const sortable = [
      'id',
      'createdAt',
      'updatedAt',
      ...scalarFields.filter((f) => valueType(f).sortable).map((f) => f.name),
    ];
    const orderBy = new GraphQLInputObjectType({
      name: names.orderBy,
      fields: {
        field: {
          type: nonNull(
            new GraphQLEnumType({ name: names.orderField, values: Object.fromEntries(sortable.map((n) => [n, {}])) }),
          ),
        },
        direction: { type: OrderDirection, defaultValue: 'ASC' },
      },
    });
    const createInput = new GraphQLInputObjectType({
      name: names.createInput,
      fields: () => inputFields(object, types, 'create', visibility),
    });
    const updateInput = new GraphQLInputObjectType({
      name: names.updateInput,
      fields: () => inputFields(object, types, 'update', visibility),
    });
    const updateManyInput = new GraphQLInputObjectType({
      name: names.updateManyInput,
      fields: { id: { type: nonNull(GraphQLID) }, data: { type: nonNull(updateInput) } },
    });
    // Owners and creation times group too (records per owner, new records per month); ids never.
    const groupable = [...SYSTEM_FIELDS.filter((f) => f.name !== 'id'), ...object.fields].filter(
      (f) =>
        ['select', 'boolean', 'text', 'email', 'url', 'phone', 'date', 'datetime', 'currency', 'rating'].includes(
          f.type,
        ) ||
        (f.type === 'relation' && relationKind(f) === 'manyToOne') ||
        (isComputedField(types, f) && valueType(f).type !== f.type),
    );
    const groupBy = new GraphQLInputObjectType({
      name: names.groupBy,
      fields: {
        field: {
          type: nonNull(
            new GraphQLEnumType({
              name: names.groupField,
              values: groupable.length ? Object.fromEntries(groupable.map((f) => [f.name, {}])) : { id: {} },
            }),
          ),
        },
        granularity: { type: DateGranularity },
      },
    });
    const numeric = object.fields.filter((f) => NUMERIC.has(valueType(f).type));
    const numbers = new GraphQLObjectType({
      name: names.numbers,
      fields: numeric.length
        ? Object.fromEntries(numeric.map((f) => [f.name, { type: GraphQLFloat }]))
        : { _none: { type: GraphQLFloat, description: 'This object has no numeric fields' } },
    });
    const aggregateGroup = new GraphQLObjectType({
      name: names.aggregateGroup,
      fields: {
        key: { type: new GraphQLNonNull(JSONScalar), description: 'The group value per grouped field' },
        count: { type: new GraphQLNonNull(GraphQLInt) },
        sum: { type: new GraphQLNonNull(numbers) },
        avg: { type: new GraphQLNonNull(numbers) },
        min: { type: new GraphQLNonNull(numbers) },
        max: { type: new GraphQLNonNull(numbers) },
      },
    });
    all.set(object.name, {
      object,
      type,
      connection,
      filter,
      orderBy,
      createInput,
      updateInput,
      updateManyInput,
      groupBy,
      aggregateGroup,
    });
  }
  return all;
}

const nonNullList = <T extends GraphQLObjectType>(type: T) =>
  new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));

function outputFields(
  object: ObjectDef,
  types: FieldTypeRegistry,
  get: (name: string) => ObjectTypes,
  valueType: (field: FieldDef) => FieldType,
): GraphQLFieldConfigMap<RecordData, GraphQLContext> {
  const resolvers = relationResolvers(object);
  const fields: GraphQLFieldConfigMap<RecordData, GraphQLContext> = {
    id: { type: new GraphQLNonNull(GraphQLID) },
    createdAt: { type: new GraphQLNonNull(DateTimeScalar) },
    updatedAt: { type: new GraphQLNonNull(DateTimeScalar) },
    createdBy: { type: User, resolve: resolvers.user('createdBy') },
    owner: { type: User, resolve: resolvers.user('owner') },
  };
  for (const field of object.fields) {
    const description = field.description;
    if (field.type === 'relation') {
      const { target } = relationSettings(field);
      if (relationKind(field) === 'manyToOne') {
        fields[field.name] =
          target === USER_OBJECT
            ? { type: User, resolve: resolvers.user(field.name) }
            : { type: get(target).type, resolve: resolvers.manyToOne(field) };
      } else {
        const related = get(target);
        fields[field.name] = {
          type: new GraphQLNonNull(related.connection),
          args: listArgs(related),
          resolve: resolvers.toMany(field),
        };
      }
    } else {
      const output = outputType(valueType(field).graphql.output);
      fields[field.name] = {
        type: field.required || field.type === 'multiSelect' ? new GraphQLNonNull(output) : output,
      };
    }
    if (description) fields[field.name]!.description = description;
    else if (isComputedField(types, field)) fields[field.name]!.description = computedDescription(field);
  }
  return fields;
}

/** Arguments of every list: top-level queries and to-many relations alike. */
export function listArgs(types: ObjectTypes) {
  return {
    filter: { type: types.filter },
    orderBy: { type: new GraphQLList(new GraphQLNonNull(types.orderBy)) },
    first: { type: GraphQLInt },
    after: { type: GraphQLString },
  };
}

function filterFields(
  object: ObjectDef,
  valueType: (field: FieldDef) => FieldType,
  get: (name: string) => ObjectTypes,
  self: GraphQLInputObjectType,
): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = {
    and: { type: new GraphQLList(nonNull(self)) },
    or: { type: new GraphQLList(nonNull(self)) },
    not: { type: self },
    id: { type: FILTERS.IDFilter! },
    createdAt: { type: FILTERS.DateTimeFilter! },
    updatedAt: { type: FILTERS.DateTimeFilter! },
    createdBy: { type: UserFilter },
    owner: { type: UserFilter },
  };
  for (const field of object.fields) {
    if (field.type === 'relation') {
      const { target } = relationSettings(field);
      if (target === USER_OBJECT) fields[field.name] = { type: UserFilter };
      else
        fields[field.name] = {
          type: get(target).filter,
          description:
            relationKind(field) === 'manyToOne' ? 'The related record matches' : 'Some related record matches',
        };
      continue;
    }
    const filterName = valueType(field).graphql.filter;
    const filter = filterName ? FILTERS[filterName] : undefined;
    if (filter) fields[field.name] = { type: filter };
  }
  return fields;
}

function inputFields(
  object: ObjectDef,
  types: FieldTypeRegistry,
  mode: 'create' | 'update',
  visibility: Visibility,
): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = visibility.field(object.name, 'owner', mode)
    ? { owner: { type: GraphQLID } }
    : {};
  if (mode === 'create')
    fields.id = { type: GraphQLID, description: 'Optional: a uuid chosen by the client (imports)' };
  for (const field of object.fields) {
    if (field.type === 'autonumber' || (field.type === 'relation' && relationKind(field) === 'oneToMany')) continue;
    if (isComputedField(types, field)) continue;
    if (!visibility.field(object.name, field.name, mode)) continue;
    const base = inputFieldType(field, types);
    const required = mode === 'create' && field.required && field.default === undefined;
    fields[field.name] = {
      type: required ? nonNull(base) : base,
      ...(field.description ? { description: field.description } : {}),
    };
  }
  return fields;
}

/** What a formula or rollup computes, for the schema's documentation. */
function computedDescription(field: FieldDef): string {
  const s = field.settings as { expression?: string; relation?: string; function?: string; field?: string };
  if (field.type === 'formula') return `Computed: ${s.expression ?? ''}`;
  if (field.type === 'rollup')
    return `Computed: ${s.function ?? ''} of ${s.relation ?? ''}${s.field ? `.${s.field}` : ''}`;
  return 'Computed';
}

function inputFieldType(field: FieldDef, types: FieldTypeRegistry): GraphQLInputType {
  if (field.type === 'relation')
    return relationKind(field) === 'manyToMany' ? new GraphQLList(nonNull(GraphQLID)) : GraphQLID;
  return inputType(types.get(field.type).graphql.input);
}

/**
 * The objects and fields a role set may see: unreadable objects go, and so do unreadable fields and
 * relations to unreadable objects (their names never reach that role set's schema).
 */
function visibleObjects(model: Model, visibility: Visibility): ObjectDef[] {
  return model.objects
    .filter((o) => visibility.object(o.name))
    .map((o) => ({
      ...o,
      fields: o.fields.filter((f) => {
        if (!visibility.field(o.name, f.name, 'read')) return false;
        if (f.type !== 'relation') return true;
        const { target } = relationSettings(f);
        return target === USER_OBJECT || visibility.object(target);
      }),
    }));
}
