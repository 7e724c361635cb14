import type { Db } from '../db/db';
import { forbidden } from '../errors';
import type { Label } from '../model/model';

/**
 * The approvals inbox: the pending approvals a user may decide, with what a person needs to decide them
 * (the run, its workflow and version, the step, the record the run is about, since when and until when).
 *
 * Terminology: an approval is *assigned* to a user directly (`assignee.user`) or to a role, and so to
 * every member of it; it is *overdue* once its `dueAt` has passed without a decision.
 */
export interface PendingApproval {
  readonly id: string;
  readonly runId: string;
  readonly stepId: string;
  readonly workflow: string;
  readonly version: number;
  /** The labels of the workflow and of the step, as the run's version defines them (null: none). */
  readonly workflowLabel: Label | null;
  readonly stepLabel: Label | null;
  readonly userId: string | null;
  readonly role: string | null;
  readonly message: string | null;
  /** The record the run is about (its trigger's), if any. */
  readonly object: string | null;
  readonly recordId: string | null;
  /** When the step started waiting: the approval was assigned. */
  readonly createdAt: string;
  readonly dueAt: string | null;
}

/** Who is asking: their id and roles, and whether they are an admin. */
export interface ApprovalReader {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
}

/**
 * The pending approvals assigned to `reader` (to them, or to one of their roles), oldest first; with
 * `all`, every pending approval of the workspace, which only an admin may ask for.
 *
 * @example
 *   const mine = await approvalInbox(db, 'ws_default', { userId, roles: ['head'], isAdmin: false });
 */
export async function approvalInbox(
  db: Db,
  schema: string,
  reader: ApprovalReader,
  options: { all?: boolean | null | undefined } = {},
): Promise<PendingApproval[]> {
  if (options.all && !reader.isAdmin) throw forbidden('Only admins see the approvals assigned to others');
  const { rows } = await db.query<PendingApproval>(
    `SELECT a.id, a."runId", a."stepId", r.workflow, r.version, v.definition->'label' AS "workflowLabel",
            (SELECT s->'label' FROM jsonb_array_elements(v.definition->'steps') s WHERE s->>'id' = a."stepId"
              LIMIT 1) AS "stepLabel",
            a."userId", a.role, a.message, r.trigger->>'object' AS object, r.trigger->>'recordId' AS "recordId",
            a."createdAt", a."dueAt"
       FROM "${schema}"._wf_approvals a JOIN "${schema}"._wf_runs r ON r.id = a."runId"
       LEFT JOIN "${schema}"._wf_versions v ON v.workflow = r.workflow AND v.version = r.version
      WHERE a.status = 'PENDING' AND NOT r.test
        AND ($1::boolean OR a."userId" = $2::uuid OR a.role = ANY($3::text[]))
      ORDER BY a."createdAt", a.id`,
    [options.all === true, reader.userId, [...reader.roles]],
  );
  return rows;
}
