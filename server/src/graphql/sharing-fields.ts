import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { badInput, recordShares, shareRecord, unshareRecord, type ShareWith } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { DateTimeScalar } from './scalars';

const ShareAccess = new GraphQLEnumType({
  name: 'ShareAccess',
  values: { READ: { value: 'read' }, EDIT: { value: 'edit' } },
});

const Share = new GraphQLObjectType({
  name: 'Share',
  fields: {
    userId: { type: GraphQLID },
    teamId: { type: GraphQLID },
    access: { type: new GraphQLNonNull(ShareAccess) },
    createdBy: { type: GraphQLID },
    createdAt: { type: new GraphQLNonNull(DateTimeScalar) },
  },
});

const shares = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Share)));
const target = { object: { type: new GraphQLNonNull(GraphQLString) }, id: { type: new GraphQLNonNull(GraphQLID) } };
const withWhom = { userId: { type: GraphQLID }, teamId: { type: GraphQLID } };

function recipient(a: { userId?: string | null; teamId?: string | null }): ShareWith {
  if (a.userId && !a.teamId) return { userId: a.userId };
  if (a.teamId && !a.userId) return { teamId: a.teamId };
  throw badInput({ path: 'userId', message: 'give exactly one of userId and teamId' });
}

type Args = { object: string; id: string; userId?: string | null; teamId?: string | null; access?: 'read' | 'edit' };

/** Record sharing: whoever may update a record may share it with a user or a team, to read or to edit. */
export const sharingQueries: GraphQLFieldConfigMap<unknown, GraphQLContext> = {
  recordShares: {
    type: shares,
    args: target,
    resolve: (_r, a: Args, ctx) => recordShares(ctx.records, a.object, a.id),
  },
};

export const sharingMutations: GraphQLFieldConfigMap<unknown, GraphQLContext> = {
  shareRecord: {
    type: shares,
    args: { ...target, ...withWhom, access: { type: ShareAccess, defaultValue: 'read' } },
    resolve: (_r, a: Args, ctx) => shareRecord(ctx.records, a.object, a.id, recipient(a), a.access ?? 'read'),
  },
  unshareRecord: {
    type: shares,
    args: { ...target, ...withWhom },
    resolve: (_r, a: Args, ctx) => unshareRecord(ctx.records, a.object, a.id, recipient(a)),
  },
};
