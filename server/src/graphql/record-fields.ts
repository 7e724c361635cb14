import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import {
  aggregate,
  createMany,
  deleteMany,
  deleteRecord,
  findMany,
  findOne,
  restoreRecord,
  updateMany,
  type GroupBy,
} from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { toConnection } from './connection';
import { objectNames } from './names';
import { listArgs, type ObjectTypes } from './object-types';
import { selects, type ListArgs } from './relation-resolvers';
import { fieldsSelected } from './selected-fields';
import { EVERYTHING, type Visibility } from './visibility';

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

/**
 * The generated queries and mutations of one object (CONTRACT.md). Each resolver is one call to a runtime
 * operation; validation, errors and SQL all live in the runtime.
 */
export function recordQueries(types: ObjectTypes): Fields {
  const names = objectNames(types.object);
  const object = types.object.name;
  return {
    [names.one]: {
      type: types.type,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      // Formulas and rollups the query does not show are not computed.
      resolve: (_root, args: { id: string }, ctx, info) =>
        findOne(ctx.records, object, args.id, { computed: fieldsSelected(info) }),
    },
    [names.many]: {
      type: new GraphQLNonNull(types.connection),
      args: { ...listArgs(types), search: { type: GraphQLString } },
      resolve: async (_root, args: ListArgs & { search?: string | null }, ctx, info) =>
        toConnection(
          await findMany(ctx.records, object, {
            filter: args.filter ?? undefined,
            filterSyntax: 'api',
            orderBy: args.orderBy ?? undefined,
            first: args.first ?? undefined,
            after: args.after ?? undefined,
            search: args.search ?? undefined,
            totalCount: selects(info, 'totalCount'),
            computed: fieldsSelected(info, ['edges', 'node']),
          }),
        ),
    },
    [names.aggregate]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.aggregateGroup))),
      description: 'Counts and sum/avg/min/max of numeric fields, grouped by fields (dashboards)',
      args: {
        filter: { type: types.filter },
        search: { type: GraphQLString },
        groupBy: { type: new GraphQLList(new GraphQLNonNull(types.groupBy)) },
      },
      resolve: (_root, args: { filter?: unknown; search?: string | null; groupBy?: GroupBy[] | null }, ctx) =>
        aggregate(ctx.records, object, {
          filter: args.filter ?? undefined,
          filterSyntax: 'api',
          search: args.search ?? undefined,
          groupBy: args.groupBy ?? [],
        }),
    },
  };
}

export function recordMutations(types: ObjectTypes, visibility: Visibility = EVERYTHING): Fields {
  const names = objectNames(types.object);
  const object = types.object.name;
  const list = <T extends import('graphql').GraphQLInputType>(t: T) =>
    new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(t)));
  // A role set only gets the mutations it may ever use (an input type without fields is not even valid).
  const allowed = (action: 'create' | 'update' | 'delete', input?: import('graphql').GraphQLInputObjectType) =>
    visibility.action(object, action) && (!input || Object.keys(input.getFields()).length > 0);
  const all: Fields = {
    [names.create]: {
      type: new GraphQLNonNull(types.type),
      args: { data: { type: new GraphQLNonNull(types.createInput) } },
      resolve: async (_root, args: { data: unknown }, ctx) => (await createMany(ctx.records, object, [args.data]))[0],
    },
    [names.createMany]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.type))),
      args: { data: { type: list(types.createInput) } },
      resolve: (_root, args: { data: unknown[] }, ctx) => createMany(ctx.records, object, args.data),
    },
    [names.update]: {
      type: new GraphQLNonNull(types.type),
      args: { id: { type: new GraphQLNonNull(GraphQLID) }, data: { type: new GraphQLNonNull(types.updateInput) } },
      resolve: async (_root, args: { id: string; data: unknown }, ctx) =>
        (await updateMany(ctx.records, object, [args]))[0],
    },
    [names.updateMany]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.type))),
      args: { data: { type: list(types.updateManyInput) } },
      resolve: (_root, args: { data: { id: string; data: unknown }[] }, ctx) =>
        updateMany(ctx.records, object, args.data),
    },
    [names.delete]: {
      type: types.type,
      description: 'Soft delete: the record can be restored',
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: { id: string }, ctx) => deleteRecord(ctx.records, object, args.id),
    },
    [names.deleteMany]: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(types.type))),
      description:
        'Soft-deletes many records in one transaction, all or nothing (each can be restored). A record the caller may see but not delete refuses the whole batch: FORBIDDEN, with a problem at `ids[i]` for each such record and their ids in `extensions.ids`; an id that is not a live record they may read: NOT_FOUND, ids in `extensions.ids`',
      args: { ids: { type: list(GraphQLID) } },
      resolve: (_root, args: { ids: string[] }, ctx) => deleteMany(ctx.records, object, args.ids),
    },
    [names.restore]: {
      type: types.type,
      args: { id: { type: new GraphQLNonNull(GraphQLID) } },
      resolve: (_root, args: { id: string }, ctx) => restoreRecord(ctx.records, object, args.id),
    },
  };
  const keep: Record<string, boolean> = {
    [names.create]: allowed('create', types.createInput),
    [names.createMany]: allowed('create', types.createInput),
    [names.update]: allowed('update', types.updateInput),
    [names.updateMany]: allowed('update', types.updateInput),
    [names.delete]: allowed('delete'),
    [names.deleteMany]: allowed('delete'),
    [names.restore]: allowed('delete'),
  };
  return Object.fromEntries(Object.entries(all).filter(([name]) => keep[name]));
}
