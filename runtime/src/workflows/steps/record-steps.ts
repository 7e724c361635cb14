import { badInput } from '../../errors';
import { findMany, findOne } from '../../records/find';
import { createRecord, updateRecord } from '../../records/write';
import type { StepDef } from '../definition';
import type { StepContext, StepHandler } from './step';

type Step<T extends StepDef['type']> = Extract<StepDef, { type: T }>;

/** The record a step works on: the one it names, or the trigger's when it is on the same object. */
export function targetRecordId(step: { recordId?: string | undefined; id: string }, ctx: StepContext): string {
  const id = step.recordId ?? ctx.run.trigger.recordId;
  if (typeof id !== 'string' || id === '')
    throw badInput({ path: `steps.${step.id}.recordId`, message: 'no record: name one, or use a record trigger' });
  return id;
}

/** `createRecord`: creates a record through the record service, under the run's actor. */
export const createRecordStep: StepHandler<Step<'createRecord'>> = {
  type: 'createRecord',
  async execute(step, ctx) {
    return { kind: 'done', output: await createRecord(ctx.records, step.object, step.data) };
  },
};

/** `updateRecord`: changes fields of the trigger's record (or the one `recordId` names). */
export const updateRecordStep: StepHandler<Step<'updateRecord'>> = {
  type: 'updateRecord',
  async execute(step, ctx) {
    return { kind: 'done', output: await updateRecord(ctx.records, step.object, targetRecordId(step, ctx), step.data) };
  },
};

/** `findRecords`: a page of records (`output.records`, `output.count`) for later steps and loops. */
export const findRecordsStep: StepHandler<Step<'findRecords'>> = {
  type: 'findRecords',
  async execute(step, ctx) {
    const page = await findMany(ctx.records, step.object, { filter: step.filter ?? {}, first: step.first ?? 100 });
    return { kind: 'done', output: { records: page.records, count: page.records.length } };
  },
};

/** The current state of the trigger's record (a run may have waited since it fired), or its snapshot. */
export async function currentTriggerRecord(ctx: StepContext): Promise<Record<string, unknown>> {
  const { object, recordId, record } = ctx.run.trigger;
  if (object && recordId) {
    const current = await findOne(ctx.records, object, recordId);
    if (current) return current;
  }
  return (record as Record<string, unknown> | null | undefined) ?? {};
}
