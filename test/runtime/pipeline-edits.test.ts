import type { Db } from '../../runtime/src/db/db';
import { StratumError } from '../../runtime/src/errors';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { exportManifest } from '../../runtime/src/migrator/export';
import { deletePipeline, savePipeline } from '../../runtime/src/migrator/model-edits';
import { findField, findObject } from '../../runtime/src/model/model';
import { createRecord } from '../../runtime/src/records/write';
import type { RecordContext } from '../../runtime/src/records/context';
import { types, workspaceWith } from '../support/workspace';

/**
 * Pipelines edited one at a time on a real database: `savePipeline` creates or updates the select field
 * whose options are the stages, adds or replaces the pipeline, plans (dry run) and refuses destructive
 * changes unless allowed, and reports problems at the input's own paths; `deletePipeline` keeps the field.
 */
const manifest = {
  objects: [
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'name', type: 'text' },
        { name: 'stage', type: 'select', options: ['new', 'proposal', 'won', 'lost'], default: 'new' },
        { name: 'notes', type: 'longText' },
      ],
    },
  ],
  pipelines: [
    {
      object: 'deal',
      field: 'stage',
      stages: [
        { name: 'new', probability: 10 },
        { name: 'proposal', probability: 50 },
        { name: 'won', probability: 100, won: true },
        { name: 'lost', probability: 0, lost: true },
      ],
    },
  ],
};

const support = [
  { name: 'open', label: { en: 'Open', ru: 'Открыт' }, probability: 0, color: '#1971c2' },
  { name: 'waiting', probability: 40 },
  { name: 'solved', label: 'Solved', probability: 100, won: true, color: '#2f9e44' },
  { name: 'dropped', probability: 0, lost: true },
];

let db: Db;
let workspace: string;
let ctx: () => Promise<RecordContext>;
const options = () => ({ workspace, types });

beforeAll(async () => {
  ({ db, workspace, ctx } = await workspaceWith(manifest));
});
afterAll(() => db.close());

async function problemsOf(promise: Promise<unknown>): Promise<{ code: string; problems: unknown[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StratumError) return { code: error.code, problems: [...error.problems] };
    throw error;
  }
  throw new Error('expected the edit to fail');
}

test('a dry run plans a new pipeline and its new select field, and applies nothing', async () => {
  const before = await loadModel(db, workspace);
  const result = await savePipeline(
    db,
    { object: 'deal', field: 'support', label: 'Support', stages: support },
    { ...options(), dryRun: true },
  );
  expect(result.revision).toBeNull();
  expect(result.lines).toEqual([
    '+ field deal.support (select)',
    '+ pipeline deal.support (open → waiting → solved → dropped)',
  ]);
  expect((await loadModel(db, workspace)).revision).toBe(before.revision);
});

test('a pipeline on a field that does not exist creates a select field whose options are the stages', async () => {
  const result = await savePipeline(
    db,
    { object: 'deal', field: 'support', label: { en: 'Support', ru: 'Поддержка' }, stages: support },
    options(),
  );
  expect(result.revision).not.toBeNull();
  const model = await loadModel(db, workspace);
  const field = findField(findObject(model, 'deal')!, 'support')!;
  expect(field.type).toBe('select');
  expect(field.label).toEqual({ en: 'Support', ru: 'Поддержка' });
  expect(field.settings.options).toEqual([
    { value: 'open', label: { en: 'Open', ru: 'Открыт' }, color: '#1971c2' },
    'waiting',
    { value: 'solved', label: 'Solved', color: '#2f9e44' },
    'dropped',
  ]);
  expect(model.pipelines.find((p) => p.field === 'support')).toEqual({
    object: 'deal',
    field: 'support',
    label: { en: 'Support', ru: 'Поддержка' },
    stages: support,
  });
  // The new column takes the stages' values and refuses others.
  const record = await createRecord(await ctx(), 'deal', { name: 'Printer jam', support: 'waiting' });
  expect(record.support).toBe('waiting');
  await expect(createRecord(await ctx(), 'deal', { name: 'x', support: 'closed' })).rejects.toThrow(/not one of/);
  // Saving the same pipeline again changes nothing.
  const again = await savePipeline(
    db,
    { object: 'deal', field: 'support', label: { en: 'Support', ru: 'Поддержка' }, stages: support },
    options(),
  );
  expect(again).toMatchObject({ revision: null, lines: [] });
});

test('reordering stages reorders the options; removing one is destructive until allowed', async () => {
  const reordered = [support[1]!, support[0]!, support[2]!, support[3]!];
  await savePipeline(db, { object: 'deal', field: 'support', stages: reordered }, options());
  let field = findField(findObject(await loadModel(db, workspace), 'deal')!, 'support')!;
  expect(
    (field.settings.options as unknown[]).map((o) => (typeof o === 'string' ? o : (o as { value: string }).value)),
  ).toEqual(['waiting', 'open', 'solved', 'dropped']);

  const withoutWaiting = { object: 'deal', field: 'support', stages: [support[0]!, support[2]!, support[3]!] };
  const plan = await savePipeline(db, withoutWaiting, { ...options(), dryRun: true });
  expect(plan.plan.changes.filter((c) => 'destructive' in c && c.destructive).length).toBe(1);
  expect(plan.lines.join('\n')).toContain('removes options waiting');
  const refused = await problemsOf(savePipeline(db, withoutWaiting, options()));
  expect(refused.code).toBe('BAD_USER_INPUT');
  expect(JSON.stringify(refused.problems)).toContain('destructive');

  await savePipeline(db, withoutWaiting, { ...options(), allowDestructive: true });
  const model = await loadModel(db, workspace);
  field = findField(findObject(model, 'deal')!, 'support')!;
  expect((field.settings.options as unknown[]).length).toBe(3);
  expect(model.pipelines.find((p) => p.field === 'support')!.stages.map((s) => s.name)).toEqual([
    'open',
    'solved',
    'dropped',
  ]);
  // The record at the removed stage keeps its value (the plan said so).
  const kept = await db.query<{ support: string }>(`SELECT support FROM "${model.schema}"."deal" WHERE name = $1`, [
    'Printer jam',
  ]);
  expect(kept.rows[0]!.support).toBe('waiting');
});

test('an existing pipeline is replaced and its field keeps its other keys', async () => {
  const stages = [
    { name: 'new', probability: 5, color: '#868e96' },
    { name: 'proposal', probability: 60 },
    { name: 'won', probability: 100, won: true },
    { name: 'lost', probability: 0, lost: true },
  ];
  await savePipeline(db, { object: 'deal', field: 'stage', label: 'Sales', stages }, options());
  const exported = exportManifest(await loadModel(db, workspace), types) as typeof manifest;
  expect(exported.pipelines.filter((p) => p.field === 'stage')).toEqual([
    { object: 'deal', field: 'stage', label: 'Sales', stages },
  ]);
  // `label: null` takes the label away again.
  await savePipeline(db, { object: 'deal', field: 'stage', label: null, stages }, options());
  const unlabelled = (await loadModel(db, workspace)).pipelines.find((p) => p.field === 'stage')!;
  expect(unlabelled.label).toBeUndefined();
  expect(exported.objects[0]!.fields.find((f) => f.name === 'stage')).toEqual({
    name: 'stage',
    type: 'select',
    default: 'new',
    options: [{ value: 'new', color: '#868e96' }, 'proposal', 'won', 'lost'],
  });
});

test('problems are reported at the paths of the input', async () => {
  const revision = (await loadModel(db, workspace)).revision;
  const bad = [
    { name: 'open', probability: 0 },
    { name: 'half', probability: 50, won: true, lost: true },
    { name: 'sure', probability: 150 },
  ];
  expect(await problemsOf(savePipeline(db, { object: 'deal', field: 'fresh', stages: bad }, options()))).toEqual({
    code: 'BAD_USER_INPUT',
    problems: [expect.objectContaining({ path: 'input.stages[2].probability' })],
  });
  bad[2]!.probability = 90;
  expect(await problemsOf(savePipeline(db, { object: 'deal', field: 'fresh', stages: bad }, options()))).toEqual({
    code: 'BAD_USER_INPUT',
    problems: [{ path: 'input.stages[1]', message: 'a stage cannot be both won and lost' }],
  });
  const badName = [{ name: 'Open Now', probability: 0 }, ...support.slice(1)];
  const named = await problemsOf(savePipeline(db, { object: 'deal', field: 'fresh', stages: badName }, options()));
  expect(named.problems).toEqual([expect.objectContaining({ path: 'input.stages[0].name' })]);
  const twice = [support[0]!, support[0]!, support[2]!];
  const duplicate = await problemsOf(savePipeline(db, { object: 'deal', field: 'fresh', stages: twice }, options()));
  expect(duplicate.problems).toEqual([expect.objectContaining({ path: 'input.stages' })]);
  const notSelect = await problemsOf(savePipeline(db, { object: 'deal', field: 'notes', stages: support }, options()));
  expect(notSelect.problems).toEqual([expect.objectContaining({ path: 'input.field' })]);
  const reserved = await problemsOf(savePipeline(db, { object: 'deal', field: 'owner', stages: support }, options()));
  expect(reserved.problems).toEqual([expect.objectContaining({ path: 'input.field' })]);
  const unknown = await problemsOf(savePipeline(db, { object: 'unicorn', field: 'x', stages: support }, options()));
  expect(unknown.problems).toEqual([{ path: 'input.object', message: 'unknown object "unicorn"' }]);
  // `new` is the default of deal.stage: removing that stage would leave the default pointing nowhere.
  const withoutDefault = await problemsOf(
    savePipeline(
      db,
      { object: 'deal', field: 'stage', stages: support.map((s) => ({ ...s, color: undefined })) },
      options(),
    ),
  );
  expect(withoutDefault.problems).toEqual([
    { path: 'input.stages', message: expect.stringContaining('"new" is the default of deal.stage') },
  ]);
  expect((await loadModel(db, workspace)).revision).toBe(revision);
});

test('deleting a pipeline keeps its field and the values in it', async () => {
  const planned = await deletePipeline(db, 'deal', 'support', { ...options(), dryRun: true });
  expect(planned).toMatchObject({ revision: null, lines: ['- pipeline deal.support'] });
  await deletePipeline(db, 'deal', 'support', options());
  const model = await loadModel(db, workspace);
  expect(model.pipelines.map((p) => p.field)).toEqual(['stage']);
  expect(findField(findObject(model, 'deal')!, 'support')?.type).toBe('select');
  expect((await problemsOf(deletePipeline(db, 'deal', 'support', options()))).code).toBe('NOT_FOUND');
});
