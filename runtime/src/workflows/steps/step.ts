import type { Db } from '../../db/db';
import type { RecordContext } from '../../records/context';
import type { StepDef, WorkflowDef } from '../definition';
import type { RunRow, StepRecord } from '../run-model';
import type { TemplateScope } from '../templates';
import type { EngineServices } from '../services';

/**
 * One step type: what it does with its (template-rendered) settings. Each type lives in its own file
 * under `steps/` (STYLE.md: Medusa's one step, one file) and is registered in `registry.ts`, where a
 * plugin's step types will go too.
 */
export interface StepContext {
  readonly run: RunRow;
  readonly workflow: WorkflowDef;
  /** The record service under the run's actor, bound to the segment's transaction. */
  readonly records: RecordContext;
  /** The segment's transaction, for the engine's own tables (state, approvals, notifications). */
  readonly db: Db;
  readonly scope: TemplateScope;
  readonly services: EngineServices;
  /** A test run: changes to records are rolled back, messages and requests are reported, not sent. */
  readonly dryRun: boolean;
  /** Stable across retries and restarts of the same step: `<runId>:<stepId>[:<iteration>]`. */
  readonly idempotencyKey: string;
  readonly attempt: number;
}

export type StepResult =
  /** Done; `branch` overrides `next` (conditions and approvals choose one). */
  | {
      readonly kind: 'done';
      readonly output: unknown;
      readonly branch?: string | null | undefined;
      /** Reported beside the output (a script's budgets and logs, what a test run did not send). */
      readonly meta?: unknown;
    }
  /** Must wait: until a time (delays), or until something happens (approvals), with an optional deadline. */
  | { readonly kind: 'wait'; readonly until: Date | null; readonly output?: unknown };

/**
 * What a step may touch, which decides whether it may execute beside other runs in one transaction
 * (`advance-batch.ts`): runs there must not see each other's half-done segments.
 */
export interface StepBatching {
  /**
   * `run`: only its own run's records (the trigger record, the records it names or creates) and engine
   * state keyed by its step; `any`: records of any run (a query).
   */
  readonly reads: 'run' | 'any';
  /** Whether it writes records or engine state. */
  readonly writes: boolean;
}

export interface StepHandler<S extends StepDef = StepDef> {
  readonly type: S['type'];
  /** Whether it talks to the world outside the database (so a test run only reports it). */
  readonly external?: boolean;
  /**
   * What it may read and write (see StepBatching). Absent: anything (a script), so a run in a batch
   * stops before it and executes it in a transaction of its own.
   */
  readonly batching?: StepBatching;
  /** `step` has its templates rendered (all but a script's code). */
  execute(step: S, ctx: StepContext): Promise<StepResult>;
  /** Called when the run comes back to a step that waited. */
  resume?(step: S, waiting: StepRecord, ctx: StepContext): Promise<StepResult>;
  /**
   * Set-based execution: the same step of many runs at once (`steps[i]` rendered for `ctxs[i]`), with
   * the result of each run in order, each exactly what `execute` would return for it. The engine calls
   * it for runs of one workflow version that stand at this step together in one transaction (see
   * `advance-batch.ts`), never for a step a run resumes; every context has the same actor and
   * transaction. It throws when any run's step fails: the transaction is rolled back and each run is
   * then executed on its own, where the failure is recorded against the run it belongs to.
   */
  executeMany?(steps: readonly S[], ctxs: readonly StepContext[]): Promise<StepResult[]>;
}

/** A failure worth retrying with backoff (a network error, a timeout, a lock conflict). */
export class RetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableError';
  }
}
