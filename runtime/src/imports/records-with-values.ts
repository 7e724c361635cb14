import { findMany } from '../records/find';
import type { RecordContext, RecordData } from '../records/context';

/** Values asked for at once, and records read per page (the record service's largest page). */
const BATCH = 500;

/**
 * Every record of `object` the actor may read whose `field` is one of `values`, handed to `visit`: one `$in` query per
 * batch of values, paged through the record service (so scopes and field rules apply).
 */
export async function forEachRecordWithValues(
  ctx: RecordContext,
  object: string,
  field: string,
  values: readonly unknown[],
  visit: (record: RecordData) => void,
): Promise<void> {
  const distinct = [...new Set(values)];
  for (let start = 0; start < distinct.length; start += BATCH) {
    const batch = distinct.slice(start, start + BATCH);
    let after: string | undefined;
    do {
      const page = await findMany(ctx, object, {
        filter: { [field]: { $in: batch } },
        first: BATCH,
        ...(after ? { after } : {}),
      });
      page.records.forEach(visit);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
    } while (after);
  }
}
