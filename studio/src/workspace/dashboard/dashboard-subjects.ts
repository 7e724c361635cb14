/**
 * What the dashboard charts, found in the metadata (no request, no React), so it works for any app and not only
 * the sales-crm example — whose names (`deal`, `lead`, `salesTarget`) are only preferred when several objects fit.
 *
 * Terminology:
 * - a *pipeline subject* is an object with a pipeline (won/lost stages) and a money field: its funnel, its value per
 *   stage, its won amounts per month of its date field (`closeDate`) and its time in stage;
 * - the *leads subject* is the object with a select `source` (leads by source) and a select `status` (life cycle);
 * - the *plan subject* holds the sales plan: the object `salesTarget`, with a user (the manager), a date (the month)
 *   and money (the example's; any object with those three would otherwise pass for a plan).
 * The model only holds what the user may read, so a subject the user may not read is simply not found.
 */
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import { relationTarget } from '../record-api';
import type { WorkspaceModel, WorkspacePipeline, WorkspaceStage } from '../use-workspace-model';
import { optionValues } from '../home/work-objects';

export interface PipelineSubject {
  readonly object: WorkspaceObject;
  readonly pipeline: WorkspacePipeline;
  readonly amount: WorkspaceField;
  /** The date a record is won on (the first date field, `closeDate` first); without it there is no plan chart. */
  readonly closeDate: WorkspaceField | undefined;
  readonly won: readonly WorkspaceStage[];
}

export interface LeadsSubject {
  readonly object: WorkspaceObject;
  readonly source: WorkspaceField | undefined;
  readonly status: WorkspaceField | undefined;
  /** The status option that means converted (`converted`), when there is one. */
  readonly converted: string | undefined;
}

export interface PlanSubject {
  readonly object: WorkspaceObject;
  /** Whose plan it is (a user relation); a record without one is its owner's plan. */
  readonly manager: WorkspaceField;
  readonly month: WorkspaceField;
  readonly amount: WorkspaceField;
}

const readable = (object: WorkspaceObject, name: string): WorkspaceField | undefined =>
  object.fields.find((f) => f.name === name && f.graphqlType !== null);

const ownFields = (object: WorkspaceObject, type: string): WorkspaceField[] =>
  object.fields.filter((f) => !f.system && f.graphqlType !== null && f.type === type);

/** `preferred` first, then the others in model order. */
function preferring<T extends { readonly object: WorkspaceObject }>(all: T[], preferred: string): T[] {
  return [...all.filter((s) => s.object.name === preferred), ...all.filter((s) => s.object.name !== preferred)];
}

/** Every object the dashboard can chart as a pipeline, `deal` first (the page offers a select when several). */
export function pipelineSubjects(model: WorkspaceModel): PipelineSubject[] {
  const subjects = model.pipelines.flatMap((pipeline) => {
    const object = model.object(pipeline.object);
    const won = pipeline.stages.filter((s) => s.won);
    if (!object || !readable(object, pipeline.field) || !readable(object, 'owner') || won.length === 0) return [];
    const amount = readable(object, 'amount') ?? ownFields(object, 'currency')[0];
    if (amount?.type !== 'currency') return [];
    const closeDate = readable(object, 'closeDate') ?? ownFields(object, 'date')[0];
    return [{ object, pipeline, amount, closeDate: closeDate?.type === 'date' ? closeDate : undefined, won }];
  });
  return preferring(subjects, 'deal');
}

/** The object with a select `source` and/or `status`, `lead` first; null when there is none. */
export function leadsSubject(model: WorkspaceModel): LeadsSubject | null {
  const select = (object: WorkspaceObject, name: string) => {
    const field = readable(object, name);
    return field?.type === 'select' ? field : undefined;
  };
  const candidates = model.objects
    .map((object) => ({ object, source: select(object, 'source'), status: select(object, 'status') }))
    .filter((c) => c.source && c.status);
  const subject = preferring(candidates, 'lead')[0];
  if (!subject) return null;
  const converted = subject.status && optionValues(subject.status).find((o) => o === 'converted');
  return { ...subject, converted };
}

/** The sales plan's object: `salesTarget`, when the user may read it and it has a user, a date and money. */
export function planSubject(model: WorkspaceModel): PlanSubject | null {
  const candidates = model.objects.flatMap((object) => {
    const manager = object.fields.find(
      (f) => !f.system && f.graphqlType !== null && f.type === 'relation' && relationTarget(f) === 'user',
    );
    const month = ownFields(object, 'date')[0];
    const amount = ownFields(object, 'currency')[0];
    return manager && month && amount ? [{ object, manager, month, amount }] : [];
  });
  return candidates.find((c) => c.object.name === 'salesTarget') ?? null;
}

/** Whether the dashboard has anything to show: the navigation offers it only then. */
export const hasDashboard = (model: WorkspaceModel): boolean => pipelineSubjects(model).length > 0;
