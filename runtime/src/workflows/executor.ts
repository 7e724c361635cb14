import type { Db } from '../db/db';
import { TERMINAL_STATUSES, type RunRow, type RunStatus, type StepRecord } from './run-model';
import { loadSteps } from './run-store';
import { RunSegment, StepFailed, type ExecutionEnv, type LockedResult } from './run-segment';
import type { StepResult } from './steps/step';

/**
 * Advances runs. A run is executed in *segments*, each one transaction that locks the run row (`FOR
 * UPDATE SKIP LOCKED`, so two workers never execute the same run), executes steps from where the run
 * stands, writes their records and the run's new state, and enqueues the job that continues it (a wake-up
 * after a delay, a retry with backoff) — all or nothing. A crash anywhere rolls the segment back and the
 * job is retried: the effects of steps inside the database happen exactly once.
 *
 * Steps that reach outside the database (`external`: e-mail, HTTP) get a segment of their own and carry
 * an idempotency key, since what they sent cannot be rolled back.
 *
 * Segments first run without savepoints (fast); when a step fails, the segment is rolled back and run
 * again with a savepoint around each step, so the steps before the failing one are kept and the failure
 * is recorded. Many fresh runs advance together in one transaction through `advanceBatch`.
 */
export type { ExecutionEnv } from './run-segment';
export { advanceBatch } from './advance-batch';

/** Executes a run until it ends or waits. Returns its status, or null when another worker holds it. */
export async function advanceRun(
  env: ExecutionEnv,
  workspace: string,
  runId: string,
  options: { dryRun?: boolean } = {},
): Promise<RunStatus | null> {
  for (let segments = 0; segments < 1000; segments++) {
    let outcome: SegmentOutcome | null;
    try {
      outcome = await segment(env, workspace, runId, 'fast', options.dryRun === true, null);
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
      outcome = await segment(env, workspace, runId, 'careful', options.dryRun === true, error);
    }
    if (!outcome) return null;
    if (!outcome.continue) return outcome.status;
  }
  return 'RUNNING';
}

interface SegmentOutcome {
  readonly status: RunStatus;
  /** The segment stopped before an external step (or after one): go on in a new transaction. */
  readonly continue: boolean;
}

async function segment(
  env: ExecutionEnv,
  workspace: string,
  runId: string,
  mode: 'fast' | 'careful',
  dryRun: boolean,
  known: StepFailed | null,
): Promise<SegmentOutcome | null> {
  const model = await env.model(env.db, workspace);
  return env.db.transaction(async (tx) => {
    const run = await env.store.lockRun(tx, model.schema, runId);
    if (!run) return null;
    if (!(await ready(tx, model.schema, run))) return { status: run.status, continue: false };
    const segment = await RunSegment.open(env, tx, model, run, dryRun);
    const result = await executeLocked(tx, segment, mode, known);
    await env.store.saveSegments(tx, model.schema, [result.write]);
    if (result.wake && !run.test) await env.queue.enqueue(tx, [{ workspace, runId: run.id }], result.wake.at);
    return { status: result.write.status, continue: result.continue };
  });
}

/** Whether a locked run should execute now (an early wake-up job, a retry of a lost one, is harmless). */
async function ready(db: Db, schema: string, run: RunRow): Promise<boolean> {
  if (TERMINAL_STATUSES.includes(run.status)) return false;
  if (run.status === 'WAITING' && run.wakeAt && new Date(run.wakeAt).getTime() > Date.now() + 50) {
    const waiting = await waitingStep(db, schema, run);
    return waiting?.type === 'approval';
  }
  return true;
}

/**
 * Executes a locked run's steps one by one from where it stands, inside `tx`. Fast: a failure throws
 * StepFailed (the caller rolls back). Careful: each step in a savepoint, and a failure is recorded.
 */
async function executeLocked(
  tx: Db,
  segment: RunSegment,
  mode: 'fast' | 'careful',
  known: StepFailed | null,
): Promise<LockedResult> {
  for (let pending = segment.next(); pending; pending = segment.next()) {
    const current = pending;
    const startedAt = new Date();
    const started = performance.now();
    let rendered: ReturnType<RunSegment['render']> | null = null;
    let result: StepResult;
    try {
      rendered = segment.render(current);
      const step = rendered;
      const work = async (db: Db) => {
        if (known && known.external && known.stepId === current.step.id) throw known.failure;
        return segment.execute(current, step, db);
      };
      result = mode === 'careful' ? await tx.transaction(work) : await work(tx);
    } catch (error) {
      if (mode === 'fast') throw new StepFailed(current.step.id, current.external, error);
      segment.failed(current, rendered, error, startedAt, performance.now() - started);
      break;
    }
    segment.done(current, rendered, result, startedAt, performance.now() - started);
  }
  return segment.result();
}

async function waitingStep(db: Db, schema: string, run: RunRow): Promise<StepRecord | undefined> {
  const steps = await loadSteps(db, schema, run.id);
  return steps.findLast((s) => s.stepId === run.nextStep && s.status === 'WAITING');
}
