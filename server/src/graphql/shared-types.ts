import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLInputType,
  type GraphQLNullableType,
  type GraphQLOutputType,
} from 'graphql';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars';

/** `new GraphQLNonNull(t)`, short for the field maps that use it on every other line. */
export const nonNull = <T extends GraphQLNullableType>(t: T) => new GraphQLNonNull(t);

/** Types every generated schema shares: scalars, page info, operator filters, money and addresses. */
export const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: { hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) }, endCursor: { type: GraphQLString } },
});

export const OrderDirection = new GraphQLEnumType({ name: 'OrderDirection', values: { ASC: {}, DESC: {} } });

export const DateGranularity = new GraphQLEnumType({
  name: 'DateGranularity',
  values: {
    DAY: { value: 'day' },
    WEEK: { value: 'week' },
    MONTH: { value: 'month' },
    QUARTER: { value: 'quarter' },
    YEAR: { value: 'year' },
  },
});

export const Currency = new GraphQLObjectType({
  name: 'Currency',
  fields: { amount: { type: new GraphQLNonNull(GraphQLFloat) }, currency: { type: GraphQLString } },
});

export const CurrencyInput = new GraphQLInputObjectType({
  name: 'CurrencyInput',
  fields: { amount: { type: new GraphQLNonNull(GraphQLFloat) }, currency: { type: GraphQLString } },
});

const addressFields = {
  street: { type: GraphQLString },
  city: { type: GraphQLString },
  region: { type: GraphQLString },
  postalCode: { type: GraphQLString },
  country: { type: GraphQLString },
};
export const Address = new GraphQLObjectType({ name: 'Address', fields: addressFields });
export const AddressInput = new GraphQLInputObjectType({ name: 'AddressInput', fields: addressFields });

export const User = new GraphQLObjectType({
  name: 'User',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    email: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: GraphQLString },
  },
});

function operatorFilter(name: string, type: GraphQLInputType, operators: readonly string[]): GraphQLInputObjectType {
  const list = new GraphQLList(new GraphQLNonNull(type));
  const fields: Record<string, { type: GraphQLInputType }> = {};
  for (const op of operators)
    fields[op] = { type: op === 'in' || op === 'nin' ? list : op === 'isNull' ? GraphQLBoolean : type };
  return new GraphQLInputObjectType({ name, fields });
}

const ORDERED = ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'isNull'];
export const FILTERS: Record<string, GraphQLInputObjectType> = {
  StringFilter: operatorFilter('StringFilter', GraphQLString, [...ORDERED, 'contains', 'startsWith']),
  SelectFilter: operatorFilter('SelectFilter', GraphQLString, ['eq', 'neq', 'in', 'nin', 'isNull']),
  NumberFilter: operatorFilter('NumberFilter', GraphQLFloat, ORDERED),
  IDFilter: operatorFilter('IDFilter', GraphQLID, ['eq', 'neq', 'in', 'nin', 'isNull']),
  BooleanFilter: operatorFilter('BooleanFilter', GraphQLBoolean, ['eq', 'neq', 'isNull']),
  DateFilter: operatorFilter('DateFilter', DateScalar, ORDERED),
  DateTimeFilter: operatorFilter('DateTimeFilter', DateTimeScalar, ORDERED),
  StringListFilter: new GraphQLInputObjectType({
    name: 'StringListFilter',
    fields: {
      contains: { type: GraphQLString },
      eq: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
      isNull: { type: GraphQLBoolean },
    },
  }),
};

/** Filters on users (owner, createdBy, relations to users): `{ owner: { id: { eq: "…" } } }`. */
export const UserFilter = new GraphQLInputObjectType({
  name: 'UserFilter',
  fields: {
    id: { type: FILTERS.IDFilter! },
    email: { type: FILTERS.StringFilter! },
    name: { type: FILTERS.StringFilter! },
  },
});

const NAMED: Record<string, GraphQLOutputType & GraphQLInputType> = {
  String: GraphQLString,
  Float: GraphQLFloat,
  Int: GraphQLInt,
  Boolean: GraphQLBoolean,
  ID: GraphQLID,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
};

/** A field type's declared GraphQL type name (`Currency`, `[String!]`) as an output type. */
export function outputType(name: string): GraphQLOutputType {
  const list = /^\[(\w+)(!?)\]$/.exec(name);
  if (list) return new GraphQLList(list[2] ? new GraphQLNonNull(outputType(list[1]!)) : outputType(list[1]!));
  if (name === 'Currency') return Currency;
  if (name === 'Address') return Address;
  return NAMED[name] ?? JSONScalar;
}

/** A field type's declared GraphQL input type name as an input type. */
export function inputType(name: string): GraphQLInputType {
  const list = /^\[(\w+)(!?)\]$/.exec(name);
  if (list) return new GraphQLList(list[2] ? new GraphQLNonNull(inputType(list[1]!)) : inputType(list[1]!));
  if (name === 'CurrencyInput') return CurrencyInput;
  if (name === 'AddressInput') return AddressInput;
  return NAMED[name] ?? JSONScalar;
}
