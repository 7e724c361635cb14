/**
 * A QuickJS runtime and context made ready for one run before the run arrives: the two host functions
 * are defined and the prelude is compiled (prelude.ts), which is most of a trivial run's cost. The worker
 * prepares the next one while it is idle, right after answering a run, so a run starts with only its own
 * work left: its limits, the prelude called with its input, its code.
 *
 * Isolation is unchanged: a prepared context is used by exactly one run and disposed with it. Nothing of
 * the run it serves exists yet when it is made, so the host functions reach that run through `target`,
 * set when the run begins.
 */
import {
  Scope,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSRuntime,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { PRELUDE, PRELUDE_FILE } from './prelude';

/** What the context's host functions call: the run the context was lent to. */
export interface HostTarget {
  log(ctx: QuickJSContext, line: QuickJSHandle): void;
  call(ctx: QuickJSContext, method: QuickJSHandle, args: QuickJSHandle): QuickJSHandle;
}

export interface PreparedContext {
  /** Owns everything below; disposing it frees them in reverse order, the runtime last. */
  readonly scope: Scope;
  readonly runtime: QuickJSRuntime;
  readonly ctx: QuickJSContext;
  readonly hostLog: QuickJSHandle;
  readonly hostCall: QuickJSHandle;
  /** The prelude's function, `(hostLog, hostCall, inputJson, lineLength) => { serialize, describe }`. */
  readonly prelude: QuickJSHandle;
  /** Lends the context to its run; set once, before any script code runs. */
  serve(target: HostTarget): void;
}

export function prepareContext(module: QuickJSWASMModule): PreparedContext {
  let target: HostTarget | undefined;
  const scope = new Scope();
  try {
    const runtime = scope.manage(module.newRuntime());
    const ctx = scope.manage(runtime.newContext());
    // Only the prelude and the run's own code can call these, and only after `serve`.
    const hostLog = scope.manage(ctx.newFunction('log', (line) => target!.log(ctx, line)));
    const hostCall = scope.manage(ctx.newFunction('call', (method, args) => target!.call(ctx, method, args)));
    const prelude = scope.manage(ctx.unwrapResult(ctx.evalCode(PRELUDE, PRELUDE_FILE, { type: 'global' })));
    return {
      scope,
      runtime,
      ctx,
      hostLog,
      hostCall,
      prelude,
      serve(run) {
        target = run;
      },
    };
  } catch (error) {
    scope.dispose();
    throw error;
  }
}
