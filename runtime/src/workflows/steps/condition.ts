import { evaluateCondition, parseCondition } from '../../conditions';
import { conditionTarget } from '../../model/condition-targets';
import type { StepDef } from '../definition';
import { currentTriggerRecord } from './record-steps';
import type { StepHandler } from './step';

type ConditionStep = Extract<StepDef, { type: 'condition' }>;

/**
 * `condition`: evaluates `when` (the one condition language) on the trigger's record as it is now, and
 * goes on to `then` (or `next`) when it holds, to `else` when it does not; a missing `else` ends the run.
 * Values in `when` may be templates (`{ amount: { $gt: "{{steps.limit.output}}" } }`).
 */
export const conditionStep: StepHandler<ConditionStep> = {
  type: 'condition',
  async execute(step, ctx) {
    const object = ctx.run.trigger.object;
    const record = await currentTriggerRecord(ctx);
    const result = object
      ? evaluateCondition(
          parseCondition(step.when, conditionTarget(ctx.records.model, ctx.records.types, object), {
            syntax: 'mongo',
            path: `steps.${step.id}.when`,
          }),
          record,
        )
      : false;
    return {
      kind: 'done',
      output: { result },
      branch: result ? (step.then ?? step.next ?? null) : (step.else ?? null),
    };
  },
};
