import type { Db } from '../db/db';
import { badInput, forbidden, notFound } from '../errors';
import type { Access } from '../access/access';
import { loadSteps, runColumns } from './run-store';
import { RUN_STATUSES, TERMINAL_STATUSES, type RunRow, type RunStatus, type StepRecord } from './run-model';

/** A run with its steps, as the API shows it. */
export interface RunDetails extends RunRow {
  readonly steps: readonly StepRecord[];
}

export interface RunFilter {
  readonly workflow?: string | undefined;
  readonly status?: RunStatus | undefined;
  readonly recordId?: string | undefined;
  readonly first?: number | undefined;
  /** Only runs older than this one (its id: the last run of the previous page), in the same order. */
  readonly after?: string | undefined;
}

/** Runs, newest first, with their steps (two queries, whatever the number of runs). */
export async function listRuns(db: Db, schema: string, filter: RunFilter = {}): Promise<RunDetails[]> {
  const first = Math.min(Math.max(filter.first ?? 20, 1), 200);
  if (filter.status && !RUN_STATUSES.includes(filter.status))
    throw badInput({ path: 'status', message: `must be one of ${RUN_STATUSES.join(', ')}` });
  if (filter.after && !/^[0-9a-f-]{36}$/i.test(filter.after))
    throw badInput({ path: 'after', message: 'must be the id of a run' });
  // Keyset paging: the runs after the given one in ("startedAt", id) order, compared in SQL (exact times).
  const { rows } = await db.query<RunRow>(
    `SELECT ${runColumns} FROM "${schema}"._wf_runs
      WHERE NOT test AND ($1::text IS NULL OR workflow = $1) AND ($2::text IS NULL OR status = $2)
        AND ($3::text IS NULL OR trigger->>'recordId' = $3)
        AND ($5::uuid IS NULL OR ("startedAt", id) < (SELECT "startedAt", id FROM "${schema}"._wf_runs WHERE id = $5))
      ORDER BY "startedAt" DESC, id DESC LIMIT $4`,
    [filter.workflow ?? null, filter.status ?? null, filter.recordId ?? null, first, filter.after ?? null],
  );
  if (rows.length === 0) return [];
  const { rows: steps } = await db.query<StepRecord & { runId: string }>(
    `SELECT "runId", seq, "stepId", type, status, attempt, input, output, error, meta, "startedAt", "finishedAt", "durationMs"
       FROM "${schema}"._wf_steps WHERE "runId" = ANY($1::uuid[]) ORDER BY "runId", seq`,
    [rows.map((r) => r.id)],
  );
  const byRun = new Map<string, StepRecord[]>();
  for (const step of steps) byRun.set(step.runId, [...(byRun.get(step.runId) ?? []), step]);
  return rows.map((run) => ({ ...run, steps: byRun.get(run.id) ?? [] }));
}

export async function getRun(db: Db, schema: string, id: string): Promise<RunDetails> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`No run ${id}`);
  const { rows } = await db.query<RunRow>(`SELECT ${runColumns} FROM "${schema}"._wf_runs WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound(`No run ${id}`);
  return { ...rows[0], steps: await loadSteps(db, schema, id) };
}

/** Cancels a run that has not ended; its pending approvals are cancelled with it. */
export async function cancelRun(db: Db, schema: string, id: string): Promise<RunDetails> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: RunStatus }>(
      `SELECT status FROM "${schema}"._wf_runs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw notFound(`No run ${id}`);
    if (TERMINAL_STATUSES.includes(rows[0].status))
      throw badInput({ path: 'id', message: `the run has already ended (${rows[0].status})` });
    await tx.query(
      `UPDATE "${schema}"._wf_runs SET status = 'CANCELLED', "finishedAt" = now(), "wakeAt" = NULL WHERE id = $1`,
      [id],
    );
    await tx.query(
      `UPDATE "${schema}"._wf_approvals SET status = 'CANCELLED', "decidedAt" = now() WHERE "runId" = $1 AND status = 'PENDING'`,
      [id],
    );
    // The step it stood at (a delay, an approval) ends with it, so the history does not show it waiting still.
    await tx.query(
      `UPDATE "${schema}"._wf_steps SET status = 'CANCELLED', "finishedAt" = now(),
              "durationMs" = extract(epoch FROM now() - "startedAt") * 1000
        WHERE "runId" = $1 AND status IN ('WAITING', 'RUNNING')`,
      [id],
    );
  });
  return getRun(db, schema, id);
}

export interface Approval {
  readonly id: string;
  readonly runId: string;
  readonly stepId: string;
  readonly workflow: string;
  readonly userId: string | null;
  readonly role: string | null;
  readonly message: string | null;
  readonly status: string;
  readonly decidedBy: string | null;
  readonly comment: string | null;
  readonly createdAt: string;
  readonly dueAt: string | null;
  readonly decidedAt: string | null;
}

const approvalColumns = `a.id, a."runId", a."stepId", r.workflow, a."userId", a.role, a.message, a.status, a."decidedBy",
  a.comment, a."createdAt", a."dueAt", a."decidedAt"`;

/** Approvals waiting for a user: assigned to them or to one of their roles (all of them, for admins). */
export async function pendingApprovals(db: Db, schema: string, access: Access | undefined, roles: readonly string[]) {
  const { rows } = await db.query<Approval>(
    `SELECT ${approvalColumns} FROM "${schema}"._wf_approvals a JOIN "${schema}"._wf_runs r ON r.id = a."runId"
      WHERE a.status = 'PENDING' AND ($1::boolean OR a."userId" = $2::uuid OR a.role = ANY($3::text[]))
      ORDER BY a."createdAt"`,
    [access?.isAdmin ?? true, access?.user.id ?? null, [...roles]],
  );
  return rows;
}

/**
 * Approves or rejects a pending approval. Only its assignee (the user, or a member of the role) or an
 * admin may decide; the run continues on its next segment (the caller enqueues it).
 */
export async function decideApproval(
  db: Db,
  schema: string,
  decision: { id: string; approve: boolean; comment?: string | undefined },
  decider: { userId: string; roles: readonly string[]; isAdmin: boolean },
): Promise<Approval> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Approval>(
      `SELECT ${approvalColumns} FROM "${schema}"._wf_approvals a JOIN "${schema}"._wf_runs r ON r.id = a."runId"
        WHERE a.id = $1 FOR UPDATE OF a`,
      [decision.id],
    );
    const approval = rows[0];
    if (!approval) throw notFound(`No approval ${decision.id}`);
    const assigned =
      decider.isAdmin ||
      approval.userId === decider.userId ||
      (approval.role !== null && decider.roles.includes(approval.role));
    if (!assigned) throw forbidden('This approval is assigned to someone else');
    if (approval.status !== 'PENDING')
      throw badInput({ path: 'id', message: `the approval was already decided (${approval.status})` });
    const { rows: updated } = await tx.query<Approval>(
      `WITH a AS (UPDATE "${schema}"._wf_approvals SET status = $2, "decidedBy" = $3, comment = $4, "decidedAt" = now()
                  WHERE id = $1 RETURNING *)
       SELECT ${approvalColumns} FROM a JOIN "${schema}"._wf_runs r ON r.id = a."runId"`,
      [decision.id, decision.approve ? 'APPROVED' : 'REJECTED', decider.userId, decision.comment ?? null],
    );
    return updated[0]!;
  });
}
