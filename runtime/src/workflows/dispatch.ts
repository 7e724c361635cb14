import type { Db } from '../db/db';
import type { FieldTypeRegistry } from '../fields/registry';
import type { Model } from '../model/model';
import type { RunQueue } from './queue';
import type { NewRun, RunStore } from './run-store';
import { MAX_RUN_DEPTH } from './run-model';
import { decodeEvent, matchEvent, runActor, type CompiledTrigger, type OutboxEvent } from './triggers';

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
 */
export async function dispatchOutbox(
  db: Db,
  model: Model,
  types: FieldTypeRegistry,
  triggers: readonly CompiledTrigger[],
  store: RunStore,
  queue: RunQueue,
  limit = 500,
): Promise<DispatchResult> {
  return db.transaction(async (tx) => {
    const { rows: events } = await tx.query<OutboxEvent>(
      `SELECT id, object, "recordId", event, before, after, actor, "runDepth", at FROM "${model.schema}"._outbox
        WHERE "processedAt" IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (events.length === 0) return { events: 0, runs: 0, refused: 0 };
    const runs: NewRun[] = [];
    let refused = 0;
    const objects = new Set(triggers.map((t) => ('object' in t.trigger ? t.trigger.object : '')));
    for (const event of events) {
      if (!objects.has(event.object)) continue;
      const decoded = decodeEvent(model, types, event);
      if (!decoded) continue;
      for (const match of matchEvent(triggers, event, decoded)) {
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
    await tx.query(`UPDATE "${model.schema}"._outbox SET "processedAt" = now() WHERE id = ANY($1::bigint[])`, [
      events.map((e) => e.id),
    ]);
    return { events: events.length, runs: ids.length, refused };
  });
}
