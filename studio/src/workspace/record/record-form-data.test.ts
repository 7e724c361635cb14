import type { WorkspaceField, WorkspaceObject } from '../record-api';
import { changesOf, formDataOf, formFieldsOf, placeProblems, rebase } from './record-form-data';
import { mergeTimeline, type TimelineEntry } from './timeline-entries';

/**
 * The record page's pure parts: a record as the form edits it, the update input of only the changed fields,
 * unsaved input kept over a re-read record, server problems on their fields, and the timeline's order.
 */
const field = (
  name: string,
  type: string,
  graphqlType: string,
  extra: Partial<WorkspaceField> = {},
): WorkspaceField => ({
  name,
  label: name,
  type,
  required: false,
  system: false,
  settings: {},
  jsonSchema: {},
  graphqlType,
  ...extra,
});

const deal = {
  name: 'deal',
  fields: [
    field('id', 'id', 'ID!', { system: true }),
    field('owner', 'relation', 'User', { system: true }),
    field('name', 'text', 'String!'),
    field('amount', 'currency', 'Currency'),
    field('weightedAmount', 'formula', 'Currency'),
    field('company', 'relation', 'Company', { settings: { target: 'company' } }),
    field('tasks', 'relation', 'TaskConnection!', { settings: { target: 'task' } }),
    field('stage', 'select', 'String!'),
    field('lostReason', 'longText', 'String'),
  ],
} as unknown as WorkspaceObject;
const fields = formFieldsOf(deal);

const record = {
  id: 'd1',
  name: 'Renewal',
  amount: { amount: 100, currency: 'EUR', __typename: 'Currency' },
  weightedAmount: { amount: 10, currency: 'EUR' },
  company: { id: 'c1', name: 'Acme', __typename: 'Company' },
  stage: 'new',
  lostReason: null,
};

test('the form edits own fields: a relation by id, money without typename, computed and system fields left out', () => {
  expect(fields.map((f) => f.name)).toEqual(['name', 'amount', 'weightedAmount', 'company', 'stage', 'lostReason']);
  expect(formDataOf(fields, record)).toEqual({
    name: 'Renewal',
    amount: { amount: 100, currency: 'EUR' },
    company: 'c1',
    stage: 'new',
  });
});

test('the update sends only the changed fields, emptied ones as null', () => {
  const baseline = formDataOf(fields, record);
  const draft = { ...baseline, name: 'Renewal 2027', company: undefined, lostReason: '' };
  expect(changesOf(fields, baseline, draft)).toEqual({ name: 'Renewal 2027', company: null });
});

test('a re-read record keeps the unsaved input on top of the server values', () => {
  const old = formDataOf(fields, record);
  const draft = { ...old, stage: 'lost' };
  const reread = formDataOf(fields, { ...record, name: 'Renamed elsewhere' });
  expect(rebase(fields, old, draft, reread)).toEqual({ ...reread, stage: 'lost' });
});

test('server problems go on their fields; the others are answered apart', () => {
  const placed = placeProblems(
    [
      { path: 'data.lostReason', message: 'Say why the deal was lost' },
      { path: 'data.amount.currency', message: 'unknown currency' },
      { path: '', message: 'You may not update deals' },
    ],
    fields,
  );
  expect(placed.errors).toEqual({
    lostReason: { __errors: ['Say why the deal was lost'] },
    amount: { __errors: ['unknown currency'] },
  });
  expect(placed.unplaced).toEqual([{ path: '', message: 'You may not update deals' }]);
});

test('the timeline merges its sources newest first', () => {
  const at = (kind: 'history' | 'run', key: string, time: string): TimelineEntry =>
    kind === 'history'
      ? { kind, key, at: time, who: null, field: 'name', oldValue: null, newValue: 'x' }
      : { kind, key, at: time, who: null, workflow: 'w', status: 'COMPLETED', error: null };
  const merged = mergeTimeline(
    [at('history', 'h1', '2026-01-02T10:00:00Z'), at('history', 'h2', '2026-01-01T10:00:00Z')],
    [at('run', 'r1', '2026-01-03T10:00:00Z'), at('run', 'r2', '2026-01-02T10:00:00Z')],
  );
  expect(merged.map((e) => e.key)).toEqual(['r1', 'h1', 'r2', 'h2']);
});
