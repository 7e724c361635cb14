import { badInput } from '../../errors';
import type { StepDef } from '../definition';
import type { StepHandler } from './step';

type DelayStep = Extract<StepDef, { type: 'delay' }>;

/**
 * `delay`: the run waits (no worker is held: a job is scheduled for the wake-up time) for `seconds`, or
 * until a moment (`until`, often a template such as `{{trigger.record.closeDate}}`); a moment in the
 * past does not wait. A test run does not wait either: the step reports how long it would have waited
 * (`meta.wouldWaitSeconds`) and the run goes on along `next`.
 */
export const delayStep: StepHandler<DelayStep> = {
  type: 'delay',
  batching: { reads: 'run', writes: false },
  async execute(step, ctx) {
    const until =
      step.seconds !== undefined ? new Date(Date.now() + step.seconds * 1000) : parseMoment(step, ctx.run.id);
    if (until.getTime() <= Date.now()) return { kind: 'done', output: { until: until.toISOString(), waited: false } };
    if (ctx.dryRun) {
      const seconds = step.seconds ?? Math.ceil((until.getTime() - Date.now()) / 1000);
      return {
        kind: 'done',
        output: { until: until.toISOString(), waited: false },
        meta: { wouldWaitSeconds: seconds, note: `test run: would wait ${seconds} s, went on at once` },
      };
    }
    return { kind: 'wait', until, output: { until: until.toISOString() } };
  },
  async resume(_step, waiting) {
    return { kind: 'done', output: { ...(waiting.output as object), waited: true } };
  },
};

function parseMoment(step: DelayStep, runId: string): Date {
  const value = step.until ?? '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime()))
    throw badInput({ path: `steps.${step.id}.until`, message: `"${value}" is not a date or time (run ${runId})` });
  return date;
}
