import type { PeopleQuery } from '../gql/graphql';

export type UserRow = PeopleQuery['users'][number];
export type TeamRow = PeopleQuery['teams'][number];
export type KeyRow = PeopleQuery['apiKeys'][number];

/** A role offered in a roles select: its name as the value, its label and name as the text. */
export interface RoleOption {
  readonly value: string;
  readonly label: string;
}

/** How a user is named in lists and selects: their name, else their email. */
export const userName = (user: Pick<UserRow, 'name' | 'email'>): string => user.name || user.email;

/** Mutations of people answer these types; naming them also refreshes lists that were empty. */
export const PEOPLE_TYPENAMES = ['UserAccount', 'Team', 'ApiKey'];
