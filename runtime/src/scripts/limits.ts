/**
 * Limits (what one run may consume of the machine) and budgets (what it may ask of the record service),
 * their defaults, and how a request's partial overrides are merged and checked.
 */
import { badInput, type Problem } from '../errors';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Per-run ceilings enforced inside the worker (memory, stack, deadline) and on the result's size. */
export interface ScriptLimits {
  readonly memoryBytes: number;
  readonly timeoutMs: number;
  readonly stackBytes: number;
  readonly maxOutputBytes: number;
}

/**
 * 32 MiB of QuickJS heap, a 1 s deadline, 256 KiB of QuickJS stack (about 1,500 nested calls of a small
 * function: deep enough for real scripts, shallow enough to end in a clean "stack overflow" long before
 * the worker thread's own stack runs out; see WORKER_STACK_MB) and 256 KiB of JSON result.
 */
export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = Object.freeze({
  memoryBytes: 32 * MiB,
  timeoutMs: 1000,
  stackBytes: 256 * KiB,
  maxOutputBytes: 256 * KiB,
});

/** Calls into the record service one run may make, counted on the main thread (Apex-style governor limits). */
export interface ScriptBudgets {
  readonly queries: number;
  readonly rowsRead: number;
  readonly writes: number;
}

/** 100 host calls (each find, create or update is one query), 10,000 rows read, 150 writes per run. */
export const DEFAULT_SCRIPT_BUDGETS: ScriptBudgets = Object.freeze({ queries: 100, rowsRead: 10_000, writes: 150 });

/**
 * The ranges a request may choose limits in. The stack ceiling is tied to WORKER_STACK_MB: QuickJS measures
 * only its own (WebAssembly shadow) stack, while the same recursion also uses the thread's native stack, up
 * to ~32 times as much in the parser; a QuickJS limit above 1 MiB could let V8 overflow first.
 */
const RANGES: { readonly [K in keyof ScriptLimits]: readonly [min: number, max: number] } = {
  memoryBytes: [1 * MiB, 512 * MiB],
  timeoutMs: [1, 60_000],
  stackBytes: [32 * KiB, 1 * MiB],
  maxOutputBytes: [16, 16 * MiB],
};

/** Native stack of each worker thread, far above what the largest QuickJS stack limit can use. */
export const WORKER_STACK_MB = 64;

/** After its deadline, a run gets this long to be interrupted and report before its worker is terminated. */
export const KILL_GRACE_MS = 250;

/** Log lines kept per run, and characters kept per line. */
export const LOG_LIMITS = Object.freeze({ lines: 100, lineLength: 1000 });

/** Scripts are short; longer code is refused before it is parsed (a run and a syntax check alike). */
export const MAX_CODE_LENGTH = 256 * KiB;

/** A request's limits over the defaults; throws BAD_USER_INPUT at `limits.<name>` for a value out of range. */
export function resolveLimits(overrides: Partial<ScriptLimits> = {}): ScriptLimits {
  const problems: Problem[] = [];
  const limits = { ...DEFAULT_SCRIPT_LIMITS };
  for (const name of Object.keys(RANGES) as (keyof ScriptLimits)[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    const [min, max] = RANGES[name];
    if (!Number.isInteger(value) || value < min || value > max)
      problems.push({ path: `limits.${name}`, message: `must be an integer from ${min} to ${max}` });
    else limits[name] = value;
  }
  if (problems.length > 0) throw badInput(problems);
  return Object.freeze(limits);
}

/** A request's budgets over the defaults; each must be a whole number (0 forbids that kind of call). */
export function resolveBudgets(overrides: Partial<ScriptBudgets> = {}): ScriptBudgets {
  const problems: Problem[] = [];
  const budgets = { ...DEFAULT_SCRIPT_BUDGETS };
  for (const name of Object.keys(DEFAULT_SCRIPT_BUDGETS) as (keyof ScriptBudgets)[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0)
      problems.push({ path: `budgets.${name}`, message: 'must be a whole number' });
    else budgets[name] = value;
  }
  if (problems.length > 0) throw badInput(problems);
  return Object.freeze(budgets);
}
