import { buildAccess, type Db, type FieldTypeRegistry, type Model, type RecordContext } from '@stratum/runtime';
import type { Caller } from '../graphql/context';

/**
 * The record context of an authenticated request: every record operation it makes — GraphQL, REST,
 * bulk, aggregates — carries the caller's access, built from their roles in this workspace.
 */
export function callerRecordContext(db: Db, model: Model, types: FieldTypeRegistry, caller: Caller): RecordContext {
  const access = buildAccess(
    model,
    types,
    { id: caller.userId, email: caller.email, teamIds: caller.teamIds, subordinateIds: caller.subordinateIds },
    caller.roles,
  );
  return { db, model, types, actor: { kind: 'user', id: caller.userId }, access };
}
