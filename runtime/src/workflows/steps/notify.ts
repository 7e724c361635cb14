import type { Db } from '../../db/db';
import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import { notify, type NewNotification } from '../../notifications/notifications';
import { findOne } from '../../records/find';
import type { StepDef } from '../definition';
import type { StepContext, StepHandler, StepResult } from './step';

type NotifyStep = Extract<StepDef, { type: 'notify' }>;

/** What one run's step sends: the recipients and the row each of them gets (without the user). */
interface Delivery {
  readonly users: readonly string[];
  readonly message: Omit<NewNotification, 'userId'>;
}

/**
 * `notify`: an in-app notification (`title`, `body`) for users (`to`: ids, usually a template such as
 * `{{trigger.record.owner}}`) and/or the active members of a `role`, linked to the trigger's record or
 * to the one `object` and `recordId` name. A record other than the trigger's must be readable by the
 * run's actor, so a run cannot tell people about a record its actor may not see. The insert carries the
 * step's idempotency key: executed again (a segment re-run, a retry), the step writes nothing new.
 * Read with `myNotifications`.
 */
export const notifyStep: StepHandler<NotifyStep> = {
  type: 'notify',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    return notifyAll([step], [ctx]).then((results) => results[0]!);
  },
  /** One query for the role members of all the runs, one INSERT for all their notifications. */
  executeMany: notifyAll,
};

async function notifyAll(steps: readonly NotifyStep[], ctxs: readonly StepContext[]): Promise<StepResult[]> {
  const first = ctxs[0]!;
  const members = await roleMembers(
    first.db,
    first.records.model.workspace,
    steps.flatMap((s) => (s.role ? [s.role] : [])),
  );
  const deliveries: Delivery[] = [];
  for (const [i, step] of steps.entries()) deliveries.push(await deliveryOf(step, ctxs[i]!, members));
  const rows = deliveries.flatMap((d, i) =>
    ctxs[i]!.dryRun ? [] : d.users.map((userId) => ({ ...d.message, userId })),
  );
  await notify(first.db, first.records.model.schema, rows);
  return deliveries.map((d, i) =>
    ctxs[i]!.dryRun
      ? { kind: 'done', output: { notified: d.users }, meta: { notSent: d.message } }
      : { kind: 'done', output: { notified: d.users } },
  );
}

async function deliveryOf(
  step: NotifyStep,
  ctx: StepContext,
  members: ReadonlyMap<string, readonly string[]>,
): Promise<Delivery> {
  if (step.to === undefined && step.role === undefined)
    throw badInput({ path: `steps.${step.id}`, message: 'name the users to notify ("to") or a "role"' });
  const users = [...new Set([...usersOf(step), ...(step.role ? (members.get(step.role) ?? []) : [])])];
  const trigger = ctx.run.trigger;
  const object = step.object ?? trigger.object ?? null;
  const recordId =
    step.recordId ?? (step.object === undefined || step.object === trigger.object ? trigger.recordId : null);
  if (step.recordId !== undefined && step.recordId !== trigger.recordId) {
    if (!object) throw badInput({ path: `steps.${step.id}.object`, message: 'name the object of the record to link' });
    if (!(await findOne(ctx.records, object, step.recordId)))
      throw badInput({
        path: `steps.${step.id}.recordId`,
        message: `no ${object} ${JSON.stringify(step.recordId)} that the run's actor may read`,
      });
  }
  return {
    users,
    message: {
      // Definitions pinned before notifications had a title called it `message`.
      title: textOf(step.title ?? (step as { message?: unknown }).message),
      body: textOf(step.body) || null,
      object: recordId ? object : null,
      recordId: recordId ?? null,
      runId: ctx.run.id,
      key: ctx.idempotencyKey,
    },
  };
}

/** The distinct user ids in `to` (a template may give a user record: its id is taken; empty is nobody). */
function usersOf(step: NotifyStep): string[] {
  if (step.to === undefined) return [];
  const to = (Array.isArray(step.to) ? step.to : [step.to])
    .map((u: unknown) => (typeof u === 'object' && u !== null ? (u as { id?: unknown }).id : u))
    .filter((u) => u !== null && u !== undefined && u !== '');
  const bad = to.find((u) => !isUuid(u));
  if (bad !== undefined)
    throw badInput({ path: `steps.${step.id}.to`, message: `${JSON.stringify(bad)} is not a user id` });
  return to as string[];
}

/** A rendered template is text, or a whole-template value (a number, a date): shown as its text. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The active members of each role, in one query. */
async function roleMembers(db: Db, workspace: string, roles: readonly string[]): Promise<Map<string, string[]>> {
  const byRole = new Map<string, string[]>();
  if (roles.length === 0) return byRole;
  const { rows } = await db.query<{ role: string; id: string }>(
    `SELECT r.role, u.id FROM stratum.memberships m JOIN stratum.users u ON u.id = m."userId"
       CROSS JOIN LATERAL unnest(m.roles) AS r(role)
      WHERE m.workspace = $1 AND r.role = ANY($2::text[]) AND u.active ORDER BY u.id`,
    [workspace, [...new Set(roles)]],
  );
  for (const row of rows) byRole.set(row.role, [...(byRole.get(row.role) ?? []), row.id]);
  return byRole;
}
