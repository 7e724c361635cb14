import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import {
  badInput,
  deleteView,
  findObject,
  listViews,
  managesViews,
  saveView,
  type SavedView,
  type ViewInput,
} from '@stratum/runtime';
import type { GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';
import { OrderDirection, User } from './shared-types';

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;

const list = <T extends GraphQLObjectType | GraphQLInputObjectType | typeof GraphQLString>(type: T) =>
  new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));

const ViewSortType = new GraphQLObjectType({
  name: 'ViewSort',
  fields: {
    field: { type: new GraphQLNonNull(GraphQLString) },
    direction: { type: new GraphQLNonNull(OrderDirection) },
  },
});

const ViewSortInput = new GraphQLInputObjectType({
  name: 'ViewSortInput',
  fields: {
    field: { type: new GraphQLNonNull(GraphQLString) },
    direction: { type: OrderDirection, defaultValue: 'ASC' },
  },
});

const ViewType = new GraphQLObjectType<SavedView, GraphQLContext>({
  name: 'View',
  description: "A saved list view: a name for a list's filter, sort, search and columns",
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    object: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: new GraphQLNonNull(GraphQLString) },
    filter: { type: JSONScalar, description: 'The condition in the one condition language (mongo spelling)' },
    sort: { type: list(ViewSortType) },
    search: { type: GraphQLString },
    columns: { type: list(GraphQLString), description: 'Visible columns in order; empty: the default columns' },
    shared: { type: new GraphQLNonNull(GraphQLBoolean) },
    owner: {
      type: User,
      resolve: (view, _a, ctx) => (view.owner ? ctx.loaders.users().load(view.owner) : null),
    },
    editable: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: 'Whether the caller may change or delete it',
    },
    createdAt: { type: new GraphQLNonNull(DateTimeScalar) },
    updatedAt: { type: new GraphQLNonNull(DateTimeScalar) },
  },
});

const ViewInputType = new GraphQLInputObjectType({
  name: 'ViewInput',
  description: 'Without id: a new view owned by the caller. With id: a change to that view.',
  fields: {
    id: { type: GraphQLID },
    object: { type: new GraphQLNonNull(GraphQLString) },
    name: { type: new GraphQLNonNull(GraphQLString) },
    filter: { type: JSONScalar },
    sort: { type: new GraphQLList(new GraphQLNonNull(ViewSortInput)) },
    search: { type: GraphQLString },
    columns: { type: new GraphQLList(new GraphQLNonNull(GraphQLString)) },
    shared: { type: GraphQLBoolean, defaultValue: false },
  },
});

/** Saved views (runtime/src/views): personal ones for their owner, shared ones for every reader of the object. */
export const viewQueries: Fields = {
  views: {
    type: list(ViewType),
    args: { object: { type: new GraphQLNonNull(GraphQLString) } },
    resolve: (_r, a: { object: string }, ctx) => listViews(ctx.records, a.object),
  },
  canShareViews: {
    type: new GraphQLNonNull(GraphQLBoolean),
    description: 'Whether the caller may create, change and delete the shared views of an object',
    args: { object: { type: new GraphQLNonNull(GraphQLString) } },
    resolve: (_r, a: { object: string }, ctx) => {
      const object = findObject(ctx.model, a.object);
      if (!object) throw badInput({ path: 'object', message: `no object named "${a.object}"` });
      return managesViews(ctx.records, object);
    },
  },
};

export const viewMutations: Fields = {
  saveView: {
    type: new GraphQLNonNull(ViewType),
    args: { input: { type: new GraphQLNonNull(ViewInputType) } },
    resolve: (_r, a: { input: ViewInput }, ctx) => saveView(ctx.records, a.input),
  },
  deleteView: {
    type: new GraphQLNonNull(GraphQLID),
    args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    resolve: (_r, a: { id: string }, ctx) => deleteView(ctx.records, a.id),
  },
};
