/**
 * The script runner (DESIGN.md decision 7): user JavaScript in QuickJS, on a pool of worker threads.
 *
 * Three walls stop a hostile script. Inside the worker, QuickJS enforces the memory and stack limits and
 * an interrupt handler enforces the deadline (vm-run.ts). On the main thread, a hard timer terminates the
 * worker at deadline + KILL_GRACE_MS, for the rare built-in that runs for seconds without reaching the
 * interrupt handler; a fresh worker takes the slot. Budgets are counted here, on the main thread
 * (host-calls.ts).
 */
import { performance } from 'node:perf_hooks';
import { badInput } from '../errors';
import { answerHostCall, UsageMeter, type ScriptHost } from './host-calls';
import {
  KILL_GRACE_MS,
  LOG_LIMITS,
  MAX_CODE_LENGTH,
  resolveBudgets,
  resolveLimits,
  type ScriptBudgets,
  type ScriptLimits,
} from './limits';
import { failureMessages } from './messages';
import type { ScriptFailure, ScriptOutcome, ScriptUsage } from './outcome';
import { WorkerPool, type Lease, type WorkerTenant } from './pool';
import type { CallMessage, DoneMessage, ReplyBody, WorkerMessage } from './protocol';

/** One script to run: `code` is a function body; `input` must be JSON (it is copied into the VM). */
export interface ScriptRequest {
  readonly code: string;
  readonly input: unknown;
  /** Without a host, `records.*` throws FORBIDDEN inside the script. */
  readonly host?: ScriptHost;
  readonly limits?: Partial<ScriptLimits>;
  readonly budgets?: Partial<ScriptBudgets>;
}

export interface ScriptRunner {
  /** Resolves with the outcome of the script, never rejects for anything the script does. */
  run(request: ScriptRequest): Promise<ScriptOutcome>;
  /** Terminates the workers; runs in progress end as `killed`. */
  close(): Promise<void>;
}

/**
 * A runner with `workers` warm worker threads (default 2); runs beyond that wait in line.
 *
 * @example
 *   const runner = createScriptRunner();
 *   const outcome = await runner.run({
 *     code: "log('counting'); return { words: input.trigger.record.title.split(' ').length }",
 *     input: { trigger: { record: { title: 'Big deal' } } },
 *   });
 *   // { ok: true, value: { words: 2 }, logs: ['counting'], usage: { queries: 0, … } }
 *   await runner.close();
 */
export function createScriptRunner(options: { workers?: number } = {}): ScriptRunner {
  const workers = options.workers ?? 2;
  if (!Number.isInteger(workers) || workers < 1)
    throw badInput({ path: 'workers', message: 'must be a whole number of at least 1' });
  const pool = new WorkerPool(workers);
  let nextRunId = 0;
  return {
    run(request) {
      let run: ScriptRun;
      try {
        run = new ScriptRun(++nextRunId, request, resolveLimits(request.limits), resolveBudgets(request.budgets));
      } catch (error) {
        return Promise.reject(error);
      }
      if (typeof request.code !== 'string' || request.code.length > MAX_CODE_LENGTH) {
        run.end({ kind: 'syntax', message: failureMessages.tooLong(MAX_CODE_LENGTH) });
        return run.outcome;
      }
      pool.lease(run).then(
        (lease) => run.start(lease),
        () => run.end({ kind: 'killed', message: failureMessages.closed() }),
      );
      return run.outcome;
    },
    close: () => pool.close(),
  };
}

/** JSON of the input (undefined becomes null); input that is not JSON is the caller's mistake. */
function inputToJson(input: unknown): string {
  try {
    return JSON.stringify(input ?? null) ?? 'null';
  } catch (error) {
    throw badInput({ path: 'input', message: `must be JSON (${error instanceof Error ? error.message : error})` });
  }
}

/** The result's JSON as made by JSON.stringify inside QuickJS; parsing it cannot fail short of a sandbox bug. */
function parseResult(json: string): ScriptFailure | { readonly value: unknown } {
  try {
    return { value: JSON.parse(json) as unknown };
  } catch (error) {
    return { kind: 'result', message: failureMessages.notJson(error instanceof Error ? error.message : String(error)) };
  }
}

/** One run from dispatch to outcome; the tenant of its worker meanwhile. */
class ScriptRun implements WorkerTenant {
  readonly outcome: Promise<ScriptOutcome>;
  readonly #id: number;
  readonly #request: ScriptRequest;
  readonly #inputJson: string;
  readonly #limits: ScriptLimits;
  readonly #meter: UsageMeter;
  readonly #logs: string[] = [];
  #resolve!: (outcome: ScriptOutcome) => void;
  #lease: Lease | undefined;
  #startedAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #over = false;

  constructor(id: number, request: ScriptRequest, limits: ScriptLimits, budgets: ScriptBudgets) {
    this.#id = id;
    this.#request = request;
    this.#inputJson = inputToJson(request.input);
    this.#limits = limits;
    this.#meter = new UsageMeter(budgets);
    this.outcome = new Promise((resolve) => (this.#resolve = resolve));
  }

  start(lease: Lease): void {
    if (this.#over) return lease.release();
    this.#lease = lease;
    this.#startedAt = performance.now();
    this.#timer = setTimeout(() => this.#kill(), this.#limits.timeoutMs + KILL_GRACE_MS);
    lease.post({
      type: 'run',
      runId: this.#id,
      code: this.#request.code,
      inputJson: this.#inputJson,
      hasHost: this.#request.host !== undefined,
      limits: this.#limits,
      logLimits: LOG_LIMITS,
    });
  }

  onMessage(message: WorkerMessage): void {
    if (this.#over || !('runId' in message) || message.runId !== this.#id) return;
    switch (message.type) {
      case 'log':
        this.#logs.push(message.line);
        return;
      case 'call':
        void this.#answer(message);
        return;
      case 'done':
        this.#done(message);
        return;
    }
  }

  onExit(failure: { readonly reason: string; readonly outOfMemory: boolean }): void {
    this.#lease = undefined;
    if (failure.reason === 'closed') this.end({ kind: 'killed', message: failureMessages.closed() });
    else if (failure.outOfMemory)
      this.end({ kind: 'memory', message: failureMessages.memory(this.#limits.memoryBytes) });
    else this.end({ kind: 'killed', message: failureMessages.crashed(failure.reason) });
  }

  /** Settles the outcome once; a budget overrun wins over whatever else ended the run. */
  end(failure: ScriptFailure | { readonly value: unknown }): void {
    if (this.#over) return;
    this.#over = true;
    clearTimeout(this.#timer);
    const budget = this.#meter.exceeded;
    if (budget !== undefined) return this.#resolve(this.#failure({ kind: 'budget', message: budget }));
    if ('kind' in failure) return this.#resolve(this.#failure(failure));
    this.#resolve({ ok: true, value: failure.value, logs: this.#logs, usage: this.#usage() });
  }

  async #answer(call: CallMessage): Promise<void> {
    const body: ReplyBody = await answerHostCall(this.#request.host!, this.#meter, call.method, call.argsJson).catch(
      (error: unknown) => ({ ok: false, message: String(error), code: 'INTERNAL' }),
    );
    // A reply that comes after the run ended (the worker gave up at its deadline) is dropped.
    if (!this.#over) this.#lease?.reply({ callId: call.callId, body });
  }

  #done(message: DoneMessage): void {
    const lease = this.#lease;
    this.#lease = undefined;
    if (message.droppedLogs > 0) this.#logs.push(`… ${message.droppedLogs} more log lines were dropped`);
    const { result } = message;
    this.end(result.ok ? parseResult(result.json) : result.error);
    if (message.recycle) lease?.kill();
    else lease?.release();
  }

  /** The hard deadline: the worker did not report in time, so it is terminated and replaced. */
  #kill(): void {
    const lease = this.#lease;
    this.#lease = undefined;
    this.end({ kind: 'killed', message: failureMessages.killed(this.#limits.timeoutMs) });
    lease?.kill();
  }

  #failure(error: ScriptFailure): ScriptOutcome {
    return { ok: false, error, logs: this.#logs, usage: this.#usage() };
  }

  #usage(): ScriptUsage {
    const { queries, rowsRead, writes } = this.#meter;
    const durationMs = this.#startedAt === 0 ? 0 : performance.now() - this.#startedAt;
    return { queries, rowsRead, writes, durationMs };
  }
}
