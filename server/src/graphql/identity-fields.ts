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
import { ADMIN_ROLE, StratumError, type RoleDef } from '@stratum/runtime';
import { createMember, listTeams, listUsers, saveTeam, updateMember, type UserInput } from '../auth/people';
import { isAdmin, type GraphQLContext } from './context';
import { DateTimeScalar, JSONScalar } from './scalars';

type Fields = GraphQLFieldConfigMap<unknown, GraphQLContext>;
const nonNull = <T extends import('graphql').GraphQLType>(t: T) => new GraphQLNonNull(t);
const strings = nonNull(new GraphQLList(nonNull(GraphQLString)));
const ids = nonNull(new GraphQLList(nonNull(GraphQLID)));

const UserAccount = new GraphQLObjectType({
  name: 'UserAccount',
  fields: {
    id: { type: nonNull(GraphQLID) },
    email: { type: nonNull(GraphQLString) },
    name: { type: GraphQLString },
    roles: { type: strings },
    active: { type: nonNull(GraphQLBoolean) },
    lastLoginAt: { type: DateTimeScalar },
  },
});

const Team = new GraphQLObjectType({
  name: 'Team',
  fields: {
    id: { type: nonNull(GraphQLID) },
    name: { type: nonNull(GraphQLString) },
    leadId: { type: GraphQLID },
    memberIds: { type: ids },
  },
});

const Role = new GraphQLObjectType<RoleDef>({
  name: 'Role',
  fields: {
    name: { type: nonNull(GraphQLString) },
    label: { type: JSONScalar },
    description: { type: GraphQLString },
    rules: { type: nonNull(JSONScalar) },
  },
});

const CreateUserInput = new GraphQLInputObjectType({
  name: 'CreateUserInput',
  fields: {
    email: { type: nonNull(GraphQLString) },
    password: { type: nonNull(GraphQLString) },
    name: { type: GraphQLString },
    roles: { type: new GraphQLList(nonNull(GraphQLString)) },
  },
});

const UpdateUserInput = new GraphQLInputObjectType({
  name: 'UpdateUserInput',
  description: 'Keys to change; a password set here is an admin reset and ends the user’s sessions',
  fields: {
    email: { type: GraphQLString },
    password: { type: GraphQLString },
    name: { type: GraphQLString },
    roles: { type: new GraphQLList(nonNull(GraphQLString)) },
    active: { type: GraphQLBoolean },
  },
});

const TeamInput = new GraphQLInputObjectType({
  name: 'TeamInput',
  fields: {
    id: { type: GraphQLID },
    name: { type: nonNull(GraphQLString) },
    leadId: { type: GraphQLID },
    memberIds: { type: ids },
  },
});

function requireAdmin(ctx: GraphQLContext): void {
  if (!isAdmin(ctx.caller)) throw new StratumError('FORBIDDEN', 'Managing people needs an admin');
}

const knownRoles = (ctx: GraphQLContext) => [ADMIN_ROLE, ...(ctx.model.roles as RoleDef[]).map((r) => r.name)];
const clean = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as UserInput;

/** People, teams and roles (CONTRACT.md: `users`, `createUser`, `updateUser`, `deactivateUser`). */
export const identityQueries: Fields = {
  users: {
    type: nonNull(new GraphQLList(nonNull(UserAccount))),
    resolve: (_r, _a, ctx) => (requireAdmin(ctx), listUsers(ctx.db, ctx.workspace)),
  },
  teams: { type: nonNull(new GraphQLList(nonNull(Team))), resolve: (_r, _a, ctx) => listTeams(ctx.db, ctx.workspace) },
  roles: {
    type: nonNull(new GraphQLList(nonNull(Role))),
    resolve: (_r, _a, ctx) => (requireAdmin(ctx), ctx.model.roles),
  },
};

export const identityMutations: Fields = {
  createUser: {
    type: nonNull(UserAccount),
    args: { input: { type: nonNull(CreateUserInput) } },
    resolve: (_r, a: { input: Record<string, unknown> }, ctx) => (
      requireAdmin(ctx),
      createMember(ctx.db, ctx.workspace, clean(a.input), knownRoles(ctx))
    ),
  },
  updateUser: {
    type: nonNull(UserAccount),
    args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(UpdateUserInput) } },
    resolve: (_r, a: { id: string; input: Record<string, unknown> }, ctx) => (
      requireAdmin(ctx),
      updateMember(ctx.db, ctx.workspace, a.id, clean(a.input), knownRoles(ctx))
    ),
  },
  deactivateUser: {
    type: nonNull(UserAccount),
    description: 'The user can no longer log in; their sessions end. Their records stay.',
    args: { id: { type: nonNull(GraphQLID) } },
    resolve: (_r, a: { id: string }, ctx) => (
      requireAdmin(ctx),
      updateMember(ctx.db, ctx.workspace, a.id, { active: false }, knownRoles(ctx))
    ),
  },
  saveTeam: {
    type: nonNull(Team),
    args: { input: { type: nonNull(TeamInput) } },
    resolve: (_r, a: { input: { id?: string; name: string; leadId?: string | null; memberIds: string[] } }, ctx) => (
      requireAdmin(ctx),
      saveTeam(ctx.db, ctx.workspace, a.input)
    ),
  },
};
