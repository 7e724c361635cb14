/**
 * One run inside QuickJS, on the worker thread: a fresh runtime and context (prepared ahead of the run,
 * prepared-context.ts) given the run's limits, the prelude called with its input, the user's code, pending
 * jobs until its promise settles, and the result serialized with JSON.stringify inside the VM. Only the
 * WebAssembly module outlives a run.
 *
 * Two flags end a run whatever the script does: `timedOut` (the deadline passed) and `fatal` (a budget
 * was exceeded). The interrupt handler returns true as soon as either is set, and QuickJS's interruption
 * cannot be caught; a script that catches the error a host call threw and returns quickly still fails,
 * because the flags are checked before any result is reported.
 */
import { Scope, type QuickJSContext, type QuickJSHandle } from 'quickjs-emscripten';
import { failureMessages } from './messages';
import type { ScriptFailure } from './outcome';
import type { PreparedContext } from './prepared-context';
import type { HostMethod, ReplyBody, RunMessage, RunResult } from './protocol';
import { SCRIPT_FILE, wrapScript } from './source';
import { classifyError, readEngineError, type ErrorInfo } from './vm-errors';

/** How a run reaches the main thread. */
export interface RunBridge {
  log(line: string): void;
  /** Blocks until the main thread answers, or returns 'timeout' at `deadline` (epoch ms). */
  call(method: HostMethod, argsJson: string, deadline: number): ReplyBody | 'timeout';
}

export interface RunReport {
  readonly result: RunResult;
  readonly droppedLogs: number;
  /** The run failed inside the sandbox itself (not the script): the worker should be replaced. */
  readonly recycle: boolean;
}

/** Pending jobs run in batches so the deadline and the flags are checked between batches. */
const JOB_BATCH = 64;

/** Heap granted beyond the limit once the script has stopped, so an out-of-memory error can still be read. */
const HEADROOM_BYTES = 1024 * 1024;

const METHODS: readonly string[] = ['find', 'create', 'update'] satisfies HostMethod[];

/** Runs `job` in `prepared`, which it consumes: the context is disposed when the run ends. */
export function runInQuickJS(prepared: PreparedContext, job: RunMessage, bridge: RunBridge): RunReport {
  const run = new VmRun(job, bridge);
  try {
    const result = Scope.withScope((scope) => {
      scope.manage(prepared.scope);
      return run.execute(scope, prepared);
    });
    return { result, droppedLogs: run.droppedLogs, recycle: false };
  } catch (error) {
    return { result: { ok: false, error: run.internalFailure(error) }, droppedLogs: run.droppedLogs, recycle: true };
  }
}

class VmRun {
  readonly #job: RunMessage;
  readonly #bridge: RunBridge;
  readonly #deadline: number;
  #timedOut = false;
  /** The budget message once the main thread refused a host call for exceeding a budget. */
  #fatal: string | undefined;
  #logged = 0;
  droppedLogs = 0;

  constructor(job: RunMessage, bridge: RunBridge) {
    this.#job = job;
    this.#bridge = bridge;
    this.#deadline = Date.now() + job.limits.timeoutMs;
  }

  /**
   * Everything is managed by `scope`, disposed in reverse: the run's handles, then the prepared context's
   * (its handles, the context, the runtime).
   */
  execute(scope: Scope, prepared: PreparedContext): RunResult {
    const { limits } = this.#job;
    const { runtime, ctx, hostLog, hostCall, prelude } = prepared;
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setInterruptHandler(() => this.#shouldInterrupt());
    prepared.serve({ log: (c, line) => this.#log(c, line), call: (c, method, args) => this.#call(c, method, args) });

    const inputJson = scope.manage(ctx.newString(this.#job.inputJson));
    const lineLength = scope.manage(ctx.newNumber(this.#job.logLimits.lineLength));
    const made = ctx.callFunction(prelude, ctx.undefined, hostLog, hostCall, inputJson, lineLength);
    if (made.error) {
      // Only the input can make the prelude fail (too large for the heap); no user code has run yet.
      const error = scope.manage(made.error);
      runtime.setMemoryLimit(limits.memoryBytes + HEADROOM_BYTES);
      return this.#failed(classifyError(readEngineError(ctx, error), '', limits, 'run'));
    }
    const helpers = scope.manage(made.value);
    const serialize = scope.manage(ctx.getProp(helpers, 'serialize'));
    const describe = scope.manage(ctx.getProp(helpers, 'describe'));
    const fail = (error: QuickJSHandle, phase: 'compile' | 'run'): RunResult => {
      runtime.setMemoryLimit(limits.memoryBytes + HEADROOM_BYTES);
      const info = this.#describe(ctx, describe, error);
      return this.#failed(classifyError(info, this.#job.code, limits, phase));
    };

    const compiled = ctx.evalCode(wrapScript(this.#job.code), SCRIPT_FILE, { type: 'global' });
    if (compiled.error) return fail(scope.manage(compiled.error), 'compile');
    const fn = scope.manage(compiled.value);
    if (ctx.typeof(fn) !== 'function')
      return this.#failed({ kind: 'syntax', message: failureMessages.notAFunctionBody() });
    const called = ctx.callFunction(fn, ctx.undefined);
    if (called.error) return fail(scope.manage(called.error), 'run');
    const promise = scope.manage(called.value);

    // Run the promise's jobs until it settles; jobs left over after that (a floating promise) are dropped.
    for (;;) {
      const state = ctx.getPromiseState(promise);
      if (state.type === 'rejected') return fail(scope.manage(state.error), 'run');
      if (state.type === 'fulfilled') {
        const value = state.notAPromise ? promise : scope.manage(state.value);
        const out = ctx.callFunction(serialize, ctx.undefined, value);
        if (out.error) return this.#notJson(fail(scope.manage(out.error), 'run'));
        return this.#output(ctx, scope.manage(out.value));
      }
      if (this.#shouldInterrupt()) return { ok: false, error: this.#flagged()! };
      if (!runtime.hasPendingJob()) return this.#failed({ kind: 'result', message: failureMessages.neverSettles() });
      const ran = runtime.executePendingJobs(JOB_BATCH);
      // An error of a job that is not the script's promise (a floating promise) is not the run's failure.
      if (ran.error) ran.error.dispose();
    }
  }

  /** The failure to report when the sandbox itself broke (a bug, or the thread's native stack ran out). */
  internalFailure(error: unknown): ScriptFailure {
    const flagged = this.#flagged();
    if (flagged) return flagged;
    if (error instanceof RangeError && /call stack/.test(error.message))
      return { kind: 'stack', message: failureMessages.stack(this.#job.limits.stackBytes) };
    return { kind: 'killed', message: failureMessages.crashed(error instanceof Error ? error.message : String(error)) };
  }

  #shouldInterrupt(): boolean {
    if (this.#fatal !== undefined) return true;
    if (Date.now() > this.#deadline) this.#timedOut = true;
    return this.#timedOut;
  }

  /** A budget or the deadline overrides whatever the script ended with. */
  #flagged(): ScriptFailure | undefined {
    if (this.#fatal !== undefined) return { kind: 'budget', message: this.#fatal };
    if (this.#timedOut) return { kind: 'timeout', message: failureMessages.timeout(this.#job.limits.timeoutMs) };
    return undefined;
  }

  #failed(failure: ScriptFailure): RunResult {
    return { ok: false, error: this.#flagged() ?? failure };
  }

  /** An ordinary error while serializing (a cycle, a BigInt, a throwing toJSON) means the result is not JSON. */
  #notJson(result: RunResult): RunResult {
    if (result.ok || result.error.kind !== 'error') return result;
    return { ok: false, error: { kind: 'result', message: failureMessages.notJson(result.error.message) } };
  }

  /** The serialized result, unless it is over maxOutputBytes (checked by length before it is copied out). */
  #output(ctx: QuickJSContext, json: QuickJSHandle): RunResult {
    const flagged = this.#flagged();
    if (flagged) return { ok: false, error: flagged };
    const max = this.#job.limits.maxOutputBytes;
    const tooLarge: RunResult = { ok: false, error: { kind: 'output', message: failureMessages.output(max) } };
    // UTF-8 takes at least one byte per UTF-16 unit, so a longer string is too large without copying it.
    const length = ctx.getProp(json, 'length').consume((value) => ctx.getNumber(value));
    if (length > max) return tooLarge;
    const text = ctx.getString(json);
    return Buffer.byteLength(text, 'utf8') > max ? tooLarge : { ok: true, json: text };
  }

  /** Reads a thrown value through the prelude's `describe`, which never lets a script's getters escape. */
  #describe(ctx: QuickJSContext, describe: QuickJSHandle, error: QuickJSHandle): ErrorInfo {
    const described = ctx.callFunction(describe, ctx.undefined, error);
    if (described.error) {
      described.error.dispose();
      return { name: '', message: 'Uncaught exception that could not be read', stack: '' };
    }
    return described.value.consume((parts) => {
      const part = (index: number) =>
        ctx.getProp(parts, index).consume((value) => (ctx.typeof(value) === 'string' ? ctx.getString(value) : ''));
      return { name: part(0), message: part(1), stack: part(2), nullThrown: part(3) === 'null' };
    });
  }

  #log(ctx: QuickJSContext, line: QuickJSHandle): void {
    if (ctx.typeof(line) !== 'string') return;
    if (this.#logged >= this.#job.logLimits.lines) {
      this.droppedLogs++;
      return;
    }
    this.#logged++;
    const max = this.#job.logLimits.lineLength;
    const text = ctx.getString(line);
    this.#bridge.log(text.length > max ? `${text.slice(0, max)}…` : text);
  }

  /** `records.*`: the reply as the JSON the prelude expects, `{"value":…}` or `{"error":{message,code}}`. */
  #call(ctx: QuickJSContext, methodHandle: QuickJSHandle, argsHandle: QuickJSHandle): QuickJSHandle {
    const method = ctx.typeof(methodHandle) === 'string' ? ctx.getString(methodHandle) : '';
    const argsJson = ctx.typeof(argsHandle) === 'string' ? ctx.getString(argsHandle) : '[]';
    const body = this.#answer(method, argsJson);
    const { message, code } = body.ok ? { message: '', code: '' } : body;
    return ctx.newString(body.ok ? `{"value":${body.json}}` : JSON.stringify({ error: { message, code } }));
  }

  #answer(method: string, argsJson: string): ReplyBody {
    if (this.#fatal !== undefined) return { ok: false, message: this.#fatal, code: 'LIMIT_EXCEEDED' };
    if (!METHODS.includes(method)) return { ok: false, message: `unknown host call ${method}`, code: 'INTERNAL' };
    if (!this.#job.hasHost)
      return { ok: false, message: 'this script was not given access to records', code: 'FORBIDDEN' };
    const timedOut: ReplyBody = {
      ok: false,
      message: failureMessages.timeout(this.#job.limits.timeoutMs),
      code: 'LIMIT_EXCEEDED',
    };
    // Past the deadline (a catch block runs before the next interrupt check), nothing reaches the host.
    if (this.#shouldInterrupt()) return timedOut;
    const reply = this.#bridge.call(method as HostMethod, argsJson, this.#deadline);
    if (reply === 'timeout') {
      this.#timedOut = true;
      return timedOut;
    }
    if (!reply.ok && reply.fatal) this.#fatal = reply.message;
    return reply;
  }
}
