import { draftOf, draftProblems, layoutOf, poolOf, POOL, reduce } from './layout-draft';
import { formFromLayout, meetsCondition, type LayoutField } from './layout-form';
import { placeProblems } from './layout-problems';

/**
 * The studio's pure form-layout modules: layouts → @rjsf schema and uiSchema (shared with the workspace's
 * record forms), visibility conditions evaluated in the browser, the designer's draft reducer and the mapping
 * of the server's problems to sections.
 */
const fields: LayoutField[] = [
  { name: 'name', type: 'text', label: 'Deal name', required: true, jsonSchema: { type: 'string' } },
  {
    name: 'amount',
    type: 'currency',
    label: 'Amount',
    required: false,
    jsonSchema: {
      type: 'object',
      format: 'currency',
      properties: { amount: { type: 'number' } },
      required: ['amount'],
    },
  },
  {
    name: 'stage',
    type: 'select',
    label: 'Stage',
    required: true,
    jsonSchema: { type: 'string', enum: ['new', 'won'] },
  },
  { name: 'lostReason', type: 'longText', label: 'Reason lost', required: true, jsonSchema: { type: 'string' } },
  { name: 'weighted', type: 'formula', label: 'Weighted', required: false, jsonSchema: { readOnly: true } },
];
const layout = {
  sections: [
    {
      name: 'basics',
      label: { en: 'Basics', ru: 'Основное' },
      columns: 2 as const,
      fields: ['name', 'amount', 'stage', 'weighted'],
    },
    { name: 'closing', columns: 1 as const, fields: ['lostReason'], visibleWhen: { stage: { $in: ['won'] } } },
  ],
};

describe('formFromLayout', () => {
  test('without a layout: every field in one section of one column', () => {
    const form = formFromLayout(fields, null, { defaultTitle: 'Details' });
    expect(form.sections).toEqual([
      { name: 'main', title: 'Details', columns: 1, fields: ['name', 'amount', 'stage', 'lostReason', 'weighted'] },
    ]);
    expect(form.schema.required).toEqual(['name', 'stage', 'lostReason']);
  });

  test('sections carry their columns and localized titles; hidden sections leave the schema and its required list', () => {
    const hidden = formFromLayout(fields, layout, { language: 'ru', values: { stage: 'new' } });
    expect(hidden.sections).toEqual([
      { name: 'basics', title: 'Основное', columns: 2, fields: ['name', 'amount', 'stage', 'weighted'] },
    ]);
    expect(Object.keys(hidden.schema.properties!)).toEqual(['name', 'amount', 'stage', 'weighted']);
    expect(hidden.schema.required).toEqual(['name', 'stage']);
    expect(hidden.uiSchema['ui:order']).toEqual(['name', 'amount', 'stage', 'weighted']);
    expect(hidden.uiSchema['ui:options']).toEqual({ sections: hidden.sections });

    const shown = formFromLayout(fields, layout, { values: { stage: 'won' } });
    expect(shown.sections.map((s) => s.name)).toEqual(['basics', 'closing']);
    expect(shown.schema.required).toEqual(['name', 'stage', 'lostReason']);
    expect(shown.uiSchema['lostReason']).toEqual({ 'ui:widget': 'textarea' });
  });

  test('titles come from labels; computed values are read-only text; money shows its amount under the field label', () => {
    const form = formFromLayout(fields, layout, { currencyLabel: 'Валюта' });
    expect(form.schema.properties!['name']).toEqual({ type: 'string', title: 'Deal name' });
    expect(form.schema.properties!['weighted']).toEqual({ type: 'string', readOnly: true, title: 'Weighted' });
    expect(form.uiSchema['weighted']).toEqual({ 'ui:readonly': true });
    // An optional money field may stay empty: its amount is required only where the field is.
    expect(form.schema.properties!['amount']).not.toHaveProperty('required');
    expect(form.uiSchema['amount']).toEqual({
      'ui:label': false,
      amount: { 'ui:title': 'Amount' },
      currency: { 'ui:title': 'Валюта' },
    });
  });

  test('fields a stored layout names but the object no longer has are skipped', () => {
    const form = formFromLayout(fields, { sections: [{ name: 'a', columns: 1, fields: ['gone', 'name'] }] });
    expect(form.sections[0]!.fields).toEqual(['name']);
  });
});

describe('meetsCondition', () => {
  test.each([
    [{ stage: 'won' }, { stage: 'won' }, true],
    [{ stage: 'won' }, {}, false],
    [{ stage: { $neq: 'won' } }, {}, true],
    [{ stage: null }, { stage: '' }, true],
    [{ stage: { $in: ['won', 'lost'] } }, { stage: 'lost' }, true],
    [{ stage: { $nin: ['won'] } }, { stage: 'new' }, true],
    [{ amount: { $gte: 1000 } }, { amount: { amount: 1500, currency: 'USD' } }, true],
    [{ amount: { $gte: 1000 } }, { amount: { amount: 500 } }, false],
    [{ amount: { $lt: 1000 } }, {}, false],
    [{ name: { $contains: 'ACME' } }, { name: 'Big acme deal' }, true],
    [{ name: { $startsWith: 'big' } }, { name: 'Big acme deal' }, true],
    [{ closeDate: { $isNull: true } }, {}, true],
    [{ tags: { $contains: 'vip' } }, { tags: ['vip', 'new'] }, true],
    [{ tags: { $isNull: true } }, { tags: [] }, true],
    [{ $or: [{ stage: 'won' }, { amount: { $gt: 10 } }] }, { amount: { amount: 11 } }, true],
    [{ $and: [{ stage: 'won' }, { amount: { $gt: 10 } }] }, { stage: 'won' }, false],
    [{ $not: { stage: 'won' } }, { stage: 'new' }, true],
    [{ pinned: true }, { pinned: true }, true],
    [{ pinned: true }, { pinned: false }, false],
  ])('%j on %j is %s', (condition, values, expected) => {
    expect(meetsCondition(condition, values)).toBe(expected);
  });
});

describe('the designer draft', () => {
  const names = fields.map((f) => f.name);

  test('moves fields between sections and the pool; removing a section returns its fields to the pool', () => {
    let draft = draftOf(layout, names, 'Details');
    const [basics, closing] = draft.sections.map((s) => s.key);
    expect(poolOf(draft)).toEqual([]);
    draft = reduce(draft, { type: 'moveField', field: 'amount', to: closing!, index: 0 });
    expect(draft.sections[1]!.fields).toEqual(['amount', 'lostReason']);
    draft = reduce(draft, { type: 'moveField', field: 'name', to: POOL });
    expect(poolOf(draft)).toEqual(['name']);
    draft = reduce(draft, { type: 'moveField', field: 'stage', to: basics!, index: 0 });
    expect(draft.sections[0]!.fields).toEqual(['stage', 'weighted']);
    draft = reduce(draft, { type: 'removeSection', key: closing! });
    expect(poolOf(draft)).toEqual(['name', 'amount', 'lostReason']);
  });

  test('a new section gets a free name; bad and duplicate names are found before saving; empty labels are left out', () => {
    let draft = draftOf(null, names, 'Details');
    draft = reduce(draft, { type: 'addSection', label: 'Section 2' });
    expect(draft.sections.map((s) => s.name)).toEqual(['main', 'section2']);
    const second = draft.sections[1]!.key;
    draft = reduce(draft, { type: 'editSection', key: second, patch: { name: 'Closing stage' } });
    expect(draftProblems(draft).get(second)).toEqual({ name: 'nameInvalid' });
    draft = reduce(draft, { type: 'editSection', key: second, patch: { name: 'main', label: ' ' } });
    expect(draftProblems(draft).get(second)).toEqual({ name: 'nameTaken' });
    draft = reduce(draft, {
      type: 'editSection',
      key: second,
      patch: { name: 'closing', visibleWhen: { stage: 'won' } },
    });
    expect(draftProblems(draft).size).toBe(0);
    draft = reduce(draft, { type: 'editSection', key: second, patch: { visibleWhen: undefined } });
    expect(layoutOf(draft).sections[1]).toEqual({ name: 'closing', columns: 1, fields: [] });
  });

  test("the server's problems land on the section and field of the draft that was sent", () => {
    const draft = draftOf(layout, names, 'Details');
    const placed = placeProblems(
      [
        { path: 'input.layout.sections[0].fields[1]', message: 'placed twice' },
        { path: 'input.layout.sections[1].visibleWhen.weighted', message: 'computed' },
        { path: 'input.label', message: 'elsewhere' },
      ],
      draft,
    );
    expect(placed.fields.get('amount')).toBe('placed twice');
    expect(placed.sections.get(draft.sections[0]!.key)).toEqual(['placed twice']);
    expect(placed.sections.get(draft.sections[1]!.key)).toEqual(['computed']);
    expect(placed.other).toEqual([{ path: 'input.label', message: 'elsewhere' }]);
  });
});
