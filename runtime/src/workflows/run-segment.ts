import type { Access } from '../access/access';
import type { Db } from '../db/db';
import { isStratumError } from '../errors';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import { SYSTEM_ACTOR, type RecordContext } from '../records/context';
import { loopBody } from './check-workflows';
import type { StepDef, WorkflowDef } from './definition';
import type { RunQueue } from './queue';
import type { RunRow, RunStatus, StepRecord } from './run-model';
import { loadSteps, type RunStore, type SegmentWrite } from './run-store';
import type { EngineServices } from './services';
import { stepHandler } from './steps/registry';
import { RetryableError, type StepContext, type StepResult } from './steps/step';
import { renderTemplates, type TemplateScope } from './templates';

/**
 * One run's part of a segment (run-model.ts), as a state machine the executors drive: `next()` names the
 * step the run executes next (or ends the segment), the executor executes it, and `done()` or `failed()`
 * records what happened and moves the run on. `advanceRun` drives one run step by step; `advanceBatch`
 * drives many runs in waves, executing the same step of many runs together (`StepHandler.executeMany`).
 * Both therefore decide branches, limits, retries and the step records the same way.
 *
 * Terminology: a *pending step* is the step a run stands at, with the scope its templates render in.
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

export interface PendingStep {
  /** The step as defined (templates unrendered). */
  readonly step: StepDef;
  /** It talks to the world outside the database (e-mail, HTTP). */
  readonly external: boolean;
  /** The step record of this step when the run waited in it (a delay, an approval) and now resumes. */
  readonly waiting: StepRecord | null;
  readonly scope: TemplateScope;
}

/** What a segment writes for a run and how the run goes on. */
export interface LockedResult {
  readonly write: SegmentWrite;
  /** The job that continues the run: now (`at` undefined) or at a time; null when nothing is due. */
  readonly wake: { readonly at: Date | undefined } | null;
  /** The segment stopped at an external step (or after one): continue in a new transaction. */
  readonly continue: boolean;
}

/**
 * Thrown out of a fast segment (or a batch) to roll it back and run it again carefully. An external step
 * is not executed a second time: the careful pass records the failure it already had.
 */
export class StepFailed extends Error {
  constructor(
    readonly stepId: string,
    readonly external: boolean,
    readonly failure: unknown,
  ) {
    super(`step ${stepId} failed`);
  }
}

const MAX_STEPS_PER_RUN = 10_000;
const MAX_LOOP_ITEMS = 1000;

type NewStep = SegmentWrite['steps'][number];

/** A locked run executing from where it stands, inside the segment's transaction. */
export class RunSegment {
  readonly run: RunRow;
  readonly workflow: WorkflowDef;
  /** Groups runs whose steps may execute together: same workflow version and actor. */
  readonly batchKey: string;
  readonly #env: ExecutionEnv;
  readonly #records: RecordContext;
  readonly #dryRun: boolean;
  readonly #byId: ReadonlyMap<string, StepDef>;
  readonly #historyLength: number;
  readonly #outputs: Record<string, { output: unknown }> = {};
  readonly #written: NewStep[] = [];
  readonly #completedWaits: { seq: number; output: unknown; durationMs: number }[] = [];
  #seq: number;
  #cursor: string | null;
  #attempt: number;
  #status: RunStatus = 'RUNNING';
  #wakeAt: Date | null = null;
  #runError: RunRow['error'] = null;
  #waiting: StepRecord | null;
  #executed = 0;
  /** The segment ended before a step that needs a transaction of its own: the run goes on from there. */
  #goesOn = false;
  #ended = false;

  private constructor(
    env: ExecutionEnv,
    run: RunRow,
    workflow: WorkflowDef,
    records: RecordContext,
    history: readonly StepRecord[],
    dryRun: boolean,
  ) {
    this.#env = env;
    this.run = run;
    this.workflow = workflow;
    this.batchKey = `${run.workflow}\0${run.version}\0${run.actor.kind === 'user' ? run.actor.id : ''}`;
    this.#records = records;
    this.#dryRun = dryRun;
    this.#byId = new Map(workflow.steps.map((s) => [s.id, s]));
    this.#historyLength = history.length;
    for (const step of history) if (step.status === 'COMPLETED') this.#outputs[step.stepId] = { output: step.output };
    this.#seq = run.stepCount;
    this.#cursor = run.nextStep;
    this.#attempt = run.attempt;
    this.#waiting = history.findLast((s) => s.stepId === run.nextStep && s.status === 'WAITING') ?? null;
  }

  /** Opens a locked run: its definition, its actor's access and (when it has any) its step history. */
  static async open(env: ExecutionEnv, tx: Db, model: Model, run: RunRow, dryRun: boolean): Promise<RunSegment> {
    const workflow = await env.definition(tx, model, run.workflow, run.version);
    const records: RecordContext = {
      db: tx,
      model,
      types: env.types,
      actor: run.actor.kind === 'user' ? run.actor : SYSTEM_ACTOR,
      access: run.actor.kind === 'user' ? await env.access(tx, model, run.actor.id) : undefined,
      // Script validation rules on a run's writes use the engine's sandbox, not a second pool.
      scripts: env.services.scripts,
    };
    const history = run.stepCount ? await loadSteps(tx, model.schema, run.id) : [];
    return new RunSegment(env, run, workflow, records, history, dryRun);
  }

  /** The step to execute next, or null when the segment ends here (the run ended, waits or goes on later). */
  next(): PendingStep | null {
    if (this.#ended || !this.#cursor) return null;
    const step = this.#byId.get(this.#cursor);
    if (!step) {
      this.#status = 'FAILED';
      this.#runError = { message: `the workflow has no step "${this.#cursor}"`, step: this.#cursor };
      return this.#end();
    }
    const external = step.type !== 'forEach' && stepHandler(step.type).external === true;
    if (external && this.#executed > 0) {
      this.#goesOn = true;
      return this.#end();
    }
    if (this.#seq - this.run.stepCount + this.#historyLength > MAX_STEPS_PER_RUN) {
      this.#status = 'FAILED';
      this.#runError = { message: `a run may execute at most ${MAX_STEPS_PER_RUN} steps`, code: 'LIMIT_EXCEEDED' };
      return this.#end();
    }
    return {
      step,
      external,
      waiting: this.#waiting,
      scope: { trigger: this.run.trigger, steps: { ...this.#outputs } },
    };
  }

  /** The step's settings with templates rendered in its scope. */
  render(pending: PendingStep): StepDef {
    return renderStep(pending.step, pending.scope);
  }

  /** What the step's handler is given, bound to `db` (the transaction, or a savepoint in it). */
  context(pending: PendingStep, db: Db): StepContext {
    return {
      run: this.run,
      workflow: this.workflow,
      records: { ...this.#records, db },
      db,
      scope: pending.scope,
      services: this.#env.services,
      dryRun: this.#dryRun,
      idempotencyKey: `${this.run.id}:${pending.step.id}`,
      attempt: this.#attempt + 1,
    };
  }

  /** Executes the rendered step for this run alone: a loop, a resumption or the handler's `execute`. */
  execute(pending: PendingStep, rendered: StepDef, db: Db): Promise<StepResult> {
    const ctx = this.context(pending, db);
    if (rendered.type === 'forEach') return runLoop(rendered, this.workflow, ctx, this.#byId);
    const handler = stepHandler(rendered.type);
    if (pending.waiting && handler.resume) return handler.resume(rendered, pending.waiting, ctx);
    return handler.execute(rendered, ctx);
  }

  /** Records a step that executed: it waits, or the run goes on to its branch or `next`. */
  done(
    pending: PendingStep,
    rendered: StepDef,
    result: StepResult,
    startedAt: Date,
    durationMs: number,
    finishedAt = new Date(),
  ): void {
    const { step, external, waiting } = pending;
    this.#executed += 1;
    if (result.kind === 'wait') {
      this.#status = 'WAITING';
      this.#wakeAt = result.until;
      if (!waiting) {
        this.#written.push({
          seq: this.#seq++,
          stepId: step.id,
          type: step.type,
          status: 'WAITING',
          attempt: this.#attempt + 1,
          input: inputOf(rendered),
          output: result.output ?? null,
          error: null,
          meta: null,
          startedAt: startedAt.toISOString(),
          finishedAt: null,
          durationMs: null,
        });
      }
      this.#end();
      return;
    }
    if (waiting) {
      this.#completedWaits.push({ seq: waiting.seq, output: result.output, durationMs });
    } else {
      this.#written.push({
        seq: this.#seq++,
        stepId: step.id,
        type: step.type,
        status: 'COMPLETED',
        attempt: this.#attempt + 1,
        input: inputOf(rendered),
        output: result.output ?? null,
        error: null,
        meta: result.meta ?? null,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs,
      });
    }
    this.#outputs[step.id] = { output: result.output ?? null };
    this.#cursor = result.branch !== undefined ? result.branch : (step.next ?? null);
    this.#attempt = 0;
    this.#waiting = null;
    if (external) {
      this.#goesOn = this.#cursor !== null;
      this.#end();
    }
  }

  /** Ends the segment before the pending step: the run goes on from it in a new transaction. */
  endBefore(pending: PendingStep): void {
    if (pending.step.id !== this.#cursor) throw new Error(`run ${this.run.id} does not stand at ${pending.step.id}`);
    this.#goesOn = true;
    this.#end();
  }

  /** Records a step that failed (a careful segment): the run is retried with backoff or fails. */
  failed(pending: PendingStep, rendered: StepDef | null, error: unknown, startedAt: Date, durationMs: number): void {
    const { step, external } = pending;
    const retries = step.retries ?? (external ? 3 : 0);
    const retry = isRetryable(error) && this.#attempt < retries;
    // A failed script or loop shows its settings as written (a loop's items may be long).
    const input = step.type === 'script' || step.type === 'forEach' ? inputOf(step) : inputOf(rendered ?? step);
    this.#written.push({
      seq: this.#seq++,
      stepId: step.id,
      type: step.type,
      status: 'FAILED',
      attempt: this.#attempt + 1,
      input,
      output: null,
      error: errorOf(error),
      meta: isStratumError(error) && Object.keys(error.details).length ? error.details : null,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs,
    });
    if (retry) {
      this.#attempt += 1;
      this.#status = 'QUEUED';
      this.#wakeAt = new Date(Date.now() + retryDelayMs(this.#attempt));
    } else {
      this.#status = 'FAILED';
      this.#runError = { ...errorOf(error), step: step.id };
    }
    this.#end();
  }

  /** What to write for the run, once `next()` has returned null. */
  result(): LockedResult {
    let status = this.#status;
    if (status === 'RUNNING' && !this.#goesOn) status = this.#cursor ? 'RUNNING' : 'COMPLETED';
    const write: SegmentWrite = {
      runId: this.run.id,
      steps: this.#written,
      completedWaits: this.#completedWaits,
      status,
      nextStep: status === 'COMPLETED' ? null : this.#cursor,
      stepCount: this.#seq,
      attempt: this.#attempt,
      wakeAt: this.#wakeAt,
      error: this.#runError,
    };
    const due = status === 'QUEUED' || (status === 'WAITING' && this.#wakeAt !== null);
    return { write, wake: due ? { at: this.#wakeAt ?? undefined } : null, continue: this.#goesOn };
  }

  #end(): null {
    this.#ended = true;
    return null;
  }
}

/** Backoff before retry n (1-based): 1 s, 2 s, 4 s … at most 5 minutes, with a little jitter. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(1000 * 2 ** (attempt - 1), 300_000);
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/** A step's settings with templates rendered; a script's code is left alone (it reads `input`). */
function renderStep(step: StepDef, scope: TemplateScope): StepDef {
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
