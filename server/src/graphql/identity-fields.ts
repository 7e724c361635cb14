import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { ADMIN_ROLE, StratumError, type RoleDef } from '@stratum/runtime';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys';
import { audit, auditLog, type AuditEvent } from '../auth/audit';
import { createMember, listTeams, listUsers, saveTeam, updateMember, type UserInput } from '../auth/people';
import { importPeople } from '../auth/people-import';
import { PeopleImportInput, PeopleImportResult, type PeopleImportArgs } from './people-import-types';
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

const ApiKey = new GraphQLObjectType({
  name: 'ApiKey',
  fields: {
    id: { type: nonNull(GraphQLID) },
    name: { type: nonNull(GraphQLString) },
    roles: { type: strings },
    createdAt: { type: nonNull(DateTimeScalar) },
    lastUsedAt: { type: DateTimeScalar },
    revokedAt: { type: DateTimeScalar },
    key: { type: GraphQLString, description: 'The key itself: returned once, by createApiKey, and never stored' },
  },
});

const AuditEntry = new GraphQLObjectType({
  name: 'AuditEntry',
  fields: {
    id: { type: nonNull(GraphQLID) },
    at: { type: nonNull(DateTimeScalar) },
    userId: { type: GraphQLID },
    event: { type: nonNull(GraphQLString) },
    subject: { type: GraphQLString },
    detail: { type: nonNull(JSONScalar) },
    ip: { type: GraphQLString },
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
  apiKeys: {
    type: nonNull(new GraphQLList(nonNull(ApiKey))),
    resolve: (_r, _a, ctx) => (requireAdmin(ctx), listApiKeys(ctx.db, ctx.workspace)),
  },
  auditLog: {
    type: nonNull(new GraphQLList(nonNull(AuditEntry))),
    description: 'Logins, failed logins, permission denials, people and role changes, API key use; newest first',
    args: { first: { type: GraphQLInt }, event: { type: GraphQLString } },
    resolve: (_r, a: { first?: number | null; event?: string | null }, ctx) => (
      requireAdmin(ctx),
      auditLog(ctx.db, ctx.workspace, { first: a.first ?? 100, ...(a.event ? { event: a.event } : {}) })
    ),
  },
};

export const identityMutations: Fields = {
  createUser: {
    type: nonNull(UserAccount),
    args: { input: { type: nonNull(CreateUserInput) } },
    resolve: async (_r, a: { input: Record<string, unknown> }, ctx) => {
      requireAdmin(ctx);
      const user = await createMember(ctx.db, ctx.workspace, clean(a.input), knownRoles(ctx));
      await record(ctx, 'userCreated', user.id, { email: user.email, roles: user.roles });
      return user;
    },
  },
  updateUser: {
    type: nonNull(UserAccount),
    args: { id: { type: nonNull(GraphQLID) }, input: { type: nonNull(UpdateUserInput) } },
    resolve: async (_r, a: { id: string; input: Record<string, unknown> }, ctx) => {
      requireAdmin(ctx);
      const input = clean(a.input);
      const user = await updateMember(ctx.db, ctx.workspace, a.id, input, knownRoles(ctx));
      const { password, ...changed } = input;
      await record(ctx, 'userChanged', a.id, { ...changed, ...(password ? { passwordReset: true } : {}) });
      return user;
    },
  },
  deactivateUser: {
    type: nonNull(UserAccount),
    description: 'The user can no longer log in; their sessions end. Their records stay.',
    args: { id: { type: nonNull(GraphQLID) } },
    resolve: async (_r, a: { id: string }, ctx) => {
      requireAdmin(ctx);
      const user = await updateMember(ctx.db, ctx.workspace, a.id, { active: false }, knownRoles(ctx));
      await record(ctx, 'userChanged', a.id, { active: false });
      return user;
    },
  },
  saveTeam: {
    type: nonNull(Team),
    args: { input: { type: nonNull(TeamInput) } },
    resolve: async (
      _r,
      a: { input: { id?: string; name: string; leadId?: string | null; memberIds: string[] } },
      ctx,
    ) => {
      requireAdmin(ctx);
      const team = await saveTeam(ctx.db, ctx.workspace, a.input);
      await record(ctx, 'teamSaved', team.id, { name: team.name, leadId: team.leadId, memberIds: team.memberIds });
      return team;
    },
  },
  importPeople: {
    type: nonNull(PeopleImportResult),
    description:
      'Creates people from rows of a file, with a team per manager; any row error refuses the whole import. New people get a random password nobody is told: they sign in once an admin sets one.',
    args: { input: { type: nonNull(PeopleImportInput) } },
    resolve: async (_r, a: PeopleImportArgs, ctx) => {
      requireAdmin(ctx);
      const result = await importPeople(ctx.db, ctx.workspace, a.input, knownRoles(ctx));
      if (result.committed) {
        const { created, joined, existing, teams } = result;
        const detail = { created, joined, existing, teams, rows: a.input.rows.length };
        await record(ctx, 'peopleImported', ctx.workspace, detail);
      }
      return result;
    },
  },
  createApiKey: {
    type: nonNull(ApiKey),
    description: 'A key for integrations, acting with the given roles; `key` is shown once',
    args: { name: { type: nonNull(GraphQLString) }, roles: { type: strings } },
    resolve: (_r, a: { name: string; roles: string[] }, ctx) => (
      requireAdmin(ctx),
      createApiKey(ctx.db, ctx.workspace, ctx.caller.userId, a.name, a.roles, knownRoles(ctx))
    ),
  },
  revokeApiKey: {
    type: nonNull(GraphQLBoolean),
    args: { id: { type: nonNull(GraphQLID) } },
    resolve: async (_r, a: { id: string }, ctx) => {
      requireAdmin(ctx);
      await revokeApiKey(ctx.db, ctx.workspace, a.id);
      await record(ctx, 'userChanged', a.id, { apiKeyRevoked: true });
      return true;
    },
  },
};

function record(
  ctx: GraphQLContext,
  event: AuditEvent,
  subject: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return audit(ctx.db, { workspace: ctx.workspace, userId: ctx.caller.userId, event, subject, detail });
}
