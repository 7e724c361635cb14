import type { Access } from '../access/access';
import type { Db } from '../db/db';
import { isStratumError } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { SYSTEM_ACTOR, type RecordContext } from '../records/context';
import type { StepDef, WorkflowDef } from './definition';
import { loopBody } from './check-workflows';
import type { RunQueue } from './queue';
import { TERMINAL_STATUSES, type RunRow, type RunStatus, type StepRecord, type StepStatus } from './run-model';
import type { EngineServices } from './services';
import { stepHandler } from './steps/registry';
import { RetryableError, type StepContext, type StepResult } from './steps/step';
import { renderTemplates } from './templates';
import { loadSteps, runColumns, type RunStore, type SegmentWrite } from './run-store';

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
 * is recorded.
 */
export interface ExecutionEnv {
  readonly db: Db;
  readonly types: FieldTypeRegistry;
  readonly services: EngineServices;
  readonly queue: RunQueue;
  readonly store: RunStore;
  /**
   * Lookups take the connection to use: on the embedded database a transaction holds its only
   * connection, so anything read while it is open must be read through it.
   */
  model(db: Db, workspace: string): Promise<Model>;
  definition(db: Db, model: Model, workflow: string, version: number): Promise<WorkflowDef>;
  access(db: Db, model: Model, userId: string): Promise<Access>;
}

/** Backoff before retry n (1-based): 1 s, 2 s, 4 s … at most 5 minutes, with a little jitter. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 300_000);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

const MAX_STEPS_PER_RUN = 10_000;
const MAX_LOOP_ITEMS = 1000;

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

/**
 * Thrown out of a fast segment to roll it back and run it again carefully. An external step is not
 * executed a second time: the careful pass records the failure it already had.
 */
class StepFailed extends Error {
  constructor(
    readonly stepId: string,
    readonly external: boolean,
    readonly failure: unknown,
  ) {
    super(`step ${stepId} failed`);
  }
}

interface NewStep {
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
    const result = await executeLocked(env, tx, model, run, mode, dryRun, known);
    await env.store.saveSegments(tx, model.schema, [result.write]);
    if (result.wake && !run.test) await env.queue.enqueue(tx, [{ workspace, runId: run.id }], result.wake.at);
    return { status: result.write.status, continue: result.continue };
  });
}

/**
 * Advances many runs in ONE transaction: the common case of runs that just started and go straight
 * through database steps. It saves the per-run transaction, lock and writes (steps and run states are
 * written for the whole batch at once). Runs that wait, resume from a wait or start with an external
 * step are left to `advanceRun`, as is the whole batch when any step fails (it is rolled back, then each
 * run goes on its own, where failures are recorded). Returns the runs that still need `advanceRun`.
 */
export async function advanceBatch(env: ExecutionEnv, workspace: string, runIds: readonly string[]): Promise<string[]> {
  const model = await env.model(env.db, workspace);
  try {
    return await env.db.transaction(async (tx) => {
      const runs = await env.store.lockRuns(tx, model.schema, runIds);
      const later: string[] = [];
      const writes: SegmentWrite[] = [];
      const wakes: { runId: string; at: Date | undefined }[] = [];
      let depth = -1;
      for (const run of runs) {
        if (TERMINAL_STATUSES.includes(run.status)) continue;
        const first = run.nextStep
          ? (await env.definition(tx, model, run.workflow, run.version)).steps.find((s) => s.id === run.nextStep)
          : undefined;
        if (run.status === 'WAITING' || !first || (first.type !== 'forEach' && stepHandler(first.type).external)) {
          later.push(run.id);
          continue;
        }
        if (run.depth !== depth) {
          depth = run.depth;
          await tx.query(`SELECT set_config('stratum.run_depth', $1, true), set_config('stratum.run_id', '', true)`, [
            String(depth + 1),
          ]);
        }
        const result = await executeLocked(env, tx, model, run, 'fast', false, null);
        writes.push(result.write);
        if (result.wake) wakes.push({ runId: run.id, at: result.wake.at });
        if (result.continue) later.push(run.id);
      }
      await env.store.saveSegments(tx, model.schema, writes);
      const now = wakes.filter((w) => w.at === undefined).map((w) => ({ workspace, runId: w.runId }));
      await env.queue.enqueue(tx, now);
      for (const wake of wakes.filter((w) => w.at !== undefined))
        await env.queue.enqueue(tx, [{ workspace, runId: wake.runId }], wake.at);
      return later;
    });
  } catch (error) {
    if (error instanceof StepFailed) return [...runIds];
    throw error;
  }
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

interface LockedResult {
  readonly write: SegmentWrite;
  /** The job that continues the run: now (`at` undefined) or at a time; null when nothing is due. */
  readonly wake: { readonly at: Date | undefined } | null;
  /** The segment stopped at an external step (or after one): continue in a new transaction. */
  readonly continue: boolean;
}

/** Executes a locked run's steps from where it stands, inside `tx`, and says what to write. */
async function executeLocked(
  env: ExecutionEnv,
  tx: Db,
  model: Model,
  run: RunRow,
  mode: 'fast' | 'careful',
  dryRun: boolean,
  known: StepFailed | null,
): Promise<LockedResult> {
  const workflow = await env.definition(tx, model, run.workflow, run.version);
  const byId = new Map(workflow.steps.map((s) => [s.id, s]));
  const records: RecordContext = {
    db: tx,
    model,
    types: env.types,
    actor: run.actor.kind === 'user' ? run.actor : SYSTEM_ACTOR,
    access: run.actor.kind === 'user' ? await env.access(tx, model, run.actor.id) : undefined,
  };
  const history = run.stepCount ? await loadSteps(tx, model.schema, run.id) : [];
  const outputs: Record<string, { output: unknown }> = {};
  for (const step of history) if (step.status === 'COMPLETED') outputs[step.stepId] = { output: step.output };
  const written: NewStep[] = [];
  const completedWaits: { seq: number; output: unknown; durationMs: number }[] = [];
  let seq = run.stepCount;
  let cursor = run.nextStep;
  let attempt = run.attempt;
  let status: RunStatus = 'RUNNING';
  let wakeAt: Date | null = null;
  let runError: RunRow['error'] = null;
  let waiting = history.findLast((s) => s.stepId === cursor && s.status === 'WAITING') ?? null;
  let executed = 0;
  let stopForExternal = false;

  const context = (db: Db, key: string, extra: Record<string, unknown> = {}): StepContext => ({
    run,
    workflow,
    records: { ...records, db },
    db,
    scope: { trigger: run.trigger, steps: { ...outputs }, ...extra },
    services: env.services,
    dryRun,
    idempotencyKey: key,
    attempt: attempt + 1,
  });

  while (cursor) {
    const step = byId.get(cursor);
    if (!step) {
      status = 'FAILED';
      runError = { message: `the workflow has no step "${cursor}"`, step: cursor };
      break;
    }
    const external = step.type !== 'forEach' && stepHandler(step.type).external === true;
    if (external && executed > 0) {
      stopForExternal = true;
      break;
    }
    if (seq - run.stepCount + history.length > MAX_STEPS_PER_RUN) {
      status = 'FAILED';
      runError = { message: `a run may execute at most ${MAX_STEPS_PER_RUN} steps`, code: 'LIMIT_EXCEEDED' };
      break;
    }
    const startedAt = new Date();
    const started = performance.now();
    const input = step.type === 'script' || step.type === 'forEach' ? inputOf(step) : null;
    let rendered: StepDef | null = null;
    let result: StepResult;
    try {
      rendered = renderStep(step, context(tx, '').scope);
      const current = rendered;
      const work = async (db: Db) => {
        if (known && known.external && known.stepId === step.id) throw known.failure;
        const ctx = context(db, `${run.id}:${step.id}`);
        if (current.type === 'forEach') return runLoop(current, workflow, ctx, byId);
        const handler = stepHandler(current.type);
        if (waiting && handler.resume) return handler.resume(current, waiting, ctx);
        return handler.execute(current, ctx);
      };
      result = mode === 'careful' ? await tx.transaction(work) : await work(tx);
    } catch (error) {
      if (mode === 'fast') throw new StepFailed(step.id, external, error);
      const retries = step.retries ?? (external ? 3 : 0);
      const retry = isRetryable(error) && attempt < retries;
      written.push({
        seq: seq++,
        stepId: step.id,
        type: step.type,
        status: 'FAILED',
        attempt: attempt + 1,
        input: input ?? inputOf(rendered ?? step),
        output: null,
        error: errorOf(error),
        meta: isStratumError(error) && Object.keys(error.details).length ? error.details : null,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: performance.now() - started,
      });
      if (retry) {
        attempt += 1;
        status = 'QUEUED';
        wakeAt = new Date(Date.now() + retryDelayMs(attempt));
      } else {
        status = 'FAILED';
        runError = { ...errorOf(error), step: step.id };
      }
      break;
    }
    executed += 1;
    const durationMs = performance.now() - started;
    if (result.kind === 'wait') {
      status = 'WAITING';
      wakeAt = result.until;
      if (!waiting) {
        written.push({
          seq: seq++,
          stepId: step.id,
          type: step.type,
          status: 'WAITING',
          attempt: attempt + 1,
          input: inputOf(rendered ?? step),
          output: result.output ?? null,
          error: null,
          meta: null,
          startedAt: startedAt.toISOString(),
          finishedAt: null,
          durationMs: null,
        });
      }
      break;
    }
    if (waiting) {
      completedWaits.push({ seq: waiting.seq, output: result.output, durationMs });
    } else {
      written.push({
        seq: seq++,
        stepId: step.id,
        type: step.type,
        status: 'COMPLETED',
        attempt: attempt + 1,
        input: inputOf(rendered ?? step),
        output: result.output ?? null,
        error: null,
        meta: result.meta ?? null,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs,
      });
    }
    outputs[step.id] = { output: result.output ?? null };
    cursor = result.branch !== undefined ? result.branch : (step.next ?? null);
    attempt = 0;
    waiting = null;
    if (external) {
      stopForExternal = cursor !== null;
      break;
    }
  }
  if (status === 'RUNNING' && !stopForExternal) status = cursor ? 'RUNNING' : 'COMPLETED';
  if (status === 'RUNNING' && !stopForExternal) status = cursor ? 'RUNNING' : 'COMPLETED';
  const write: SegmentWrite = {
    runId: run.id,
    steps: written,
    completedWaits,
    status,
    nextStep: status === 'COMPLETED' ? null : cursor,
    stepCount: seq,
    attempt,
    wakeAt,
    error: runError,
  };
  const due = status === 'QUEUED' || (status === 'WAITING' && wakeAt !== null);
  return { write, wake: due ? { at: wakeAt ?? undefined } : null, continue: stopForExternal };
}

async function waitingStep(db: Db, schema: string, run: RunRow): Promise<StepRecord | undefined> {
  const steps = await loadSteps(db, schema, run.id);
  return steps.findLast((s) => s.stepId === run.nextStep && s.status === 'WAITING');
}

/** A step's settings with templates rendered; a script's code is left alone (it reads `input`). */
function renderStep(step: StepDef, scope: Readonly<Record<string, unknown>>): StepDef {
  const { id, type, next, code, ...rest } = step as StepDef & { code?: string };
  return {
    ...(renderTemplates(rest, scope) as object),
    id,
    type,
    ...(next !== undefined ? { next } : {}),
    ...(code !== undefined ? { code } : {}),
  } as StepDef;
}

/** What a step record shows as its input: the rendered settings, without the graph's links. */
function inputOf(step: StepDef): unknown {
  const { id: _id, type: _type, next: _next, label: _label, retries: _retries, ...rest } = step;
  return rest;
}

/**
 * A `forEach` loop: its body (the chain of steps from `do`) runs once per item of `items` (at most 1,000),
 * with `{{item}}` and `{{index}}` in scope. The output lists each iteration's last output.
 */
async function runLoop(
  step: Extract<StepDef, { type: 'forEach' }>,
  workflow: WorkflowDef,
  ctx: StepContext,
  byId: ReadonlyMap<string, StepDef>,
): Promise<StepResult> {
  const items = step.items as unknown;
  if (!Array.isArray(items)) throw new TypeError(`forEach "${step.id}": items is not a list`);
  if (items.length > MAX_LOOP_ITEMS) throw new RangeError(`forEach "${step.id}": more than ${MAX_LOOP_ITEMS} items`);
  const results: unknown[] = [];
  const body = loopBody(workflow, step.do);
  for (const [index, item] of items.entries()) {
    const steps = { ...(ctx.scope.steps as Record<string, unknown>) };
    let last: unknown = null;
    for (const id of body) {
      const inner = renderStep(byId.get(id)!, { ...ctx.scope, steps, item, index });
      const result = await stepHandler(inner.type).execute(inner, {
        ...ctx,
        scope: { ...ctx.scope, steps, item, index },
        idempotencyKey: `${ctx.idempotencyKey}:${index}:${id}`,
      });
      if (result.kind !== 'done') throw new TypeError(`step "${id}" cannot wait inside a loop`);
      steps[id] = { output: result.output };
      last = result.output;
    }
    results.push(last);
  }
  return { kind: 'done', output: { count: items.length, results } };
}

const RETRYABLE_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014', '08006', '08003', '08000']);

function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableError) return true;
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

function errorOf(error: unknown): { message: string; code?: string; line?: number } {
  if (isStratumError(error)) {
    const line = error.details.line;
    return { message: error.message, code: error.code, ...(typeof line === 'number' ? { line } : {}) };
  }
  if (error instanceof RetryableError) return { message: error.message, code: 'RETRYABLE' };
  return { message: error instanceof Error ? error.message : String(error) };
}

export { runColumns };
