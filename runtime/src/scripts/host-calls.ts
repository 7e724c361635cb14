/**
 * The main thread's side of `records.find/create/update`: check the arguments, charge the run's budgets,
 * call the caller's ScriptHost and turn its value or error into a reply for the worker. Budgets are
 * counted here, not in the worker, so a script can never tamper with its own counters.
 */
import type { ScriptBudgets } from './limits';
import { failureMessages } from './messages';
import type { HostMethod, ReplyBody } from './protocol';

/**
 * What a script may reach besides `input` and `log`: the record service under the run's actor
 * (implemented by the caller). Errors it throws reach the script as an `Error` with the same message and
 * `code` (a StratumError's code, else INTERNAL).
 *
 * @example
 *   const host: ScriptHost = {
 *     find: async (object, options) => (await findMany(ctx, object, { filter: options.filter ?? {} })).records,
 *     create: (object, data) => createRecord(ctx, object, data),
 *     update: (object, id, data) => updateRecord(ctx, object, id, data),
 *   };
 */
export interface ScriptHost {
  find(object: string, options: { filter?: unknown; orderBy?: unknown; first?: number }): Promise<readonly unknown[]>;
  create(object: string, data: Record<string, unknown>): Promise<unknown>;
  update(object: string, id: string, data: Record<string, unknown>): Promise<unknown>;
}

/** One run's consumption of its budgets. `exceeded` is the budget message once any was overrun. */
export class UsageMeter {
  readonly budgets: ScriptBudgets;
  queries = 0;
  rowsRead = 0;
  writes = 0;
  exceeded: string | undefined;

  constructor(budgets: ScriptBudgets) {
    this.budgets = budgets;
  }
}

type HostCall =
  | { readonly method: 'find'; readonly object: string; readonly options: Parameters<ScriptHost['find']>[1] }
  | { readonly method: 'create'; readonly object: string; readonly data: Record<string, unknown> }
  | { readonly method: 'update'; readonly object: string; readonly id: string; readonly data: Record<string, unknown> };

const FIND_OPTIONS = new Set(['filter', 'orderBy', 'first']);

/**
 * Answers one host call. Each call is one query; `find` adds its rows to rowsRead (the rows of the call
 * that crosses the budget are not delivered); `create` and `update` are writes, refused before they reach
 * the host once the budget is spent. An overrun is `fatal`: the run fails even if the script catches it.
 */
export async function answerHostCall(
  host: ScriptHost,
  meter: UsageMeter,
  method: HostMethod,
  argsJson: string,
): Promise<ReplyBody> {
  const { budgets } = meter;
  if (meter.exceeded) return overrun(meter, meter.exceeded);
  if (meter.queries >= budgets.queries) return overrun(meter, `more than ${budgets.queries} queries`);
  meter.queries++;
  const call = parseCall(method, argsJson);
  if (typeof call === 'string') return { ok: false, message: call, code: 'BAD_USER_INPUT' };
  if (call.method !== 'find') {
    if (meter.writes >= budgets.writes) return overrun(meter, `more than ${budgets.writes} writes`);
    meter.writes++;
  }
  let value: unknown;
  try {
    value = await invoke(host, call);
  } catch (error) {
    return hostError(error);
  }
  if (call.method === 'find') {
    if (!Array.isArray(value)) return { ok: false, message: 'records.find did not return a list', code: 'INTERNAL' };
    meter.rowsRead += value.length;
    if (meter.rowsRead > budgets.rowsRead) return overrun(meter, `more than ${budgets.rowsRead} rows read`);
  }
  try {
    return { ok: true, json: JSON.stringify(value ?? null) };
  } catch {
    return { ok: false, message: `records.${call.method} returned a value that is not JSON`, code: 'INTERNAL' };
  }
}

function overrun(meter: UsageMeter, what: string): ReplyBody {
  meter.exceeded ??= failureMessages.budget(what);
  return { ok: false, message: meter.exceeded, code: 'LIMIT_EXCEEDED', fatal: true };
}

function invoke(host: ScriptHost, call: HostCall): Promise<unknown> {
  switch (call.method) {
    case 'find':
      return host.find(call.object, call.options);
    case 'create':
      return host.create(call.object, call.data);
    case 'update':
      return host.update(call.object, call.id, call.data);
  }
}

function hostError(error: unknown): ReplyBody {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { ok: false, message, code: typeof code === 'string' ? code : 'INTERNAL' };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The call, or what is wrong with its arguments (a message the script sees). */
function parseCall(method: HostMethod, argsJson: string): HostCall | string {
  let args: unknown;
  try {
    args = JSON.parse(argsJson);
  } catch {
    return `records.${method}: arguments must be JSON`;
  }
  if (!Array.isArray(args)) return `records.${method}: arguments must be JSON`;
  const [object, second, third] = args as unknown[];
  if (typeof object !== 'string' || object === '') return `records.${method}: the object name must be a string`;
  switch (method) {
    case 'find': {
      if (!isObject(second)) return 'records.find: options must be an object';
      const unknown = Object.keys(second).find((key) => !FIND_OPTIONS.has(key));
      if (unknown) return `records.find: unknown option ${unknown} (use filter, orderBy, first)`;
      if (second.first !== undefined && (!Number.isInteger(second.first) || (second.first as number) < 0))
        return 'records.find: first must be a whole number';
      return { method, object, options: second as Parameters<ScriptHost['find']>[1] };
    }
    case 'create':
      return isObject(second) ? { method, object, data: second } : 'records.create: data must be an object';
    case 'update':
      if (typeof second !== 'string' || second === '') return 'records.update: the id must be a string';
      return isObject(third) ? { method, object, id: second, data: third } : 'records.update: data must be an object';
  }
}
