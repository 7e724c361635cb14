import type { Db } from '../db/db';
import { notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { applyManifest, type ApplyResult } from './apply';
import { exportManifest } from './export';
import type { Change } from './plan';

export interface Revision {
  readonly number: number;
  readonly actor: string | null;
  readonly createdAt: Date;
  readonly summary: string;
  /** The plan that was applied: the revision's diff. */
  readonly changes: readonly Change[];
}

/** Revisions of a workspace, newest first. */
export async function listRevisions(db: Db, workspace: string, options: { limit?: number } = {}): Promise<Revision[]> {
  const { rows } = await db.query<Revision>(
    `SELECT number, actor, "createdAt", summary, changes FROM stratum.revisions WHERE workspace = $1 ORDER BY number DESC LIMIT $2`,
    [workspace, Math.min(options.limit ?? 100, 1000)],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * Reverts the change a revision made, as a new revision: the model goes back to how it was before that
 * revision. Removed objects and fields come back from the trash with their data; ones the revision added
 * go to the trash (recoverable in turn).
 */
export async function revertRevision(
  db: Db,
  revision: number,
  options: { workspace: string; types: FieldTypeRegistry; actor?: string | null },
): Promise<ApplyResult> {
  const { rows } = await db.query<{ modelBefore: Model }>(
    `SELECT "modelBefore" FROM stratum.revisions WHERE workspace = $1 AND number = $2`,
    [options.workspace, revision],
  );
  if (!rows[0]) throw notFound(`Revision ${revision} does not exist`, { revision });
  return applyManifest(db, exportManifest(rows[0].modelBefore, options.types), {
    ...options,
    allowDestructive: true,
    summary: `Revert revision ${revision}`,
  });
}
