import type { Db } from '../../runtime/src/db/db';
import { storedRollupPlan, syncStoredRollups } from '../../runtime/src/formulas/stored-rollups';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import type { RecordContext } from '../../runtime/src/records/context';
import { findMany, findOne } from '../../runtime/src/records/find';
import { deleteRecord, destroyRecord, restoreRecord } from '../../runtime/src/records/lifecycle';
import { createMany, createRecord, updateRecord } from '../../runtime/src/records/write';
import { columnsStartingWith, types, workspaceWith } from '../support/workspace';

/**
 * Stored rollups (runtime/src/formulas/stored-rollups.ts): rollups that read only the related rows' own
 * columns live in a column of the parent, kept by triggers on the related (and junction) tables. Each test
 * checks the values read against what the test expects, and every stored column against the aggregate computed
 * afresh from the related rows, after every kind of write: the record service, bulk creates, SQL by hand, moves between parents, soft and hard deletes,
 * many-to-many links, concurrent transactions, and metadata changes (add, change, remove, rename).
 */
const manifest = {
  objects: [
    {
      name: 'company',
      pluralName: 'companies',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
        { name: 'tags', type: 'relation', target: 'tag', many: true },
        {
          name: 'openDeals',
          type: 'rollup',
          relation: 'deals',
          function: 'count',
          filter: { stage: { $nin: ['won', 'lost'] } },
        },
        { name: 'won', type: 'rollup', relation: 'deals', function: 'sum', field: 'amount', filter: { stage: 'won' } },
        { name: 'lastClose', type: 'rollup', relation: 'deals', function: 'max', field: 'closeDate' },
        { name: 'tagCount', type: 'rollup', relation: 'tags', function: 'count' },
        // Not storable: the aggregated formula reads the clock.
        { name: 'soonest', type: 'rollup', relation: 'deals', function: 'min', field: 'daysLeft' },
      ],
    },
    { name: 'tag', pluralName: 'tags', fields: [{ name: 'label', type: 'text' }] },
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'currency', currency: 'USD' },
        { name: 'stage', type: 'select', options: ['new', 'won', 'lost'] },
        { name: 'closeDate', type: 'date' },
        { name: 'company', type: 'relation', target: 'company' },
        { name: 'daysLeft', type: 'formula', expression: 'DAYS_BETWEEN(TODAY(), closeDate)' },
      ],
    },
  ],
};

type Values = Record<string, unknown>;

describe('stored rollups', () => {
  let db: Db;
  let dispose: () => Promise<void>;
  let workspace: string;
  let ctx: () => Promise<RecordContext>;
  let schema: string;

  beforeAll(async () => {
    ({ db, workspace, schema, ctx, dispose } = await workspaceWith(manifest));
  });
  afterAll(() => dispose());

  /** The stored columns of a table. */
  const storedColumns = (table: string) => columnsStartingWith(db, schema, table, '_rollup_');

  /** A company's values as the record service reads them (from the stored columns). */
  async function read(companyId: string): Promise<Values> {
    return (await findOne({ ...(await ctx()), actor: { kind: 'system' } }, 'company', companyId)) as Values;
  }

  /** The company's stored columns whose value differs from the aggregate computed now from the related rows. */
  async function staleColumns(companyId: string): Promise<string[]> {
    const plan = storedRollupPlan(await loadModel(db, workspace), types);
    const checks = plan.columns
      .filter((c) => c.parent.name === 'company')
      .map((c) => `"t0"."${c.column}" IS DISTINCT FROM ${c.recompute} AS "${c.column}"`);
    const { rows } = await db.query<Record<string, boolean>>(
      `SELECT ${checks.join(', ')} FROM "${schema}".company AS "t0" WHERE "t0".id = $1`,
      [companyId],
    );
    return Object.entries(rows[0]!)
      .filter(([, stale]) => stale)
      .map(([column]) => column);
  }

  async function expectCurrent(companyId: string, expected: Values) {
    const record = await read(companyId);
    expect(Object.fromEntries(Object.keys(expected).map((f) => [f, record[f]]))).toEqual(expected);
    expect(await staleColumns(companyId)).toEqual([]);
  }

  async function company(name: string): Promise<string> {
    return (await createRecord(await ctx(), 'company', { name })).id as string;
  }

  async function deal(companyId: string, values: Values): Promise<string> {
    return (await createRecord(await ctx(), 'deal', { title: 'Deal', company: companyId, ...values })).id as string;
  }

  test('only the rollups that read nothing but the related rows get a column, filled when they are added', async () => {
    expect(await storedColumns('company')).toHaveLength(5); // openDeals, won + its currency, lastClose, tagCount
    const acme = await company('Acme');
    await deal(acme, { stage: 'new', amount: { amount: 100, currency: 'USD' } });
    // A rollup added later is filled from the rows that are already there.
    const model = await loadModel(db, workspace);
    const edited = exportManifest(model, types) as { objects: { name: string; fields: Values[] }[] };
    edited.objects
      .find((o) => o.name === 'company')!
      .fields.push({ name: 'dealCount', type: 'rollup', relation: 'deals', function: 'count' });
    await applyManifest(db, edited, { workspace, types });
    await expectCurrent(acme, { dealCount: 1, openDeals: 1 });
    expect(await storedColumns('company')).toHaveLength(6);
  });

  test('creates, updates, moves and deletes through the record service keep the values current', async () => {
    const [acme, globex] = [await company('Acme 2'), await company('Globex')];
    const a = await deal(acme, { stage: 'new', amount: { amount: 100, currency: 'USD' }, closeDate: '2026-03-01' });
    const b = await deal(acme, { stage: 'won', amount: { amount: 250, currency: 'USD' }, closeDate: '2026-05-01' });
    await expectCurrent(acme, { openDeals: 1, won: { amount: 250, currency: 'USD' }, lastClose: '2026-05-01' });

    await updateRecord(await ctx(), 'deal', a, { stage: 'won' });
    await expectCurrent(acme, { openDeals: 0, won: { amount: 350, currency: 'USD' } });

    await updateRecord(await ctx(), 'deal', b, { company: globex });
    await expectCurrent(acme, { won: { amount: 100, currency: 'USD' }, lastClose: '2026-03-01' });
    await expectCurrent(globex, { won: { amount: 250, currency: 'USD' }, lastClose: '2026-05-01' });

    await deleteRecord(await ctx(), 'deal', a);
    await expectCurrent(acme, { won: { amount: 0, currency: 'USD' }, lastClose: null });
    await restoreRecord(await ctx(), 'deal', a);
    await expectCurrent(acme, { won: { amount: 100, currency: 'USD' }, lastClose: '2026-03-01' });
    await destroyRecord(await ctx(), 'deal', a);
    await expectCurrent(acme, { openDeals: 0, won: { amount: 0, currency: 'USD' }, lastClose: null });
  });

  test('a sum of deals in two currencies is empty, as computed live', async () => {
    const acme = await company('Mixed');
    await deal(acme, { stage: 'won', amount: { amount: 10, currency: 'USD' } });
    await deal(acme, { stage: 'won', amount: { amount: 10, currency: 'EUR' } });
    await expectCurrent(acme, { won: null });
  });

  test('bulk creates and SQL typed by hand are covered too, in one statement for many parents', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => company(`Bulk ${i}`)));
    await createMany(
      await ctx(),
      'deal',
      ids.flatMap((id) => [
        { title: 'x', company: id, stage: 'new' },
        { title: 'y', company: id, stage: 'lost' },
      ]),
    );
    await db.query(
      `INSERT INTO "${schema}".deal (id, title, stage, company) SELECT gen_random_uuid(), 'sql', 'new', id FROM unnest($1::uuid[]) AS id`,
      [ids],
    );
    for (const id of ids) await expectCurrent(id, { openDeals: 2 });
    await db.query(`UPDATE "${schema}".deal SET stage = 'won' WHERE company = ANY($1::uuid[]) AND title = 'sql'`, [
      ids,
    ]);
    for (const id of ids) await expectCurrent(id, { openDeals: 1 });
  });

  test('many-to-many links: linking, unlinking and deleting the related record', async () => {
    const acme = await company('Tagged');
    const c = await ctx();
    const [hot, cold] = await createMany(c, 'tag', [{ label: 'hot' }, { label: 'cold' }]);
    await updateRecord(c, 'company', acme, { tags: [hot!.id, cold!.id] });
    await expectCurrent(acme, { tagCount: 2 });
    await updateRecord(c, 'company', acme, { tags: [hot!.id] });
    await expectCurrent(acme, { tagCount: 1 });
    await deleteRecord(c, 'tag', hot!.id as string);
    await expectCurrent(acme, { tagCount: 0 });
  });

  test('two transactions adding deals to one company at once both count', async () => {
    const acme = await company('Concurrent');
    const insert = (tx: Db) =>
      tx.query(`INSERT INTO "${schema}".deal (id, title, stage, company) VALUES (gen_random_uuid(), 'c', 'new', $1)`, [
        acme,
      ]);
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = db.transaction(async (tx) => {
      await insert(tx);
      firstInserted();
      await firstHolds;
    });
    await inserted;
    // The second waits for the first's lock on the company, then counts the first's deal too.
    const second = db.transaction(insert);
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    await expectCurrent(acme, { openDeals: 2 });
  });

  test('a rollup that reads the clock is computed on every read and has no column', async () => {
    const acme = await company('Clock');
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await deal(acme, { stage: 'new', closeDate: soon });
    expect([2, 3]).toContain((await read(acme)).soonest);
  });

  test('changing a rollup refills its column; removing it drops the column; renaming keeps it', async () => {
    const acme = await company('Edited');
    await deal(acme, { stage: 'new' });
    await deal(acme, { stage: 'lost' });
    const edit = async (change: (fields: Values[]) => Values[]) => {
      const current = exportManifest(await loadModel(db, workspace), types) as {
        objects: { name: string; fields: Values[] }[];
      };
      const companyDef = current.objects.find((o) => o.name === 'company')!;
      companyDef.fields = change(companyDef.fields);
      await applyManifest(db, current, { workspace, types, allowDestructive: true });
    };
    await edit((fields) =>
      fields.map((f) => (f.name === 'openDeals' ? { ...f, filter: { stage: { $in: ['new', 'lost'] } } } : f)),
    );
    await expectCurrent(acme, { openDeals: 2 });
    const before = await storedColumns('company');
    await edit((fields) =>
      fields.map((f) => (f.name === 'openDeals' ? { ...f, name: 'activeDeals', renamedFrom: 'openDeals' } : f)),
    );
    expect(await storedColumns('company')).toEqual(before);
    await expectCurrent(acme, { activeDeals: 2 });
    await edit((fields) => fields.filter((f) => f.name !== 'activeDeals'));
    expect(await storedColumns('company')).toHaveLength(before.length - 1);
    await deal(acme, { stage: 'new' });
    await expectCurrent(acme, { won: { amount: 0, currency: 'USD' } });
  });

  test('a change that renames and retypes an aggregated field in one go refills the rollup', async () => {
    const edit = async (change: (objects: { name: string; fields: Values[] }[]) => void) => {
      const current = exportManifest(await loadModel(db, workspace), types) as {
        objects: { name: string; fields: Values[] }[];
      };
      change(current.objects);
      await applyManifest(db, current, { workspace, types, allowDestructive: true });
    };
    const fields = (objects: { name: string; fields: Values[] }[], name: string) =>
      objects.find((o) => o.name === name)!.fields;
    await edit((objects) => {
      fields(objects, 'deal').push({ name: 'score', type: 'number' });
      fields(objects, 'company').push({
        name: 'totalScore',
        type: 'rollup',
        relation: 'deals',
        function: 'sum',
        field: 'score',
      });
    });
    const acme = await company('Retyped');
    await deal(acme, { score: 5 });
    await deal(acme, { score: 7 });
    await expectCurrent(acme, { totalScore: 12 });
    // The rename moves the column before the retype rewrites every deal: the triggers must not run in between.
    await edit((objects) => {
      const deal = fields(objects, 'deal');
      deal.splice(
        deal.findIndex((f) => f.name === 'score'),
        1,
        { name: 'points', renamedFrom: 'score', type: 'currency', currency: 'EUR' },
      );
      const total = fields(objects, 'company').find((f) => f.name === 'totalScore')!;
      total.field = 'points';
    });
    await expectCurrent(acme, { totalScore: { amount: 12, currency: 'EUR' } });
  });

  test('a company object removed and restored gets its rollups refilled from what changed while it was away', async () => {
    const acme = await company('Trashed');
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const [first, second] = [
      await deal(acme, { stage: 'new', amount: usd(100) }),
      await deal(acme, { stage: 'new', amount: usd(100) }),
    ];
    await expectCurrent(acme, { won: usd(0) });
    const full = exportManifest(await loadModel(db, workspace), types) as {
      objects: { name: string; fields: { name: string }[] }[];
    };
    const without = structuredClone(full);
    without.objects = without.objects.filter((o) => o.name !== 'company');
    const dealSpec = without.objects.find((o) => o.name === 'deal')!;
    dealSpec.fields = dealSpec.fields.filter((f) => f.name !== 'company');
    await applyManifest(db, without, { workspace, types, allowDestructive: true });
    // While the companies wait in the trash, their deals move on (and nothing keeps the stored sums).
    await db.query(`UPDATE "${schema}".deal SET stage = 'won' WHERE id = ANY($1::uuid[])`, [[first, second]]);
    await applyManifest(db, full, { workspace, types });
    await expectCurrent(acme, { won: usd(200) });
    await updateRecord(await ctx(), 'deal', first, { stage: 'new' });
    await expectCurrent(acme, { won: usd(100) });
  });

  test('an indexed stored rollup has an index its list sorts by; only a stored rollup can be indexed', async () => {
    const edit = async (change: (company: Values[]) => void) => {
      const current = exportManifest(await loadModel(db, workspace), types) as {
        objects: { name: string; fields: Values[] }[];
      };
      change(current.objects.find((o) => o.name === 'company')!.fields);
      await applyManifest(db, current, { workspace, types, allowDestructive: true });
    };
    const indexes = async () =>
      (
        await db.query<{ name: string; definition: string }>(
          `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
            WHERE schemaname = $1 AND tablename = 'company' AND indexname LIKE '\\_rollup\\_%'`,
          [schema],
        )
      ).rows;
    await deal(await company('Indexed'), { stage: 'new', closeDate: '2027-01-31' });
    const companyDef = () => loadModel(db, workspace).then((m) => m.objects.find((o) => o.name === 'company')!);
    const column = `_rollup_${(await companyDef()).fields.find((f) => f.name === 'lastClose')!.key}`;
    await edit((fields) => fields.forEach((f) => f.name === 'lastClose' && (f.indexed = true)));
    expect(await indexes()).toEqual([
      { name: `${column}_ix`, definition: expect.stringContaining(`btree (${column})`) },
    ]);
    // The list sorts by the column itself (no cast around it), which is what the index orders. (Whether the
    // planner uses the index right away depends on other sessions' snapshots: a new index on rows just
    // updated waits for them, so the test does not ask the plan.)
    let sent = '';
    const spy: Db = { ...db, query: (text, values, options) => ((sent ||= text), db.query(text, values, options)) };
    const sorted = await findMany({ ...(await ctx()), db: spy, actor: { kind: 'system' } }, 'company', {
      orderBy: [{ field: 'lastClose', direction: 'DESC' }],
      first: 500,
    });
    const dates = sorted.records.map((r) => r.lastClose as string | null);
    expect(dates).toEqual([...dates].sort((a, b) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? 1 : -1)));
    expect(dates).toContain('2027-01-31');
    expect(sent).toMatch(new RegExp(`\\("t0"\\."${column}"\\)::date AS "(_fx_\\w+)"[^]*ORDER BY "\\1" DESC`));
    expect((await companyDef()).fields.find((f) => f.name === 'lastClose')!.indexed).toBe(true);
    await edit((fields) => fields.forEach((f) => f.name === 'lastClose' && delete f.indexed));
    expect(await indexes()).toEqual([]);
    // A rollup computed on every read has no column to index.
    const refused = edit((fields) => fields.forEach((f) => f.name === 'soonest' && (f.indexed = true)));
    await expect(refused).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        {
          path: expect.stringMatching(/^objects\[\d+\]\.fields\[\d+\]\.indexed$/),
          message: expect.stringContaining('only a stored rollup can be indexed'),
        },
      ],
    });
  });

  test('a workspace whose stored rollups are missing or stale gets them back when it is opened', async () => {
    const acme = await company('Upgraded');
    await deal(acme, { stage: 'new' });
    const companyDef = (await loadModel(db, workspace)).objects.find((o) => o.name === 'company')!;
    const column = `_rollup_${companyDef.fields.find((f) => f.name === 'dealCount')!.key}`;
    // As an older version left it: no triggers, a column with a wrong value and no signature.
    await db.query(`DROP TRIGGER _rollup_insert ON "${schema}".deal`);
    await db.query(`UPDATE "${schema}".company SET "${column}" = 99`);
    await db.query(`COMMENT ON COLUMN "${schema}".company."${column}" IS NULL`);
    await syncStoredRollups(db, workspace, types);
    await deal(acme, { stage: 'new' });
    expect(await staleColumns(acme)).toEqual([]);
    const list = await findMany({ ...(await ctx()), actor: { kind: 'system' } }, 'company', {
      filter: { dealCount: { $gte: 2 } },
      first: 500,
    });
    expect(list.records.map((r) => r.id)).toContain(acme);
  });
});
