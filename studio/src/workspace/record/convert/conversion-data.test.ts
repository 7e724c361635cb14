import type { WorkspaceField, WorkspaceObject } from '../../record-api';
import {
  choicesOf,
  createData,
  destinationOf,
  editableFields,
  generalProblems,
  initialState,
  problemsOfTarget,
  type ConversionTarget,
  type TargetPreview,
} from './conversion-data';

/**
 * The Convert dialog's pure parts: which fields a target's form edits (in the object's order, whatever order
 * the mapping comes back in), where each target starts, the mutation's choices and the server's problems by target.
 */
const field = (name: string, type = 'text', extra: Partial<WorkspaceField> = {}): WorkspaceField => ({
  name,
  label: name,
  type,
  required: false,
  system: false,
  settings: {},
  jsonSchema: { type: 'string' },
  graphqlType: 'String',
  ...extra,
});

const contact = {
  name: 'contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  pluralName: 'contacts',
  titleField: 'lastName',
  api: {} as WorkspaceObject['api'],
  fields: [
    field('id', 'text', { system: true }),
    field('firstName'),
    field('lastName', 'text', { required: true }),
    field('email', 'email'),
    field('secret', 'text', { graphqlType: null }),
    field('company', 'relation', { graphqlType: 'Company' }),
  ],
} satisfies WorkspaceObject;

const target: ConversionTarget = {
  key: 'contact',
  object: 'contact',
  // As jsonb answers it: shorter keys first.
  fields: { email: 'email', secret: 'secret', company: '$company', lastName: 'lastName', firstName: 'firstName' },
  match: 'email',
};

const preview = (extra: Partial<TargetPreview> = {}): TargetPreview => ({
  key: 'contact',
  object: 'contact',
  optional: false,
  canCreate: true,
  data: { firstName: 'Nino', lastName: 'Beridze', email: 'nino@example.com' },
  references: { company: '$company' },
  matches: [{ id: 'c1', lastName: 'Beridze', email: 'nino@example.com' }],
  ...extra,
});

test('a target edits its mapped, readable, non-reference fields in the object order', () => {
  expect(editableFields(target, contact).map((f) => f.name)).toEqual(['firstName', 'lastName', 'email']);
});

test('a target starts created from the mapping; one the user may not create starts on its first match', () => {
  const fields = editableFields(target, contact);
  expect(initialState(preview(), fields)).toEqual({
    action: 'create',
    data: { firstName: 'Nino', lastName: 'Beridze', email: 'nino@example.com' },
    useId: 'c1',
  });
  expect(initialState(preview({ canCreate: false }), fields).action).toBe('use');
  expect(initialState(preview({ canCreate: false, matches: [], optional: true }), fields).action).toBe('skip');
});

test('the create input keeps typed values, clears a mapped value the user emptied, leaves untouched blanks out', () => {
  const fields = editableFields(target, contact);
  expect(
    createData(fields, preview({ data: { firstName: 'Nino', email: 'n@x.ge' } }), { firstName: 'Nina', email: '' }),
  ).toEqual({
    firstName: 'Nina',
    email: null,
  });
});

test('choices per action, and problems sorted by target', () => {
  const fields = editableFields(target, contact);
  const p = preview();
  expect(
    choicesOf([
      { preview: p, fields, state: { action: 'use', data: {}, useId: 'c1' } },
      { preview: { ...p, key: 'deal' }, fields: [], state: { action: 'skip', data: {}, useId: null } },
    ]),
  ).toEqual([
    { key: 'contact', action: 'USE', id: 'c1' },
    { key: 'deal', action: 'SKIP' },
  ]);
  const problems = [
    { path: 'targets.contact.data.email', message: 'taken' },
    { path: 'targets.company.id', message: 'gone' },
    { path: 'id', message: 'converted' },
  ];
  expect(problemsOfTarget(problems, 'contact')).toEqual([{ path: 'data.email', message: 'taken' }]);
  expect(generalProblems(problems, ['contact', 'company'])).toEqual([{ path: 'id', message: 'converted' }]);
  expect(destinationOf([{ id: 'a' }, { id: 'b' }, { id: null }])).toEqual({ id: 'b' });
});
