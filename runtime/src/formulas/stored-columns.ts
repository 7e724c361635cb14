/**
 * What stored rollups (`stored-rollups.ts`) and stored paths (`stored-paths.ts`) share: the description of a
 * stored column, the names their trigger functions use, and the switch that pauses them during DDL.
 */
import { createHash } from 'node:crypto';
import type { ObjectDef } from '../model/model';

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
