import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db';
import {
  TERMINAL_STATUSES,
  type RunActor,
  type RunRow,
  type RunStatus,
  type StepRecord,
  type StepStatus,
  type TriggerEvent,
} from './run-model';

/**
 * The engine's SQL: runs and steps as rows in the workspace schema. Set-based where it matters: a batch of
 * outbox events becomes runs in one INSERT, a segment's steps are written in one INSERT.
 */
export const runColumns = `id, workflow, version, status, "triggerKey", trigger, actor, depth, "parentRunId",
  "nextStep", "stepCount", attempt, "wakeAt", error, test, "startedAt", "finishedAt"`;

export interface NewRun {
  readonly workflow: string;
  readonly version: number;
  readonly trigger: TriggerEvent;
  readonly actor: RunActor;
  readonly depth: number;
  readonly start: string;
  readonly triggerKey?: string | null | undefined;
  readonly parentRunId?: string | null | undefined;
  readonly test?: boolean | undefined;
  readonly id?: string | undefined;
}

export interface SegmentWrite {
  readonly runId: string;
  readonly steps: readonly {
    seq: number;
    stepId: string;
    type: string;
    status: StepStatus;
    attempt: number;
    input: unknown;
    output: unknown;
    error: unknown;
    meta: unknown;
    startedAt: string;
    finishedAt: string | null;
    durationMs: number | null;
  }[];
  readonly completedWaits: readonly { seq: number; output: unknown; durationMs: number }[];
  readonly status: RunStatus;
  readonly nextStep: string | null;
  readonly stepCount: number;
  readonly attempt: number;
  readonly wakeAt: Date | null;
  readonly error: RunRow['error'];
}

export interface RunStore {
  lockRun(db: Db, schema: string, runId: string): Promise<RunRow | null>;
  /**
   * Locks the runs no one else holds (others are skipped, not waited for). Like `lockRun` it sets the
   * transaction's run settings: no run id, and the depth of the deepest locked run + 1.
   */
  lockRuns(db: Db, schema: string, runIds: readonly string[]): Promise<RunRow[]>;
  /** Writes segments' step records and run states: one statement for all steps, one for all runs. */
  saveSegments(db: Db, schema: string, writes: readonly SegmentWrite[]): Promise<void>;
  /** Inserts runs; those whose (workflow, triggerKey) already ran are skipped. Returns the new ids. */
  insertRuns(db: Db, schema: string, runs: readonly NewRun[]): Promise<string[]>;
}

export const runStore: RunStore = {
  async lockRun(db, schema, runId) {
    // The run's id and depth go into transaction-local settings that the outbox reads as column defaults,
    // so a record written by this run carries them (for depth limits) without the record service knowing.
    const { rows } = await db.query<RunRow>(
      `SELECT ${runColumns}, set_config('stratum.run_id', id::text, true) AS _run,
              set_config('stratum.run_depth', (depth + 1)::text, true) AS _depth
         FROM "${schema}"._wf_runs WHERE id = $1 FOR UPDATE SKIP LOCKED`,
      [runId],
    );
    return rows[0] ?? null;
  },

  async lockRuns(db, schema, runIds) {
    if (runIds.length === 0) return [];
    // The settings ride on the lock (one round trip); a window function needs the CTE, since FOR UPDATE
    // cannot be combined with one.
    const { rows } = await db.query<RunRow>(
      `WITH locked AS (SELECT ${runColumns} FROM "${schema}"._wf_runs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE SKIP LOCKED)
       SELECT locked.*, set_config('stratum.run_id', '', true) AS _run,
              set_config('stratum.run_depth', (max(depth) OVER () + 1)::text, true) AS _depth
         FROM locked ORDER BY id`,
      [[...runIds]],
    );
    return rows;
  },

  async saveSegments(db, schema, writes) {
    if (writes.length === 0) return;
    const steps = writes.flatMap((w) => w.steps.map((step) => ({ ...step, runId: w.runId })));
    if (steps.length) {
      await db.query(
        `INSERT INTO "${schema}"._wf_steps ("runId", seq, "stepId", type, status, attempt, input, output, error, meta, "startedAt", "finishedAt", "durationMs")
         SELECT x."runId", x.seq, x."stepId", x.type, x.status, x.attempt, x.input, x.output, x.error, x.meta, x."startedAt", x."finishedAt", x."durationMs"
           FROM jsonb_to_recordset($1::jsonb) AS x("runId" uuid, seq integer, "stepId" text, type text, status text, attempt integer,
                input jsonb, output jsonb, error jsonb, meta jsonb, "startedAt" timestamptz, "finishedAt" timestamptz, "durationMs" double precision)`,
        [JSON.stringify(steps)],
      );
    }
    for (const write of writes) {
      for (const done of write.completedWaits) {
        await db.query(
          `UPDATE "${schema}"._wf_steps SET status = 'COMPLETED', output = $3::jsonb, "finishedAt" = now(),
                  "durationMs" = extract(epoch FROM now() - "startedAt") * 1000
            WHERE "runId" = $1 AND seq = $2`,
          [write.runId, done.seq, JSON.stringify(done.output ?? null)],
        );
      }
    }
    const runs = writes.map((w) => ({
      id: w.runId,
      status: w.status,
      nextStep: w.nextStep,
      stepCount: w.stepCount,
      attempt: w.attempt,
      wakeAt: w.wakeAt?.toISOString() ?? null,
      error: w.error,
      ended: TERMINAL_STATUSES.includes(w.status),
    }));
    await db.query(
      `UPDATE "${schema}"._wf_runs r SET status = x.status, "nextStep" = x."nextStep", "stepCount" = x."stepCount",
              attempt = x.attempt, "wakeAt" = x."wakeAt", error = x.error,
              "finishedAt" = CASE WHEN x.ended THEN now() ELSE NULL END
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status text, "nextStep" text, "stepCount" integer, attempt integer,
              "wakeAt" timestamptz, error jsonb, ended boolean)
        WHERE r.id = x.id`,
      [JSON.stringify(runs)],
    );
  },

  async insertRuns(db, schema, runs) {
    if (runs.length === 0) return [];
    const rows = runs.map((r) => ({
      id: r.id ?? randomUUID(),
      workflow: r.workflow,
      version: r.version,
      triggerKey: r.triggerKey ?? null,
      trigger: r.trigger,
      actor: r.actor,
      depth: r.depth,
      parentRunId: r.parentRunId ?? null,
      nextStep: r.start,
      test: r.test ?? false,
    }));
    const { rows: inserted } = await db.query<{ id: string }>(
      `INSERT INTO "${schema}"._wf_runs (id, workflow, version, status, "triggerKey", trigger, actor, depth, "parentRunId", "nextStep", test)
       SELECT x.id, x.workflow, x.version, 'QUEUED', x."triggerKey", x.trigger, x.actor, x.depth, x."parentRunId", x."nextStep", x.test
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, workflow text, version integer, "triggerKey" text, trigger jsonb,
              actor jsonb, depth integer, "parentRunId" uuid, "nextStep" text, test boolean)
       ON CONFLICT (workflow, "triggerKey") DO NOTHING
       RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.map((r) => r.id);
  },
};

export async function loadSteps(db: Db, schema: string, runId: string): Promise<StepRecord[]> {
  const { rows } = await db.query<StepRecord>(
    `SELECT seq, "stepId", type, status, attempt, input, output, error, meta, "startedAt", "finishedAt", "durationMs"
       FROM "${schema}"._wf_steps WHERE "runId" = $1 ORDER BY seq`,
    [runId],
  );
  return rows;
}
