import { isToMany, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';

/**
 * The activities a record's timeline lists besides its field history and workflow runs: the notes and tasks
 * related to it (examples/sales-crm's `note` and `task` objects). Each is read through the record's to-many
 * relation to it, and added through the activity's to-one relation back to the record.
 *
 * Terminology: a task's *type* is its select `type` (call, email, meeting, to-do: whatever its options are); a
 * *logged* task is one that is done (`completedAt` set, or `status` done): a call or an email that happened,
 * as an integration records it through the API (`createTask` with the type and the record's relation).
 */
export type ActivityKind = 'note' | 'task';

/** The fields an activity shows, when its object has them (a workspace without them shows less). */
const ACTIVITY_FIELDS: Readonly<Record<ActivityKind, readonly string[]>> = {
  note: ['title', 'body'],
  task: ['title', 'type', 'dueDate', 'status', 'completedAt', 'description'],
};

export interface Activity {
  readonly kind: ActivityKind;
  /** The record's to-many field that lists them (`deal.tasks`). */
  readonly field: WorkspaceField;
  readonly target: WorkspaceObject;
  /** The activity's to-one field pointing at the record (`task.deal`): set when one is added here. */
  readonly backReference: WorkspaceField | undefined;
  readonly shown: readonly string[];
}

/** How many activities of one kind a page of the timeline reads. */
export const ACTIVITY_PAGE = 30;

export function activitiesOf(object: WorkspaceObject, objects: readonly WorkspaceObject[]): Activity[] {
  return (['note', 'task'] as const).flatMap((kind) => {
    const field = object.fields.find((f) => isToMany(f) && relationTarget(f) === kind);
    const target = objects.find((o) => o.name === kind);
    if (!field || !target) return [];
    const backReference = target.fields.find(
      (f) => f.type === 'relation' && !isToMany(f) && relationTarget(f) === object.name && f.graphqlType !== null,
    );
    const readable = new Set(target.fields.filter((f) => f.graphqlType !== null).map((f) => f.name));
    return [{ kind, field, target, backReference, shown: ACTIVITY_FIELDS[kind].filter((n) => readable.has(n)) }];
  });
}

/**
 * One page of the record's notes (or tasks), newest first, with who created them: `$after` is the connection's
 * `endCursor` of the page before (a keyset cursor), absent for the newest page.
 */
export function activityPageQuery(object: WorkspaceObject, activity: Activity): string {
  const page = `${activity.field.name}(first: ${ACTIVITY_PAGE}, after: $after, orderBy: [{ field: createdAt, direction: DESC }])`;
  const node = `id createdAt createdBy { id name email } ${activity.shown.join(' ')}`;
  return `query ${object.api.type}Timeline${activity.target.api.type}($id: ID!, $after: String) { ${object.api.one}(id: $id) { id ${page} { edges { node { ${node} } } pageInfo { hasNextPage endCursor } } } }`;
}

/** A select option as the metadata gives it: its value, its label (a string, or one per language), its colour. */
export interface SelectOption {
  readonly value: string;
  readonly label?: unknown;
  readonly color?: string;
}

/** The options of a select field (`task.type`), whichever way the settings write them. */
export function selectOptions(field: WorkspaceField | undefined): readonly SelectOption[] {
  const options = (field?.settings as { options?: unknown } | null | undefined)?.options;
  if (!Array.isArray(options)) return [];
  return options.flatMap((o): SelectOption[] => {
    if (typeof o === 'string') return [{ value: o }];
    if (typeof o === 'object' && o !== null && typeof (o as { value?: unknown }).value === 'string')
      return [o as SelectOption];
    return [];
  });
}

/** The task object's `type` field, when the user may read it. */
export function taskTypeField(activity: Activity | undefined): WorkspaceField | undefined {
  if (activity?.kind !== 'task' || !activity.shown.includes('type')) return undefined;
  return activity.target.fields.find((f) => f.name === 'type' && f.type === 'select');
}

/** Whether a task happened rather than is to do: completed (`completedAt`), or its status is `done`. */
export function isLogged(values: Readonly<Record<string, unknown>>): boolean {
  return Boolean(values['completedAt']) || values['status'] === 'done';
}
