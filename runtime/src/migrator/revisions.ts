import type { Db } from '../db/db';
import { isoTimestamp } from '../db/timestamps';
import { notFound } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { loadModel } from '../metadata/workspace';
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
  return rows.map((r) => ({ ...r, createdAt: new Date(isoTimestamp(r.createdAt)!) }));
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
  const current = await loadModel(db, options.workspace);
  return applyManifest(
    db,
    withRenameHints(exportManifest(rows[0].modelBefore, options.types), rows[0].modelBefore, current),
    {
      ...options,
      allowDestructive: true,
      summary: `Revert revision ${revision}`,
    },
  );
}

type ExportedManifest = {
  objects: { name: string; renamedFrom?: string; fields: { name: string; renamedFrom?: string }[] }[];
};

/**
 * Objects and fields keep their key across renames, so an old model can say what its things are called
 * now: those hints make a revert rename them back (keeping their data) instead of removing and re-adding.
 */
function withRenameHints(manifest: Record<string, unknown>, target: Model, current: Model): Record<string, unknown> {
  const exported = manifest as unknown as ExportedManifest;
  const objects = exported.objects.map((object, i) => {
    const wanted = target.objects[i]!;
    const now = current.objects.find((o) => o.key === wanted.key);
    const fields = object.fields.map((field, j) => {
      const currentField = now?.fields.find((f) => f.key === wanted.fields[j]!.key);
      return currentField && currentField.name !== field.name ? { ...field, renamedFrom: currentField.name } : field;
    });
    return { ...object, ...(now && now.name !== object.name ? { renamedFrom: now.name } : {}), fields };
  });
  return { ...manifest, objects };
}
