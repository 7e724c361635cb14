import {
  GraphQLFloat,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { stageDurations, type StageDuration } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';

/** The dashboard's "average time in stage": a thin face of the runtime's `stageDurations`. */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

const StageDurationType = new GraphQLObjectType<StageDuration, GraphQLContext>({
  name: 'StageDuration',
  description: 'How long records stayed at one value of a select field, from its history (finished stays only)',
  fields: {
    stage: { type: new GraphQLNonNull(GraphQLString) },
    records: { type: new GraphQLNonNull(GraphQLInt), description: 'Records that left the stage at least once' },
    averageSeconds: {
      type: new GraphQLNonNull(GraphQLFloat),
      description: 'The average total time one of those records spent at the stage',
    },
  },
});

export const stageDurationQueries: Fields = {
  stageDurations: {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(StageDurationType))),
    description: 'The average time in each stage of a select field (a pipeline), over the records the caller may read',
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      field: { type: new GraphQLNonNull(GraphQLString) },
      filter: { type: JSONScalar, description: 'Which records count: a condition object, as in roles and workflows' },
      since: { type: DateTimeScalar, description: 'Only stays that ended at or after this instant' },
    },
    resolve: (_r, a: { object: string; field: string; filter?: unknown; since?: Date | string | null }, ctx) =>
      stageDurations(ctx.records, a.object, a.field, {
        filter: a.filter ?? undefined,
        since: a.since ?? undefined,
      }),
  },
};
