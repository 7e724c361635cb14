/**
 * Syntax checking as an admin types a script: compile without running, on the calling thread. Nothing of
 * the script runs while it is compiled, so no worker is needed; the parse is bounded by the code length,
 * a heap limit and a stack limit.
 */
import { newQuickJSWASMModule, RELEASE_SYNC, Scope, type QuickJSWASMModule } from 'quickjs-emscripten';
import { DEFAULT_SCRIPT_LIMITS, MAX_CODE_LENGTH } from './limits';
import { failureMessages } from './messages';
import { SCRIPT_FILE, wrapScript } from './source';
import { classifyError, readEngineError } from './vm-errors';

/**
 * QuickJS stack for compiling on this thread. The parser uses up to ~32 bytes of native stack per byte of
 * QuickJS stack and the main thread has about 1 MiB of native stack, so the limit is far below the one of
 * workers (which get a 64 MiB stack); only absurd nesting (thousands of levels) is affected.
 */
const SYNTAX_STACK_BYTES = 16 * 1024;

let loading: Promise<QuickJSWASMModule> | undefined;

/**
 * Compiles `code` as a script body without running it: null when it parses, else the message and line
 * (line 1 is the first line of `code`), as a run would report them.
 *
 * @example
 *   await checkScriptSyntax('return input.a +');
 *   // { message: "SyntaxError: unexpected token in expression: '}'", line: 1 }
 */
export async function checkScriptSyntax(code: string): Promise<{ message: string; line?: number } | null> {
  if (code.length > MAX_CODE_LENGTH) return { message: failureMessages.tooLong(MAX_CODE_LENGTH) };
  const module = await (loading ??= newQuickJSWASMModule(RELEASE_SYNC));
  try {
    return compile(module, code);
  } catch (error) {
    // The module may be left inconsistent when the thread's own stack ran out inside WebAssembly.
    loading = undefined;
    if (error instanceof RangeError) return { message: failureMessages.tooDeep() };
    throw error;
  }
}

function compile(module: QuickJSWASMModule, code: string): { message: string; line?: number } | null {
  return Scope.withScope((scope) => {
    const runtime = scope.manage(module.newRuntime());
    runtime.setMemoryLimit(DEFAULT_SCRIPT_LIMITS.memoryBytes);
    runtime.setMaxStackSize(SYNTAX_STACK_BYTES);
    const ctx = scope.manage(runtime.newContext());
    const compiled = ctx.evalCode(wrapScript(code), SCRIPT_FILE, { type: 'global', compileOnly: true });
    if (!compiled.error) {
      compiled.value.dispose();
      return null;
    }
    const error = scope.manage(compiled.error);
    const failure = classifyError(readEngineError(ctx, error), code, DEFAULT_SCRIPT_LIMITS, 'compile');
    const message = failure.kind === 'stack' ? failureMessages.tooDeep() : failure.message;
    return failure.line === undefined ? { message } : { message, line: failure.line };
  });
}
