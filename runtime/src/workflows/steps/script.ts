import { scriptError } from '../../errors';
import { findMany } from '../../records/find';
import { createRecord, updateRecord } from '../../records/write';
import { atScriptLine, type ScriptHost } from '../../scripts';
import type { StepDef } from '../definition';
import type { StepContext, StepHandler } from './step';

type ScriptStep = Extract<StepDef, { type: 'script' }>;

/**
 * `script`: a few lines of JavaScript in the QuickJS sandbox (DESIGN.md decision 7). The script sees
 * `input` (`input.trigger`, `input.steps.<id>.output`), `records.find/create/update` through the record
 * service under the run's actor and in the run's transaction, and `log`. Its return value (JSON) is the
 * step's output; its budgets and logs are reported beside it. Failures are SCRIPT_ERROR with the line.
 */
export const scriptStep: StepHandler<ScriptStep> = {
  type: 'script',
  async execute(step, ctx) {
    const outcome = await ctx.services.scripts.run({
      code: step.code,
      input: ctx.scope,
      host: recordHost(ctx),
      ...(step.timeoutMs ? { limits: { timeoutMs: step.timeoutMs } } : {}),
    });
    const meta = { usage: outcome.usage, logs: outcome.logs };
    if (!outcome.ok) {
      const at = atScriptLine(outcome.error.message, outcome.error.line, step.code.split('\n').length);
      throw scriptError(at.message, {
        kind: outcome.error.kind,
        ...(at.line === undefined ? {} : { line: at.line }),
        ...meta,
      });
    }
    return { kind: 'done', output: outcome.value, meta };
  },
};

/** The host API a script is granted: records only, under the run's actor and transaction. */
function recordHost(ctx: StepContext): ScriptHost {
  return {
    async find(object, options) {
      const page = await findMany(ctx.records, object, {
        filter: options.filter ?? {},
        ...(Array.isArray(options.orderBy) ? { orderBy: options.orderBy as never } : {}),
        first: Math.min(options.first ?? 100, 500),
      });
      return page.records;
    },
    create: (object, data) => createRecord(ctx.records, object, data),
    update: (object, id, data) => updateRecord(ctx.records, object, id, data),
  };
}
