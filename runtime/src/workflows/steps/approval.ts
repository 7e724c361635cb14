import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db';
import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import { labelText } from '../../model/model';
import { notify } from '../../notifications/notifications';
import type { StepDef } from '../definition';
import type { StepContext, StepHandler, StepResult } from './step';

type ApprovalStep = Extract<StepDef, { type: 'approval' }>;

interface ApprovalRow {
  readonly id: string;
  readonly status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'TIMED_OUT' | 'CANCELLED';
  readonly decidedBy: string | null;
  readonly comment: string | null;
  readonly dueAt: Date | string | null;
  readonly overdue: boolean;
}

/**
 * `approval`: asks a user (or any member of a role) to approve or reject through the API
 * (`decideApproval`), and waits. Approved goes to `then` (or `next`), rejected to `else`; with
 * `timeoutSeconds`, no decision by then goes to `timeout` (or ends the run).
 *
 * When it starts waiting, each assignee (the user, or every active member of the role) gets an in-app
 * notification linked to the approval (`approvalId`) and to the run's record. A test run writes
 * nothing: the approval is reported as assumed approved (`meta.assumedApproved`) and the run goes on
 * along the approve path, so a test run reaches the workflow's end.
 */
export const approvalStep: StepHandler<ApprovalStep> = {
  type: 'approval',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    const user = step.assignee.user;
    if (user !== undefined && !isUuid(user))
      throw badInput({ path: `steps.${step.id}.assignee.user`, message: `"${user}" is not a user id` });
    if (user === undefined && step.assignee.role === undefined)
      throw badInput({ path: `steps.${step.id}.assignee`, message: 'name a user or a role' });
    if (ctx.dryRun) return assumedApproved(step);
    const due = step.timeoutSeconds ? new Date(Date.now() + step.timeoutSeconds * 1000) : null;
    const id = randomUUID();
    const schema = ctx.records.model.schema;
    await ctx.db.query(
      `INSERT INTO "${schema}"._wf_approvals (id, "runId", "stepId", "userId", role, message, status, "dueAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7)`,
      [
        id,
        ctx.run.id,
        step.id,
        user ?? null,
        step.assignee.role ?? null,
        step.message ?? null,
        due?.toISOString() ?? null,
      ],
    );
    const assignees = await assigneesOf(ctx.db, ctx.records.model.workspace, user ?? null, step.assignee.role ?? null);
    await notify(
      ctx.db,
      schema,
      assignees.map((userId) => noticeFor(step, ctx, id, userId)),
    );
    return { kind: 'wait', until: due, output: { approvalId: id, status: 'PENDING', notified: assignees } };
  },
  async resume(step, waiting, ctx) {
    const approvalId = (waiting.output as { approvalId: string }).approvalId;
    const { rows } = await ctx.db.query<ApprovalRow>(
      `SELECT id, status, "decidedBy", comment, "dueAt", "dueAt" IS NOT NULL AND "dueAt" <= now() AS overdue
         FROM "${ctx.records.model.schema}"._wf_approvals WHERE id = $1 FOR UPDATE`,
      [approvalId],
    );
    const approval = rows[0];
    if (!approval) throw badInput({ path: `steps.${step.id}`, message: `approval ${approvalId} is gone` });
    const output = { approvalId, status: approval.status, decidedBy: approval.decidedBy, comment: approval.comment };
    switch (approval.status) {
      case 'APPROVED':
        return { kind: 'done', output, branch: step.then ?? step.next ?? null };
      case 'REJECTED':
        return { kind: 'done', output, branch: step.else ?? null };
      case 'PENDING':
        // Woken early (a duplicate job, the overdue scan a moment before the due time): keep the deadline.
        if (!approval.overdue)
          return {
            kind: 'wait',
            until: approval.dueAt === null ? null : new Date(approval.dueAt),
            output: waiting.output,
          };
        await ctx.db.query(
          `UPDATE "${ctx.records.model.schema}"._wf_approvals SET status = 'TIMED_OUT', "decidedAt" = now() WHERE id = $1`,
          [approvalId],
        );
        return { kind: 'done', output: { ...output, status: 'TIMED_OUT' }, branch: step.timeout ?? null };
      case 'TIMED_OUT':
      case 'CANCELLED':
        return { kind: 'done', output, branch: step.timeout ?? null };
    }
  },
};

/** A test run's approval: nobody is asked, the approve path is taken, and the result says so. */
function assumedApproved(step: ApprovalStep): StepResult {
  return {
    kind: 'done',
    output: { status: 'APPROVED', assumed: true },
    meta: {
      assumedApproved: true,
      note: 'test run: the approval was assumed approved; nobody was asked or notified',
      assignee: step.assignee,
      message: step.message ?? null,
      timeoutSeconds: step.timeoutSeconds ?? null,
    },
    branch: step.then ?? step.next ?? null,
  };
}

/** The notification an assignee gets: the step's message (or the workflow's name), linked to the approval. */
function noticeFor(step: ApprovalStep, ctx: StepContext, approvalId: string, userId: string) {
  const workflow = ctx.workflow.label === undefined ? ctx.workflow.name : labelText(ctx.workflow.label);
  const trigger = ctx.run.trigger;
  return {
    userId,
    title: step.message ? step.message : `Approval requested: ${workflow}`,
    body: step.message ? `Approval requested: ${workflow}` : null,
    object: trigger.recordId ? (trigger.object ?? null) : null,
    recordId: trigger.recordId ?? null,
    runId: ctx.run.id,
    approvalId,
    key: `approval:${approvalId}`,
  };
}

/** Who may decide: the user (if active in the workspace), or every active member of the role. */
async function assigneesOf(db: Db, workspace: string, user: string | null, role: string | null): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM stratum.memberships m JOIN stratum.users u ON u.id = m."userId"
      WHERE m.workspace = $1 AND u.active AND (u.id = $2::uuid OR $3::text = ANY(m.roles)) ORDER BY u.id`,
    [workspace, user, role],
  );
  return rows.map((r) => r.id);
}
