import { Cron } from 'croner';
import { compileCondition, parseCondition } from '../conditions';
import { run, type Db } from '../db/db';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import { decodeRow } from '../records/codec';
import { SYSTEM_ACTOR } from '../records/context';
import { ident, raw, sql, type Fragment } from '../sql/sql';
import { findObject, findField, type Model } from '../model/model';
import type { RunQueue } from './queue';
import type { NewRun, RunStore } from './run-store';
import type { WorkflowDef } from './definition';
import { isActive, runActor } from './triggers';

/**
 * Time triggers. `schedule` fires at each cron occurrence; `dateReached` fires for each record whose date
 * field plus the offset falls between the last scan and now ("3 days before closeDate", "90 days after
 * the last purchase"). Both keep a watermark per workflow in the engine's state and give each run a
 * trigger key (the occurrence, or the record and its date), so several processes scanning at once, or a
 * scan repeated after a crash, start every run exactly once. A workflow fires for moments after it was
 * first seen, never for the past.
 */
export interface ScanOptions {
  /** Records a dateReached scan reads per statement (default DATE_PAGE_SIZE); tests make it small. */
  readonly pageSize?: number;
}

/** Records read per statement by a dateReached scan; a window with more is read in several pages. */
export const DATE_PAGE_SIZE = 5_000;

export async function scanTimeTriggers(
  db: Db,
  model: Model,
  types: FieldTypeRegistry,
  versions: ReadonlyMap<string, number>,
  store: RunStore,
  queue: RunQueue,
  now = new Date(),
  options: ScanOptions = {},
): Promise<number> {
  const pageSize = options.pageSize ?? DATE_PAGE_SIZE;
  let started = 0;
  for (const workflow of model.workflows as WorkflowDef[]) {
    const trigger = workflow.trigger;
    const version = versions.get(workflow.name);
    if (!isActive(workflow) || version === undefined) continue;
    if (trigger.type !== 'schedule' && trigger.type !== 'dateReached') continue;
    started += await db.transaction(async (tx) => {
      const since = await advanceWatermark(tx, model.schema, workflow.name, now);
      if (!since) return 0;
      const start = async (runs: NewRun[]) => {
        const ids = await store.insertRuns(tx, model.schema, runs);
        await queue.enqueue(
          tx,
          ids.map((runId) => ({ workspace: model.workspace, runId })),
        );
        return ids.length;
      };
      if (trigger.type === 'schedule')
        return start(cronRuns(workflow, version, trigger.cron, trigger.timezone, since, now));
      // Every record of the window, a page at a time: the watermark moves past all of them at once.
      let count = 0;
      for await (const runs of dateRuns(tx, model, types, workflow, version, since, now, pageSize))
        count += await start(runs);
      return count;
    });
  }
  return started;
}

/** Moves the workflow's watermark to `now` and returns where it was (null on the first scan). */
async function advanceWatermark(db: Db, schema: string, workflow: string, now: Date): Promise<Date | null> {
  const { rows } = await db.query<{ since: string }>(
    `SELECT value #>> '{}' AS since FROM "${schema}"._wf_state WHERE workflow = $1 AND key = 'watermark' FOR UPDATE`,
    [workflow],
  );
  await db.query(
    `INSERT INTO "${schema}"._wf_state (workflow, key, value) VALUES ($1, 'watermark', to_jsonb($2::text))
     ON CONFLICT (workflow, key) DO UPDATE SET value = EXCLUDED.value`,
    [workflow, now.toISOString()],
  );
  return rows[0] ? new Date(rows[0].since) : null;
}

function cronRuns(
  workflow: WorkflowDef,
  version: number,
  cron: string,
  timezone: string | undefined,
  since: Date,
  now: Date,
): NewRun[] {
  const schedule = new Cron(cron, { ...(timezone ? { timezone } : {}), paused: true });
  const runs: NewRun[] = [];
  for (let at = schedule.nextRun(since); at && at <= now && runs.length < 100; at = schedule.nextRun(at)) {
    runs.push({
      workflow: workflow.name,
      version,
      trigger: { type: 'schedule', firedAt: at.toISOString() },
      actor: runActor(workflow.runAs, null),
      depth: 0,
      start: workflow.start,
      triggerKey: `schedule:${at.toISOString()}`,
    });
  }
  return runs;
}

interface DateRow {
  readonly id: string;
  /** The date field's value, as text (part of the trigger key). */
  readonly at: string;
  /** The date plus the offset, as text: the page's keyset with `id`. */
  readonly moment: string;
  readonly row: Record<string, unknown>;
}

/**
 * The runs of a dateReached trigger for the window (since, now], in pages of `pageSize` records ordered by
 * (moment, id): each page starts after the last one's key, so records that share a moment (a bulk import
 * of tasks due the same day) are neither skipped nor read twice, however many there are.
 */
async function* dateRuns(
  db: Db,
  model: Model,
  types: FieldTypeRegistry,
  workflow: WorkflowDef,
  version: number,
  since: Date,
  now: Date,
  pageSize: number,
): AsyncGenerator<NewRun[]> {
  const trigger = workflow.trigger;
  if (trigger.type !== 'dateReached') return;
  const object = findObject(model, trigger.object);
  const field = object && findField(object, trigger.field);
  if (!object || !field) return;
  // The moment a record's date is "reached": its date (midnight UTC for a date field) plus the offset.
  // Offsets are validated whole numbers, so the interval text is the code's own.
  const interval = `${Math.trunc(trigger.offset?.days ?? 0)} days ${Math.trunc(trigger.offset?.hours ?? 0)} hours`;
  const column = `"${field.columns[0]}"`;
  const when = trigger.when
    ? compileCondition(
        parseCondition(trigger.when, conditionTarget(model, types, object.name), { syntax: 'mongo' }),
        't0',
      )
    : raw('TRUE');
  const moment = raw(`(t0.${column}::timestamptz + ${"'"}${interval}${"'"}::interval)`);
  const ctx = { db, model, types, actor: SYSTEM_ACTOR };
  const limit = Math.max(1, Math.trunc(pageSize));
  let after: { moment: string; id: string } | null = null;
  for (;;) {
    const page: Fragment = after
      ? sql`AND (${moment}, t0.id) > (${after.moment}::timestamptz, ${after.id}::uuid)`
      : raw('');
    const { rows }: { rows: DateRow[] } = await run<DateRow>(
      db,
      sql`SELECT t0.id, t0.${raw(column)}::text AS at, ${moment}::text AS moment, to_jsonb(t0) AS row
            FROM ${ident(model.schema, object.table)} AS t0
           WHERE t0."deletedAt" IS NULL AND t0.${raw(column)} IS NOT NULL AND ${when}
             AND ${moment} > ${since.toISOString()}::timestamptz AND ${moment} <= ${now.toISOString()}::timestamptz
             ${page}
           ORDER BY ${moment}, t0.id
           LIMIT ${limit}`,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      workflow: workflow.name,
      version,
      trigger: {
        type: 'dateReached',
        object: object.name,
        recordId: row.id,
        record: decodeRow(ctx, object, row.row),
        input: { date: row.at },
        firedAt: now.toISOString(),
      },
      actor: runActor(workflow.runAs, null),
      depth: 0,
      start: workflow.start,
      triggerKey: `date:${row.id}:${row.at}`,
    }));
    if (rows.length < limit) return;
    const last: DateRow = rows[rows.length - 1]!;
    after = { moment: last.moment, id: last.id };
  }
}
