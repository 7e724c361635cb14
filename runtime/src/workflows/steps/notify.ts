import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import { ident, join, sql } from '../../sql/sql';
import { run } from '../../db/db';
import type { StepDef } from '../definition';
import type { StepHandler } from './step';

type NotifyStep = Extract<StepDef, { type: 'notify' }>;

/**
 * `notify`: an in-app notification for users (ids, usually a template such as
 * `{{trigger.record.owner}}`), linked to the trigger's record. Read with the `notifications` API.
 */
export const notifyStep: StepHandler<NotifyStep> = {
  type: 'notify',
  async execute(step, ctx) {
    const to = (Array.isArray(step.to) ? step.to : [step.to])
      .map((u) => (typeof u === 'object' && u !== null ? (u as { id?: unknown }).id : u))
      .filter((u) => u !== null && u !== '');
    const bad = to.find((u) => !isUuid(u));
    if (bad !== undefined)
      throw badInput({ path: `steps.${step.id}.to`, message: `${JSON.stringify(bad)} is not a user id` });
    const users = [...new Set(to as string[])];
    if (users.length && !ctx.dryRun) {
      const { object, recordId } = ctx.run.trigger;
      await run(
        ctx.db,
        sql`INSERT INTO ${ident(ctx.records.model.schema, '_notifications')} ("userId", message, object, "recordId", "runId")
            VALUES ${join(users.map((u) => sql`(${u}::uuid, ${step.message}, ${object ?? null}, ${recordId ?? null}::uuid, ${ctx.run.id}::uuid)`))}`,
      );
    }
    return { kind: 'done', output: { notified: users } };
  },
};
