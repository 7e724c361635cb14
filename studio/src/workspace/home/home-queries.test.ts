import type { ApiNames, WorkspaceField, WorkspaceObject } from '../record-api';
import type { WorkspaceModel } from '../use-workspace-model';
import {
  boundValue,
  calendarDays,
  calendarTasksQuery,
  calendarVariables,
  dayBounds,
  daysOverdue,
  myTasksQuery,
  openDealsQuery,
  recentObjects,
  recentRecords,
  recentRecordsQuery,
  sameDay,
  shiftAnchor,
  taskVariables,
} from './home-queries';
import { dealShape, taskShape } from './work-objects';

const field = (name: string, type: string, extra: Partial<WorkspaceField> = {}): WorkspaceField => ({
  name,
  label: name,
  type,
  required: false,
  system: false,
  settings: {},
  jsonSchema: {},
  graphqlType: 'String',
  ...extra,
});

const system = ['owner', 'updatedAt'].map((name) =>
  field(name, name === 'owner' ? 'relation' : 'datetime', { system: true }),
);

const object = (name: string, many: string, fields: WorkspaceField[]): WorkspaceObject => ({
  name,
  label: name,
  labelPlural: many,
  pluralName: many,
  titleField: fields[0]!.name,
  api: { many, type: name[0]!.toUpperCase() + name.slice(1) } as ApiNames,
  fields: [field('id', 'text', { graphqlType: 'ID!' }), ...fields, ...system],
});

const task = object('task', 'tasks', [
  field('title', 'text'),
  field('status', 'select', { settings: { options: ['open', 'done', { value: 'cancelled' }] } }),
  field('dueDate', 'datetime'),
  field('completedAt', 'datetime'),
]);
const deal = object('deal', 'deals', [
  field('name', 'text'),
  field('stage', 'select'),
  field('amount', 'currency'),
  field('closeDate', 'date'),
]);
const stage = (name: string, ends: { won?: boolean; lost?: boolean } = {}) => ({
  name,
  label: name,
  probability: 0,
  won: !!ends.won,
  lost: !!ends.lost,
  color: null,
});
const model = (objects: WorkspaceObject[]): WorkspaceModel => ({
  objects,
  pipelines: [
    {
      object: 'deal',
      field: 'stage',
      label: null,
      stages: [stage('new'), stage('won', { won: true }), stage('lost', { lost: true })],
    },
  ],
  object: (name) => objects.find((o) => o.name === name),
  layout: () => null,
});

describe('the work objects of the home page', () => {
  test('tasks: due date, status with done, closed statuses, the completion stamp', () => {
    const shape = taskShape(model([task, deal]))!;
    expect([shape.due.name, shape.status.name, shape.done, shape.closed, shape.completedAt?.name]).toEqual([
      'dueDate',
      'status',
      'done',
      ['done', 'cancelled'],
      'completedAt',
    ]);
  });

  test('no tasks card without the task object, or when its owner cannot be read', () => {
    expect(taskShape(model([deal]))).toBeNull();
    const ownerHidden = {
      ...task,
      fields: task.fields.map((f) => (f.name === 'owner' ? { ...f, graphqlType: null } : f)),
    };
    expect(taskShape(model([ownerHidden]))).toBeNull();
  });

  test('deals: the pipeline with won/lost stages, its ends are the closed stages', () => {
    const shape = dealShape(model([task, deal]))!;
    expect([shape.object.name, shape.closedStages, shape.amount?.name, shape.closeDate?.name]).toEqual([
      'deal',
      ['won', 'lost'],
      'amount',
      'closeDate',
    ]);
    expect(dealShape(model([task]))).toBeNull();
  });
});

describe('days', () => {
  const now = new Date(2026, 11, 1, 9, 30);

  test('local midnights of today, tomorrow and a week after tomorrow', () => {
    const bounds = dayBounds(now);
    expect([bounds.today, bounds.tomorrow, bounds.weekEnd]).toEqual([
      new Date(2026, 11, 1),
      new Date(2026, 11, 2),
      new Date(2026, 11, 9),
    ]);
  });

  test('a date field filters by calendar day, a datetime by instant', () => {
    expect(boundValue(new Date(2026, 0, 5), 'date')).toBe('2026-01-05');
    expect(boundValue(new Date(2026, 0, 5), 'datetime')).toBe(new Date(2026, 0, 5).toISOString());
  });

  test('days overdue count calendar days, not 24-hour periods', () => {
    expect(daysOverdue(new Date(2026, 10, 30, 23, 59).toISOString(), now)).toBe(1);
    expect(daysOverdue(new Date(2026, 11, 1, 0, 1).toISOString(), now)).toBe(0);
    expect(daysOverdue('2026-11-21', now)).toBe(10);
  });
});

describe('the home queries', () => {
  test('my tasks: three groups in one request, values as variables, soonest due first', () => {
    const shape = taskShape(model([task]))!;
    const query = myTasksQuery(shape, 'id title');
    expect(query).toContain(
      'query MyTasks($me: ID!, $closed: [String!], $today: DateTime, $tomorrow: DateTime, $weekEnd: DateTime, $first: Int)',
    );
    expect(query).toContain(
      'overdue: tasks(filter: { and: [{ owner: { id: { eq: $me } } }, { status: { nin: $closed } }, { dueDate: { lt: $today } }] }, first: $first, orderBy: [{ field: dueDate, direction: ASC }])',
    );
    expect(query).toContain('{ dueDate: { gte: $today, lt: $tomorrow } }');
    expect(query).toContain('upcoming: tasks(');
    const variables = taskVariables(shape, 'u1', dayBounds(new Date(2026, 11, 1, 9)), 8);
    expect(variables).toEqual({
      me: 'u1',
      closed: ['done', 'cancelled'],
      today: new Date(2026, 11, 1).toISOString(),
      tomorrow: new Date(2026, 11, 2).toISOString(),
      weekEnd: new Date(2026, 11, 9).toISOString(),
      first: 8,
    });
  });

  test('open deals: mine, not at a won or lost stage, by close date', () => {
    const query = openDealsQuery(dealShape(model([deal]))!, 'id name');
    expect(query).toContain(
      'deals(filter: { and: [{ owner: { id: { eq: $me } } }, { stage: { nin: $closed } }] }, first: $first, orderBy: [{ field: closeDate, direction: ASC }])',
    );
  });

  test('recent records: every object with a readable owner, newest change first across objects', () => {
    const noOwner = { ...deal, name: 'note', fields: deal.fields.filter((f) => f.name !== 'owner') };
    const listed = recentObjects([task, deal, noOwner]);
    expect(listed.map((o) => o.name)).toEqual(['task', 'deal']);
    const query = recentRecordsQuery(listed, listed)!;
    expect(query).toContain(
      'task: tasks(filter: { owner: { id: { eq: $me } } }, orderBy: [{ field: updatedAt, direction: DESC }], first: 5) { edges { node { id title updatedAt } } }',
    );
    expect(recentRecordsQuery([], [])).toBeNull();
    const records = recentRecords(
      {
        task: { edges: [{ node: { id: 't1', title: 'Call', updatedAt: '2026-12-01T10:00:00.000Z' } }] },
        deal: { edges: [{ node: { id: 'd1', name: 'Big deal', updatedAt: '2026-12-01T11:00:00.000Z' } }] },
      },
      listed,
    );
    expect(records.map((r) => [r.object.name, r.id, r.title])).toEqual([
      ['deal', 'd1', 'Big deal'],
      ['task', 't1', 'Call'],
    ]);
  });
});

describe('the tasks calendar', () => {
  const now = new Date(2026, 11, 1, 9, 30); // a Tuesday
  const shape = taskShape(model([task, deal]))!;

  test('a day is that day; a week runs Monday to Sunday around the anchor; previous/next move by the view', () => {
    expect(calendarDays('day', now)).toEqual([new Date(2026, 11, 1)]);
    const week = calendarDays('week', new Date(2026, 11, 6)); // a Sunday: its week began on Monday, Nov 30
    expect([week.length, week[0], week[6]]).toEqual([7, new Date(2026, 10, 30), new Date(2026, 11, 6)]);
    expect(shiftAnchor('week', now, -1)).toEqual(new Date(2026, 10, 24));
    expect(shiftAnchor('day', now, 1)).toEqual(new Date(2026, 11, 2));
  });

  test('the range starts no earlier than today (past days are overdue already); one request with both lists', () => {
    const week = calendarVariables(shape, 'u1', calendarDays('week', now), now, 50);
    expect([week.today, week.from, week.to]).toEqual([
      new Date(2026, 11, 1).toISOString(),
      new Date(2026, 11, 1).toISOString(),
      new Date(2026, 11, 7).toISOString(),
    ]);
    const past = calendarVariables(shape, 'u1', calendarDays('day', new Date(2026, 10, 20)), now, 50);
    expect(past.to).toBe(past.from); // an empty range
    const query = calendarTasksQuery(shape, 'id title');
    expect(query).toContain('overdue: tasks(filter: { and: [{ owner: { id: { eq: $me } } }');
    expect(query).toContain('range: tasks(');
    expect(query).toContain('{ dueDate: { gte: $from, lt: $to } }');
  });

  test('a due value on a day: an instant in local time, a date as written', () => {
    expect(sameDay(new Date(2026, 11, 1, 23, 59).toISOString(), new Date(2026, 11, 1))).toBe(true);
    expect(sameDay('2026-12-02', new Date(2026, 11, 1))).toBe(false);
    expect(sameDay('2026-12-01', new Date(2026, 11, 1))).toBe(true);
  });
});
