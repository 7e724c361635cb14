import { limitExceeded } from '../../errors';
import type { StepDef } from '../definition';
import { MAX_RUN_DEPTH } from '../run-model';
import type { StepHandler } from './step';

type StartStep = Extract<StepDef, { type: 'startWorkflow' }>;

/**
 * `startWorkflow`: starts another workflow as the same actor, on a record (`recordId`, default the
 * trigger's) or with an `input`, one level deeper; chains deeper than MAX_RUN_DEPTH are refused, so two
 * workflows that start each other cannot loop forever. The child runs on its own; its id is the output.
 */
export const startWorkflowStep: StepHandler<StartStep> = {
  type: 'startWorkflow',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    const depth = ctx.run.depth + 1;
    if (depth > MAX_RUN_DEPTH)
      throw limitExceeded(`workflows started each other more than ${MAX_RUN_DEPTH} levels deep`, { step: step.id });
    const trigger = ctx.run.trigger;
    const recordId = step.recordId ?? trigger.recordId;
    const started = await ctx.services.startRun(ctx.db, ctx.records.model.workspace, {
      workflow: step.workflow,
      trigger: {
        type: 'manual',
        object: step.recordId ? undefined : trigger.object,
        recordId,
        record: step.recordId ? undefined : trigger.record,
        input: step.input,
        userId: trigger.userId,
        firedAt: new Date().toISOString(),
      },
      actor: ctx.run.actor,
      depth,
      parentRunId: ctx.run.id,
      triggerKey: `parent:${ctx.idempotencyKey}`,
    });
    return { kind: 'done', output: { runId: started?.id ?? null } };
  },
};
