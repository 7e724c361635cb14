import { v7 as uuidv7 } from 'uuid';
import { badInput } from '../errors';
import type { RecordContext } from './context';
import { createMany } from './write';

/**
 * Sample data as examples ship it: records per object, in dependency order, pointing at each other by
 * a local `_ref` (`{ "company": { "_ref": "company-1" } }`). Loads every object with one createMany.
 */
export interface SampleData {
  readonly records: Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export async function loadSampleData(
  ctx: RecordContext,
  data: SampleData,
  options: { owners?: readonly string[] } = {},
): Promise<Record<string, number>> {
  const ids = new Map<string, string>();
  for (const records of Object.values(data.records)) {
    for (const record of records) if (typeof record._ref === 'string') ids.set(record._ref, uuidv7());
  }
  const resolve = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => resolve(v, `${path}[${i}]`));
    if (typeof value === 'object' && value !== null && '_ref' in value) {
      const id = ids.get(String((value as { _ref: unknown })._ref));
      if (!id) throw badInput({ path, message: `unknown _ref ${JSON.stringify((value as { _ref: unknown })._ref)}` });
      return id;
    }
    return value;
  };
  const counts: Record<string, number> = {};
  return ctx.db.transaction(async (db) => {
    for (const [object, records] of Object.entries(data.records)) {
      const inputs = records.map((record, i) => {
        const { _ref, ...fields } = record;
        const input: Record<string, unknown> = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [k, resolve(v, `records.${object}[${i}].${k}`)]),
        );
        if (typeof _ref === 'string') input.id = ids.get(_ref);
        // Spread ownership over the given users, so "my deals" views have something in them.
        if (options.owners?.length && input.owner === undefined)
          input.owner = options.owners[i % options.owners.length];
        return input;
      });
      await createMany({ ...ctx, db }, object, inputs, `records.${object}`);
      counts[object] = inputs.length;
    }
    return counts;
  });
}
