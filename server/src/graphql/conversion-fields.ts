import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { conversionPreview, convertRecord, type ConversionChoice } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { JSONScalar } from './scalars';

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const nonNullList = <T extends GraphQLObjectType | GraphQLInputObjectType>(t: T) =>
  new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));

const ConversionAction = new GraphQLEnumType({
  name: 'ConversionAction',
  values: {
    CREATE: { value: 'create', description: 'Create the target from the mapping, with `data` over it' },
    USE: { value: 'use', description: 'Use the existing record `id` instead' },
    SKIP: { value: 'skip', description: 'Leave the target out (optional targets only)' },
  },
});

const ConversionChoiceInput = new GraphQLInputObjectType({
  name: 'ConversionChoiceInput',
  description: 'What to do with one target of the conversion; a target without a choice is created from the mapping',
  fields: {
    key: { type: new GraphQLNonNull(GraphQLString) },
    action: { type: new GraphQLNonNull(ConversionAction) },
    data: {
      type: JSONScalar,
      description: 'CREATE: field values over the mapped ones (references are set by the conversion)',
    },
    id: { type: GraphQLID, description: 'USE: the existing record' },
  },
});

const ConvertedTarget = new GraphQLObjectType({
  name: 'ConvertedTarget',
  fields: {
    key: { type: new GraphQLNonNull(GraphQLString) },
    object: { type: new GraphQLNonNull(GraphQLString) },
    id: { type: GraphQLID, description: 'The record made or used; null when skipped' },
    created: { type: new GraphQLNonNull(GraphQLBoolean) },
  },
});

const ConversionResult = new GraphQLObjectType({
  name: 'ConversionResult',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID), description: 'The converted record', resolve: (r) => r.source.id },
    targets: { type: nonNullList(ConvertedTarget) },
  },
});

const ConversionTargetPreview = new GraphQLObjectType({
  name: 'ConversionTargetPreview',
  fields: {
    key: { type: new GraphQLNonNull(GraphQLString) },
    object: { type: new GraphQLNonNull(GraphQLString) },
    optional: { type: new GraphQLNonNull(GraphQLBoolean) },
    canCreate: { type: new GraphQLNonNull(GraphQLBoolean) },
    data: { type: new GraphQLNonNull(JSONScalar), description: 'The mapped values it would be created with' },
    references: {
      type: new GraphQLNonNull(JSONScalar),
      description: 'Target field → the reference the conversion fills in (`$company`, `$source`)',
    },
    matches: {
      type: new GraphQLNonNull(JSONScalar),
      description: 'Existing records (as JSON) found by the `match` field that could be used instead',
    },
  },
});

const ConversionPreview = new GraphQLObjectType({
  name: 'ConversionPreview',
  fields: {
    converted: { type: new GraphQLNonNull(GraphQLBoolean), description: 'The record is converted already' },
    targets: { type: nonNullList(ConversionTargetPreview) },
  },
});

const source = { object: { type: new GraphQLNonNull(GraphQLString) }, id: { type: new GraphQLNonNull(GraphQLID) } };

/** Record conversion (a lead into a company, a contact and a deal): thin calls to the runtime's operations. */
export const conversionQueries: Fields = {
  conversionPreview: {
    type: new GraphQLNonNull(ConversionPreview),
    description:
      "What converting the record would create, and existing records it could use (by each target's `match`)",
    args: source,
    resolve: (_r, a: { object: string; id: string }, ctx) => conversionPreview(ctx.records, a.object, a.id),
  },
};

export const conversionMutations: Fields = {
  convertRecord: {
    type: new GraphQLNonNull(ConversionResult),
    description:
      "Converts a record per its object's `conversion`, all or nothing; problems at `targets.<key>.data.<field>`",
    args: { ...source, targets: { type: nonNullList(ConversionChoiceInput), defaultValue: [] } },
    resolve: (_r, a: { object: string; id: string; targets: ConversionChoice[] }, ctx) =>
      convertRecord(ctx.records, a.object, a.id, a.targets),
  },
};
