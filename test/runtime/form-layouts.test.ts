import type { Db } from '../../runtime/src/db/db';
import { StratumError } from '../../runtime/src/errors';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { deleteField, updateField, updateObject } from '../../runtime/src/migrator/model-edits';
import { types, workspaceWith } from '../support/workspace';

/**
 * Form layouts on a real database: a layout is metadata only (a revision with a readable line, no DDL),
 * exports as written, applying the same manifest twice changes nothing, visibility conditions are parsed
 * on the object, and field renames and removals keep the layout consistent.
 */
const fields = [
  { name: 'name', type: 'text', required: true },
  { name: 'amount', type: 'currency', currency: 'USD' },
  { name: 'stage', type: 'select', options: ['new', 'won', 'lost'], default: 'new' },
  { name: 'lostReason', type: 'longText' },
  { name: 'weighted', type: 'formula', expression: 'amount * 2', resultType: 'currency' },
  { name: 'company', type: 'relation', target: 'company' },
];
const layout = {
  sections: [
    { name: 'main', label: 'Main', columns: 2, fields: ['name', 'amount', 'stage', 'company'] },
    { name: 'lost', columns: 1, fields: ['lostReason'], visibleWhen: { stage: 'lost' } },
  ],
};
const company = { name: 'company', pluralName: 'companies', fields: [{ name: 'name', type: 'text' }] };
const manifest = (dealLayout: unknown) => ({
  objects: [company, { name: 'deal', pluralName: 'deals', fields, ...(dealLayout ? { layout: dealLayout } : {}) }],
});

let db: Db;
let workspace: string;

beforeAll(async () => {
  ({ db, workspace } = await workspaceWith(manifest(undefined)));
});
afterAll(() => db.close());

async function refusal(promise: Promise<unknown>): Promise<StratumError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StratumError) return error;
    throw error;
  }
  throw new Error('expected the change to be refused');
}

test('a layout is a revision with a readable line; the same manifest again changes nothing; export gives it back', async () => {
  const first = await applyManifest(db, manifest(layout), { workspace, types });
  expect(first.lines).toEqual(['~ object deal (layout)']);
  expect(first.revision).not.toBeNull();
  const again = await applyManifest(db, manifest(layout), { workspace, types });
  expect(again).toMatchObject({ lines: [], revision: null });
  const model = await loadModel(db, workspace);
  const exported = exportManifest(model, types) as { objects: { name: string; layout?: unknown }[] };
  expect(exported.objects.find((o) => o.name === 'deal')!.layout).toEqual(layout);
  // The exported manifest is itself a fixed point.
  expect((await applyManifest(db, exported, { workspace, types })).lines).toEqual([]);

  const reordered = { sections: [layout.sections[1], layout.sections[0]] };
  expect((await applyManifest(db, manifest(reordered), { workspace, types })).lines).toEqual([
    '~ object deal (layout)',
  ]);
  const removed = await updateObject(db, 'deal', { layout: null }, { workspace, types });
  expect(removed.lines).toEqual(['~ object deal (layout)']);
  expect((await loadModel(db, workspace)).objects.find((o) => o.name === 'deal')!.layout).toBeUndefined();
});

test('visibility conditions are parsed on the object: unknown fields, computed fields and related records are refused', async () => {
  const revision = (await loadModel(db, workspace)).revision;
  const bad = {
    sections: [
      { name: 'a', columns: 1, fields: [], visibleWhen: { budget: { $gt: 1 } } },
      { name: 'b', columns: 1, fields: [], visibleWhen: { stage: { $gt: 'won', $bogus: 1 } } },
      { name: 'c', columns: 1, fields: [], visibleWhen: { weighted: { $gte: 100 } } },
      { name: 'd', columns: 1, fields: [], visibleWhen: { company: { name: 'Acme' } } },
      { name: 'e', columns: 1, fields: [], visibleWhen: { $or: [{ stage: 'won' }, { company: { $isNull: false } }] } },
    ],
  };
  const error = await refusal(updateObject(db, 'deal', { layout: bad }, { workspace, types }));
  expect(error.code).toBe('BAD_USER_INPUT');
  const paths = error.problems.map((p) => p.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      'input.layout.sections[0].visibleWhen.budget',
      expect.stringMatching(/^input\.layout\.sections\[1\]\.visibleWhen\.stage/),
      'input.layout.sections[2].visibleWhen.weighted',
      'input.layout.sections[3].visibleWhen.company',
    ]),
  );
  expect(paths.some((p) => p.startsWith('input.layout.sections[4]'))).toBe(false);
  expect((await loadModel(db, workspace)).revision).toBe(revision);
});

test('renaming a field renames it in its section and in conditions; deleting one drops it and the conditions that read it', async () => {
  await applyManifest(db, manifest(layout), { workspace, types });
  await updateField(db, 'deal', 'stage', { name: 'phase' }, { workspace, types });
  let deal = (await loadModel(db, workspace)).objects.find((o) => o.name === 'deal')!;
  expect(deal.layout!.sections.map((s) => s.fields)).toEqual([['name', 'amount', 'phase', 'company'], ['lostReason']]);
  expect(deal.layout!.sections[1]!.visibleWhen).toEqual({ phase: 'lost' });

  await deleteField(db, 'deal', 'lostReason', { workspace, types });
  await deleteField(db, 'deal', 'phase', { workspace, types });
  deal = (await loadModel(db, workspace)).objects.find((o) => o.name === 'deal')!;
  expect(deal.layout).toEqual({
    sections: [
      { name: 'main', label: 'Main', columns: 2, fields: ['name', 'amount', 'company'] },
      { name: 'lost', columns: 1, fields: [] },
    ],
  });
});
