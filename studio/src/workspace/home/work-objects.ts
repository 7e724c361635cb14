import type { WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspaceModel, WorkspacePipeline } from '../use-workspace-model';

/**
 * What the home page needs to know about the app's tasks and deals, found in the metadata by convention (the
 * sales-crm example follows it): tasks are the object `task`, with a due date (`dueDate`, else its first date
 * field), a select `status` with the option `done`, and the owner as the assignee; deals are the object with a
 * pipeline that has won/lost stages (`deal` first). An app without them gets no such card — and neither does a
 * user who may not read them or their owner, since the model has only what the user may read.
 */

export interface TaskShape {
  readonly object: WorkspaceObject;
  readonly due: WorkspaceField;
  readonly status: WorkspaceField;
  /** The status that marks a task done. */
  readonly done: string;
  /** Statuses of tasks that need nothing more (done, cancelled): not on the list. */
  readonly closed: readonly string[];
  /** Stamped when a task is marked done, if the object has it. */
  readonly completedAt: WorkspaceField | undefined;
}

export interface DealShape {
  readonly object: WorkspaceObject;
  readonly pipeline: WorkspacePipeline;
  /** The stages that end a deal (won or lost): open deals are at any other. */
  readonly closedStages: readonly string[];
  readonly amount: WorkspaceField | undefined;
  readonly closeDate: WorkspaceField | undefined;
}

const DATE_TYPES = new Set(['date', 'datetime']);
const CLOSED_TASK_STATUSES = ['done', 'cancelled', 'canceled'];

const readable = (object: WorkspaceObject, name: string) =>
  object.fields.find((f) => f.name === name && f.graphqlType !== null);

/** The values of a select's options (`settings.options`: strings or `{ value }`). */
export function optionValues(field: WorkspaceField): string[] {
  const options = (field.settings as { options?: unknown } | null)?.options;
  if (!Array.isArray(options)) return [];
  return options.flatMap((o: unknown) => {
    const value = typeof o === 'string' ? o : (o as { value?: unknown } | null)?.value;
    return typeof value === 'string' ? [value] : [];
  });
}

export function taskShape(model: WorkspaceModel): TaskShape | null {
  const object = model.object('task');
  if (!object || !readable(object, 'owner')) return null;
  const due =
    readable(object, 'dueDate') ??
    object.fields.find((f) => !f.system && f.graphqlType !== null && DATE_TYPES.has(f.type));
  const status = readable(object, 'status');
  if (!due || !DATE_TYPES.has(due.type) || !status) return null;
  const options = optionValues(status);
  if (!options.includes('done')) return null;
  const closed = options.filter((o) => CLOSED_TASK_STATUSES.includes(o));
  const completedAt = readable(object, 'completedAt');
  return {
    object,
    due,
    status,
    done: 'done',
    closed,
    completedAt: completedAt?.type === 'datetime' ? completedAt : undefined,
  };
}

export function dealShape(model: WorkspaceModel): DealShape | null {
  const ends = (p: WorkspacePipeline) => p.stages.some((s) => s.won || s.lost);
  const pipeline = model.pipelines.find((p) => p.object === 'deal' && ends(p)) ?? model.pipelines.find((p) => ends(p));
  const object = pipeline && model.object(pipeline.object);
  if (!pipeline || !object || !readable(object, 'owner') || !readable(object, pipeline.field)) return null;
  const closedStages = pipeline.stages.filter((s) => s.won || s.lost).map((s) => s.name);
  const amount =
    readable(object, 'amount') ?? object.fields.find((f) => f.type === 'currency' && f.graphqlType !== null);
  const closeDate =
    readable(object, 'closeDate') ??
    object.fields.find((f) => !f.system && f.graphqlType !== null && DATE_TYPES.has(f.type));
  return { object, pipeline, closedStages, amount, closeDate };
}
