import type { QueryResult } from '../db/db';
import { preparedRead } from '../db/prepared';
import { compile, type Fragment } from '../sql/sql';
import type { RecordContext } from './context';

/** Runs a read of the record service as a prepared statement named after the model revision. */
export function runRead<Row = Record<string, unknown>>(
  ctx: RecordContext,
  fragment: Fragment,
): Promise<QueryResult<Row>> {
  const { text, values } = compile(fragment);
  return ctx.db.query<Row>(text, values, preparedRead(ctx.model, text));
}
