import { and, compileCondition, type ConditionNode } from '../conditions';
import { run } from '../db/db';
import { forbidden, isStratumError, notFound } from '../errors';
import { findObject } from '../model/model';
import { actionScope } from '../records/authorize';
import type { RecordContext } from '../records/context';
import { ident, raw, sql } from '../sql/sql';
import type { WorkflowDef } from './definition';

/**
 * Who may start a manual run: admins, or a member who may update the record it runs on (a manual button
 * on a record page is an edit of that record, in effect). The record is read through the caller's access,
 * not the run's actor: a workflow that runs as the system must not let a member act on a colleague's lead.
 *
 * - FORBIDDEN when the workflow is not a manual one on an object, or the caller may not update that object
 *   at all, or may read the record but not update it;
 * - NOT_FOUND when the record is not a live record the caller may read (as for a record that does not exist).
 *
 * @example
 *   await requireMayStartManually(ctx.records, findWorkflow(model, 'bookDemo')!, leadId);
 */
export async function requireMayStartManually(
  records: RecordContext,
  workflow: WorkflowDef,
  recordId: string | undefined,
): Promise<void> {
  const access = records.access;
  if (access?.isAdmin) return;
  const refused = forbidden(`You may not start workflow "${workflow.name}"`);
  const objectName = workflow.trigger.type === 'manual' ? workflow.trigger.object : undefined;
  const object = objectName ? findObject(records.model, objectName) : undefined;
  if (!access || !object || !access.can('update', object.name)) throw refused;
  if (recordId === undefined) return;
  const missing = notFound(`No ${object.name} with id ${recordId}`, { id: recordId });
  if (!/^[0-9a-f-]{36}$/i.test(recordId)) throw missing;
  const read = actionScope(records, 'read', object);
  const update = actionScope(records, 'update', object);
  const where = (node: ConditionNode | undefined) => (node ? compileCondition(node, 't0') : raw('TRUE'));
  const { rows } = await run<{ updatable: boolean }>(
    records.db,
    sql`SELECT ${where(update && read ? and([update, read]) : (update ?? read))} AS updatable
          FROM ${ident(records.model.schema, object.table)} AS t0
         WHERE t0.id = ${recordId}::uuid AND t0."deletedAt" IS NULL AND ${where(read)}`,
  );
  if (rows.length === 0) throw missing;
  if (!rows[0]!.updatable) throw refused;
}

/** Whether `requireMayStartManually` lets the caller start the workflow (on the record, when given). */
export async function mayStartManually(
  records: RecordContext,
  workflow: WorkflowDef,
  recordId?: string,
): Promise<boolean> {
  try {
    await requireMayStartManually(records, workflow, recordId);
    return true;
  } catch (error) {
    if (isStratumError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return false;
    throw error;
  }
}
