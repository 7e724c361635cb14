import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '../support/api';

// A fleet-maintenance domain (none of the examples covers it), defined here and applied through the API.
const manifest = {
  objects: [
    {
      name: 'depot',
      pluralName: 'depots',
      fields: [
        { name: 'city', type: 'text', required: true },
        { name: 'trucks', type: 'relation', target: 'truck', many: true, inverse: 'depot' },
      ],
    },
    {
      name: 'truck',
      pluralName: 'trucks',
      fields: [
        { name: 'plate', type: 'text', required: true, unique: true },
        { name: 'model', type: 'select', options: ['volvo', 'man', 'kamaz'], indexed: true },
        { name: 'mileage', type: 'number', precision: 0, min: 0 },
        { name: 'serviceCost', type: 'currency', currency: 'UZS' },
        { name: 'inService', type: 'date' },
        { name: 'depot', type: 'relation', target: 'depot' },
        { name: 'mechanic', type: 'relation', target: 'user' },
        { name: 'parts', type: 'relation', target: 'part', many: true },
        { name: 'notes', type: 'longText', searchable: true },
      ],
    },
    { name: 'part', pluralName: 'parts', fields: [{ name: 'name', type: 'text', required: true }] },
  ],
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied revision changes } }`, {
    m: manifest,
  });
  expect(applied.errors).toBeUndefined();
});
afterAll(() => api.close());

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

test('every generated record operation, end to end over HTTP', async () => {
  const depots = await api.gql<{ createDepots: { id: string; city: string }[] }>(
    `mutation { createDepots(data: [{ city: "Tashkent" }, { city: "Samarkand" }]) { id city } }`,
  );
  expect(depots.errors).toBeUndefined();
  const [tashkent, samarkand] = depots.data!.createDepots;
  const part = await api.gql<{ createPart: { id: string } }>(
    `mutation { createPart(data: { name: "Brake pad" }) { id } }`,
  );
  const me = await api.gql<{ me: { id: string; roles: string[] } }>(`{ me { id email roles workspace } }`);
  expect(me.data!.me.roles).toEqual(['admin']);
  const truck = await api.gql<{ createTruck: Record<string, unknown> & { id: string } }>(
    `mutation($d: TruckCreateInput!) { createTruck(data: $d) { id plate model mileage serviceCost { amount currency } inService
       depot { city } mechanic { email } parts(first: 5) { totalCount edges { node { name } } } owner { id } } }`,
    {
      d: {
        plate: '01A123BC',
        model: 'volvo',
        mileage: 120000,
        serviceCost: { amount: 1500000.5, currency: 'UZS' },
        inService: '2024-05-01',
        depot: tashkent!.id,
        mechanic: me.data!.me.id,
        parts: [part.data!.createPart.id],
        notes: 'Новые тормоза',
      },
    },
  );
  expect(truck.errors).toBeUndefined();
  expect(truck.data!.createTruck).toMatchObject({
    plate: '01A123BC',
    model: 'volvo',
    mileage: 120000,
    serviceCost: { amount: 1500000.5, currency: 'UZS' },
    inService: '2024-05-01',
    depot: { city: 'Tashkent' },
    mechanic: { email: api.email },
    parts: { totalCount: 1, edges: [{ node: { name: 'Brake pad' } }] },
    owner: { id: me.data!.me.id },
  });
  const many = await api.gql<{ createTrucks: { id: string }[] }>(
    `mutation($d: [TruckCreateInput!]!) { createTrucks(data: $d) { id } }`,
    {
      d: Array.from({ length: 12 }, (_, i) => ({
        plate: `P${i}`,
        model: i % 2 ? 'man' : 'kamaz',
        mileage: i * 1000,
        depot: samarkand!.id,
      })),
    },
  );
  expect(many.data!.createTrucks).toHaveLength(12);

  const id = truck.data!.createTruck.id;
  expect((await api.gql(`query($id: ID!) { truck(id: $id) { plate } }`, { id })).data).toEqual({
    truck: { plate: '01A123BC' },
  });
  const updated = await api.gql(
    `mutation($id: ID!) { updateTruck(id: $id, data: { mileage: 125000, model: "man" }) { mileage model } }`,
    { id },
  );
  expect(updated.data).toEqual({ updateTruck: { mileage: 125000, model: 'man' } });
  const bulk = await api.gql(
    `mutation($a: ID!, $b: ID!) { updateTrucks(data: [{ id: $a, data: { mileage: 1 } }, { id: $b, data: { mileage: 2 } }]) { mileage } }`,
    { a: many.data!.createTrucks[0]!.id, b: many.data!.createTrucks[1]!.id },
  );
  expect(bulk.data).toEqual({ updateTrucks: [{ mileage: 1 }, { mileage: 2 }] });

  const filtered = await api.gql<{ trucks: { totalCount: number; edges: { node: { plate: string } }[] } }>(
    `{ trucks(filter: { depot: { city: { eq: "Samarkand" } }, mileage: { gte: 5000 }, or: [{ model: { eq: "man" } }, { model: { eq: "kamaz" } }] },
              orderBy: [{ field: mileage, direction: DESC }], first: 3) { totalCount edges { node { plate } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(filtered.errors).toBeUndefined();
  expect(filtered.data!.trucks.totalCount).toBe(7);
  expect(filtered.data!.trucks.edges.map((e) => e.node.plate)).toEqual(['P11', 'P10', 'P9']);
  const search = await api.gql<{ trucks: { edges: { node: { plate: string } }[] } }>(
    `{ trucks(search: "тормоз") { edges { node { plate } } } }`,
  );
  expect(search.data!.trucks.edges.map((e) => e.node.plate)).toEqual(['01A123BC']);
  const inverse = await api.gql<{ depot: { trucks: { totalCount: number } } }>(
    `query($id: ID!) { depot(id: $id) { trucks(filter: { mileage: { lt: 3000 } }) { totalCount } } }`,
    { id: samarkand!.id },
  );
  expect(inverse.data!.depot.trucks.totalCount).toBe(3);

  const aggregate = await api.gql<{
    trucksAggregate: { key: Record<string, string>; count: number; sum: { mileage: number } }[];
  }>(`{ trucksAggregate(groupBy: [{ field: model }]) { key count sum { mileage } max { mileage } } }`);
  expect(aggregate.data!.trucksAggregate).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: { model: 'kamaz' }, count: 6, sum: { mileage: 30001 } })]),
  );

  const deleted = await api.gql(`mutation($id: ID!) { deleteTruck(id: $id) { id } }`, { id });
  expect(deleted.errors).toBeUndefined();
  expect((await api.gql(`query($id: ID!) { truck(id: $id) { id } }`, { id })).data).toEqual({ truck: null });
  expect((await api.gql(`mutation($id: ID!) { restoreTruck(id: $id) { plate } }`, { id })).data).toEqual({
    restoreTruck: { plate: '01A123BC' },
  });
});

test('bad input answers a code and a path and changes nothing', async () => {
  const before = await api.gql<{ trucks: { totalCount: number } }>(`{ trucks { totalCount } }`);
  const cases: [string, string, string | undefined][] = [
    [`mutation { createTruck(data: { plate: "X", mileage: "far" }) { id } }`, 'BAD_USER_INPUT', undefined],
    [`mutation { createTruck(data: { plate: "X", colour: "red" }) { id } }`, 'BAD_USER_INPUT', undefined],
    [`mutation { createTruck(data: { plate: "X", model: "tesla" }) { id } }`, 'BAD_USER_INPUT', 'data.model'],
    [`mutation { createTruck(data: { plate: "X", mileage: -5 }) { id } }`, 'BAD_USER_INPUT', 'data.mileage'],
    [
      `mutation { createTruck(data: { plate: "X", serviceCost: { amount: 1.234, currency: "UZS" } }) { id } }`,
      'BAD_USER_INPUT',
      'data.serviceCost',
    ],
    [`mutation { createTruck(data: { model: "man" }) { id } }`, 'BAD_USER_INPUT', undefined],
    [`mutation { createTruck(data: { plate: "01A123BC" }) { id } }`, 'CONFLICT', 'data.plate'],
    [`{ trucks(after: "not-a-cursor") { totalCount } }`, 'BAD_USER_INPUT', 'after'],
    [`{ trucks(filter: { colour: { eq: "red" } }) { totalCount } }`, 'BAD_USER_INPUT', undefined],
    [`{ trucks(first: 501) { totalCount } }`, 'LIMIT_EXCEEDED', undefined],
    [
      `mutation { updateTruck(id: "00000000-0000-4000-8000-000000000000", data: { mileage: 1 }) { id } }`,
      'NOT_FOUND',
      undefined,
    ],
  ];
  for (const [query, expected, field] of cases) {
    const result = await api.gql(query);
    expect({ query, code: code(result) }).toEqual({ query, code: expected });
    if (field) expect(result.errors![0]!.extensions!.field).toBe(field);
    expect(result.errors![0]!.message.length).toBeGreaterThan(10);
  }
  expect((await api.gql(`{ trucks { totalCount } }`)).data).toEqual(before.data);
  const deep = `{ depots { edges { node { trucks { edges { node { depot { trucks { edges { node { depot { trucks { edges { node { depot { city } } } } } } } } } } } } } } } }`;
  expect(code(await api.gql(deep))).toBe('LIMIT_EXCEEDED');
});

test('authentication is never optional', async () => {
  expect(code(await api.gql(`{ trucks { totalCount } }`, {}, null))).toBe('UNAUTHENTICATED');
  expect(code(await api.gql(`{ trucks { totalCount } }`, {}, 'st_forged'))).toBe('UNAUTHENTICATED');
  const wrong = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: api.email, password: 'nope' }),
  });
  expect(wrong.status).toBe(401);
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: api.email, password: api.password }),
    })
  ).json()) as { token: string };
  await fetch(`${api.server.url}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${login.token}` } });
  expect(code(await api.gql(`{ me { id } }`, {}, login.token))).toBe('UNAUTHENTICATED');
});

test('a page of 50 trucks with depot and mechanic costs 3 queries, whatever the page size', async () => {
  const depot = await api.gql<{ createDepot: { id: string } }>(
    `mutation { createDepot(data: { city: "Bukhara" }) { id } }`,
  );
  const me = await api.gql<{ me: { id: string } }>(`{ me { id } }`);
  await api.gql(`mutation($d: [TruckCreateInput!]!) { createTrucks(data: $d) { id } }`, {
    d: Array.from({ length: 60 }, (_, i) => ({
      plate: `B${i}`,
      depot: depot.data!.createDepot.id,
      mechanic: me.data!.me.id,
    })),
  });
  api.db.reset();
  const page = await api.gql<{ trucks: { edges: unknown[] } }>(
    `{ trucks(first: 50, filter: { plate: { startsWith: "B" } }, orderBy: [{ field: plate }]) { edges { node { plate depot { city } mechanic { email } owner { email } } } } }`,
  );
  expect(page.data!.trucks.edges).toHaveLength(50);
  // One request preamble (session and revision), then the page, the depots and the users.
  const statements = api.db.statements.filter((s) => !s.includes('FROM stratum.workspaces w'));
  expect(statements).toHaveLength(3);
});

test('a field added through the API is usable on the very next request, and metadata is revisioned', async () => {
  const created = await api.gql(
    `mutation { createField(input: { object: "truck", name: "vin", type: "text", unique: true }) { applied revision changes } }`,
  );
  expect(created.errors).toBeUndefined();
  const truck = await api.gql<{ createTruck: { id: string } }>(
    `mutation { createTruck(data: { plate: "V1" }) { id } }`,
  );
  const id = truck.data!.createTruck.id;
  expect(
    (await api.gql(`mutation($id: ID!) { updateTruck(id: $id, data: { vin: "XTA210990Y2765432" }) { vin } }`, { id }))
      .data,
  ).toEqual({ updateTruck: { vin: 'XTA210990Y2765432' } });
  const objects = await api.gql<{ object: { fields: { name: string; type: string }[] } }>(
    `{ object(name: "truck") { label fields { name type label jsonSchema } } }`,
  );
  expect(objects.data!.object.fields.map((f) => f.name)).toContain('vin');
  const renamed = await api.gql(
    `mutation { updateField(object: "truck", name: "vin", input: { name: "vinCode", label: { en: "VIN", ru: "VIN-код" } }) { changes } }`,
  );
  expect(renamed.data).toEqual({ updateField: { changes: ['~ field truck.vin → vinCode', '~ field truck.vinCode'] } });
  expect((await api.gql(`query($id: ID!) { truck(id: $id) { vinCode } }`, { id })).data).toEqual({
    truck: { vinCode: 'XTA210990Y2765432' },
  });
  const bad = await api.gql(
    `mutation { createField(input: { object: "truck", name: "Bad Name", type: "colour" }) { applied } }`,
  );
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0]!.extensions!.problems!.map((p) => p.path)).toEqual(['input.name', 'input.type']);
  const dry = await api.gql(
    `mutation { deleteField(object: "truck", name: "vinCode") { applied changes destructive } }`,
  );
  expect(dry.data).toEqual({
    deleteField: {
      applied: true,
      changes: [expect.stringMatching(/^- field truck.vinCode/)],
      destructive: [expect.stringMatching(/^- field truck.vinCode/)],
    },
  });
  const revisions = await api.gql<{ revisions: { number: number; summary: string }[] }>(
    `{ revisions(first: 10) { number summary changes } }`,
  );
  const last = revisions.data!.revisions[0]!;
  const reverted = await api.gql(`mutation($n: Int!) { revert(revision: $n) { applied changes } }`, { n: last.number });
  expect(reverted.errors).toBeUndefined();
  expect((await api.gql(`query($id: ID!) { truck(id: $id) { vinCode } }`, { id })).data).toEqual({
    truck: { vinCode: 'XTA210990Y2765432' },
  });
  const plan = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m, dryRun: true) { applied changes } }`, {
    m: { objects: [] },
  });
  expect(plan.data).toMatchObject({ applyManifest: { applied: false } });
});

// The contract check drives a fresh server (it applies its own manifest, which would remove this file's objects).
const check = path.resolve(__dirname, '../../../shared/contract-check/check.mjs');
(existsSync(check) ? test : test.skip)('the shared contract check passes against a fresh server', async () => {
  const fresh = await startTestApi();
  try {
    const run = await promisify(execFile)('node', [check], {
      env: { ...process.env, URL: fresh.server.url, EMAIL: fresh.email, PASSWORD: fresh.password },
    }).catch((e: { stdout: string }) => e);
    expect(run.stdout).toContain('all contract checks passed');
  } finally {
    await fresh.close();
  }
});

test('objects are created, renamed and removed through the metadata API', async () => {
  const created =
    await api.gql(`mutation { createObject(input: { name: "inspection", pluralName: "inspections", label: { en: "Inspection", uz: "Tekshiruv" },
      fields: [{ name: "result", type: "select", options: ["pass", "fail"], default: "pass" }, { name: "truck", type: "relation", target: "truck" }] }) { applied changes } }`);
  expect(created.data).toEqual({
    createObject: {
      applied: true,
      changes: [
        '+ object inspection (2 fields)',
        '+ field inspection.result (select)',
        '+ field inspection.truck (relation)',
      ],
    },
  });
  const made = await api.gql<{ createInspection: { result: string } }>(
    `mutation { createInspection(data: {}) { result } }`,
  );
  expect(made.data).toEqual({ createInspection: { result: 'pass' } });
  const meta = await api.gql<{ object: { label: string; fields: { name: string }[] } }>(
    `{ object(name: "inspection") { label(locale: "uz") labelPlural fields { name } } }`,
  );
  expect(meta.data!.object).toMatchObject({ label: 'Tekshiruv', fields: [{ name: 'result' }, { name: 'truck' }] });
  const renamed = await api.gql(
    `mutation { updateObject(name: "inspection", input: { name: "checkup", pluralName: "checkups" }) { changes } }`,
  );
  expect(renamed.data).toEqual({ updateObject: { changes: ['~ object inspection → checkup'] } });
  expect((await api.gql<{ checkups: { totalCount: number } }>(`{ checkups { totalCount } }`)).data).toEqual({
    checkups: { totalCount: 1 },
  });
  const removed = await api.gql(`mutation { deleteObject(name: "checkup") { applied destructive } }`);
  expect(removed.data).toMatchObject({
    deleteObject: { applied: true, destructive: [expect.stringMatching(/^- object checkup/)] },
  });
  expect(code(await api.gql(`{ checkups { totalCount } }`))).toBe('BAD_USER_INPUT');
  const exported = await api.gql<{ exportManifest: { objects: { name: string }[] } }>(
    `{ exportManifest metadataRevision pipelines { object } }`,
  );
  expect(exported.data!.exportManifest.objects.map((o) => o.name)).toEqual(['depot', 'truck', 'part']);
});
