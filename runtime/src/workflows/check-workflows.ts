import { parseCondition, type ConditionNode } from '../conditions';
import { badInput, formatPath, isStratumError, type Problem } from '../errors';
import { atScriptLine, checkScriptSyntax } from '../scripts';
import type { FieldTypeRegistry } from '../fields/registry';
import { conditionTarget } from '../model/condition-targets';
import { findField, findObject, type Model } from '../model/model';
import type { StepDef, WorkflowDef } from './definition';
import { templatePaths } from './templates';

/** Steps a step can lead to: `next`, and the branches of conditions, loops and approvals. */
export function successors(step: StepDef): string[] {
  const out = [step.next];
  if (step.type === 'condition') out.push(step.then, step.else);
  if (step.type === 'approval') out.push(step.then, step.else, step.timeout);
  if (step.type === 'forEach') out.push(step.do);
  return out.filter((s): s is string => typeof s === 'string');
}

/**
 * A condition without the parts whose values are templates (`{ id: "{{trigger.record.contact}}" }`):
 * those are only known when the run renders them, so only the rest can be checked up front.
 */
function withoutTemplates(value: unknown): Record<string, unknown> {
  const strip = (v: unknown): unknown => {
    if (typeof v === 'string') return templatePaths(v).length ? undefined : v;
    if (Array.isArray(v)) return v.some((item) => strip(item) === undefined) ? undefined : v;
    if (typeof v !== 'object' || v === null) return v;
    const kept = Object.entries(v)
      .map(([k, item]) => [k, strip(item)] as const)
      .filter(([, item]) => item !== undefined);
    return kept.length || Object.keys(v).length === 0 ? Object.fromEntries(kept) : undefined;
  };
  return (strip(value) as Record<string, unknown> | undefined) ?? {};
}

/** Record triggers, whose `when` is evaluated in memory on the outbox row (dateReached compiles it to SQL). */
const OUTBOX_TRIGGERS: ReadonlySet<string> = new Set([
  'recordCreated',
  'recordUpdated',
  'recordDeleted',
  'stageChanged',
]);

/**
 * The fields of a parsed `when` that an outbox row cannot answer: relations followed to the related record
 * (`{ company: { country: "GE" } }`) and computed fields (formulas, rollups). The row holds the record's
 * stored columns only, a relation as the related id.
 */
function fieldsNotInOutbox(node: ConditionNode): { field: string; why: string }[] {
  switch (node.kind) {
    case 'relation':
      return [{ field: node.field, why: 'a condition on the related record; the row holds only its id' }];
    case 'comparison':
      return node.field.computed
        ? [
            {
              field: node.field.name,
              why: 'a formula or rollup; a condition step, which reads the record, can test it',
            },
          ]
        : [];
    case 'and':
    case 'or':
      return node.nodes.flatMap(fieldsNotInOutbox);
    case 'not':
      return fieldsNotInOutbox(node.node);
    case 'constant':
      return [];
  }
}

/** The ids of a loop body: the chain of `next` links from its first step (cycles stop the walk). */
export function loopBody(workflow: WorkflowDef, first: string): string[] {
  const byId = new Map(workflow.steps.map((step) => [step.id, step]));
  const body: string[] = [];
  for (let id: string | undefined = first; id && byId.has(id) && !body.includes(id); id = byId.get(id)!.next) {
    body.push(id);
  }
  return body;
}

/**
 * Checks workflows against the model they will run on: unique names and step ids, a start step and
 * branch targets that exist, no step unreachable from the start, objects and fields that exist, and
 * `when` conditions that parse on the trigger's object. Problems are reported at `workflows[i]…` paths.
 */
export function checkWorkflows(model: Model, types: FieldTypeRegistry): void {
  const problems: Problem[] = [];
  const names = new Set<string>();
  const allNames = new Set((model.workflows as WorkflowDef[]).map((w) => w.name));
  (model.workflows as WorkflowDef[]).forEach((workflow, i) => {
    const at = (...rest: PropertyKey[]) => formatPath(['workflows', i, ...rest]);
    if (names.has(workflow.name)) problems.push({ path: at('name'), message: `duplicate workflow "${workflow.name}"` });
    names.add(workflow.name);
    const object = (name: string | undefined, path: string) => {
      if (name !== undefined && !findObject(model, name)) problems.push({ path, message: `unknown object "${name}"` });
    };
    const condition = (value: Record<string, unknown> | undefined, objectName: string | undefined, path: string) => {
      if (!value || !objectName || !findObject(model, objectName)) return null;
      try {
        return parseCondition(withoutTemplates(value), conditionTarget(model, types, objectName), {
          syntax: 'mongo',
          path,
        });
      } catch (error) {
        if (!isStratumError(error)) throw error;
        problems.push(...error.problems);
        return null;
      }
    };
    const trigger = workflow.trigger;
    const triggerObject = 'object' in trigger ? trigger.object : undefined;
    object(triggerObject, at('trigger', 'object'));
    const when = 'when' in trigger ? condition(trigger.when, triggerObject, at('trigger', 'when')) : null;
    if (when && OUTBOX_TRIGGERS.has(trigger.type)) {
      for (const { field, why } of fieldsNotInOutbox(when))
        problems.push({
          path: at('trigger', 'when'),
          message:
            `workflow "${workflow.name}": trigger.when cannot use "${field}": a ${trigger.type} trigger checks ` +
            `\`when\` on the outbox row, which holds the record's stored columns only (${why})`,
        });
    }
    if (trigger.type === 'dateReached' || (trigger.type === 'stageChanged' && trigger.field)) {
      const target = triggerObject ? findObject(model, triggerObject) : undefined;
      const fieldName = trigger.field!;
      const field = target ? findField(target, fieldName) : undefined;
      if (target && !field)
        problems.push({ path: at('trigger', 'field'), message: `"${fieldName}" is not a field of ${target.name}` });
      if (field && trigger.type === 'dateReached' && field.type !== 'date' && field.type !== 'datetime') {
        problems.push({ path: at('trigger', 'field'), message: `"${fieldName}" must be a date or datetime field` });
      }
    }
    if (trigger.type === 'recordUpdated' && trigger.fields && triggerObject && findObject(model, triggerObject)) {
      trigger.fields.forEach((name, f) => {
        if (!findField(findObject(model, triggerObject)!, name))
          problems.push({ path: at('trigger', 'fields', f), message: `"${name}" is not a field of ${triggerObject}` });
      });
    }
    const ids = new Map<string, number>();
    workflow.steps.forEach((step, s) => {
      if (ids.has(step.id)) problems.push({ path: at('steps', s, 'id'), message: `duplicate step id "${step.id}"` });
      ids.set(step.id, s);
    });
    if (!ids.has(workflow.start)) problems.push({ path: at('start'), message: `no step "${workflow.start}"` });
    workflow.steps.forEach((step, s) => {
      for (const key of ['next', 'then', 'else', 'timeout', 'do'] as const) {
        const target = (step as Record<string, unknown>)[key];
        if (typeof target === 'string' && !ids.has(target))
          problems.push({ path: at('steps', s, key), message: `no step "${target}"` });
      }
      if ('object' in step && step.object) object(step.object, at('steps', s, 'object'));
      if (step.type === 'findRecords') condition(step.filter, step.object, at('steps', s, 'filter'));
      if (step.type === 'condition') condition(step.when, triggerObject, at('steps', s, 'when'));
      // Templates may read the trigger and steps that exist: `{{trigger.…}}`, `{{steps.<id>.output.…}}`.
      for (const path of templatePaths(step)) {
        const [root, id] = path.split(/[.[]/);
        if (root === 'trigger' || root === 'item' || root === 'index') continue;
        if (root !== 'steps' || !id || !ids.has(id)) {
          problems.push({
            path: at('steps', s),
            message: `template {{${path}}} must start with trigger. or steps.<an existing step id>.`,
          });
        }
      }
      if (step.type === 'delay' && (step.seconds === undefined) === (step.until === undefined)) {
        problems.push({ path: at('steps', s), message: 'a delay needs exactly one of "seconds" and "until"' });
      }
      if (step.type === 'assignOwner' && (step.users === undefined) === (step.role === undefined)) {
        problems.push({ path: at('steps', s), message: 'assignOwner needs exactly one of "users" and "role"' });
      }
      if (step.type === 'notify' && step.to === undefined && step.role === undefined) {
        problems.push({ path: at('steps', s), message: 'notify needs "to" (users), "role", or both' });
      }
    });
    // A loop body runs inside its run's current segment for each item, so it cannot wait.
    workflow.steps.forEach((step) => {
      if (step.type !== 'forEach') return;
      for (const id of loopBody(workflow, step.do)) {
        const inner = workflow.steps[ids.get(id)!]!;
        if (inner.type === 'delay' || inner.type === 'approval' || inner.type === 'forEach')
          problems.push({
            path: at('steps', ids.get(id)!, 'type'),
            message: `a ${inner.type} step cannot run inside the loop of "${step.id}"`,
          });
      }
    });
    workflow.steps.forEach((step, s) => {
      if (step.type === 'startWorkflow' && !names.has(step.workflow) && !allNames.has(step.workflow))
        problems.push({ path: at('steps', s, 'workflow'), message: `unknown workflow "${step.workflow}"` });
    });
    // Every step must be reachable from the start, or it can never run (usually a typo in a `next`).
    const reached = new Set<string>();
    const queue = ids.has(workflow.start) ? [workflow.start] : [];
    while (queue.length) {
      const id = queue.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      const step = workflow.steps[ids.get(id)!];
      if (step) queue.push(...successors(step).filter((s) => ids.has(s)));
    }
    workflow.steps.forEach((step, s) => {
      if (ids.has(workflow.start) && !reached.has(step.id))
        problems.push({
          path: at('steps', s, 'id'),
          message: `step "${step.id}" cannot be reached from "${workflow.start}"`,
        });
    });
  });
  if (problems.length) throw badInput(problems);
}

/**
 * Compiles every script step (without running it), so a syntax error is refused with the definition at
 * `workflows[i].steps[s].code` instead of failing its runs later.
 */
export async function checkWorkflowScripts(model: Model): Promise<void> {
  const problems: Problem[] = [];
  for (const [i, workflow] of (model.workflows as WorkflowDef[]).entries()) {
    for (const [s, step] of workflow.steps.entries()) {
      if (step.type !== 'script') continue;
      const failure = await checkScriptSyntax(step.code);
      if (!failure) continue;
      problems.push({
        path: formatPath(['workflows', i, 'steps', s, 'code']),
        message: atScriptLine(failure.message, failure.line, step.code.split('\n').length).message,
      });
    }
  }
  if (problems.length) throw badInput(problems);
}
