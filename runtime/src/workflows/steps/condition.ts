import { evaluateCondition, parseCondition, type ConditionNode } from '../../conditions';
import { conditionTarget } from '../../model/condition-targets';
import type { StepDef } from '../definition';
import { currentTriggerRecord, currentTriggerRecords } from './record-steps';
import type { StepContext, StepHandler, StepResult } from './step';

type ConditionStep = Extract<StepDef, { type: 'condition' }>;

/**
 * `condition`: evaluates `when` (the one condition language) on the trigger's record as it is now, and
 * goes on to `then` (or `next`) when it holds, to `else` when it does not; a missing `else` ends the run.
 * Values in `when` may be templates (`{ amount: { $gt: "{{steps.limit.output}}" } }`).
 */
export const conditionStep: StepHandler<ConditionStep> = {
  type: 'condition',
  batching: { reads: 'run', writes: false },
  async execute(step, ctx) {
    return decide(step, ctx, await currentTriggerRecord(ctx), new Map());
  },
  /** The trigger records of all the runs in one query; each run's condition is evaluated on its own. */
  async executeMany(steps, ctxs) {
    const records = await currentTriggerRecords(ctxs);
    const parsed = new Map<string, ConditionNode>();
    return steps.map((step, i) => decide(step, ctxs[i]!, records[i]!, parsed));
  },
};

/** The branch for one run; `parsed` keeps conditions already parsed (runs often render the same one). */
function decide(
  step: ConditionStep,
  ctx: StepContext,
  record: Record<string, unknown>,
  parsed: Map<string, ConditionNode>,
): StepResult {
  const object = ctx.run.trigger.object;
  let result = false;
  if (object) {
    const key = `${object}\0${JSON.stringify(step.when)}`;
    let node = parsed.get(key);
    if (!node) {
      node = parseCondition(step.when, conditionTarget(ctx.records.model, ctx.records.types, object), {
        syntax: 'mongo',
        path: `steps.${step.id}.when`,
      });
      parsed.set(key, node);
    }
    result = evaluateCondition(node, record);
  }
  return {
    kind: 'done',
    output: { result },
    branch: result ? (step.then ?? step.next ?? null) : (step.else ?? null),
  };
}
