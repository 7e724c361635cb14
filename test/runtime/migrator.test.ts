import type { Db } from '../../runtime/src/db/db';
import { StratumError } from '../../runtime/src/errors';
import { ensureWorkspace, loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { listRevisions, revertRevision } from '../../runtime/src/migrator/revisions';
import { purgeTrash } from '../../runtime/src/migrator/purge';
import { createRecord, createMany } from '../../runtime/src/records/write';
import { findMany } from '../../runtime/src/records/find';
import type { RecordContext } from '../../runtime/src/records/context';
import { openTestDatabase, uniqueName } from '../support/database';
import { types } from '../support/workspace';

// A veterinary clinic: a domain none of the examples covers, written in canonical form (the form
// `export` produces), so applying and exporting must give back exactly this document.
const clinic = {
  objects: [
    {
      name: 'owner2',
      pluralName: 'owners2',
      label: { en: 'Pet owner', ru: 'Владелец', ka: 'მფლობელი' },
      labelPlural: 'Pet owners',
      titleField: 'fullName',
      fields: [
        { name: 'fullName', type: 'text', required: true, maxLength: 200 },
        { name: 'email', type: 'email', unique: true },
        { name: 'phone', type: 'phone', defaultCountry: 'KZ' },
        { name: 'pets', type: 'relation', target: 'pet', many: true, inverse: 'carer' },
      ],
    },
    {
      name: 'pet',
      pluralName: 'pets',
      label: 'Pet',
      labelPlural: 'Pets',
      fields: [
        { name: 'name', type: 'text', required: true },
        {
          name: 'species',
          type: 'select',
          options: ['dog', 'cat', { value: 'parrot', label: { en: 'Parrot', kk: 'Тотықұс' }, color: '#22c55e' }],
          indexed: true,
        },
        { name: 'born', type: 'date' },
        { name: 'weightKg', type: 'number', min: 0, precision: 2 },
        { name: 'carer', type: 'relation', target: 'owner2', onDelete: 'cascade' },
        { name: 'vaccines', type: 'multiSelect', options: ['rabies', 'parvo'] },
        { name: 'notes', type: 'longText', searchable: true },
        { name: 'vet', type: 'relation', target: 'user' },
      ],
    },
    {
      name: 'visit',
      pluralName: 'visits',
      fields: [
        { name: 'pet', type: 'relation', target: 'pet' },
        { name: 'at', type: 'datetime', indexed: true },
        { name: 'fee', type: 'currency', currency: 'KZT' },
        { name: 'stage', type: 'select', options: ['booked', 'arrived', 'done', 'noShow'], default: 'booked' },
        { name: 'number', type: 'autonumber', prefix: 'V-', padding: 5 },
        { name: 'treatments', type: 'relation', target: 'treatment', many: true },
      ],
    },
    {
      name: 'treatment',
      pluralName: 'treatments',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'price', type: 'currency' },
      ],
    },
  ],
  pipelines: [
    {
      object: 'visit',
      field: 'stage',
      label: 'Visit flow',
      stages: [
        { name: 'booked', probability: 10 },
        { name: 'arrived', probability: 50 },
        { name: 'done', probability: 100, won: true },
        { name: 'noShow', probability: 0, lost: true },
      ],
    },
  ],
  workflows: [],
  roles: [],
};

let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

async function freshWorkspace(): Promise<string> {
  const workspace = uniqueName('m');
  await ensureWorkspace(db, workspace);
  return workspace;
}

async function columnsOf(schema: string, table: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
    [schema, table],
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]));
}

async function indexesOf(schema: string, table: string): Promise<string[]> {
  const { rows } = await db.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2`,
    [schema, table],
  );
  return rows.map((r) => r.indexdef);
}

const systemCtx = async (workspace: string): Promise<RecordContext> => ({
  db,
  model: await loadModel(db, workspace),
  types,
  actor: { kind: 'system' },
});

test('a manifest applies into real tables, applies again with no change, and exports back identically', async () => {
  const workspace = await freshWorkspace();
  const first = await applyManifest(db, clinic, { workspace, types });
  expect(first.revision).toBe(1);
  expect(first.lines).toContain('+ field pet.species (select)');
  const schema = first.model.schema;
  expect(await columnsOf(schema, 'pet')).toEqual({
    id: 'uuid',
    createdAt: 'timestamp with time zone',
    updatedAt: 'timestamp with time zone',
    createdBy: 'uuid',
    owner: 'uuid',
    deletedAt: 'timestamp with time zone',
    name: 'text',
    species: 'text',
    born: 'date',
    weightKg: 'numeric',
    carer: 'uuid',
    vaccines: 'ARRAY',
    notes: 'text',
    vet: 'uuid',
  });
  expect(await columnsOf(schema, 'visit')).toMatchObject({ fee: 'numeric', fee_currency: 'text', number: 'bigint' });
  const pet = first.model.objects.find((o) => o.name === 'pet')!;
  const key = (name: string) => pet.fields.find((f) => f.name === name)!.key;
  const indexes = await indexesOf(schema, 'pet');
  expect(indexes).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`idx_${key('species')} ON ${schema}.pet USING btree (species)`),
      expect.stringContaining(`idx_${key('carer')} ON ${schema}.pet USING btree (carer)`),
      expect.stringMatching(
        new RegExp(
          `fts_${key('name')} ON ${schema}.pet USING gin \\(to_tsvector\\('simple'::regconfig, COALESCE\\(name, ''::text\\)\\)\\)`,
        ),
      ),
      expect.stringContaining(`fts_${key('notes')}`),
    ]),
  );
  const { rows: fks } = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c WHERE c.conname = $1`,
    [`fk_${key('carer')}`],
  );
  expect(fks[0]!.def).toBe(`FOREIGN KEY (carer) REFERENCES ${schema}.owner2(id) ON DELETE CASCADE NOT VALID`);
  const uniques = await indexesOf(schema, 'owner2');
  expect(
    uniques.some((d) => d.startsWith('CREATE UNIQUE INDEX') && d.includes('(email) WHERE ("deletedAt" IS NULL)')),
  ).toBe(true);
  const junction = first.model.objects
    .find((o) => o.name === 'visit')!
    .fields.find((f) => f.name === 'treatments')!.junctionTable!;
  expect(await columnsOf(schema, junction)).toEqual({ source: 'uuid', target: 'uuid' });

  const second = await applyManifest(db, clinic, { workspace, types });
  expect(second.lines).toEqual([]);
  expect(second.revision).toBeNull();
  expect(exportManifest(await loadModel(db, workspace), types)).toEqual(clinic);
  expect(await listRevisions(db, workspace)).toHaveLength(1);
});

test('a dry run plans without changing anything', async () => {
  const workspace = await freshWorkspace();
  const result = await applyManifest(db, clinic, { workspace, types, dryRun: true });
  expect(result.lines.length).toBeGreaterThan(10);
  expect(result.revision).toBeNull();
  expect((await loadModel(db, workspace)).objects).toEqual([]);
  expect(await columnsOf(`ws_${workspace}`, 'pet')).toEqual({});
});

test('a failure halfway leaves metadata and tables exactly as they were', async () => {
  const workspace = await freshWorkspace();
  await applyManifest(db, clinic, { workspace, types });
  const ctx = await systemCtx(workspace);
  await createMany(ctx, 'treatment', [{ title: 'Checkup' }, { title: 'Checkup' }]);
  const before = await loadModel(db, workspace);
  const columnsBefore = await columnsOf(before.schema, 'treatment');
  // Adds a column (succeeds), then makes `title` unique while two rows share a title (fails).
  const changed = structuredClone(clinic);
  changed.objects[3]!.fields = [
    { name: 'title', type: 'text', required: true, unique: true } as never,
    changed.objects[3]!.fields[1]!,
    { name: 'code', type: 'text' } as never,
  ];
  const error = await applyManifest(db, changed, { workspace, types }).catch((e: StratumError) => e);
  expect(error).toBeInstanceOf(StratumError);
  expect((error as StratumError).code).toBe('CONFLICT');
  expect(await loadModel(db, workspace)).toEqual(before);
  expect(await columnsOf(before.schema, 'treatment')).toEqual(columnsBefore);
  expect(await listRevisions(db, workspace)).toHaveLength(1);
});

test('renames keep data; removals need confirmation, go to the trash and come back on revert', async () => {
  const workspace = await freshWorkspace();
  await applyManifest(db, clinic, { workspace, types });
  const ctx = await systemCtx(workspace);
  const carer = await createRecord(ctx, 'owner2', { fullName: 'Aigerim', email: 'a@example.kz' });
  await createRecord(ctx, 'pet', { name: 'Barsik', species: 'cat', carer: carer.id, notes: 'Shy' });

  const renamed = structuredClone(clinic) as typeof clinic;
  const pet = renamed.objects[1]!;
  pet.fields = pet.fields
    .map((f) => (f.name === 'notes' ? { ...f, name: 'history', renamedFrom: 'notes' } : f))
    .filter((f) => f.name !== 'weightKg');
  await expect(applyManifest(db, renamed, { workspace, types })).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    message: expect.stringContaining('- field pet.weightKg'),
  });
  const applied = await applyManifest(db, renamed, { workspace, types, allowDestructive: true });
  expect(applied.lines).toEqual(
    expect.arrayContaining(['~ field pet.notes → history', expect.stringMatching(/^- field pet.weightKg/)]),
  );
  const afterRename = await findMany(await systemCtx(workspace), 'pet', {});
  expect(afterRename.records[0]).toMatchObject({ name: 'Barsik', history: 'Shy' });
  expect(afterRename.records[0]).not.toHaveProperty('weightKg');
  const trashed = await columnsOf(applied.model.schema, 'pet');
  expect(Object.keys(trashed).some((c) => c.startsWith('_trash_'))).toBe(true);

  // Reverting revision 2 brings the removed field back with its column, and undoes the rename.
  await createRecord(await systemCtx(workspace), 'pet', { name: 'Rex', species: 'dog', history: 'Loud' });
  const ctxBefore = await systemCtx(workspace);
  await db.query(
    `UPDATE "${ctxBefore.model.schema}".pet SET "${Object.keys(trashed).find((c) => c.startsWith('_trash_'))}" = 4.5 WHERE name = 'Barsik'`,
  );
  const reverted = await revertRevision(db, 2, { workspace, types });
  expect(reverted.revision).toBe(3);
  const pets = await findMany(await systemCtx(workspace), 'pet', { orderBy: [{ field: 'name' }] });
  expect(pets.records.map((r) => [r.name, r.notes, r.weightKg])).toEqual([
    ['Barsik', 'Shy', 4.5],
    ['Rex', 'Loud', null],
  ]);
  expect(exportManifest(await loadModel(db, workspace), types)).toEqual(clinic);
  expect((await listRevisions(db, workspace)).map((r) => r.summary)[0]).toBe('Revert revision 2');
});

test('removed objects keep their records until purged', async () => {
  const workspace = await freshWorkspace();
  await applyManifest(db, clinic, { workspace, types });
  await createRecord(await systemCtx(workspace), 'treatment', { title: 'Dental' });
  const withoutTreatments = structuredClone(clinic);
  withoutTreatments.objects = withoutTreatments.objects.filter((o) => o.name !== 'treatment');
  withoutTreatments.objects[2]!.fields = withoutTreatments.objects[2]!.fields.filter((f) => f.name !== 'treatments');
  await applyManifest(db, withoutTreatments, { workspace, types, allowDestructive: true });
  expect((await loadModel(db, workspace)).objects.map((o) => o.name)).toEqual(['owner2', 'pet', 'visit']);
  // Applying the full manifest again restores the table with its record.
  const back = await applyManifest(db, clinic, { workspace, types });
  expect(back.lines).toEqual(
    expect.arrayContaining([expect.stringContaining('+ object treatment (restored from the trash')]),
  );
  expect((await findMany(await systemCtx(workspace), 'treatment', {})).records.map((r) => r.title)).toEqual(['Dental']);
  await applyManifest(db, withoutTreatments, { workspace, types, allowDestructive: true });
  expect(await purgeTrash(db, workspace)).toBeGreaterThanOrEqual(2);
  const { rows } = await db.query(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename LIKE '_trash_%'`, [
    `ws_${workspace}`,
  ]);
  expect(rows).toHaveLength(0);
});

test('narrowing a type casts what fits and keeps every old value in the trash', async () => {
  const workspace = await freshWorkspace();
  const manifest = { objects: [{ name: 'item', pluralName: 'items', fields: [{ name: 'size', type: 'text' }] }] };
  await applyManifest(db, manifest, { workspace, types });
  await createMany(await systemCtx(workspace), 'item', [{ size: '42' }, { size: ' 7.5 ' }, { size: 'large' }]);
  const narrowed = { objects: [{ name: 'item', pluralName: 'items', fields: [{ name: 'size', type: 'number' }] }] };
  await expect(applyManifest(db, narrowed, { workspace, types })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  await applyManifest(db, narrowed, { workspace, types, allowDestructive: true });
  const items = await findMany(await systemCtx(workspace), 'item', { orderBy: [{ field: 'size' }] });
  expect(items.records.map((r) => r.size)).toEqual([7.5, 42, null]);
  const { rows } = await db.query<{ v: string }>(
    `SELECT "${Object.keys(await columnsOf(`ws_${workspace}`, 'item')).find((c) => c.startsWith('_trash_'))}" AS v FROM "ws_${workspace}".item ORDER BY 1`,
  );
  expect(rows.map((r) => r.v)).toEqual([' 7.5 ', '42', 'large']);
  await expect(
    applyManifest(
      db,
      {
        objects: [{ name: 'item', pluralName: 'items', fields: [{ name: 'size', type: 'relation', target: 'item' }] }],
      },
      { workspace, types, allowDestructive: true },
    ),
  ).rejects.toMatchObject({
    code: 'BAD_USER_INPUT',
    problems: [expect.objectContaining({ path: 'objects[0].fields[0].type' })],
  });
});

test('text becomes rich text escaped: markup typed as text stays text on screen', async () => {
  const workspace = await freshWorkspace();
  const fields = (type: string) => [
    { name: 'title', type: 'text' },
    { name: 'notes', type },
  ];
  const manifest = (type: string) => ({ objects: [{ name: 'item', pluralName: 'items', fields: fields(type) }] });
  await applyManifest(db, manifest('longText'), { workspace, types });
  await createMany(await systemCtx(workspace), 'item', [
    { title: 'a', notes: '<script>alert(1)</script> & <b>bold</b>\nnext line' },
    { title: 'b', notes: '' },
    { title: 'c' },
  ]);
  await applyManifest(db, manifest('richText'), { workspace, types });
  const items = await findMany(await systemCtx(workspace), 'item', { orderBy: [{ field: 'title' }] });
  expect(items.records.map((r) => r.notes)).toEqual([
    '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>next line</p>',
    '',
    null,
  ]);
});

test("PostgreSQL's 1,600-column limit is reported before any DDL runs", async () => {
  const workspace = await freshWorkspace();
  const fields = Array.from({ length: 800 }, (_, i) => ({ name: `amount${i}`, type: 'currency' }));
  const error = await applyManifest(
    db,
    { objects: [{ name: 'wide', pluralName: 'wides', fields }] },
    { workspace, types },
  ).catch((e: StratumError) => e);
  expect(error).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('1606 columns') });
  expect((await loadModel(db, workspace)).objects).toEqual([]);
});
