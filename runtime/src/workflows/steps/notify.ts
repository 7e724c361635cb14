import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import { ident, sql } from '../../sql/sql';
import { run } from '../../db/db';
import type { StepDef } from '../definition';
import type { StepContext, StepHandler, StepResult } from './step';

type NotifyStep = Extract<StepDef, { type: 'notify' }>;

/**
 * `notify`: an in-app notification for users (ids, usually a template such as
 * `{{trigger.record.owner}}`), linked to the trigger's record. Read with the `notifications` API.
 */
export const notifyStep: StepHandler<NotifyStep> = {
  type: 'notify',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    return notifyAll([step], [ctx]).then((results) => results[0]!);
  },
  /** One INSERT for the notifications of all the runs. */
  executeMany: notifyAll,
};

async function notifyAll(steps: readonly NotifyStep[], ctxs: readonly StepContext[]): Promise<StepResult[]> {
  const recipients = steps.map((step) => recipientsOf(step));
  const rows = steps.flatMap((step, i) => {
    const ctx = ctxs[i]!;
    if (ctx.dryRun) return [];
    const { object, recordId } = ctx.run.trigger;
    return recipients[i]!.map((userId) => ({
      userId,
      message: step.message,
      object: object ?? null,
      recordId: recordId ?? null,
      runId: ctx.run.id,
    }));
  });
  if (rows.length) {
    // One parameter for all the rows, however many runs and recipients there are.
    await run(
      ctxs[0]!.db,
      sql`INSERT INTO ${ident(ctxs[0]!.records.model.schema, '_notifications')} ("userId", message, object, "recordId", "runId")
          SELECT x."userId", x.message, x.object, x."recordId", x."runId"
            FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                 AS x("userId" uuid, message text, object text, "recordId" uuid, "runId" uuid)`,
    );
  }
  return recipients.map((users) => ({ kind: 'done', output: { notified: users } }));
}

/** The distinct user ids a step notifies (a template may give a user record: its id is taken). */
function recipientsOf(step: NotifyStep): string[] {
  const to = (Array.isArray(step.to) ? step.to : [step.to])
    .map((u) => (typeof u === 'object' && u !== null ? (u as { id?: unknown }).id : u))
    .filter((u) => u !== null && u !== '');
  const bad = to.find((u) => !isUuid(u));
  if (bad !== undefined)
    throw badInput({ path: `steps.${step.id}.to`, message: `${JSON.stringify(bad)} is not a user id` });
  return [...new Set(to as string[])];
}
