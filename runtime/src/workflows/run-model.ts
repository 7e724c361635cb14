import type { RecordData } from '../records/context';
import type { TriggerDef } from './definition';

/**
 * Runs as data. A *run* is one execution of one version of a workflow; it moves through
 * QUEUED → RUNNING → (WAITING → RUNNING)* → COMPLETED | FAILED | CANCELLED, and each step it executes
 * leaves a *step record* with its input, output, error and timing. A *segment* is the part of a run
 * executed in one transaction: from where it stands until it ends or has to wait.
 */
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const TERMINAL_STATUSES: readonly RunStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** `CANCELLED`: the step was running or waiting when its run was cancelled. */
export type StepStatus = 'RUNNING' | 'WAITING' | 'COMPLETED' | 'FAILED' | 'SKIPPED' | 'CANCELLED';

/** Who a run acts as, resolved when it starts (DESIGN.md decision 4: its permissions apply). */
export type RunActor = { readonly kind: 'system' } | { readonly kind: 'user'; readonly id: string };

/** What started a run; templates read it as `{{trigger.…}}`. */
export interface TriggerEvent {
  readonly type: TriggerDef['type'];
  readonly object?: string | undefined;
  readonly recordId?: string | undefined;
  /** The record after the change (before it, for deletions). */
  readonly record?: RecordData | null | undefined;
  /** The record before an update. */
  readonly before?: RecordData | null | undefined;
  /** Fields an update changed. */
  readonly changed?: readonly string[] | undefined;
  /** The user whose action fired the trigger, if any. */
  readonly userId?: string | null | undefined;
  /** A webhook's body, a manual run's or a parent workflow's input. */
  readonly input?: unknown;
  readonly firedAt: string;
}

export interface RunRow {
  readonly id: string;
  readonly workflow: string;
  readonly version: number;
  readonly status: RunStatus;
  readonly triggerKey: string | null;
  readonly trigger: TriggerEvent;
  readonly actor: RunActor;
  readonly depth: number;
  readonly parentRunId: string | null;
  /** The step the run executes next (or is waiting in); null once it has ended. */
  readonly nextStep: string | null;
  readonly stepCount: number;
  /** Failed attempts of the current step so far (for retries with backoff). */
  readonly attempt: number;
  readonly wakeAt: string | null;
  readonly error: { readonly message: string; readonly code?: string; readonly step?: string } | null;
  readonly test: boolean;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface StepRecord {
  readonly seq: number;
  readonly stepId: string;
  readonly type: string;
  readonly status: StepStatus;
  readonly attempt: number;
  readonly input: unknown;
  readonly output: unknown;
  readonly error: { readonly message: string; readonly code?: string; readonly line?: number } | null;
  /** What the step reported beside its output (a script's budgets and logs, what a test run did not send). */
  readonly meta: unknown;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
}

/** Deepest chain of runs starting runs (through record triggers or `startWorkflow`) before refusing. */
export const MAX_RUN_DEPTH = 5;
