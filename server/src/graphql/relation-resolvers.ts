import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { relationSettings, type FieldDef, type ObjectDef, type RecordData, type OrderBy } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { toConnection } from './connection';
import { fieldsSelected } from './selected-fields';

type Resolver = GraphQLFieldResolver<RecordData, GraphQLContext>;

export interface ListArgs {
  readonly filter?: unknown;
  readonly orderBy?: readonly OrderBy[] | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Relation fields resolve through the request's DataLoaders: one query per relation, not per record. */
export function relationResolvers(object: ObjectDef) {
  return {
    user:
      (field: string): Resolver =>
      (record, _args, ctx) => {
        const id = record[field] as string | null;
        return id ? ctx.loaders.users().load(id) : null;
      },
    manyToOne:
      (field: FieldDef): Resolver =>
      (record, _args, ctx, info) => {
        const id = record[field.name] as string | null;
        return id ? ctx.loaders.record(relationSettings(field).target, fieldsSelected(info)).load(id) : null;
      },
    toMany:
      (field: FieldDef): GraphQLFieldResolver<RecordData, GraphQLContext, ListArgs> =>
      async (record, args, ctx, info) => {
        const page = await ctx.loaders
          .related(object.name, field.name, {
            filter: args.filter ?? undefined,
            filterSyntax: 'api',
            orderBy: args.orderBy ?? undefined,
            first: args.first ?? undefined,
            after: args.after ?? undefined,
            totalCount: selects(info, 'totalCount'),
            computed: fieldsSelected(info, ['edges', 'node']),
          })
          .load(record.id);
        return toConnection(page);
      },
  };
}

/** Whether the query asks for a field of this field's result (e.g. `totalCount`, which costs a count). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return fieldsSelected(info).has(name);
}
