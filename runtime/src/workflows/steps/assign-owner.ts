import type { Db } from '../../db/db';
import { badInput } from '../../errors';
import { isUuid } from '../../fields/relation-type';
import { updateRecord } from '../../records/write';
import type { StepDef } from '../definition';
import { targetRecordId } from './record-steps';
import type { StepHandler } from './step';

type AssignStep = Extract<StepDef, { type: 'assignOwner' }>;

/**
 * `assignOwner`: round-robin over a list of users or the active members of a role (ordered by id). The
 * turn is a counter row in the engine's state, advanced in the same transaction as the assignment, so it
 * survives restarts, is shared by every server process, and a rolled-back run gives its turn back.
 */
export const assignOwnerStep: StepHandler<AssignStep> = {
  // The turn is a counter per step: runs side by side take their turns in run order.
  type: 'assignOwner',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    const candidates = step.users ?? (await roleMembers(ctx.db, ctx.records.model.workspace, step.role!));
    const bad = candidates.find((u) => !isUuid(u));
    if (bad !== undefined) throw badInput({ path: `steps.${step.id}.users`, message: `"${bad}" is not a user id` });
    if (candidates.length === 0)
      throw badInput({ path: `steps.${step.id}.role`, message: `role "${step.role}" has no active members to assign` });
    const { rows } = await ctx.db.query<{ turn: number }>(
      `INSERT INTO "${ctx.records.model.schema}"._wf_state (workflow, key, value) VALUES ($1, $2, '0'::jsonb)
       ON CONFLICT (workflow, key) DO UPDATE SET value = to_jsonb((_wf_state.value #>> '{}')::bigint + 1)
       RETURNING (value #>> '{}')::bigint AS turn`,
      [ctx.workflow.name, `roundRobin:${step.id}`],
    );
    const owner = candidates[Number(rows[0]!.turn) % candidates.length]!;
    const object = step.object ?? ctx.run.trigger.object;
    if (!object)
      throw badInput({ path: `steps.${step.id}.object`, message: 'name the object of the record to assign' });
    const record = await updateRecord(ctx.records, object, targetRecordId(step, ctx), { owner });
    return { kind: 'done', output: { owner, record } };
  },
};

async function roleMembers(db: Db, workspace: string, role: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT u.id FROM stratum.memberships m JOIN stratum.users u ON u.id = m."userId"
      WHERE m.workspace = $1 AND $2 = ANY(m.roles) AND u.active ORDER BY u.id`,
    [workspace, role],
  );
  return rows.map((r) => r.id);
}
