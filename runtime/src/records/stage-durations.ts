import { run } from '../db/db';
import { badInput } from '../errors';
import { findField } from '../model/model';
import { ident, join, sql } from '../sql/sql';
import { requireReadableField } from './authorize';
import { requireObject, type RecordContext } from './context';
import { whereClause, type FindManyOptions } from './find';

/**
 * Terminology: a *stay* is one uninterrupted period a record spent at one value of a select field (a stage):
 * from the moment it got the value — its creation, or the change that set it — to the change that replaced it.
 * A stay that has not ended yet (the record's current stage) is not counted: its length is not known.
 */
export interface StageDuration {
  /** The option the records stayed at. */
  readonly stage: string;
  /** How many records left this stage at least once. */
  readonly records: number;
  /** The average, over those records, of the total time each spent at the stage (all its stays added up). */
  readonly averageSeconds: number;
}

export interface StageDurationOptions extends Pick<FindManyOptions, 'filter' | 'filterSyntax'> {
  /** Only stays that ended at or after this instant (a dashboard's period). */
  readonly since?: Date | string | undefined;
}

/**
 * The average time records of an object spent at each value of a select field (the "average time in stage" of a
 * pipeline), worked out from the field history in ONE set-based query: window functions pair each change with the
 * one before it (or with the record's creation), so each change closes the stay at its old value. Only records
 * the actor may read (and that the filter keeps) count, and the field itself must be readable.
 *
 * @example
 *   await stageDurations(ctx, 'deal', 'stage', { filter: { owner: userId } });
 *   // → [{ stage: 'new', records: 12, averageSeconds: 86400 }, …]
 */
export async function stageDurations(
  ctx: RecordContext,
  objectName: string,
  fieldName: string,
  options: StageDurationOptions = {},
): Promise<StageDuration[]> {
  const object = requireObject(ctx, objectName);
  const field = findField(object, fieldName);
  if (!field || field.type !== 'select')
    throw badInput({ path: 'field', message: `"${fieldName}" is not a select field of ${object.name}` });
  requireReadableField(ctx, object, field.name, 'field', 'measure time');
  const since = options.since === undefined ? undefined : new Date(options.since);
  if (since && Number.isNaN(since.getTime())) throw badInput({ path: 'since', message: 'is not a date and time' });
  // The records side: the same read scope, deleted rows and filter as a list (alias t0).
  const records = join(whereClause(ctx, object, options), ' AND ');
  const ended = since ? sql`WHERE s."endedAt" >= ${since.toISOString()}::timestamptz` : sql``;
  const { rows } = await run<StageDuration>(
    ctx.db,
    sql`WITH changes AS (
          SELECT h."recordId", h."oldValue" #>> '{}' AS stage, h.at AS "endedAt",
                 coalesce(lag(h.at) OVER (PARTITION BY h."recordId" ORDER BY h.at, h.id), t0."createdAt") AS "startedAt"
            FROM ${ident(ctx.model.schema, '_history')} AS h
            JOIN ${ident(ctx.model.schema, object.table)} AS t0 ON t0.id = h."recordId"
           WHERE h.object = ${object.name} AND h.field = ${field.name} AND ${records}
        ), per_record AS (
          SELECT s.stage, s."recordId", sum(extract(epoch FROM s."endedAt" - s."startedAt")) AS seconds
            FROM changes AS s ${ended}
           GROUP BY s.stage, s."recordId"
        )
        SELECT stage, count(*)::int AS records, avg(seconds)::float8 AS "averageSeconds"
          FROM per_record WHERE stage IS NOT NULL GROUP BY stage ORDER BY stage`,
  );
  return rows;
}
