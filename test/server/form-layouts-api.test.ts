import { startTestApi, type TestApi } from '../support/api';

/**
 * Form layouts through the API: `updateObject(name, { layout })` stores a layout that `object { layout }`
 * reads back as written; a bad one answers BAD_USER_INPUT with problems at `input.layout…` paths and
 * changes nothing; `layout: null` goes back to the default form.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
});
afterAll(() => api.close());

const UPDATE = `mutation($layout: JSON) { updateObject(name: "deal", input: { layout: $layout }) { applied changes } }`;
const READ = `{ object(name: "deal") { layout } metadataRevision }`;

const layout = {
  sections: [
    { name: 'basics', label: { en: 'Basics', ru: 'Основное' }, columns: 2, fields: ['name', 'amount', 'stage'] },
    {
      name: 'closing',
      columns: 1,
      fields: ['closeDate', 'lostReason'],
      visibleWhen: { stage: { $in: ['won', 'lost'] } },
    },
  ],
};

test('a layout set through updateObject reads back as written; the same one again changes nothing', async () => {
  const before = await api.gql<{ object: { layout: unknown } }>(READ);
  expect(before.data!.object.layout).toBeNull();
  const saved = await api.gql(UPDATE, { layout });
  expect(saved.errors).toBeUndefined();
  expect(saved.data!.updateObject).toEqual({ applied: true, changes: ['~ object deal (layout)'] });
  const after = await api.gql<{ object: { layout: unknown } }>(READ);
  expect(after.data!.object.layout).toEqual(layout);
  expect((await api.gql(UPDATE, { layout })).data!.updateObject).toEqual({ applied: false, changes: [] });
  const revisions = await api.gql<{ revisions: { changes: string[] }[] }>(`{ revisions(first: 1) { changes } }`);
  expect(revisions.data!.revisions[0]!.changes).toEqual(['~ object deal (layout)']);
});

test('a bad layout answers problems at input.layout paths and changes nothing', async () => {
  const before = await api.gql<{ object: { layout: unknown }; metadataRevision: number }>(READ);
  const bad = {
    sections: [
      { name: 'basics', columns: 4, fields: ['name', 'nonsense'] },
      { name: 'basics', columns: 1, fields: ['name'] },
    ],
  };
  const refused = await api.gql(UPDATE, { layout: bad });
  expect(refused.errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    problems: [{ path: 'input.layout.sections[0].columns', message: 'must be 1, 2 or 3' }],
  });
  const references = await api.gql(UPDATE, { layout: { sections: bad.sections.map((s) => ({ ...s, columns: 1 })) } });
  expect(references.errors![0]!.extensions!['problems']).toEqual([
    { path: 'input.layout.sections[0].fields[1]', message: '"nonsense" is not a field of deal' },
    { path: 'input.layout.sections[1].name', message: 'duplicate section "basics" in the layout of deal' },
    { path: 'input.layout.sections[1].fields[0]', message: '"name" is already in section "basics"' },
  ]);
  const condition = await api.gql(UPDATE, {
    layout: { sections: [{ name: 'basics', columns: 1, fields: [], visibleWhen: { stage: { $gt: 1, $nope: 2 } } }] },
  });
  const paths = (condition.errors![0]!.extensions!['problems'] as { path: string }[]).map((p) => p.path);
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) expect(path).toMatch(/^input\.layout\.sections\[0\]\.visibleWhen\.stage/);
  expect(await api.gql(READ)).toEqual({ data: before.data });
});

test('layout: null goes back to the default form', async () => {
  const removed = await api.gql(UPDATE, { layout: null });
  expect(removed.data!.updateObject).toEqual({ applied: true, changes: ['~ object deal (layout)'] });
  expect((await api.gql<{ object: { layout: unknown } }>(READ)).data!.object.layout).toBeNull();
});
