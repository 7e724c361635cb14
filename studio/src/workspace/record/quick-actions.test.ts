import type { WorkspaceField, WorkspaceObject } from '../record-api';
import { paragraphs, quickActionsOf, taskData } from './quick-actions';
import { activitiesOf } from './timeline-query';

/**
 * The quick-add's offers and the data it creates: a logged call or email is a done task of that type with when it
 * happened; offers follow the task type's options and the user's `create` permission.
 */
const field = (name: string, type: string, graphqlType: string | null, settings: unknown = {}): WorkspaceField => ({
  name,
  label: name,
  type,
  required: false,
  system: false,
  settings,
  jsonSchema: {},
  graphqlType,
});
const object = (name: string, fields: WorkspaceField[], create = true): WorkspaceObject =>
  ({
    name,
    label: name,
    labelPlural: `${name}s`,
    pluralName: `${name}s`,
    titleField: 'title',
    api: { type: name[0]!.toUpperCase() + name.slice(1), one: name } as WorkspaceObject['api'],
    fields,
    permissions: { create, update: true, delete: true },
  }) as WorkspaceObject;

const options = (...values: string[]) => ({ options: values.map((value) => ({ value, label: { en: value } })) });
const lead = object('lead', [
  field('title', 'text', 'String!'),
  field('tasks', 'relation', 'TaskConnection!', { target: 'task' }),
  field('notes', 'relation', 'NoteConnection!', { target: 'note' }),
]);
const task = (create = true, types = options('call', 'email', 'meeting', 'todo')) =>
  object(
    'task',
    [
      field('title', 'text', 'String!'),
      field('type', 'select', 'String', types),
      field('status', 'select', 'String!', options('open', 'done')),
      field('completedAt', 'datetime', 'DateTime'),
      field('description', 'longText', 'String'),
      field('lead', 'relation', 'Lead', { target: 'lead' }),
    ],
    create,
  );
const note = object('note', [
  field('title', 'text', 'String'),
  field('body', 'richText', 'String!'),
  field('lead', 'relation', 'Lead', { target: 'lead' }),
]);

test('offers a note, a task, and logging a call and an email where the task type has them', () => {
  expect(quickActionsOf(activitiesOf(lead, [task(), note])).map((a) => a.kind)).toEqual([
    'note',
    'task',
    'call',
    'email',
  ]);
  expect(quickActionsOf(activitiesOf(lead, [task(true, options('todo')), note])).map((a) => a.kind)).toEqual([
    'note',
    'task',
  ]);
  // Who may not create tasks is offered none of the three.
  expect(quickActionsOf(activitiesOf(lead, [task(false), note])).map((a) => a.kind)).toEqual(['note']);
});

test('a logged call is a done task of that type, on the record, with when it happened', () => {
  const [, , call] = quickActionsOf(activitiesOf(lead, [task(), note]));
  expect(call!.kind).toBe('call');
  const data = taskData(call!, 'lead-1', { title: ' Intro call ', text: 'Wants a demo.', when: '2026-03-02 10:30:00' });
  expect(data).toEqual({
    lead: 'lead-1',
    title: 'Intro call',
    type: 'call',
    status: 'done',
    completedAt: new Date(2026, 2, 2, 10, 30).toISOString(),
    description: 'Wants a demo.',
  });
});

test('a note body for a rich-text field is HTML, a paragraph per line, markup escaped', () => {
  expect(paragraphs('One <b>\nTwo & three')).toBe('<p>One &lt;b&gt;</p><p>Two &amp; three</p>');
  const [first] = quickActionsOf(activitiesOf(lead, [task(), note]));
  expect(taskData(first!, 'lead-1', { title: '', text: 'Hello', when: null })).toEqual({
    lead: 'lead-1',
    body: '<p>Hello</p>',
  });
});
