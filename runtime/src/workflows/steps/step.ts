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

export interface StepHandler<S extends StepDef = StepDef> {
  readonly type: S['type'];
  /** Whether it talks to the world outside the database (so a test run only reports it). */
  readonly external?: boolean;
  /** `step` has its templates rendered (all but a script's code). */
  execute(step: S, ctx: StepContext): Promise<StepResult>;
  /** Called when the run comes back to a step that waited. */
  resume?(step: S, waiting: StepRecord, ctx: StepContext): Promise<StepResult>;
}

/** A failure worth retrying with backoff (a network error, a timeout, a lock conflict). */
export class RetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableError';
  }
}
