import type { Db } from '../db/db';
import { notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Access } from '../access/access';
import type { ScriptRunner } from '../scripts';
import { findObject, type Model, type ObjectDef } from '../model/model';

/** Who performs an operation: a user, or the system (CLI, seeding, migrations). */
export type Actor = { readonly kind: 'user'; readonly id: string } | { readonly kind: 'system' };

export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system' });

/**
 * Everything a record operation needs, passed explicitly (STYLE.md principle 3). `db` may be an open
 * transaction: operations reuse it and never commit it.
 */
export interface RecordContext {
  readonly db: Db;
  readonly model: Model;
  readonly types: FieldTypeRegistry;
  readonly actor: Actor;
  /**
   * What the actor may do. Absent only for the system actor (CLI, seeding): there is no other way around
   * the checks (DESIGN.md decision 4).
   */
  readonly access?: Access | undefined;
  /**
   * Runs the object's script validation rules. Absent: a shared runner made on first use
   * (validation/default-runner.ts), so no context can skip a script rule.
   */
  readonly scripts?: ScriptRunner | undefined;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

export function requireObject(ctx: RecordContext, name: string): ObjectDef {
  const object = findObject(ctx.model, name);
  if (!object) throw notFound(`Unknown object "${name}"`, { object: name });
  return object;
}

/** A stored record: system fields, then the object's fields by name (to-many relations are loaded apart). */
export type RecordData = Readonly<Record<string, unknown>> & { readonly id: string };
