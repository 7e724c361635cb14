import type { Db } from '../db/db';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import type { RunQueue } from './queue';
import type { NewRun, RunStore } from './run-store';
import { MAX_RUN_DEPTH, type TriggerEvent } from './run-model';
import { decodeEvent, matchEvent, runActor, type CompiledTrigger, type OutboxEvent } from './triggers';

export interface DispatchOptions {
  /** Events taken in one transaction (default 500). */
  readonly limit?: number;
  /** Told about each event (or trigger on an event) that failed to match and was skipped. */
  readonly onError?: (error: unknown, where: string) => void;
}

export interface DispatchResult {
  readonly events: number;
  readonly runs: number;
  /** Runs not started because the chain of workflows starting workflows was too deep. */
  readonly refused: number;
}

/**
 * Turns pending outbox events into runs: in one transaction it takes a batch of events (`SKIP LOCKED`,
 * so several processes share the work), creates the runs their triggers call for in one INSERT, enqueues
 * their jobs and marks the events processed. An event is therefore either fully dispatched or not at all:
 * nothing is lost between a record's commit and its trigger, and nothing fires twice (each run's
 * trigger key is the event's id).
 *
 * An event that cannot be decoded, or a trigger whose matching throws on it, is reported to `onError` and
 * skipped (the event is marked processed with the rest): one bad event or definition must not hold back
 * every later event of the workspace, which a throw inside this transaction would do forever.
 */
export async function dispatchOutbox(
  db: Db,
  model: Model,
  types: FieldTypeRegistry,
  triggers: readonly CompiledTrigger[],
  store: RunStore,
  queue: RunQueue,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const { limit = 500, onError = () => undefined } = options;
  // The (object, event) pairs some trigger may fire on; other events are only marked processed, and
  // their row images are not even read.
  const relevant = [...new Set(triggers.flatMap(firingEvents))];
  return db.transaction(async (tx) => {
    // Taking the events and marking them processed is one statement; the transaction makes it all or
    // nothing with the runs below.
    const { rows: taken } = await tx.query<OutboxEvent>(
      `UPDATE "${model.schema}"._outbox o SET "processedAt" = now()
         FROM (SELECT id FROM "${model.schema}"._outbox WHERE "processedAt" IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) AS next
        WHERE o.id = next.id
       RETURNING o.id, o.object, o."recordId", o.event, o.actor, o."runDepth", o.at,
                 o.object || ':' || o.event = ANY($2::text[]) AS relevant,
                 CASE WHEN o.object || ':' || o.event = ANY($2::text[]) THEN o.before END AS before,
                 CASE WHEN o.object || ':' || o.event = ANY($2::text[]) THEN o.after END AS after`,
      [limit, relevant],
    );
    if (taken.length === 0) return { events: 0, runs: 0, refused: 0 };
    const events = (taken as (OutboxEvent & { relevant: boolean })[])
      .filter((e) => e.relevant)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const runs: NewRun[] = [];
    let refused = 0;
    for (const event of events) {
      const where = `outbox event ${event.id} (${event.object}:${event.event} ${event.recordId})`;
      let decoded: TriggerEvent | null;
      try {
        decoded = decodeEvent(model, types, event);
      } catch (error) {
        onError(error, where);
        continue;
      }
      if (!decoded) continue;
      const { matches, failures } = matchEvent(triggers, event, decoded);
      for (const { trigger, error } of failures)
        onError(error, `${where}, trigger of workflow "${trigger.workflow.name}"`);
      for (const match of matches) {
        if (event.runDepth > MAX_RUN_DEPTH) {
          refused += 1;
          continue;
        }
        runs.push({
          workflow: match.trigger.workflow.name,
          version: match.trigger.version,
          trigger: match.event,
          actor: runActor(match.trigger.workflow.runAs, event.actor),
          depth: event.runDepth,
          start: match.trigger.workflow.start,
          triggerKey: `outbox:${event.id}`,
        });
      }
    }
    const ids = await store.insertRuns(tx, model.schema, runs);
    await queue.enqueue(
      tx,
      ids.map((runId) => ({ workspace: model.workspace, runId })),
    );
    return { events: taken.length, runs: ids.length, refused };
  });
}

/** The outbox events (`object:event`) a trigger may fire on (see `matchEvent`). */
function firingEvents({ trigger }: CompiledTrigger): string[] {
  switch (trigger.type) {
    case 'recordCreated':
      return [`${trigger.object}:created`];
    case 'recordUpdated':
      return [`${trigger.object}:updated`];
    case 'recordDeleted':
      return [`${trigger.object}:deleted`];
    case 'stageChanged':
      return [`${trigger.object}:created`, `${trigger.object}:updated`];
    default:
      return [];
  }
}

/**
 * Deletes dispatched outbox events older than the retention, a bounded number at a time so that a large
 * backlog never holds a long transaction (field history, not the outbox, is the lasting record of changes).
 */
export async function pruneOutbox(db: Db, schema: string, retentionDays: number, limit = 10_000): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM "${schema}"._outbox WHERE id IN (
       SELECT id FROM "${schema}"._outbox
        WHERE "processedAt" IS NOT NULL AND "processedAt" < now() - make_interval(days => $1)
        ORDER BY id LIMIT $2)`,
    [Math.max(0, Math.trunc(retentionDays)), limit],
  );
  return rowCount;
}
