import { recordSelection, recordTitle, type WorkspaceObject } from '../record-api';
import type { DealShape, TaskShape } from './work-objects';

/**
 * The home page's queries, built from metadata like every workspace query (record-api.ts): values are
 * variables; only field and object names from the metadata are written into the text.
 */

/** Local midnight today, tomorrow, and a week after tomorrow: the edges of Overdue / Today / Upcoming. */
export interface DayBounds {
  readonly today: Date;
  readonly tomorrow: Date;
  readonly weekEnd: Date;
}

export function dayBounds(now: Date): DayBounds {
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
  return { today: day(0), tomorrow: day(1), weekEnd: day(8) };
}

/** A bound as the due field's filter takes it: an instant for a datetime, the local calendar day for a date. */
export function boundValue(bound: Date, type: string): string {
  if (type !== 'date') return bound.toISOString();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${bound.getFullYear()}-${pad(bound.getMonth() + 1)}-${pad(bound.getDate())}`;
}

/** Whole calendar days (local time) from the due date to today: 1 for yesterday, 0 for today. */
export function daysOverdue(due: string, now: Date): number {
  const dueDay = /^\d{4}-\d{2}-\d{2}$/.test(due) ? new Date(`${due}T00:00:00`) : new Date(due);
  const start = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((start(now) - start(dueDay)) / 86_400_000);
}

export type TaskGroup = 'overdue' | 'today' | 'upcoming';
export const TASK_GROUPS: readonly TaskGroup[] = ['overdue', 'today', 'upcoming'];

/*
 * Filters are written into the query with their values as scalar variables (`{ owner: { id: { eq: $me } } }`):
 * the server answers INTERNAL_SERVER_ERROR to any variable of a filter input type (`$filter: TaskFilter`), which
 * graphql-jit fails to coerce (its `and`/`or` make the type recursive).
 */
const OWNED_BY_ME = '{ owner: { id: { eq: $me } } }';

/** The due date's bounds as the filter takes them: a `Date` for a date field, a `DateTime` otherwise. */
const boundType = (shape: TaskShape) => (shape.due.type === 'date' ? 'Date' : 'DateTime');

/** The variables of `myTasksQuery`: who I am, which statuses are closed, the day bounds. */
export function taskVariables(shape: TaskShape, me: string, bounds: DayBounds, first: number) {
  const at = (d: Date) => boundValue(d, shape.due.type);
  return {
    me,
    closed: shape.closed,
    today: at(bounds.today),
    tomorrow: at(bounds.tomorrow),
    weekEnd: at(bounds.weekEnd),
    first,
  };
}

/** The task fields a row shows. */
export function taskSelection(shape: TaskShape, objects: readonly WorkspaceObject[]): string {
  const fields = [shape.object.titleField, shape.due.name, shape.status.name].filter((f): f is string => !!f);
  return recordSelection(shape.object, objects, fields);
}

/**
 * My open tasks (not at a closed status) in three groups by due date — before today, today, the 7 days after
 * — in one request, each with its count and its first `$first` tasks, soonest due first.
 */
export function myTasksQuery(shape: TaskShape, selection: string): string {
  const { many } = shape.object.api;
  const due = shape.due.name;
  const ranges: Record<TaskGroup, string> = {
    overdue: `{ lt: $today }`,
    today: `{ gte: $today, lt: $tomorrow }`,
    upcoming: `{ gte: $tomorrow, lt: $weekEnd }`,
  };
  const list = (group: TaskGroup) =>
    `  ${group}: ${many}(filter: { and: [${OWNED_BY_ME}, { ${shape.status.name}: { nin: $closed } }, { ${due}: ${ranges[group]} }] }, first: $first, orderBy: [{ field: ${due}, direction: ASC }]) { totalCount edges { node { ${selection} } } }`;
  const bound = boundType(shape);
  return `query MyTasks($me: ID!, $closed: [String!], $today: ${bound}, $tomorrow: ${bound}, $weekEnd: ${bound}, $first: Int) {\n${TASK_GROUPS.map(list).join('\n')}\n}`;
}

/** My open deals — mine, at a stage that is neither won nor lost — the soonest to close first: `$me`, `$closed`, `$first`. */
export function openDealsQuery(shape: DealShape, selection: string): string {
  const { many, type } = shape.object.api;
  const order = shape.closeDate ? `, orderBy: [{ field: ${shape.closeDate.name}, direction: ASC }]` : '';
  return `query MyOpen${type}s($me: ID!, $closed: [String!], $first: Int) {
  ${many}(filter: { and: [${OWNED_BY_ME}, { ${shape.pipeline.field}: { nin: $closed } }] }, first: $first${order}) {
    totalCount
    edges { node { ${selection} } }
  }
}`;
}

/** Objects whose records can be listed as "recently updated, mine": the owner and updatedAt are readable. */
export function recentObjects(objects: readonly WorkspaceObject[]): WorkspaceObject[] {
  const has = (o: WorkspaceObject, name: string) => o.fields.some((f) => f.name === name && f.graphqlType !== null);
  return objects.filter((o) => has(o, 'owner') && has(o, 'updatedAt'));
}

/**
 * The records I own, most recently updated first, of every object in one request (each aliased by its name).
 * The API records who created a record but not who last changed it, so "mine" means owned by me.
 */
export function recentRecordsQuery(objects: readonly WorkspaceObject[], all: readonly WorkspaceObject[], first = 5) {
  if (objects.length === 0) return null;
  const lists = objects.map((o) => {
    const title = o.titleField ? recordSelection(o, all, [o.titleField]) : 'id';
    return `  ${o.name}: ${o.api.many}(filter: ${OWNED_BY_ME}, orderBy: [{ field: updatedAt, direction: DESC }], first: ${first}) { edges { node { ${title} updatedAt } } }`;
  });
  return `query RecentRecords($me: ID!) {\n${lists.join('\n')}\n}`;
}

export interface RecentRecord {
  readonly object: WorkspaceObject;
  readonly id: string;
  readonly title: string;
  readonly updatedAt: string;
}

/** The answer of `recentRecordsQuery`: every object's records together, newest change first, the first `limit`. */
export function recentRecords(
  data: Record<string, unknown> | undefined,
  objects: readonly WorkspaceObject[],
  limit = 10,
): RecentRecord[] {
  if (!data) return [];
  const records = objects.flatMap((object) => {
    const connection = data[object.name] as { edges: { node: Record<string, unknown> }[] } | null | undefined;
    return (connection?.edges ?? []).map(({ node }) => ({
      object,
      id: String(node.id),
      title: recordTitle(object, node),
      updatedAt: String(node.updatedAt),
    }));
  });
  return records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, limit);
}
