import type { FieldTypeRegistry, Db, Model, RecordContext, WorkflowEngine } from '@stratum/runtime';
import type { Loaders } from './loaders';

/** Who is calling: resolved from the bearer token before the request reaches GraphQL. */
export interface Caller {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
  /** Teams the caller belongs to, and the members of the teams they lead (`$user.teamIds`, `$user.subordinateIds`). */
  readonly teamIds: readonly string[];
  readonly subordinateIds: readonly string[];
}

/** What every resolver receives. Resolvers are thin: they call runtime operations with `records`. */
export interface GraphQLContext {
  readonly db: Db;
  readonly workspace: string;
  readonly model: Model;
  readonly types: FieldTypeRegistry;
  readonly caller: Caller;
  readonly records: RecordContext;
  readonly loaders: Loaders;
  /** Starts, tests and resumes workflow runs. */
  readonly workflows: WorkflowEngine;
  /** Called after a metadata change so the very next request is served by the new schema. */
  readonly onModelChanged: (revision: number) => Promise<void>;
}

export const isAdmin = (caller: Caller): boolean => caller.roles.includes('admin');
