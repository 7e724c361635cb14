import type { Db } from '../db/db';
import type { StepDef } from './definition';
import { TERMINAL_STATUSES, type RunRow } from './run-model';
import type { SegmentWrite } from './run-store';
import { RunSegment, StepFailed, type ExecutionEnv, type PendingStep } from './run-segment';
import { stepHandler } from './steps/registry';
import type { StepResult } from './steps/step';

/**
 * Advances many runs in ONE transaction: the common case of runs that just started and go straight
 * through database steps. It saves the per-run transaction, lock and writes (steps and run states are
 * written for the whole batch at once), and it executes the runs *in waves*: the runs that stand at the
 * same step of the same workflow version (and act as the same actor) execute that step together, in one
 * set-based call when the step's handler has `executeMany` (a condition reads all their records in one
 * query, a createRecord inserts all their records in one statement), then every run moves on to its own
 * next step, until each has ended, waits or reaches a step that needs a transaction of its own.
 *
 * Each run gets the outputs, branches and step records that executing its segments one after the other
 * would give it; a run's steps in a set-based call share the call's start, finish and duration. For that,
 * runs side by side must not see each other's half-done segments (StepBatching):
 * - runs on the same trigger record do not share waves: they go in successive passes in run order, so a
 *   later one sees what an earlier one did to the record, as it would one run at a time;
 * - a step that reads records of any run (`findRecords`) executes in the batch only while nothing has
 *   been written in the pass, and one that may do anything (a script, a loop) or reaches outside (e-mail,
 *   HTTP) not at all: the run's segment ends before it, and the run goes on in a transaction of its own
 *   after the batch committed (`advanceRun`), as it does before an external step.
 * What is left: runs that write a record another run of the batch reads or writes through an explicit
 * `recordId` see each other's writes wave by wave (updates of one record apply in run order).
 *
 * Runs that wait, resume from a wait or start with such a step are left to `advanceRun`. When any step
 * fails, the batch is rolled back and tried again in halves, so the runs that do not fail still advance
 * together; a failing run ends up alone or with one other, and is left to `advanceRun`, which records
 * the failure. Returns the runs that still need `advanceRun`.
 */
export async function advanceBatch(env: ExecutionEnv, workspace: string, runIds: readonly string[]): Promise<string[]> {
  try {
    return await advanceTogether(env, workspace, runIds);
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    if (runIds.length <= 2) return [...runIds];
    const half = Math.ceil(runIds.length / 2);
    return [
      ...(await advanceBatch(env, workspace, runIds.slice(0, half))),
      ...(await advanceBatch(env, workspace, runIds.slice(half))),
    ];
  }
}

/** One attempt at the batch in one transaction; throws StepFailed (after rolling back) when a step fails. */
async function advanceTogether(env: ExecutionEnv, workspace: string, runIds: readonly string[]): Promise<string[]> {
  const model = await env.model(env.db, workspace);
  return await env.db.transaction(async (tx) => {
    const runs = await env.store.lockRuns(tx, model.schema, runIds);
    const later: string[] = [];
    const ready: RunRow[] = [];
    for (const run of runs) {
      if (TERMINAL_STATUSES.includes(run.status)) continue;
      const first = run.nextStep
        ? (await env.definition(tx, model, run.workflow, run.version)).steps.find((s) => s.id === run.nextStep)
        : undefined;
      if (run.status === 'WAITING' || !first || !batchable(first)) {
        later.push(run.id);
        continue;
      }
      ready.push(run);
    }
    const writes: SegmentWrite[] = [];
    const wakes: { runId: string; at: Date | undefined }[] = [];
    // Records a run writes carry its depth + 1 (the outbox reads it as a column default), for depth
    // limits; locking set it for the deepest run.
    let depth = Math.max(...runs.map((r) => r.depth));
    for (const pass of passes(ready)) {
      if (pass[0]!.depth !== depth) {
        depth = pass[0]!.depth;
        await tx.query(`SELECT set_config('stratum.run_depth', $1, true)`, [String(depth + 1)]);
      }
      const segments: RunSegment[] = [];
      for (const run of pass) segments.push(await RunSegment.open(env, tx, model, run, false));
      await executeInWaves(tx, segments);
      for (const segment of segments) {
        const result = segment.result();
        writes.push(result.write);
        if (result.wake) wakes.push({ runId: segment.run.id, at: result.wake.at });
        if (result.continue) later.push(segment.run.id);
      }
    }
    await env.store.saveSegments(tx, model.schema, writes);
    const now = wakes.filter((w) => w.at === undefined).map((w) => ({ workspace, runId: w.runId }));
    await env.queue.enqueue(tx, now);
    for (const wake of wakes.filter((w) => w.at !== undefined))
      await env.queue.enqueue(tx, [{ workspace, runId: wake.runId }], wake.at);
    return later;
  });
}

/**
 * The runs in passes that execute one after the other: one pass per depth (what their records carry),
 * and within a depth the n-th run on a trigger record goes to the n-th pass.
 */
function passes(runs: readonly RunRow[]): RunRow[][] {
  const byKey = new Map<string, RunRow[]>();
  const seen = new Map<string, number>();
  for (const run of runs) {
    const record = run.trigger.recordId ? `${run.trigger.object ?? ''}:${run.trigger.recordId}`.toLowerCase() : null;
    const nth = record ? (seen.get(`${run.depth}:${record}`) ?? 0) : 0;
    if (record) seen.set(`${run.depth}:${record}`, nth + 1);
    const key = `${run.depth}:${nth}`;
    const pass = byKey.get(key);
    if (pass) pass.push(run);
    else byKey.set(key, [run]);
  }
  return [...byKey.values()];
}

interface Standing {
  readonly segment: RunSegment;
  readonly pending: PendingStep;
}

/** Whether a step may execute in a batch at all (see StepBatching): not a script, a loop or an external step. */
function batchable(step: StepDef): boolean {
  if (step.type === 'forEach') return false;
  const handler = stepHandler(step.type);
  return handler.batching !== undefined && handler.external !== true;
}

/**
 * Executes the segments' steps wave by wave, the runs at the same step together. Runs side by side must
 * not see each other's half-done segments: a step that reads any record executes only while nothing has
 * been written in the wave's pass, and one that may do anything (a script) not at all; before such a
 * step a run's segment ends, and the run goes on in a transaction of its own once the batch committed.
 */
async function executeInWaves(tx: Db, segments: readonly RunSegment[]): Promise<void> {
  let written = false;
  let wave = standing(segments);
  while (wave.length) {
    const groups = new Map<string, Standing[]>();
    for (const entry of wave) {
      const key = `${entry.segment.batchKey}\0${entry.pending.step.id}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    for (const group of groups.values()) {
      const { step } = group[0]!.pending;
      const batching = batchable(step) ? stepHandler(step.type).batching! : null;
      if (!batching || (batching.reads === 'any' && written)) {
        for (const { segment, pending } of group) segment.endBefore(pending);
        continue;
      }
      await executeGroup(tx, group);
      written ||= batching.writes;
    }
    wave = standing(wave.map((entry) => entry.segment));
  }
}

function standing(segments: readonly RunSegment[]): Standing[] {
  const out: Standing[] = [];
  for (const segment of segments) {
    const pending = segment.next();
    if (pending) out.push({ segment, pending });
  }
  return out;
}

/** One step of several runs: in one `executeMany` call when the handler has one, else run by run. */
async function executeGroup(tx: Db, group: readonly Standing[]): Promise<void> {
  const { step } = group[0]!.pending;
  const handler = step.type === 'forEach' ? undefined : stepHandler(step.type);
  const executeMany = handler?.executeMany?.bind(handler);
  if (!executeMany || group.length === 1 || group.some((e) => e.pending.waiting)) {
    for (const { segment, pending } of group) {
      const startedAt = new Date();
      const started = performance.now();
      let rendered: StepDef;
      let result: StepResult;
      try {
        rendered = segment.render(pending);
        result = await segment.execute(pending, rendered, tx);
      } catch (error) {
        throw new StepFailed(step.id, pending.external, error);
      }
      segment.done(pending, rendered, result, startedAt, performance.now() - started);
    }
    return;
  }
  const startedAt = new Date();
  const started = performance.now();
  let rendered: StepDef[];
  let results: StepResult[];
  try {
    rendered = group.map(({ segment, pending }) => segment.render(pending));
    const db = withoutSavepoints(tx);
    results = await executeMany(
      rendered,
      group.map(({ segment, pending }) => segment.context(pending, db)),
    );
  } catch (error) {
    throw new StepFailed(step.id, group[0]!.pending.external, error);
  }
  if (results.length !== group.length)
    throw new Error(
      `step type "${step.type}": executeMany returned ${results.length} results for ${group.length} runs`,
    );
  const durationMs = performance.now() - started;
  const finishedAt = new Date();
  group.forEach(({ segment, pending }, i) =>
    segment.done(pending, rendered[i]!, results[i]!, startedAt, durationMs, finishedAt),
  );
}

/**
 * The batch's transaction with nested units of work run in place rather than in savepoints: any failure
 * in a set-based step rolls the whole batch back, so a savepoint would cost two round trips for nothing.
 * (A failure that a step swallowed would leave the transaction aborted: its next statement fails, and
 * the runs go on one at a time, with savepoints.)
 */
function withoutSavepoints(tx: Db): Db {
  const db: Db = {
    dialect: tx.dialect,
    inTransaction: true,
    query: (text, values, options) => tx.query(text, values, options),
    exec: (text) => tx.exec(text),
    transaction: (work) => work(db),
    close: () => tx.close(),
  };
  return db;
}
