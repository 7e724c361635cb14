import { evaluateCondition, parseCondition, type ConditionNode } from '../conditions';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import { findObject, type Model } from '../model/model';
import { isoTimestamp } from '../db/timestamps';
import { decodeRow } from '../records/codec';
import { SYSTEM_ACTOR, type RecordData } from '../records/context';
import type { TriggerDef, WorkflowDef, RunAs } from './definition';
import type { RunActor, TriggerEvent } from './run-model';

/**
 * Record triggers, compiled once per model revision: which active workflows start on which record
 * events, with their `when` conditions parsed. Matching an outbox event is then pure and in memory.
 */
export interface CompiledTrigger {
  readonly workflow: WorkflowDef;
  readonly version: number;
  readonly trigger: TriggerDef;
  readonly when: ConditionNode | null;
  /** For stageChanged: the pipeline's select field. */
  readonly stageField: string | null;
}

/** A row of the outbox, as the record service wrote it (physical columns in `before`/`after`). */
export interface OutboxEvent {
  readonly id: number;
  readonly object: string;
  readonly recordId: string;
  readonly event: 'created' | 'updated' | 'deleted' | 'restored' | 'destroyed';
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly actor: string | null;
  readonly runDepth: number;
  readonly at: string;
}

export function isActive(workflow: WorkflowDef): boolean {
  return workflow.active !== false;
}

export function compileTriggers(
  model: Model,
  types: FieldTypeRegistry,
  versions: ReadonlyMap<string, number>,
): CompiledTrigger[] {
  const compiled: CompiledTrigger[] = [];
  for (const workflow of model.workflows as WorkflowDef[]) {
    const trigger = workflow.trigger;
    const version = versions.get(workflow.name);
    if (!isActive(workflow) || version === undefined || !('object' in trigger) || !trigger.object) continue;
    if (!findObject(model, trigger.object)) continue;
    const when =
      'when' in trigger && trigger.when
        ? parseCondition(trigger.when, conditionTarget(model, types, trigger.object), { syntax: 'mongo' })
        : null;
    const stageField =
      trigger.type === 'stageChanged'
        ? (trigger.field ?? model.pipelines.find((p) => p.object === trigger.object)?.field ?? null)
        : null;
    compiled.push({ workflow, version, trigger, when, stageField });
  }
  return compiled;
}

/** Decodes an outbox row into the trigger event templates and conditions see. */
export function decodeEvent(model: Model, types: FieldTypeRegistry, event: OutboxEvent): TriggerEvent | null {
  const object = findObject(model, event.object);
  if (!object) return null;
  const ctx = { db: null as never, model, types, actor: SYSTEM_ACTOR };
  const decode = (row: Record<string, unknown> | null): RecordData | null => (row ? decodeRow(ctx, object, row) : null);
  const after = decode(event.after);
  const before = decode(event.before);
  const changed =
    event.event === 'updated' && after && before
      ? object.fields.filter((f) => JSON.stringify(after[f.name]) !== JSON.stringify(before[f.name])).map((f) => f.name)
      : undefined;
  const ownerChanged = event.event === 'updated' && after && before && after.owner !== before.owner;
  return {
    type: event.event === 'created' ? 'recordCreated' : event.event === 'deleted' ? 'recordDeleted' : 'recordUpdated',
    object: event.object,
    recordId: event.recordId,
    record: event.event === 'deleted' ? (before ?? after) : after,
    ...(event.event === 'updated' ? { before } : {}),
    ...(changed ? { changed: ownerChanged ? [...changed, 'owner'] : changed } : {}),
    userId: event.actor,
    firedAt: isoTimestamp(event.at) ?? new Date().toISOString(),
  };
}

/** A trigger whose matching threw on an event (see `matchEvent`). */
export interface MatchFailure {
  readonly trigger: CompiledTrigger;
  readonly error: unknown;
}

/**
 * The compiled triggers an event fires, with the trigger event each run receives. A trigger whose
 * matching throws (a `when` the outbox row cannot answer, from a definition older than the checks that
 * now refuse it) is reported in `failures` and does not fire; the event's other triggers still do.
 */
export function matchEvent(
  triggers: readonly CompiledTrigger[],
  event: OutboxEvent,
  decoded: TriggerEvent,
): { matches: { trigger: CompiledTrigger; event: TriggerEvent }[]; failures: MatchFailure[] } {
  const matches: { trigger: CompiledTrigger; event: TriggerEvent }[] = [];
  const failures: MatchFailure[] = [];
  for (const compiled of triggers) {
    try {
      const fired = matchTrigger(compiled, event, decoded);
      if (fired) matches.push({ trigger: compiled, event: fired });
    } catch (error) {
      failures.push({ trigger: compiled, error });
    }
  }
  return { matches, failures };
}

/** The trigger event a run of `compiled` receives for `event`, or null when the trigger does not fire. */
function matchTrigger(compiled: CompiledTrigger, event: OutboxEvent, decoded: TriggerEvent): TriggerEvent | null {
  const t = compiled.trigger;
  if (!('object' in t) || t.object !== event.object) return null;
  const record = (decoded.record ?? {}) as Record<string, unknown>;
  const when = () => !compiled.when || evaluateCondition(compiled.when, record);
  switch (t.type) {
    case 'recordCreated':
      return event.event === 'created' && when() ? { ...decoded, type: t.type } : null;
    case 'recordDeleted':
      return event.event === 'deleted' && when() ? { ...decoded, type: t.type } : null;
    case 'recordUpdated': {
      const fires =
        event.event === 'updated' &&
        (decoded.changed?.length ?? 0) > 0 &&
        (!t.fields || t.fields.some((f) => decoded.changed!.includes(f)));
      return fires && when() ? { ...decoded, type: t.type } : null;
    }
    case 'stageChanged': {
      const field = compiled.stageField;
      if (!field || (event.event !== 'updated' && event.event !== 'created')) return null;
      const from = event.event === 'created' ? null : (decoded.before?.[field] ?? null);
      const to = record[field] ?? null;
      const fires = from !== to && (t.from === undefined || t.from === from) && (t.to === undefined || t.to === to);
      return fires && when() ? { ...decoded, type: 'stageChanged', input: { field, from, to } } : null;
    }
    default:
      return null;
  }
}

/** The actor a run acts as, from the workflow's `runAs` and the user who fired the trigger. */
export function runActor(runAs: RunAs | undefined, userId: string | null | undefined): RunActor {
  if (runAs === undefined || runAs === 'system') return { kind: 'system' };
  if (runAs === 'triggeringUser') return userId ? { kind: 'user', id: userId } : { kind: 'system' };
  return { kind: 'user', id: runAs.user };
}
