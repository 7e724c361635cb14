/**
 * What a script run ends with. Terminology: a *failure kind* says which wall a script hit (a thrown error,
 * a limit, a budget) so callers can react without parsing messages; the message is for people.
 */

/** Host calls and time one run used; budgets are checked against the first three. */
export interface ScriptUsage {
  readonly queries: number;
  readonly rowsRead: number;
  readonly writes: number;
  readonly durationMs: number;
}

/**
 * - `error`: the script threw (`TypeError: …`); `syntax`: it does not parse;
 * - `timeout`: it ran past its deadline and was interrupted; `killed`: it did not yield to the interrupt
 *   (or its worker died) and the worker thread was terminated from outside;
 * - `memory`, `stack`: it hit its memory or stack limit; `output`: its result is larger than allowed;
 * - `budget`: it made more host calls, read more rows or wrote more records than allowed;
 * - `result`: its result is not JSON (a cycle, a BigInt) or its promise never settles.
 */
export type ScriptFailureKind =
  'error' | 'syntax' | 'timeout' | 'memory' | 'stack' | 'output' | 'budget' | 'killed' | 'result';

/** Why a run failed; `line` counts from the first line of the script's code (1-based) when known. */
export interface ScriptFailure {
  readonly kind: ScriptFailureKind;
  readonly message: string;
  readonly line?: number;
}

/**
 * The end of one run: the returned JSON value, or the failure. Logs and usage are reported either way.
 *
 * @example
 *   const outcome = await runner.run({ code: 'return input.a + 1', input: { a: 1 } });
 *   if (outcome.ok) console.log(outcome.value); // 2
 *   else console.log(outcome.error.kind, outcome.error.message, outcome.error.line);
 */
export type ScriptOutcome =
  | { readonly ok: true; readonly value: unknown; readonly logs: readonly string[]; readonly usage: ScriptUsage }
  | {
      readonly ok: false;
      readonly error: ScriptFailure;
      readonly logs: readonly string[];
      readonly usage: ScriptUsage;
    };
