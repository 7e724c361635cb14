import type { Db } from '../../runtime/src/db/db';
import { buildAccess } from '../../runtime/src/access/access';
import { evaluateCondition, parseCondition } from '../../runtime/src/conditions';
import { StratumError } from '../../runtime/src/errors';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { conditionTarget } from '../../runtime/src/model/condition-targets';
import { aggregate } from '../../runtime/src/records/aggregate';
import type { RecordContext, RecordData } from '../../runtime/src/records/context';
import { countRecords, findMany, findOne } from '../../runtime/src/records/find';
import { deleteRecord } from '../../runtime/src/records/lifecycle';
import { loadByIds, loadRelated } from '../../runtime/src/records/relations';
import { createMany, updateRecord } from '../../runtime/src/records/write';
import { types, workspaceWith } from '../support/workspace';

/**
 * Formula and rollup fields end to end on a real database: values computed in the same query as the
 * records, filters, sorting with keyset cursors, grouping, writes that name them, manifest errors at their
 * paths, metadata-only migrations, and reads under a role (field rules and row scopes).
 */
const companyFields = [
  { name: 'name', type: 'text', required: true },
  { name: 'country', type: 'text' },
  { name: 'deals', type: 'relation', target: 'deal', many: true, inverse: 'company' },
  {
    name: 'openDeals',
    type: 'rollup',
    relation: 'deals',
    function: 'count',
    filter: { stage: { $nin: ['won', 'lost'] } },
  },
  { name: 'wonRevenue', type: 'rollup', relation: 'deals', function: 'sum', field: 'amount', filter: { stage: 'won' } },
  { name: 'lastClose', type: 'rollup', relation: 'deals', function: 'max', field: 'closeDate' },
];
const dealFields = [
  { name: 'title', type: 'text', required: true },
  { name: 'amount', type: 'currency', currency: 'USD' },
  { name: 'probability', type: 'number' },
  { name: 'stage', type: 'select', options: ['new', 'proposal', 'won', 'lost'] },
  { name: 'closeDate', type: 'date' },
  { name: 'company', type: 'relation', target: 'company' },
  { name: 'weighted', type: 'formula', expression: 'amount * probability / 100' },
  { name: 'label', type: 'formula', expression: "title + ' (' + COALESCE(company.country, '?') + ')'" },
  { name: 'renewal', type: 'formula', expression: "DATE_ADD(closeDate, 1, 'year')" },
  { name: 'closeYear', type: 'formula', expression: 'YEAR(closeDate)' },
  {
    name: 'bucket',
    type: 'formula',
    expression: "IF(stage == 'won', 'closed', probability >= 50 ? 'likely' : 'open')",
  },
  { name: 'daysLeft', type: 'formula', expression: 'DAYS_BETWEEN(TODAY(), closeDate)' },
  { name: 'perUnit', type: 'formula', expression: 'probability / 0' },
  { name: 'pipelineWeight', type: 'formula', expression: 'amount * stage.probability / 100' },
];
const manifest = {
  objects: [
    { name: 'company', pluralName: 'companies', fields: companyFields },
    { name: 'deal', pluralName: 'deals', fields: dealFields },
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
  roles: [
    // Sales reps read their own deals and every company, but not deal probabilities.
    {
      name: 'rep',
      rules: [
        { action: 'read', subject: 'deal', conditions: { owner: '$user.id' } },
        { action: 'read', subject: 'deal', fields: ['probability'], inverted: true },
        { action: 'read', subject: 'company' },
      ],
    },
  ],
};

let db: Db;
let workspace: string;
let ctx: RecordContext;
let userId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const ws = await workspaceWith(manifest);
  ({ db, workspace, userId } = ws);
  ctx = await ws.ctx();
  const [acme, beta, lonely] = await createMany(ctx, 'company', [
    { name: 'Acme', country: 'GE' },
    { name: 'Beta', country: 'KZ' },
    { name: 'Lonely' },
  ]);
  ids.acme = acme!.id;
  ids.beta = beta!.id;
  ids.lonely = lonely!.id;
  const deals = await createMany(ctx, 'deal', [
    {
      title: 'A1',
      amount: { amount: 1000, currency: 'USD' },
      probability: 50,
      stage: 'proposal',
      closeDate: '2026-03-15',
      company: acme!.id,
    },
    {
      title: 'A2',
      amount: { amount: 200, currency: 'USD' },
      probability: 10,
      stage: 'new',
      closeDate: '2026-07-01',
      company: acme!.id,
    },
    {
      title: 'A3',
      amount: { amount: 300, currency: 'USD' },
      probability: 100,
      stage: 'won',
      closeDate: '2025-12-31',
      company: acme!.id,
    },
    {
      title: 'A4',
      amount: { amount: 700, currency: 'USD' },
      probability: 100,
      stage: 'won',
      closeDate: '2026-01-10',
      company: acme!.id,
    },
    { title: 'B1', amount: { amount: 5000, currency: 'KZT' }, probability: 80, stage: 'won', company: beta!.id },
    { title: 'B2', amount: { amount: 10, currency: 'EUR' }, probability: 90, stage: 'won', company: beta!.id },
    { title: 'N1', probability: 30, stage: 'lost' },
  ]);
  for (const deal of deals) ids[deal.title as string] = deal.id;
});
afterAll(() => db.close());

const byTitle = async (filter: unknown = undefined, options = {}) =>
  Object.fromEntries(
    (await findMany(ctx, 'deal', { filter, first: 100, ...options })).records.map((r) => [r.title as string, r]),
  );

describe('values', () => {
  test('formulas: arithmetic, money, text through a path, dates, conditionals, pipeline probabilities', async () => {
    const deals = await byTitle();
    expect(deals.A1).toMatchObject({
      weighted: { amount: 500, currency: 'USD' },
      label: 'A1 (GE)',
      renewal: '2027-03-15',
      closeYear: 2026,
      bucket: 'likely',
      perUnit: null,
      pipelineWeight: { amount: 500, currency: 'USD' },
    });
    expect(deals.A3).toMatchObject({ bucket: 'closed', weighted: { amount: 300, currency: 'USD' } });
    expect(deals.A2).toMatchObject({ bucket: 'open', pipelineWeight: { amount: 20, currency: 'USD' } });
    // No company: the path reads as empty; no amount: no money.
    expect(deals.N1).toMatchObject({ label: 'N1 (?)', weighted: null, renewal: null, closeYear: null });
    expect(deals.B1!.weighted).toEqual({ amount: 4000, currency: 'KZT' });
  });

  test('TODAY() is the database day (UTC)', async () => {
    const { rows } = await db.query<{ days: number }>(`SELECT ('2026-03-15'::date - current_date)::int AS days`);
    expect((await findOne(ctx, 'deal', ids.A1!))!.daysLeft).toBe(rows[0]!.days);
  });

  test('rollups: count with a filter, sum of money in one currency, max of a date', async () => {
    const companies = Object.fromEntries(
      (await findMany(ctx, 'company', {})).records.map((r) => [r.name as string, r]),
    );
    expect(companies.Acme).toMatchObject({
      openDeals: 2,
      wonRevenue: { amount: 1000, currency: 'USD' },
      lastClose: '2026-07-01',
    });
    // Won deals in KZT and EUR: amounts in different currencies are never added up.
    expect(companies.Beta).toMatchObject({ openDeals: 0, wonRevenue: null });
    expect(companies.Lonely).toMatchObject({
      openDeals: 0,
      wonRevenue: { amount: 0, currency: 'USD' },
      lastClose: null,
    });
  });

  test('every read computes them: findOne, loadByIds, loadRelated and the records writes return', async () => {
    expect((await findOne(ctx, 'company', ids.acme!))!.openDeals).toBe(2);
    expect((await loadByIds(ctx, 'deal', [ids.A1!])).get(ids.A1!)!.label).toBe('A1 (GE)');
    const related = await loadRelated(ctx, 'company', 'deals', [ids.acme!], {
      orderBy: [{ field: 'weighted', direction: 'DESC' }],
    });
    expect(related.get(ids.acme!)!.records.map((r) => r.title)).toEqual(['A4', 'A1', 'A3', 'A2']);
    const [created] = await createMany(ctx, 'deal', [
      { title: 'Tmp', amount: { amount: 80, currency: 'USD' }, probability: 25, stage: 'new', company: ids.beta },
    ]);
    expect(created).toMatchObject({ weighted: { amount: 20, currency: 'USD' }, label: 'Tmp (KZ)' });
    expect(await updateRecord(ctx, 'deal', created!.id, { probability: 50 })).toMatchObject({
      weighted: { amount: 40, currency: 'USD' },
    });
    expect((await findOne(ctx, 'company', ids.beta!))!.openDeals).toBe(1);
    // A deleted child no longer counts.
    await deleteRecord(ctx, 'deal', created!.id);
    expect((await findOne(ctx, 'company', ids.beta!))!.openDeals).toBe(0);
  });

  test('loaded formula values compare in memory as in SQL', async () => {
    const target = conditionTarget(ctx.model, types, 'deal');
    const condition = { weighted: { $gte: 400 }, label: { $contains: '(ge)' }, renewal: { $lt: '2027-06-01' } };
    const node = parseCondition(condition, target, { syntax: 'mongo' });
    const inMemory = (await findMany(ctx, 'deal', { first: 100 })).records
      .filter((r) => evaluateCondition(node, r))
      .map((r) => r.title);
    const inSql = (await findMany(ctx, 'deal', { filter: condition, first: 100 })).records.map((r) => r.title);
    expect(inMemory.sort()).toEqual(['A1', 'A4']);
    expect(inSql.sort()).toEqual(inMemory);
  });
});

describe('filters, sorting and grouping', () => {
  test('filters on formulas and rollups, in both condition spellings', async () => {
    expect(Object.keys(await byTitle({ weighted: { $gte: 500 } })).sort()).toEqual(['A1', 'A4', 'B1']);
    expect(Object.keys(await byTitle({ bucket: 'closed', label: { $startsWith: 'b' } })).sort()).toEqual(['B1', 'B2']);
    expect(Object.keys(await byTitle({ perUnit: null, renewal: { $gte: '2027-01-01' } })).sort()).toEqual([
      'A1',
      'A2',
      'A4',
    ]);
    const busy = await findMany(ctx, 'company', { filter: { openDeals: { gt: 0 } }, filterSyntax: 'api' });
    expect(busy.records.map((r) => r.name)).toEqual(['Acme']);
    // Through a relation: companies with a deal weighing at least 4000.
    const heavy = await findMany(ctx, 'company', { filter: { deals: { weighted: { $gte: 4000 } } } });
    expect(heavy.records.map((r) => r.name)).toEqual(['Beta']);
    expect(await countRecords(ctx, 'deal', { filter: { closeYear: 2026 } })).toBe(3);
  });

  test('a filter value of the wrong type is refused at its path', async () => {
    await expect(findMany(ctx, 'deal', { filter: { weighted: { $gte: 'a lot' } } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'filter.weighted.$gte', message: 'must be a finite number' }],
    });
  });

  test('sorting by a formula pages with keyset cursors, NULLs last ascending', async () => {
    const all = (await findMany(ctx, 'deal', { orderBy: [{ field: 'weighted', direction: 'ASC' }], first: 100 }))
      .records;
    expect(all.map((r) => r.title)).toEqual(['B2', 'A2', 'A3', 'A1', 'A4', 'B1', 'N1']);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await findMany(ctx, 'deal', { orderBy: [{ field: 'weighted', direction: 'ASC' }], first: 2, after });
      seen.push(...page.records.map((r) => r.title as string));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all.map((r) => r.title));
    const desc: string[] = [];
    after = undefined;
    for (;;) {
      const page = await findMany(ctx, 'deal', { orderBy: [{ field: 'label', direction: 'DESC' }], first: 3, after });
      desc.push(...page.records.map((r) => r.title as string));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(desc).toEqual(['N1', 'B2', 'B1', 'A4', 'A3', 'A2', 'A1']);
  });

  test('sorting by a rollup', async () => {
    const page = await findMany(ctx, 'company', {
      orderBy: [
        { field: 'openDeals', direction: 'DESC' },
        { field: 'name', direction: 'ASC' },
      ],
      first: 2,
    });
    expect(page.records.map((r) => r.name)).toEqual(['Acme', 'Beta']);
    const next = await findMany(ctx, 'company', {
      orderBy: [
        { field: 'openDeals', direction: 'DESC' },
        { field: 'name', direction: 'ASC' },
      ],
      first: 2,
      after: page.pageInfo.endCursor!,
    });
    expect(next.records.map((r) => r.name)).toEqual(['Lonely']);
  });

  test('aggregates group by formulas and rollups and sum numeric formulas', async () => {
    const byBucket = await aggregate(ctx, 'deal', { groupBy: [{ field: 'bucket' }] });
    expect(Object.fromEntries(byBucket.map((g) => [g.key.bucket, g.count]))).toEqual({ closed: 4, likely: 1, open: 2 });
    const byCurrency = await aggregate(ctx, 'deal', { groupBy: [{ field: 'weighted' }], filter: { stage: 'won' } });
    expect(Object.fromEntries(byCurrency.map((g) => [g.key.weighted, g.sum.weighted]))).toEqual({
      USD: 1000,
      KZT: 4000,
      EUR: 9,
    });
    const byYear = await aggregate(ctx, 'deal', { groupBy: [{ field: 'renewal', granularity: 'year' }] });
    expect(Object.fromEntries(byYear.map((g) => [g.key.renewal, g.count]))).toEqual({
      '2026-01-01': 1,
      '2027-01-01': 3,
      null: 3,
    });
    const companies = await aggregate(ctx, 'company', { groupBy: [{ field: 'openDeals' }] });
    expect(Object.fromEntries(companies.map((g) => [String(g.key.openDeals), g.count]))).toEqual({ '0': 2, '2': 1 });
  });
});

describe('writes', () => {
  test('a write that names a formula or rollup is refused: it is computed', async () => {
    const error = (await createMany(ctx, 'deal', [{ title: 'X', weighted: 5 }]).catch(
      (e: unknown) => e,
    )) as StratumError;
    expect(error).toBeInstanceOf(StratumError);
    expect(error.problems).toEqual([{ path: 'data.weighted', message: 'is computed (a formula) and cannot be set' }]);
    await expect(updateRecord(ctx, 'company', ids.acme!, { openDeals: null })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'data.openDeals', message: 'is computed (a rollup) and cannot be set' }],
    });
  });
});

describe('the manifest', () => {
  const columns = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = $1`,
        [`ws_${workspace}`],
      )
    ).rows[0]!.n;
  const withDeal = (fields: unknown[]) => ({
    ...manifest,
    objects: [manifest.objects[0]!, { ...manifest.objects[1]!, fields }],
  });

  test('applying it again changes nothing, and its export applies with no change', async () => {
    expect((await applyManifest(db, manifest, { workspace, types })).lines).toEqual([]);
    const exported = exportManifest(await loadModel(db, workspace), types);
    const weighted = (exported.objects as { fields: Record<string, unknown>[] }[])[1]!.fields.find(
      (f) => f.name === 'weighted',
    );
    expect(weighted).toEqual({ name: 'weighted', type: 'formula', expression: 'amount * probability / 100' });
    expect((await applyManifest(db, exported, { workspace, types })).lines).toEqual([]);
  });

  test('adding, changing and removing formulas changes metadata only, never destructively', async () => {
    const before = await columns();
    const added = await applyManifest(
      db,
      withDeal([...dealFields, { name: 'double', type: 'formula', expression: 'probability * 2' }]),
      { workspace, types },
    );
    expect(added.lines).toEqual(['+ field deal.double (formula)']);
    const changed = await applyManifest(
      db,
      withDeal([...dealFields, { name: 'double', type: 'formula', expression: 'probability * 3' }]),
      { workspace, types },
    );
    expect(changed.lines).toEqual(['~ field deal.double']);
    ctx = { ...ctx, model: await loadModel(db, workspace) };
    expect((await findOne(ctx, 'deal', ids.A1!))!.double).toBe(150);
    const removed = await applyManifest(db, withDeal(dealFields), { workspace, types });
    expect(removed.lines).toEqual(['- field deal.double (formula; nothing stored)']);
    expect(await columns()).toBe(before);
    ctx = { ...ctx, model: await loadModel(db, workspace) };
  });

  test('bad formulas and rollups are refused with the path and the position of the token', async () => {
    const bad = withDeal([
      ...dealFields,
      { name: 'typo', type: 'formula', expression: 'amout * 2' },
      { name: 'loop', type: 'formula', expression: 'loop + 1' },
    ]);
    const error = (await applyManifest(db, bad, { workspace, types }).catch((e: unknown) => e)) as StratumError;
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems).toEqual([
      {
        path: 'objects[1].fields[14].expression',
        message: 'unknown field "amout" on deal at position 0 (did you mean "amount"?)',
      },
      { path: 'objects[1].fields[15].expression', message: 'formula cycle: loop → loop at position 0' },
    ]);
    const rollup = {
      ...manifest,
      objects: [
        {
          ...manifest.objects[0]!,
          fields: [...companyFields, { name: 'r', type: 'rollup', relation: 'deals', function: 'sum', field: 'title' }],
        },
        manifest.objects[1]!,
      ],
    };
    await expect(applyManifest(db, rollup, { workspace, types })).rejects.toMatchObject({
      problems: [
        {
          path: 'objects[0].fields[6].field',
          message: '"title" is a text field; sum needs a number or currency field',
        },
      ],
    });
    // Removing a field a formula reads is refused at the formula.
    await expect(
      applyManifest(db, withDeal(dealFields.filter((f) => f.name !== 'probability')), {
        workspace,
        types,
        allowDestructive: true,
      }),
    ).rejects.toMatchObject({
      problems: expect.arrayContaining([expect.objectContaining({ path: 'objects[1].fields[5].expression' })]),
    });
    // Keys formulas do not have are refused by the manifest's own checks.
    await expect(
      applyManifest(
        db,
        withDeal([...dealFields, { name: 'x', type: 'formula', expression: '1', indexed: true, required: true }]),
        {
          workspace,
          types,
        },
      ),
    ).rejects.toMatchObject({
      problems: [{ path: 'objects[1].fields[14].indexed', message: 'a field without a column cannot be indexed' }],
    });
  });
});

describe('reading under a role', () => {
  let rep: RecordContext;
  beforeAll(async () => {
    const model = await loadModel(db, workspace);
    rep = {
      ...ctx,
      model,
      actor: { kind: 'user', id: userId },
      access: buildAccess(model, types, { id: userId, email: 'rep@example.com', teamIds: [], subordinateIds: [] }, [
        'rep',
      ]),
    };
    // The rep owns A1 and A3 only.
    await db.query(`UPDATE "ws_${workspace}".deal SET owner = NULL WHERE title NOT IN ('A1', 'A3')`);
  });

  test('a formula that reads a field the reader may not read is not readable either', async () => {
    const deals: RecordData[] = (await findMany(rep, 'deal', { first: 100 })).records as RecordData[];
    expect(deals.map((d) => d.title).sort()).toEqual(['A1', 'A3']);
    const a1 = deals.find((d) => d.title === 'A1')!;
    expect(a1.label).toBe('A1 (GE)');
    for (const hidden of ['probability', 'weighted', 'bucket', 'perUnit']) expect(hidden in a1).toBe(false);
    expect(a1.pipelineWeight).toEqual({ amount: 500, currency: 'USD' });
    await expect(findMany(rep, 'deal', { filter: { weighted: { $gt: 0 } } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(findMany(rep, 'deal', { orderBy: [{ field: 'bucket' }] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(aggregate(rep, 'deal', { groupBy: [{ field: 'bucket' }] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  test('rollups and filters through them only see the related records the reader may read', async () => {
    const acme = (await findOne(rep, 'company', ids.acme!))!;
    // Of Acme's open deals (A1, A2) the rep sees A1; of the won ones (A3, A4) A3.
    expect(acme).toMatchObject({ openDeals: 1, wonRevenue: { amount: 300, currency: 'USD' } });
    expect((await findMany(rep, 'company', { filter: { openDeals: 1 } })).records.map((c) => c.name)).toEqual(['Acme']);
    expect((await findOne(ctx, 'company', ids.acme!))!.openDeals).toBe(2);
  });
});
