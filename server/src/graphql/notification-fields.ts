import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { markNotificationsRead, myNotifications, type Notification, type NotificationPage } from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { DateTimeScalar } from './scalars';
import { PageInfo, nonNull } from './shared-types';

/**
 * The caller's in-app notifications (written by workflows' `notify` steps). Every field is scoped to
 * the signed-in user in the runtime's operations: nobody reads or marks another user's notifications.
 */
type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

const NotificationType = new GraphQLObjectType<Notification>({
  name: 'Notification',
  fields: {
    id: { type: nonNull(GraphQLID) },
    title: { type: nonNull(GraphQLString) },
    body: { type: GraphQLString },
    message: { type: nonNull(GraphQLString), deprecationReason: 'Use title', resolve: (n) => n.title },
    object: { type: GraphQLString, description: 'The object of the linked record' },
    recordId: { type: GraphQLID },
    runId: { type: GraphQLID, description: 'The workflow run that sent it' },
    approvalId: { type: GraphQLID, description: 'The approval it asks the caller to decide (see myApprovals)' },
    createdAt: { type: nonNull(DateTimeScalar) },
    readAt: { type: DateTimeScalar },
  },
});

const NotificationConnection = new GraphQLObjectType<NotificationPage>({
  name: 'NotificationConnection',
  fields: {
    nodes: { type: nonNull(new GraphQLList(nonNull(NotificationType))), resolve: (p) => p.items },
    pageInfo: {
      type: nonNull(PageInfo),
      resolve: (p) => ({ hasNextPage: p.hasNextPage, endCursor: p.endCursor }),
    },
    unreadCount: { type: nonNull(GraphQLInt), description: 'All unread notifications of the caller' },
  },
});

export const notificationQueries: Fields = {
  myNotifications: {
    type: nonNull(NotificationConnection),
    description: "The caller's notifications, newest first, in keyset pages",
    args: { first: { type: GraphQLInt }, after: { type: GraphQLString }, unreadOnly: { type: GraphQLBoolean } },
    resolve: (_r, a: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }, ctx) =>
      myNotifications(ctx.db, ctx.model.schema, ctx.caller.userId, a),
  },
  notifications: {
    type: nonNull(new GraphQLList(nonNull(NotificationType))),
    deprecationReason: 'Use myNotifications',
    args: { unreadOnly: { type: GraphQLBoolean }, first: { type: GraphQLInt } },
    resolve: async (_r, a: { unreadOnly?: boolean | null; first?: number | null }, ctx) =>
      (
        await myNotifications(ctx.db, ctx.model.schema, ctx.caller.userId, {
          unreadOnly: a.unreadOnly,
          first: a.first ?? 50,
        })
      ).items,
  },
};

export const notificationMutations: Fields = {
  markNotificationsRead: {
    type: nonNull(GraphQLInt),
    description: "Marks the caller's notifications read (these ids, or all); returns how many changed",
    args: { ids: { type: new GraphQLList(nonNull(GraphQLID)) }, all: { type: GraphQLBoolean } },
    resolve: (_r, a: { ids?: string[] | null; all?: boolean | null }, ctx) =>
      markNotificationsRead(ctx.db, ctx.model.schema, ctx.caller.userId, a),
  },
};
