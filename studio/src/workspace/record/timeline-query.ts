import { isToMany, relationTarget, type WorkspaceField, type WorkspaceObject } from '../record-api';

/**
 * The activities a record's timeline lists besides its field history and workflow runs: the notes and tasks
 * related to it (examples/sales-crm's `note` and `task` objects). Each is read through the record's to-many
 * relation to it, and added through the activity's to-one relation back to the record.
 */
export type ActivityKind = 'note' | 'task';

/** The fields an activity shows, when its object has them (a workspace without them shows less). */
const ACTIVITY_FIELDS: Readonly<Record<ActivityKind, readonly string[]>> = {
  note: ['title', 'body'],
  task: ['title', 'dueDate', 'status'],
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

/** One query for the record's notes and tasks, newest first, with who created them. */
export function activitiesQuery(object: WorkspaceObject, activities: readonly Activity[]): string {
  const parts = activities.map(
    (a) =>
      `${a.field.name}(first: ${ACTIVITY_PAGE}, orderBy: [{ field: createdAt, direction: DESC }]) { edges { node { id createdAt createdBy { id name email } ${a.shown.join(' ')} } } }`,
  );
  return `query ${object.api.type}Activities($id: ID!) { ${object.api.one}(id: $id) { id ${parts.join(' ')} } }`;
}
