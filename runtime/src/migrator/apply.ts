import type { Db } from '../db/db';
import { run } from '../db/db';
import { badInput, limitExceeded, StratumError } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import { parseManifest } from '../manifest/parse-manifest';
import type { Manifest } from '../manifest/manifest';
import type { Model, ObjectDef } from '../model/model';
import { MAX_COLUMNS_PER_TABLE } from '../model/physical-names';
import { loadModel } from '../metadata/workspace';
import { translateDatabaseError } from '../db/database-errors';
import { changeDdl } from './ddl';
import { diffModel, type TrashEntry } from './diff';
import { checkRoles } from '../access/check-roles';
import { checkWorkflows, checkWorkflowScripts } from '../workflows/check-workflows';
import { checkComputedFields } from '../formulas/check-computed-fields';
import { pauseStoredRollups, reconcileStoredRollups } from '../formulas/stored-rollups';
import { checkValidationRules } from '../validation/check-validation-rules';
import { checkLayoutConditions } from '../manifest/check-layout-conditions';
import { describeChange, isDestructive, type Plan } from './plan';
import { classifyRetype } from './retype';

export interface ApplyOptions {
  readonly workspace: string;
  readonly types: FieldTypeRegistry;
  /** The user making the change (null: the system, e.g. the CLI). */
  readonly actor?: string | null;
  readonly dryRun?: boolean;
  /** Required for plans that remove objects or fields or narrow types. */
  readonly allowDestructive?: boolean;
  /** What the revision says it did; defaults to the plan's first lines. */
  readonly summary?: string;
  /** Refuse (CONFLICT) unless the workspace is still at this revision: for edits made on a loaded model. */
  readonly expectedRevision?: number;
  /** How long DDL may wait for a table lock before the change fails (default 5 s). */
  readonly lockTimeoutMs?: number;
}

export interface ApplyResult {
  readonly plan: Plan;
  /** The plan as printable lines (`+ field deal.amount (currency)`). */
  readonly lines: readonly string[];
  /** The new revision, or null when nothing changed or it was a dry run. */
  readonly revision: number | null;
  readonly model: Model;
}

/**
 * Applies a manifest to a workspace: diff, DDL and the new revision in ONE transaction, so a failure at any
 * step leaves metadata and tables exactly as they were. Applying the same manifest twice changes nothing.
 *
 * @example
 *   const { lines, revision } = await applyManifest(db, json, { workspace: 'default', types });
 */
export async function applyManifest(db: Db, input: unknown, options: ApplyOptions): Promise<ApplyResult> {
  return applyParsedManifest(db, parseManifest(input, options.types), options);
}

/** `applyManifest` for a manifest that is already validated. */
export async function applyParsedManifest(db: Db, manifest: Manifest, options: ApplyOptions): Promise<ApplyResult> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('lock_timeout', $1, true)`, [`${options.lockTimeoutMs ?? 5000}ms`]);
      const current = await loadModel(tx, options.workspace, { forUpdate: true });
      if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision) {
        throw new StratumError(
          'CONFLICT',
          `The model changed meanwhile (revision ${current.revision}, expected ${options.expectedRevision})`,
          [],
          {
            reason: 'revision',
          },
        );
      }
      const plan = diffModel(current, manifest, options.types, await loadTrash(tx, options.workspace));
      checkComputedFields(plan.model, options.types);
      checkRoles(plan.model, options.types);
      checkWorkflows(plan.model, options.types);
      await checkWorkflowScripts(plan.model);
      await checkValidationRules(plan.model, options.types);
      checkLayoutConditions(plan.model, options.types);
      const lines = plan.changes.map(describeChange);
      if (plan.changes.length === 0 || options.dryRun) return { plan, lines, revision: null, model: current };
      const destructive = plan.changes.filter(isDestructive);
      if (destructive.length && !options.allowDestructive) {
        throw badInput(
          destructive.map((c) => ({
            path: 'manifest',
            message: `${describeChange(c)}: destructive; apply with allowDestructive (--allow-destructive) to confirm`,
          })),
        );
      }
      const revision = current.revision + 1;
      await checkColumnLimits(tx, current.schema, plan);
      await pauseStoredRollups(tx);
      for (const change of plan.changes) {
        const ddl = changeDdl(change, { schema: current.schema, revision, model: plan.model, types: options.types });
        for (const statement of ddl.statements) await run(tx, statement);
        if (ddl.trashed) {
          await tx.query(
            `INSERT INTO stratum.trash (workspace, revision, kind, object, field, definition, physical) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [
              options.workspace,
              revision,
              ddl.trashed.kind,
              ddl.trashed.object,
              ddl.trashed.field ?? null,
              JSON.stringify(ddl.trashed.definition),
              JSON.stringify(ddl.trashed.physical),
            ],
          );
        }
        if (ddl.restored !== undefined)
          await tx.query(`UPDATE stratum.trash SET "restoredAt" = now() WHERE id = $1`, [ddl.restored]);
      }
      const model: Model = { ...plan.model, revision };
      // A field's type change may rewrite its rows (`ddl.ts`): what they feed is computed again.
      const retyped = new Set(
        plan.changes.flatMap((c) =>
          c.kind === 'updateField' && classifyRetype(c.before, c.after).kind !== 'none' ? [c.object.name] : [],
        ),
      );
      await reconcileStoredRollups(tx, model, options.types, { refillFedBy: retyped });
      await tx.query(`UPDATE stratum.workspaces SET model = $2, revision = $3 WHERE name = $1`, [
        options.workspace,
        JSON.stringify(model),
        revision,
      ]);
      await tx.query(
        `INSERT INTO stratum.revisions (workspace, number, actor, summary, changes, "modelBefore", "modelAfter") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          options.workspace,
          revision,
          options.actor ?? null,
          options.summary ?? summarize(lines),
          JSON.stringify(plan.changes),
          JSON.stringify(current),
          JSON.stringify(model),
        ],
      );
      // Other server processes learn of the new revision at once (they also check it on every request).
      await tx.query(`SELECT pg_notify('stratum_metadata', $1)`, [`${options.workspace}:${revision}`]);
      return { plan, lines, revision, model };
    });
  } catch (error) {
    if (error instanceof StratumError) throw error;
    throw translateDatabaseError(error, 'applying the manifest');
  }
}

function summarize(lines: readonly string[]): string {
  return lines.length <= 3
    ? lines.join('; ')
    : `${lines.slice(0, 3).join('; ')} (and ${lines.length - 3} more changes)`;
}

async function loadTrash(db: Db, workspace: string): Promise<TrashEntry[]> {
  const { rows } = await db.query<TrashEntry>(
    `SELECT id::int AS id, kind, object, field, definition, physical FROM stratum.trash
      WHERE workspace = $1 AND "restoredAt" IS NULL AND "purgedAt" IS NULL ORDER BY id DESC`,
    [workspace],
  );
  return rows;
}

const SYSTEM_COLUMN_COUNT = 6;

/** PostgreSQL allows 1,600 columns per table, and dropped or trashed columns keep their slot. */
async function checkColumnLimits(db: Db, schema: string, plan: Plan): Promise<void> {
  const added = new Map<ObjectDef, number>();
  for (const change of plan.changes) {
    if (change.kind === 'addField' || change.kind === 'updateField') {
      const field = change.kind === 'addField' ? change.field : change.after;
      added.set(change.object, (added.get(change.object) ?? 0) + field.columns.length);
    }
  }
  for (const [object, count] of added) {
    const { rows } = await db.query<{ used: number }>(
      `SELECT count(*)::int AS used FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0`,
      [schema, object.table],
    );
    // A table this plan creates does not exist yet: it starts with the six system columns.
    const used = rows[0]?.used || SYSTEM_COLUMN_COUNT;
    if (used + count > MAX_COLUMNS_PER_TABLE) {
      throw limitExceeded(
        `Object "${object.name}" would need ${used + count} columns; PostgreSQL allows ${MAX_COLUMNS_PER_TABLE} per table, and removed fields keep their slot until purged`,
        { object: object.name, used, adding: count },
      );
    }
  }
}
