import {
  buildAccess,
  type Access,
  type Db,
  type FieldTypeRegistry,
  type Model,
  type RecordContext,
} from '@stratum/runtime';
import type { Caller } from '../graphql/context';

// Access objects cache their compiled scopes, so one per (model revision, caller) is reused across
// requests. Keyed by model, they go with the model when a new revision replaces it.
const cache = new WeakMap<Model, Map<string, Access>>();
const MAX_PER_MODEL = 5000;

/**
 * The record context of an authenticated request: every record operation it makes — GraphQL, REST,
 * bulk, aggregates — carries the caller's access, built from their roles in this workspace.
 */
export function callerRecordContext(db: Db, model: Model, types: FieldTypeRegistry, caller: Caller): RecordContext {
  return { db, model, types, actor: { kind: 'user', id: caller.userId }, access: accessOf(model, types, caller) };
}

function accessOf(model: Model, types: FieldTypeRegistry, caller: Caller): Access {
  let byCaller = cache.get(model);
  if (!byCaller) cache.set(model, (byCaller = new Map()));
  const key = [
    caller.userId,
    caller.email,
    caller.roles.join(','),
    caller.teamIds.join(','),
    caller.subordinateIds.join(','),
  ].join('|');
  let access = byCaller.get(key);
  if (!access) {
    if (byCaller.size >= MAX_PER_MODEL) byCaller.clear();
    access = buildAccess(
      model,
      types,
      { id: caller.userId, email: caller.email, teamIds: caller.teamIds, subordinateIds: caller.subordinateIds },
      caller.roles,
    );
    byCaller.set(key, access);
  }
  return access;
}
