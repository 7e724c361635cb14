import { randomUUID } from 'node:crypto';
import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import type { StepDef } from '../definition';
import type { StepHandler } from './step';

type ApprovalStep = Extract<StepDef, { type: 'approval' }>;

interface ApprovalRow {
  readonly id: string;
  readonly status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'TIMED_OUT' | 'CANCELLED';
  readonly decidedBy: string | null;
  readonly comment: string | null;
  readonly overdue: boolean;
}

/**
 * `approval`: asks a user (or any member of a role) to approve or reject through the API
 * (`decideApproval`), and waits. Approved goes to `then` (or `next`), rejected to `else`; with
 * `timeoutSeconds`, no decision by then goes to `timeout` (or ends the run).
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
    const due = step.timeoutSeconds ? new Date(Date.now() + step.timeoutSeconds * 1000) : null;
    const id = randomUUID();
    await ctx.db.query(
      `INSERT INTO "${ctx.records.model.schema}"._wf_approvals (id, "runId", "stepId", "userId", role, message, status, "dueAt")
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
    return { kind: 'wait', until: due, output: { approvalId: id, status: 'PENDING' } };
  },
  async resume(step, waiting, ctx) {
    const approvalId = (waiting.output as { approvalId: string }).approvalId;
    const { rows } = await ctx.db.query<ApprovalRow>(
      `SELECT id, status, "decidedBy", comment, "dueAt" IS NOT NULL AND "dueAt" <= now() AS overdue
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
        if (!approval.overdue) return { kind: 'wait', until: null, output: waiting.output };
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
