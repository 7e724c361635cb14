import type { Db } from '../db/db';
import type { RunQueue } from './queue';

/**
 * Enqueues the runs whose approval is overdue, so that they take their timeout path now. Each run already
 * has a job for its due time; this scan catches the runs whose job is late or lost, and a due time moved
 * earlier in the database. It compares with the database's clock, as the approval step does when the run
 * resumes. Returns how many runs it enqueued.
 */
export async function wakeOverdueApprovals(db: Db, schema: string, workspace: string, queue: RunQueue) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ runId: string }>(
      `SELECT DISTINCT a."runId" FROM "${schema}"._wf_approvals a JOIN "${schema}"._wf_runs r ON r.id = a."runId"
        WHERE a.status = 'PENDING' AND a."dueAt" <= now() AND r.status = 'WAITING' AND NOT r.test`,
    );
    if (rows.length)
      await queue.enqueue(
        tx,
        rows.map((r) => ({ workspace, runId: r.runId })),
      );
    return rows.length;
  });
}
