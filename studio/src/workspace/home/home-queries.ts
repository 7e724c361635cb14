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

/** One aliased list of my open tasks whose due date is in `range` (a filter on the due field), soonest first. */
function openTasksList(shape: TaskShape, alias: string, range: string, selection: string, first: string): string {
  const due = shape.due.name;
  return `  ${alias}: ${shape.object.api.many}(filter: { and: [${OWNED_BY_ME}, { ${shape.status.name}: { nin: $closed } }, { ${due}: ${range} }] }, first: ${first}, orderBy: [{ field: ${due}, direction: ASC }]) { totalCount edges { node { ${selection} } } }`;
}

export type CalendarView = 'day' | 'week';

/** The days a calendar view shows: the anchor's day, or the Monday-to-Sunday week around it (local time). */
export function calendarDays(view: CalendarView, anchor: Date): Date[] {
  const start = new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate());
  if (view === 'day') return [start];
  const monday = start.getDate() - ((start.getDay() + 6) % 7);
  return Array.from({ length: 7 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), monday + i));
}

/** The anchor moved by one view: a day or a week back (`-1`) or forward (`1`). */
export function shiftAnchor(view: CalendarView, anchor: Date, step: -1 | 1): Date {
  const days = view === 'day' ? step : 7 * step;
  return new Date(anchor.getFullYear(), anchor.getMonth(), anchor.getDate() + days);
}

/** The same local calendar day? (A task's due value — date or instant — against a column's day.) */
export function sameDay(due: string, day: Date): boolean {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(due) ? new Date(`${due}T00:00:00`) : new Date(due);
  return at.getFullYear() === day.getFullYear() && at.getMonth() === day.getMonth() && at.getDate() === day.getDate();
}

/**
 * The variables of `calendarTasksQuery`. The view's range starts no earlier than today: open tasks of past
 * days are in the overdue list already, and would otherwise be listed twice.
 */
export function calendarVariables(shape: TaskShape, me: string, days: readonly Date[], now: Date, first: number) {
  const at = (d: Date) => boundValue(d, shape.due.type);
  const { today } = dayBounds(now);
  const first_ = days[0]!;
  const last = days[days.length - 1]!;
  const end = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  const from = first_ < today ? today : first_;
  return { me, closed: shape.closed, today: at(today), from: at(from), to: at(end < from ? from : end), first };
}

/** My open tasks overdue (due before today) and due in a view's range `[$from, $to)`, in one request. */
export function calendarTasksQuery(shape: TaskShape, selection: string): string {
  const bound = boundType(shape);
  const lists = [
    openTasksList(shape, 'overdue', '{ lt: $today }', selection, '$first'),
    openTasksList(shape, 'range', '{ gte: $from, lt: $to }', selection, '$first'),
  ];
  return `query CalendarTasks($me: ID!, $closed: [String!], $today: ${bound}, $from: ${bound}, $to: ${bound}, $first: Int) {\n${lists.join('\n')}\n}`;
}

/**
 * My open tasks (not at a closed status) in three groups by due date — before today, today, the 7 days after
 * — in one request, each with its count and its first `$first` tasks, soonest due first.
 */
export function myTasksQuery(shape: TaskShape, selection: string): string {
  const ranges: Record<TaskGroup, string> = {
    overdue: `{ lt: $today }`,
    today: `{ gte: $today, lt: $tomorrow }`,
    upcoming: `{ gte: $tomorrow, lt: $weekEnd }`,
  };
  const list = (group: TaskGroup) => openTasksList(shape, group, ranges[group], selection, '$first');
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
