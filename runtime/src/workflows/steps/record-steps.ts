import { badInput } from '../../errors';
import type { RecordData } from '../../records/context';
import { findMany, findOne, MAX_PAGE_SIZE } from '../../records/find';
import { createMany, createRecord, updateMany, updateRecord, type UpdateItem } from '../../records/write';
import type { StepDef } from '../definition';
import { groupBy } from './group-by';
import type { StepContext, StepHandler, StepResult } from './step';

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
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    return { kind: 'done', output: await createRecord(ctx.records, step.object, step.data) };
  },
  /** One `createMany` per object for all the runs. */
  async executeMany(steps, ctxs) {
    const outputs = new Array<RecordData>(steps.length);
    for (const [object, indexes] of groupBy(steps, (s) => s.object)) {
      const created = await createMany(
        ctxs[0]!.records,
        object,
        indexes.map((i) => steps[i]!.data),
      );
      indexes.forEach((i, k) => (outputs[i] = created[k]!));
    }
    return outputs.map(done);
  },
};

/** `updateRecord`: changes fields of the trigger's record (or the one `recordId` names). */
export const updateRecordStep: StepHandler<Step<'updateRecord'>> = {
  type: 'updateRecord',
  batching: { reads: 'run', writes: true },
  async execute(step, ctx) {
    return { kind: 'done', output: await updateRecord(ctx.records, step.object, targetRecordId(step, ctx), step.data) };
  },
  /**
   * One `updateMany` per object (it writes each set of changed fields in one statement). Runs that
   * update the same record go in successive rounds, in run order, so the later one sees the earlier
   * one's change, as it would one run at a time.
   */
  async executeMany(steps, ctxs) {
    const outputs = new Array<RecordData>(steps.length);
    for (const [object, indexes] of groupBy(steps, (s) => s.object)) {
      const items = indexes.map((i): UpdateItem => ({ id: targetRecordId(steps[i]!, ctxs[i]!), data: steps[i]!.data }));
      for (const round of distinctRounds(items.map((item) => item.id.toLowerCase()))) {
        const updated = await updateMany(
          ctxs[0]!.records,
          object,
          round.map((k) => items[k]!),
        );
        round.forEach((k, j) => (outputs[indexes[k]!] = updated[j]!));
      }
    }
    return outputs.map(done);
  },
};

/** `findRecords`: a page of records (`output.records`, `output.count`) for later steps and loops. */
export const findRecordsStep: StepHandler<Step<'findRecords'>> = {
  type: 'findRecords',
  batching: { reads: 'any', writes: false },
  async execute(step, ctx) {
    const page = await findMany(ctx.records, step.object, { filter: step.filter ?? {}, first: step.first ?? 100 });
    return { kind: 'done', output: { records: page.records, count: page.records.length } };
  },
  /** Runs asking the same question (object, filter, page size) share one query. */
  async executeMany(steps, ctxs) {
    const results = new Array<StepResult>(steps.length);
    for (const indexes of groupBy(steps, (s) => JSON.stringify([s.object, s.filter ?? {}, s.first ?? 100])).values()) {
      const result = await findRecordsStep.execute(steps[indexes[0]!]!, ctxs[indexes[0]!]!);
      for (const i of indexes) results[i] = result;
    }
    return results;
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

/** Ids `findOne` would look up (it finds nothing for anything else). */
const RECORD_ID = /^[0-9a-f-]{36}$/i;

/**
 * `currentTriggerRecord` for many runs sharing one actor: one query per object (`id` in the list) for all
 * their trigger records, read as `findOne` reads them (deleted ones left out, the actor's read scope
 * and field rules applied), each run falling back to its snapshot as there.
 */
export async function currentTriggerRecords(ctxs: readonly StepContext[]): Promise<Record<string, unknown>[]> {
  const found = new Map<string, RecordData>();
  const wanted = groupBy(ctxs, ({ run }) =>
    run.trigger.object && run.trigger.recordId && RECORD_ID.test(run.trigger.recordId) ? run.trigger.object : '',
  );
  for (const [object, indexes] of wanted) {
    if (!object) continue;
    const ids = [...new Set(indexes.map((i) => ctxs[i]!.run.trigger.recordId!.toLowerCase()))];
    for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
      const chunk = ids.slice(start, start + MAX_PAGE_SIZE);
      const page = await findMany(ctxs[0]!.records, object, { filter: { id: { $in: chunk } }, first: chunk.length });
      for (const record of page.records) found.set(`${object}:${record.id}`, record);
    }
  }
  return ctxs.map(({ run: { trigger } }) => {
    const current =
      trigger.object && trigger.recordId && found.get(`${trigger.object}:${trigger.recordId.toLowerCase()}`);
    return current || ((trigger.record as Record<string, unknown> | null | undefined) ?? {});
  });
}

const done = (output: unknown): StepResult => ({ kind: 'done', output });

/**
 * Splits positions into rounds in which no key repeats: the n-th occurrence of a key goes to round n,
 * so positions that share a key keep their order across rounds.
 */
function distinctRounds(keys: readonly string[]): number[][] {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(i);
  });
  return rounds;
}
