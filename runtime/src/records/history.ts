import { run } from '../db/db';
import { isoTimestamp } from '../db/timestamps';
import { ident, sql } from '../sql/sql';
import { requireObject, type RecordContext } from './context';

export interface HistoryEntry {
  readonly at: string;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly actor: string | null;
}

/** The field history of one record, newest first (the record page's timeline reads it). */
export async function recordHistory(
  ctx: RecordContext,
  objectName: string,
  id: string,
  options: { limit?: number } = {},
): Promise<HistoryEntry[]> {
  const object = requireObject(ctx, objectName);
  const { rows } = await run<HistoryEntry & { at: Date | string }>(
    ctx.db,
    sql`SELECT at, field, "oldValue", "newValue", actor FROM ${ident(ctx.model.schema, '_history')}
        WHERE object = ${object.name} AND "recordId" = ${id}::uuid ORDER BY at DESC, id DESC LIMIT ${Math.min(options.limit ?? 100, 1000)}`,
  );
  return rows.map((r) => ({ ...r, at: isoTimestamp(r.at)! }));
}
