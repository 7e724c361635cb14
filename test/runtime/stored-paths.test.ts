import { buildAccess } from '../../runtime/src/access/access';
import type { Db } from '../../runtime/src/db/db';
import { storedRollupPlan } from '../../runtime/src/formulas/stored-rollups';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import type { RecordContext } from '../../runtime/src/records/context';
import { findMany, findOne } from '../../runtime/src/records/find';
import { deleteRecord, destroyRecord, restoreRecord } from '../../runtime/src/records/lifecycle';
import { createMany, createRecord, updateRecord } from '../../runtime/src/records/write';
import { columnsStartingWith, types, workspaceWith } from '../support/workspace';

/**
 * Stored paths (runtime/src/formulas/stored-paths.ts): a formula's one-hop path to a value of the related
 * record (`company.name`) lives in a column of the row, kept by a row trigger on the row's table and the
 * statement trigger of the related table. Each test checks the values read against what it expects, and
 * every stored path column against the lookup done afresh, after every kind of write.
 */
const manifest = {
  objects: [
    {
      name: 'company',
      pluralName: 'companies',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'country', type: 'text' },
        { name: 'region', type: 'select', options: ['east', 'west'] },
        { name: 'display', type: 'formula', expression: "name + ' (' + country + ')'" },
      ],
    },
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'company', type: 'relation', target: 'company' },
        { name: 'label', type: 'formula', expression: "title + ' · ' + company.name" },
        // The same path again, and a path to a formula of the company: one more column, not two.
        { name: 'shout', type: 'formula', expression: 'UPPER(company.name)' },
        { name: 'where', type: 'formula', expression: 'company.display' },
        // Two hops and paths to users are looked up on every read.
        { name: 'ownerEmail', type: 'formula', expression: 'owner.email' },
      ],
    },
  ],
  roles: [
    {
      name: 'eastOnly',
      rules: [
        { action: 'read', subject: 'deal' },
        { action: 'read', subject: 'company', conditions: { region: 'east' } },
      ],
    },
  ],
};

type Values = Record<string, unknown>;

describe('stored paths', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let workspace: string;
  let userId: string;
  let ctx: () => Promise<RecordContext>;
  let schema: string;

  beforeAll(async () => {
    ({ db, workspace, schema, ctx, userId, dispose } = await workspaceWith(manifest));
  });
  afterAll(() => dispose());

  const pathColumns = (table: string) => columnsStartingWith(db, schema, table, '_path_');

  /** Deals whose stored path columns differ from the lookup done now. */
  async function staleDeals(): Promise<string[]> {
    const plan = storedRollupPlan(await loadModel(db, workspace), types);
    const stale = plan.columns
      .filter((c) => c.column.startsWith('_path_'))
      .map((c) => `"t0"."${c.column}" IS DISTINCT FROM ${c.recompute}`);
    expect(stale.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ title: string }>(
      `SELECT title FROM "${schema}".deal AS "t0" WHERE ${stale.join(' OR ')}`,
    );
    return rows.map((r) => r.title);
  }

  async function labels(ids: readonly string[], fields = ['label']): Promise<Values[]> {
    const system = { ...(await ctx()), actor: { kind: 'system' as const } };
    const read = await Promise.all(ids.map((id) => findOne(system, 'deal', id)));
    return read.map((r) => Object.fromEntries(fields.map((f) => [f, r![f]])));
  }

  async function expectLabels(ids: readonly string[], expected: readonly string[]) {
    expect((await labels(ids)).map((v) => v.label)).toEqual(expected);
    expect(await staleDeals()).toEqual([]);
  }

  test('one column per distinct one-hop path; two hops and users have none', async () => {
    // company.name (label and shout share it) and company.display.
    expect(await pathColumns('deal')).toHaveLength(2);
    expect(await pathColumns('company')).toEqual([]);
  });

  test('creates, moves, renames, trash, restore and destroy keep the values current', async () => {
    const c = await ctx();
    const [acme, beta] = await createMany(c, 'company', [
      { name: 'Acme', country: 'GE' },
      { name: 'Beta', country: 'KZ' },
    ]);
    const [one, two, none] = await createMany(c, 'deal', [
      { title: 'One', company: acme!.id },
      { title: 'Two', company: acme!.id },
      { title: 'None' },
    ]);
    const ids = [one!.id, two!.id, none!.id];
    await expectLabels(ids, ['One · Acme', 'Two · Acme', 'None · ']);
    expect(await labels([one!.id], ['shout', 'where'])).toEqual([{ shout: 'ACME', where: 'Acme (GE)' }]);

    await updateRecord(c, 'company', acme!.id, { name: 'Acme Corp' });
    await expectLabels(ids, ['One · Acme Corp', 'Two · Acme Corp', 'None · ']);
    await updateRecord(c, 'company', acme!.id, { country: 'AM' });
    expect(await labels([one!.id], ['where'])).toEqual([{ where: 'Acme Corp (AM)' }]);

    await updateRecord(c, 'deal', two!.id, { company: beta!.id });
    await updateRecord(c, 'deal', none!.id, { company: acme!.id, title: 'Now Acme' });
    await expectLabels(ids, ['One · Acme Corp', 'Two · Beta', 'Now Acme · Acme Corp']);

    await deleteRecord(c, 'company', acme!.id);
    await expectLabels(ids, ['One · ', 'Two · Beta', 'Now Acme · ']);
    await restoreRecord(c, 'company', acme!.id);
    await expectLabels(ids, ['One · Acme Corp', 'Two · Beta', 'Now Acme · Acme Corp']);

    await destroyRecord(c, 'company', beta!.id);
    await expectLabels(ids, ['One · Acme Corp', 'Two · ', 'Now Acme · Acme Corp']);
  });

  test('SQL typed by hand and bulk creates are covered too', async () => {
    const c = await ctx();
    const gamma = await createRecord(c, 'company', { name: 'Gamma' });
    const deals = await createMany(
      c,
      'deal',
      Array.from({ length: 50 }, (_, i) => ({ title: `G${i}`, company: gamma.id })),
    );
    await db.query(`UPDATE "${schema}".company SET name = 'Gamma Ltd' WHERE id = $1`, [gamma.id]);
    const values = await labels(deals.map((d) => d.id));
    expect(new Set(values.map((v) => String(v.label).split(' · ')[1]))).toEqual(new Set(['Gamma Ltd']));
    await db.query(`INSERT INTO "${schema}".deal (id, title, company) VALUES (gen_random_uuid(), 'By hand', $1)`, [
      gamma.id,
    ]);
    const byHand = await findMany({ ...c, actor: { kind: 'system' } }, 'deal', { filter: { title: 'By hand' } });
    expect(byHand.records.map((r) => r.label)).toEqual(['By hand · Gamma Ltd']);
    expect(await staleDeals()).toEqual([]);
  });

  test('filters and sorts on the formula read the stored value', async () => {
    const c = { ...(await ctx()), actor: { kind: 'system' as const } };
    const found = await findMany(c, 'deal', {
      filter: { label: { $startsWith: 'One' } },
      orderBy: [{ field: 'label', direction: 'ASC' }],
    });
    expect(found.records.map((r) => r.label)).toEqual(['One · Acme Corp']);
  });

  test('a reader who may not see the company gets the live lookup: nothing', async () => {
    const c = await ctx();
    const [east, west] = await createMany(c, 'company', [
      { name: 'Eastern', region: 'east' },
      { name: 'Western', region: 'west' },
    ]);
    const [e, w] = await createMany(c, 'deal', [
      { title: 'E', company: east!.id },
      { title: 'W', company: west!.id },
    ]);
    const model = await loadModel(db, workspace);
    const reader: RecordContext = {
      ...c,
      model,
      access: buildAccess(model, types, { id: userId, email: 'r@example.com', teamIds: [], subordinateIds: [] }, [
        'eastOnly',
      ]),
    };
    const seen = await Promise.all([e!.id, w!.id].map((id) => findOne(reader, 'deal', id)));
    expect(seen.map((d) => d!.label)).toEqual(['E · Eastern', 'W · ']);
    expect((await labels([w!.id]))[0]!.label).toBe('W · Western');
  });

  test('a deal added while its company is renamed gets the new name', async () => {
    const c = await ctx();
    const delta = await createRecord(c, 'company', { name: 'Delta' });
    let releaseRename!: () => void;
    const renameHolds = new Promise<void>((resolve) => (releaseRename = resolve));
    let renamed!: () => void;
    const didRename = new Promise<void>((resolve) => (renamed = resolve));
    const rename = db.transaction(async (tx) => {
      await tx.query(`UPDATE "${schema}".company SET name = 'Delta Two' WHERE id = $1`, [delta.id]);
      renamed();
      await renameHolds;
    });
    await didRename;
    // The insert waits for the rename's lock on the company, then reads its committed name.
    const insert = db.query(
      `INSERT INTO "${schema}".deal (id, title, company) VALUES (gen_random_uuid(), 'During', $1)`,
      [delta.id],
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseRename();
    await Promise.all([rename, insert]);
    const during = await findMany({ ...c, actor: { kind: 'system' } }, 'deal', { filter: { title: 'During' } });
    expect(during.records.map((r) => r.label)).toEqual(['During · Delta Two']);
    expect(await staleDeals()).toEqual([]);
  });

  test('changing a formula refills its column; removing it drops the column', async () => {
    const changed = structuredClone(manifest);
    const deal = changed.objects[1]!;
    deal.fields = deal.fields.filter((f) => f.name !== 'where' && f.name !== 'shout');
    deal.fields.find((f) => f.name === 'label')!.expression = "title + ' in ' + company.country";
    await applyManifest(db, changed, { workspace, types, allowDestructive: true });
    expect(await pathColumns('deal')).toHaveLength(1);
    const found = await findMany({ ...(await ctx()), actor: { kind: 'system' } }, 'deal', {
      filter: { title: 'One' },
    });
    expect(found.records.map((r) => r.label)).toEqual(['One in AM']);
    expect(await staleDeals()).toEqual([]);
  });
});
