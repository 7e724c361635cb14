/**
 * Reading errors out of QuickJS and sorting them into failure kinds. QuickJS reports its own limits as
 * ordinary exceptions (`InternalError: out of memory`, `InternalError: stack overflow`); they are
 * recognised by name and message, so a script that throws such an error itself is reported the same way,
 * which is harmless.
 */
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import type { ScriptLimits } from './limits';
import { failureMessages } from './messages';
import type { ScriptFailure } from './outcome';
import { scriptLine } from './source';

/** An error as plain strings; `stack` holds QuickJS frames (`at f (script.js:3:9)`). */
export interface ErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
  /**
   * The thrown value was null. When the heap is so full that QuickJS cannot allocate the error object for
   * "out of memory", it throws null instead (JS_ThrowError2); a script's own `throw null` reads the same.
   */
  readonly nullThrown?: boolean;
}

const OUT_OF_MEMORY = /^out of memory/;
const STACK_OVERFLOW = /^(stack overflow|Maximum call stack size exceeded)$/;

/**
 * Name, message and stack of an error QuickJS raised before any user code ran (a syntax error, an input
 * too large for the heap). Property reads could run getters of a user-made object, so errors a script
 * may have thrown go through the prelude's `describe` instead.
 */
export function readEngineError(ctx: QuickJSContext, error: QuickJSHandle): ErrorInfo {
  const text = (key: string) =>
    ctx.getProp(error, key).consume((value) => (ctx.typeof(value) === 'string' ? ctx.getString(value) : ''));
  return { name: text('name'), message: text('message'), stack: text('stack') };
}

/** `TypeError: x is not a function`, or whichever half is present. */
export function errorText(info: ErrorInfo): string {
  return info.name && info.message ? `${info.name}: ${info.message}` : info.name || info.message;
}

/**
 * The failure for an error raised while compiling (`phase: 'compile'`: a SyntaxError is kind `syntax`) or
 * running the script, with the user's line when a frame of their code is on the stack.
 */
export function classifyError(
  info: ErrorInfo,
  code: string,
  limits: ScriptLimits,
  phase: 'compile' | 'run',
): ScriptFailure {
  const line = scriptLine(info.stack, code);
  const at = line === undefined ? {} : { line };
  if (info.nullThrown || (OUT_OF_MEMORY.test(info.message) && info.name === 'InternalError'))
    return { kind: 'memory', message: failureMessages.memory(limits.memoryBytes), ...at };
  if (STACK_OVERFLOW.test(info.message))
    return { kind: 'stack', message: failureMessages.stack(limits.stackBytes), ...at };
  const kind = phase === 'compile' && info.name === 'SyntaxError' ? 'syntax' : 'error';
  return { kind, message: errorText(info), ...at };
}
