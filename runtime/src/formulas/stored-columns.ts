/**
 * What stored rollups (`stored-rollups.ts`) and stored paths (`stored-paths.ts`) share: the description of a
 * stored column, the names their trigger functions use, and the switch that pauses them during DDL.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/db';
import type { ObjectDef } from '../model/model';
import { ident, inlineSql, sql } from '../sql/sql';

/** Transition tables and the trigger's variable: names no field, table or alias of the runtime has. */
export const NEW_ROWS = '_rollup_new';
export const OLD_ROWS = '_rollup_old';
/** Set (transaction-local) while a metadata change's DDL runs: see `pauseStoredRollups`. */
export const PAUSED = 'stratum.rollups_paused';

export type Operation = 'INSERT' | 'UPDATE' | 'DELETE';

/** One stored column: where it is, its type, its value for a new row, and how to compute it. */
export interface StoredColumn {
  readonly parent: ObjectDef;
  readonly column: string;
  readonly sqlType: string;
  /** SQL of the value over no related rows: the column's default, what a new parent starts with. */
  readonly empty: string;
  /** SQL of the value computed from the related rows, for the parent row aliased `t0`. */
  readonly recompute: string;
  /** The related object whose rows it is computed from. */
  readonly source: string;
  /** How the column is computed (kept as its comment); a new signature means the column is filled again. */
  readonly signature: string;
  /** The rollup field says `indexed: true` (the amount's column of a money sum; never the code's). */
  readonly indexed: boolean;
}

export function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Creates or replaces a plpgsql trigger function of the workspace's schema. */
export async function writeTriggerFunction(tx: Db, schema: string, name: string, body: string): Promise<void> {
  // A dollar-quote tag the body does not contain (values in it are literals and could hold `$$`).
  let tag = '$stored$';
  for (let i = 1; body.includes(tag); i++) tag = `$stored${i}$`;
  await tx.query(
    `CREATE OR REPLACE FUNCTION ${inlineSql(ident(schema, name))}() RETURNS trigger LANGUAGE plpgsql AS ${tag}${body}${tag}`,
  );
}

/** Drops the trigger functions of `existing` that no trigger wants any more. */
export async function dropUnwantedFunctions(
  tx: Db,
  schema: string,
  existing: Iterable<string>,
  wanted: ReadonlySet<string>,
): Promise<void> {
  for (const name of existing) {
    if (!wanted.has(name)) await tx.query(inlineSql(sql`DROP FUNCTION ${ident(schema, name)}()`));
  }
}
