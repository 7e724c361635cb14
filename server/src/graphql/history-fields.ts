import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { findObject, findOne, notFound, recordHistory, type HistoryEntry } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';
import { User } from './shared-types';

/**
 * A record's field history (the record page's timeline), under the caller's permissions: the record must be
 * readable through the record service's own read path, and only changes of fields the caller may read are
 * answered.
 */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

const HistoryEntryType = new GraphQLObjectType<HistoryEntry, GraphQLContext>({
  name: 'HistoryEntry',
  description: 'One changed field of one update of a record',
  fields: {
    field: { type: new GraphQLNonNull(GraphQLString) },
    oldValue: { type: JSONScalar },
    newValue: { type: JSONScalar },
    actor: {
      type: User,
      description: 'Who made the change (null for the system: seeding, the CLI)',
      resolve: (entry, _a, ctx) => (entry.actor ? ctx.loaders.users().load(entry.actor) : null),
    },
    at: { type: new GraphQLNonNull(DateTimeScalar) },
    cursor: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'Pass it as `after` to read the entries older than this one (keyset paging)',
    },
  },
});

export const historyQueries: Fields = {
  recordHistory: {
    type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(HistoryEntryType))),
    description: 'The field changes of a record, newest first (fields the caller may read only)',
    args: {
      object: { type: new GraphQLNonNull(GraphQLString) },
      id: { type: new GraphQLNonNull(GraphQLID) },
      first: { type: GraphQLInt, description: 'At most this many entries (default 100, at most 1000)' },
      after: { type: GraphQLString, description: 'Only entries older than this one: the `cursor` of an entry' },
    },
    resolve: async (_r, a: { object: string; id: string; first?: number | null; after?: string | null }, ctx) => {
      const object = findObject(ctx.model, a.object);
      if (!object) throw notFound(`Unknown object "${a.object}"`, { object: a.object });
      // The read path decides: FORBIDDEN without read access to the object, not found outside its scope.
      if (!(await findOne(ctx.records, object.name, a.id)))
        throw notFound(`No ${object.name} with id "${a.id}"`, { object: object.name, id: a.id });
      return recordHistory(ctx.records, object.name, a.id, { limit: a.first ?? 100, after: a.after ?? undefined });
    },
  },
};
