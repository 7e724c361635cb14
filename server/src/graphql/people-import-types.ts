import {
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import type { PeopleImportInput as Input } from '../auth/people-import';

const strings = new GraphQLList(new GraphQLNonNull(GraphQLString));
const int = new GraphQLNonNull(GraphQLInt);

const PeopleImportRowInput = new GraphQLInputObjectType({
  name: 'PeopleImportRowInput',
  description: 'One person of the file: the cells of the mapped columns',
  fields: {
    name: { type: GraphQLString },
    email: { type: GraphQLString, description: 'Absent: firstname.lastname@<emailDomain>' },
    roles: { type: strings, description: 'Absent: the import’s `roles`' },
    manager: { type: GraphQLString, description: 'Name or email of another row or of a member' },
    team: { type: GraphQLString, description: 'Absent: "<Manager name>’s team"' },
  },
});

export const PeopleImportInput = new GraphQLInputObjectType({
  name: 'PeopleImportInput',
  fields: {
    rows: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(PeopleImportRowInput))) },
    dryRun: { type: GraphQLBoolean, description: 'Check only: the report a real import would give, nothing written' },
    emailDomain: { type: GraphQLString, description: 'For rows without an email' },
    roles: { type: strings, description: 'Roles of people whose row gives none' },
    managerRoles: { type: strings, description: 'Roles added to everyone who manages someone' },
    createManagers: {
      type: GraphQLBoolean,
      description: 'Create a manager the file names who is neither a row nor a member (default true)',
    },
  },
});

const PeopleImportError = new GraphQLObjectType({
  name: 'PeopleImportError',
  fields: {
    row: { type: int, description: 'As a spreadsheet numbers it: the header is row 1' },
    column: { type: GraphQLString, description: 'name, email, roles, manager or team' },
    value: { type: GraphQLString },
    code: { type: new GraphQLNonNull(GraphQLString) },
    message: { type: new GraphQLNonNull(GraphQLString) },
  },
});

export const PeopleImportResult = new GraphQLObjectType({
  name: 'PeopleImportResult',
  fields: {
    dryRun: { type: new GraphQLNonNull(GraphQLBoolean) },
    committed: { type: new GraphQLNonNull(GraphQLBoolean), description: 'The people and teams are saved' },
    created: { type: int, description: 'New accounts: they sign in once an admin sets their password' },
    joined: { type: int, description: 'Users of other workspaces who became members (their password stays)' },
    existing: { type: int, description: 'Rows that were already members: kept as they are' },
    teams: { type: int, description: 'Teams created or given members' },
    errors: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(PeopleImportError))) },
  },
});

export interface PeopleImportArgs {
  readonly input: Input;
}
