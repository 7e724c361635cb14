import { startTestApi, type TestApi } from '../support/api';
import { conversionManifest } from '../support/conversion';

/**
 * Lead conversion through GraphQL: `object { conversion }` tells clients what a lead becomes,
 * `conversionPreview` offers the mapped values and existing matches, `convertRecord` converts all or nothing
 * with problems at `targets.<key>.data.<field>`, and `updateObject` refuses a bad conversion at its path.
 */
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, {
    m: conversionManifest,
  });
  expect(applied.errors).toBeUndefined();
});
afterAll(() => api.close());

const CREATE_LEAD = `mutation($data: LeadCreateInput!) { createLead(data: $data) { id } }`;
const PREVIEW = `query($id: ID!) { conversionPreview(object: "lead", id: $id) {
  converted targets { key object optional canCreate data references matches } } }`;
const CONVERT = `mutation($id: ID!, $targets: [ConversionChoiceInput!]!) {
  convertRecord(object: "lead", id: $id, targets: $targets) { id targets { key object id created } } }`;
const COUNTS = `{ companies { totalCount } contacts { totalCount } deals { totalCount } }`;

async function lead(email: string): Promise<string> {
  const created = await api.gql<{ createLead: { id: string } }>(CREATE_LEAD, {
    data: { title: 'Warehouse', lastName: 'Kapanadze', email, companyName: 'Kavkaz Logistics', source: 'web' },
  });
  expect(created.errors).toBeUndefined();
  return created.data!.createLead.id;
}

test('ObjectMeta.conversion reads back the conversion as written', async () => {
  const read = await api.gql<{ object: { conversion: unknown } }>(`{ object(name: "lead") { conversion } }`);
  expect(read.data!.object.conversion).toEqual(conversionManifest.objects[3]!.conversion);
  const none = await api.gql<{ object: { conversion: unknown } }>(`{ object(name: "deal") { conversion } }`);
  expect(none.data!.object.conversion).toBeNull();
});

test('previews, converts with a picked company, and refuses a second conversion', async () => {
  const company = await api.gql<{ createCompany: { id: string } }>(
    `mutation { createCompany(data: { name: "Kavkaz Logistics LLC" }) { id } }`,
  );
  const companyId = company.data!.createCompany.id;
  const id = await lead('levan@example.com');
  const preview = await api.gql<{ conversionPreview: { targets: { key: string; matches: { id: string }[] }[] } }>(
    PREVIEW,
    { id },
  );
  expect(preview.errors).toBeUndefined();
  expect(preview.data!.conversionPreview.targets[0]).toMatchObject({
    key: 'company',
    object: 'company',
    optional: false,
    canCreate: true,
    data: { name: 'Kavkaz Logistics' },
  });
  expect(preview.data!.conversionPreview.targets[0]!.matches.map((m) => m.id)).toEqual([companyId]);
  const converted = await api.gql<{ convertRecord: { id: string; targets: { key: string; id: string | null }[] } }>(
    CONVERT,
    { id, targets: [{ key: 'company', action: 'USE', id: companyId }] },
  );
  expect(converted.errors).toBeUndefined();
  expect(converted.data!.convertRecord.id).toBe(id);
  const [, contact, deal] = converted.data!.convertRecord.targets;
  const read = await api.gql<{ deal: unknown }>(
    `query($id: ID!) { deal(id: $id) { name company { id } contact { id lastName } lead { id status } } }`,
    { id: deal!.id },
  );
  expect(read.data!.deal).toEqual({
    name: 'Warehouse',
    company: { id: companyId },
    contact: { id: contact!.id, lastName: 'Kapanadze' },
    lead: { id, status: 'converted' },
  });
  const again = await api.gql(CONVERT, { id, targets: [] });
  expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
});

test('a refused contact answers the path of its field and leaves every count as it was', async () => {
  const before = await api.gql(COUNTS);
  const id = await lead('nika@example.com');
  const refused = await api.gql(CONVERT, {
    id,
    targets: [{ key: 'contact', action: 'CREATE', data: { lastName: null } }],
  });
  expect(refused.errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    problems: [{ path: 'targets.contact.data.lastName', message: expect.any(String) }],
  });
  expect(await api.gql(COUNTS)).toEqual(before);
});

test('updateObject changes the conversion as a metadata-only change, and refuses a bad one at input.conversion paths', async () => {
  const conversion = structuredClone(conversionManifest.objects[3]!.conversion!);
  conversion.targets[2]!.optional = false;
  const changed = await api.gql(
    `mutation($c: JSON) { updateObject(name: "lead", input: { conversion: $c }) { applied changes } }`,
    { c: conversion },
  );
  expect(changed.data).toEqual({ updateObject: { applied: true, changes: ['~ object lead (conversion)'] } });
  const restored = await api.gql(
    `mutation($c: JSON) { updateObject(name: "lead", input: { conversion: $c }) { applied } }`,
    { c: conversionManifest.objects[3]!.conversion },
  );
  expect(restored.errors).toBeUndefined();
  const refused = await api.gql(
    `mutation($c: JSON) { updateObject(name: "lead", input: { conversion: $c }) { applied } }`,
    { c: { targets: [{ key: 'deal', object: 'deal', fields: { amount: 'title' } }], update: { status: 'converted' } } },
  );
  expect(refused.errors![0]!.extensions!.problems).toEqual([
    { path: 'input.conversion.targets[0].fields.amount', message: 'lead.title (text) does not fit amount (currency)' },
  ]);
});

test('a conversion of three targets takes a bounded number of statements, however many leads there are', async () => {
  const id = await lead('tamar@example.com');
  api.db.reset();
  const started = Date.now();
  const converted = await api.gql(CONVERT, { id, targets: [] });
  const ms = Date.now() - started;
  expect(converted.errors).toBeUndefined();
  const statements = api.db.statements.filter((s) => !/^(BEGIN|COMMIT|SAVEPOINT|RELEASE)/i.test(s.trim()));
  console.log(`convertRecord (company + contact + deal + lead update): ${statements.length} statements, ${ms} ms`);
  expect(statements.length).toBeLessThanOrEqual(20);
});
