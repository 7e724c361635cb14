import type { Db } from '../../runtime/src/db/db';
import { findMany, findOne, countRecords } from '../../runtime/src/records/find';
import { createMany, createRecord, updateRecord, updateMany } from '../../runtime/src/records/write';
import { deleteRecord, restoreRecord, destroyRecord } from '../../runtime/src/records/lifecycle';
import { loadByIds, loadRelated } from '../../runtime/src/records/relations';
import { recordHistory } from '../../runtime/src/records/history';
import type { RecordContext } from '../../runtime/src/records/context';
import { StratumError } from '../../runtime/src/errors';
import { workspaceWith } from '../support/workspace';

// A property-management domain: none of the examples covers it.
const manifest = {
  objects: [
    {
      name: 'agency',
      pluralName: 'agencies',
      label: { en: 'Agency', ka: 'სააგენტო' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'listings', type: 'relation', target: 'listing', many: true, inverse: 'agency' },
      ],
    },
    {
      name: 'listing',
      pluralName: 'listings',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'price', type: 'currency', currency: 'GEL', indexed: true },
        { name: 'rooms', type: 'number', precision: 0, min: 0, max: 50 },
        { name: 'status', type: 'select', options: ['available', 'reserved', 'sold'], default: 'available' },
        { name: 'features', type: 'multiSelect', options: ['balcony', 'parking', 'garden'] },
        { name: 'agency', type: 'relation', target: 'agency' },
        { name: 'amenities', type: 'relation', target: 'amenity', many: true },
        { name: 'contactEmail', type: 'email', unique: true },
        { name: 'contactPhone', type: 'phone', defaultCountry: 'GE' },
        { name: 'listedOn', type: 'date' },
        { name: 'viewingAt', type: 'datetime' },
        { name: 'address', type: 'address' },
        { name: 'ref', type: 'autonumber', prefix: 'L-' },
        { name: 'score', type: 'rating' },
      ],
    },
    { name: 'amenity', pluralName: 'amenities', fields: [{ name: 'name', type: 'text', required: true }] },
  ],
};

let db: Db;
let ctx: RecordContext;

beforeAll(async () => {
  const ws = await workspaceWith(manifest);
  db = ws.db;
  ctx = await ws.ctx();
});
afterAll(() => db.close());

function expectError(promise: Promise<unknown>, code: string, path?: string) {
  return promise.then(
    () => {
      throw new Error('expected an error');
    },
    (error: StratumError) => {
      expect(error).toBeInstanceOf(StratumError);
      expect(error.code).toBe(code);
      if (path) expect(error.problems.map((p) => p.path)).toContain(path);
      return error;
    },
  );
}

test('creates records with every kind of value and reads them back', async () => {
  const agency = await createRecord(ctx, 'agency', { name: 'Tbilisi Homes' });
  const [pool] = await createMany(ctx, 'amenity', [{ name: 'Pool' }]);
  const listing = await createRecord(ctx, 'listing', {
    title: 'Vake apartment',
    price: { amount: 250000.5, currency: 'GEL' },
    rooms: 3,
    features: ['balcony', 'parking'],
    agency: agency.id,
    amenities: [pool!.id],
    contactEmail: 'nino@example.ge',
    contactPhone: '599 12 34 56',
    listedOn: '2026-11-01',
    viewingAt: '2026-11-24T10:00:00+04:00',
    address: { city: 'Tbilisi', country: 'GE' },
    score: 4,
  });
  expect(listing).toMatchObject({
    title: 'Vake apartment',
    price: { amount: 250000.5, currency: 'GEL' },
    rooms: 3,
    status: 'available',
    features: ['balcony', 'parking'],
    agency: agency.id,
    contactPhone: '+995599123456',
    listedOn: '2026-11-01',
    viewingAt: '2026-11-24T06:00:00.000Z',
    address: { city: 'Tbilisi', country: 'GE' },
    score: 4,
    owner: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  });
  expect(typeof listing.ref).toBe('number');
  expect(await findOne(ctx, 'listing', listing.id)).toEqual(listing);
  const related = await loadRelated(ctx, 'listing', 'amenities', [listing.id], { totalCount: true });
  expect(related.get(listing.id)!.records.map((r) => r.name)).toEqual(['Pool']);
  const inverse = await loadRelated(ctx, 'agency', 'listings', [agency.id], { totalCount: true });
  expect(inverse.get(agency.id)!.totalCount).toBe(1);
  expect((await loadByIds(ctx, 'agency', [agency.id, agency.id])).get(agency.id)!.name).toBe('Tbilisi Homes');
});

test('refuses bad input with every problem at its path and writes nothing', async () => {
  const before = await countRecords(ctx, 'listing');
  const error = await expectError(
    createMany(ctx, 'listing', [
      { title: 'ok' },
      {
        title: '',
        price: { amount: 1.234, currency: 'GEL' },
        status: 'gone',
        rooms: 2.5,
        colour: 'red',
        contactEmail: 'nope',
        contactPhone: '12',
        agency: '00000000-0000-4000-8000-000000000000',
      },
    ]),
    'BAD_USER_INPUT',
  );
  expect(error.problems.map((p) => p.path).sort()).toEqual(
    [
      'data[1].colour',
      'data[1].contactEmail',
      'data[1].contactPhone',
      'data[1].price',
      'data[1].rooms',
      'data[1].status',
      'data[1].title',
    ].sort(),
  );
  expect(error.message).toContain('data[1].price: amount must have at most 2 decimal places for GEL');
  await expectError(
    createRecord(ctx, 'listing', { title: 'x', agency: '00000000-0000-4000-8000-000000000000' }),
    'BAD_USER_INPUT',
    'data.agency',
  );
  expect(await countRecords(ctx, 'listing')).toBe(before);
});

test('unique values conflict by field, and deleted records stop blocking them', async () => {
  const first = await createRecord(ctx, 'listing', { title: 'A', contactEmail: 'same@example.com' });
  const error = await expectError(
    createRecord(ctx, 'listing', { title: 'B', contactEmail: 'same@example.com' }),
    'CONFLICT',
    'data.contactEmail',
  );
  expect(error.message).toMatch(/contact email/);
  await deleteRecord(ctx, 'listing', first.id);
  expect(await findOne(ctx, 'listing', first.id)).toBeNull();
  const second = await createRecord(ctx, 'listing', { title: 'B', contactEmail: 'same@example.com' });
  await expectError(restoreRecord(ctx, 'listing', first.id), 'CONFLICT');
  await destroyRecord(ctx, 'listing', second.id);
  expect((await restoreRecord(ctx, 'listing', first.id)).title).toBe('A');
});

test('updates write field history and outbox events in the same transaction', async () => {
  const listing = await createRecord(ctx, 'listing', { title: 'Old title', rooms: 1 });
  const updated = await updateRecord(ctx, 'listing', listing.id, { title: 'New title', rooms: 2, status: 'reserved' });
  expect(updated).toMatchObject({ title: 'New title', rooms: 2, status: 'reserved' });
  const history = await recordHistory(ctx, 'listing', listing.id);
  expect(history.map((h) => [h.field, h.oldValue, h.newValue]).sort()).toEqual([
    ['rooms', 1, 2],
    ['status', 'available', 'reserved'],
    ['title', 'Old title', 'New title'],
  ]);
  const { rows } = await db.query<{
    event: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  }>(`SELECT event, before, after FROM "${ctx.model.schema}"._outbox WHERE "recordId" = $1 ORDER BY id`, [listing.id]);
  expect(rows.map((r) => r.event)).toEqual(['created', 'updated']);
  expect(rows[1]!.before!.title).toBe('Old title');
  expect(rows[1]!.after.title).toBe('New title');
  await expectError(
    updateMany(ctx, 'listing', [
      { id: listing.id, data: { title: 'X' } },
      { id: '00000000-0000-4000-8000-000000000000', data: { title: 'Y' } },
    ]),
    'NOT_FOUND',
  );
  expect((await findOne(ctx, 'listing', listing.id))!.title).toBe('New title');
});

test('filters, sorts, searches and pages with keyset cursors', async () => {
  const agency = await createRecord(ctx, 'agency', { name: 'Batumi Realty' });
  await createMany(
    ctx,
    'listing',
    Array.from({ length: 25 }, (_, i) => ({
      title: i % 2 ? `Сдаётся квартира ${i}` : `ბინა ბათუმში ${i}`,
      price: i % 5 === 0 ? null : { amount: 1000 + (i % 7) * 100, currency: 'USD' },
      rooms: i % 4,
      agency: agency.id,
      features: i % 3 === 0 ? ['garden'] : [],
    })),
  );
  const filter = { agency: { name: { $eq: 'Batumi Realty' } } };
  const orderBy = [{ field: 'price', direction: 'DESC' as const }, { field: 'rooms' }];
  const all = await findMany(ctx, 'listing', { filter, orderBy, first: 500, totalCount: true });
  expect(all.totalCount).toBe(25);
  const pages: string[] = [];
  let after: string | undefined;
  do {
    const page = await findMany(ctx, 'listing', { filter, orderBy, first: 7, ...(after ? { after } : {}) });
    pages.push(...page.records.map((r) => r.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
  } while (after);
  expect(pages).toEqual(all.records.map((r) => r.id));
  // NULL prices first when descending, as in ORDER BY.
  expect(all.records.slice(0, 5).every((r) => r.price === null)).toBe(true);
  expect((await findMany(ctx, 'listing', { search: 'ბათუმ', filter, first: 100 })).records).toHaveLength(13);
  expect(
    (await findMany(ctx, 'listing', { search: 'КВАРТИРА 3', filter, first: 100 })).records.map((r) => r.title),
  ).toEqual(['Сдаётся квартира 3']);
  expect(
    (await findMany(ctx, 'listing', { filter: { ...filter, features: { $contains: 'garden' } }, totalCount: true }))
      .totalCount,
  ).toBe(9);
  await expectError(findMany(ctx, 'listing', { after: 'garbage' }), 'BAD_USER_INPUT', 'after');
  await expectError(
    findMany(ctx, 'listing', { orderBy: [{ field: 'address' }] }),
    'BAD_USER_INPUT',
    'orderBy[0].field',
  );
  await expectError(findMany(ctx, 'listing', { filter: { nope: 1 } }), 'BAD_USER_INPUT', 'filter.nope');
  await expectError(findMany(ctx, 'listing', { first: 501 }), 'LIMIT_EXCEEDED');
});
