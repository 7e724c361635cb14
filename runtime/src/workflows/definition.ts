import { z } from 'zod';
import { labelSchema } from '../manifest/label';
import { nameSchema } from '../manifest/name';
import type { Model } from '../model/model';

/**
 * Workflow definitions as data (CONTRACT.md "Workflows"): a trigger and a graph of steps. `next` names
 * the following step; a `condition` step has `then` and `else`; the run starts at `start`.
 *
 * Terminology: a *trigger* says when a run starts; a *step* is one unit of work whose output later steps
 * can use through templates (`{{trigger.record.title}}`, `{{steps.<id>.output.<path>}}`).
 */
const stepId = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/, 'must be a step id: a letter, then letters, digits, _ or -');
const condition = z.record(z.string(), z.unknown());
const data = z.record(z.string(), z.unknown());
const offset = z.strictObject({
  days: z.number().int().min(-3650).max(3650).optional(),
  hours: z.number().int().min(-87600).max(87600).optional(),
});

export const triggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('recordCreated'), object: nameSchema, when: condition.optional() }),
  z.strictObject({
    type: z.literal('recordUpdated'),
    object: nameSchema,
    when: condition.optional(),
    fields: z.array(nameSchema).min(1).optional(),
  }),
  z.strictObject({ type: z.literal('recordDeleted'), object: nameSchema, when: condition.optional() }),
  z.strictObject({
    type: z.literal('stageChanged'),
    object: nameSchema,
    field: nameSchema.optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    when: condition.optional(),
  }),
  z.strictObject({
    type: z.literal('schedule'),
    cron: z.string().min(9).max(120),
    timezone: z.string().max(60).optional(),
  }),
  z.strictObject({
    type: z.literal('dateReached'),
    object: nameSchema,
    field: nameSchema,
    offset: offset.optional(),
    when: condition.optional(),
  }),
  z.strictObject({ type: z.literal('webhook'), hmac: z.boolean().optional() }),
  z.strictObject({ type: z.literal('manual'), object: nameSchema.optional(), label: labelSchema.optional() }),
]);

const base = {
  id: stepId,
  label: labelSchema.optional(),
  next: stepId.optional(),
  /** Attempts after the first for retryable failures (network, timeouts, lock conflicts), with backoff. */
  retries: z.number().int().min(0).max(10).optional(),
};

export const stepSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('createRecord'), object: nameSchema, data }),
  // `recordId` defaults to the trigger's record; templates may name another (`{{steps.find.output[0].id}}`).
  z.strictObject({
    ...base,
    type: z.literal('updateRecord'),
    object: nameSchema,
    recordId: z.string().optional(),
    data,
  }),
  z.strictObject({
    ...base,
    type: z.literal('findRecords'),
    object: nameSchema,
    filter: condition.optional(),
    first: z.number().int().min(1).max(500).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('condition'),
    when: condition,
    then: stepId.optional(),
    else: stepId.optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('delay'),
    seconds: z.number().int().min(1).max(31_536_000).optional(),
    until: z.string().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('script'),
    code: z.string().min(1).max(20_000),
    timeoutMs: z.number().int().min(10).max(10_000).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('httpRequest'),
    url: z.string().min(1).max(2000),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    timeoutMs: z.number().int().min(100).max(30_000).optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('sendEmail'),
    to: z.string().min(1).max(500),
    subject: z.string().min(1).max(500),
    body: z.string().max(100_000),
  }),
  z.strictObject({
    ...base,
    type: z.literal('assignOwner'),
    object: nameSchema.optional(),
    recordId: z.string().optional(),
    users: z.array(z.string()).min(1).optional(),
    role: nameSchema.optional(),
  }),
  // An in-app notification for users (ids or templates) and/or the active members of a role, linked to
  // the trigger's record unless `object` and `recordId` name another.
  z.strictObject({
    ...base,
    type: z.literal('notify'),
    to: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    role: nameSchema.optional(),
    title: z.string().min(1).max(500),
    body: z.string().max(5000).optional(),
    object: nameSchema.optional(),
    recordId: z.string().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('forEach'), items: z.string().min(1), do: stepId }),
  // Starts another workflow (on a record, or with an input), as the same actor, one level deeper.
  z.strictObject({
    ...base,
    type: z.literal('startWorkflow'),
    workflow: nameSchema,
    recordId: z.string().optional(),
    input: z.unknown().optional(),
  }),
  z.strictObject({
    ...base,
    type: z.literal('approval'),
    assignee: z.strictObject({ user: z.string().optional(), role: nameSchema.optional() }),
    message: z.string().max(2000).optional(),
    timeoutSeconds: z.number().int().min(60).optional(),
    then: stepId.optional(),
    else: stepId.optional(),
    timeout: stepId.optional(),
  }),
]);

/**
 * Who a run acts as: the system (every permission), the user whose change triggered it (their roles
 * apply; the system when nobody did, e.g. a schedule), or one named user.
 */
export const runAsSchema = z.union([
  z.literal('system'),
  z.literal('triggeringUser'),
  z.strictObject({ user: z.string().uuid() }),
]);

export const workflowSchema = z.strictObject({
  name: nameSchema,
  runAs: runAsSchema.optional(),
  label: labelSchema.optional(),
  description: z.string().max(2000).optional(),
  active: z.boolean().optional(),
  trigger: triggerSchema,
  start: stepId,
  steps: z.array(stepSchema).min(1).max(200),
});

export type TriggerDef = z.infer<typeof triggerSchema>;
export type StepDef = z.infer<typeof stepSchema>;
export type WorkflowDef = z.infer<typeof workflowSchema>;
export type RunAs = z.infer<typeof runAsSchema>;

/** The workflow of a model with this name (the model keeps workflows as validated data). */
export function findWorkflow(model: Pick<Model, 'workflows'>, name: string): WorkflowDef | undefined {
  return (model.workflows as WorkflowDef[]).find((w) => w.name === name);
}
export type StepType = StepDef['type'];
