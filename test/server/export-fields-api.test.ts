import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../support/api';
import { uniqueName } from '../support/database';

/**
 * `GET /api/<plural>/export.{csv,xlsx}?fields=…`: the export of a list view writes exactly its columns, in its
 * order; a name that is not a field of the object the caller may read is refused before anything is sent.
 */
let api: TestApi;
let viewer: string;

beforeAll(async () => {
  api = await startTestApi();
  const manifest = {
    objects: [
      {
        name: 'site',
        pluralName: 'sites',
        label: 'Site',
        fields: [
          { name: 'name', type: 'text', label: 'Site name', required: true },
          { name: 'beds', type: 'number', label: 'Beds', precision: 0 },
          { name: 'budget', type: 'currency', label: 'Budget' },
          { name: 'region', type: 'select', label: 'Region', options: ['north', 'south'] },
          { name: 'notes', type: 'text', label: 'Internal notes' },
          { name: 'visits', type: 'relation', target: 'visit', inverse: 'site', many: true },
        ],
      },
      {
        name: 'visit',
        pluralName: 'visits',
        fields: [
          { name: 'title', type: 'text' },
          { name: 'site', type: 'relation', target: 'site' },
        ],
      },
    ],
    roles: [
      {
        name: 'viewer',
        label: 'Viewer',
        rules: [{ action: 'read', subject: 'site', fields: ['name', 'beds', 'budget', 'region'] }],
      },
    ],
  };
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
  const created = await api.gql(`mutation($data: [SiteCreateInput!]!) { createSites(data: $data) { id } }`, {
    data: [
      { name: 'Zomba', beds: 60, budget: { amount: 1500.5, currency: 'USD' }, region: 'south', notes: 'secret a' },
      { name: 'Mzuzu', beds: 80, region: 'north', notes: 'secret b' },
      { name: 'Lilongwe', beds: 120, budget: { amount: 9000, currency: 'EUR' }, region: 'south' },
    ],
  });
  expect(created.errors).toBeUndefined();
  const email = `${uniqueName('viewer')}@example.com`;
  const password = 'a long enough password';
  await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email, password, name: 'Viewer', roles: ['viewer'] },
  });
  const response = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  viewer = ((await response.json()) as { token: string }).token;
});
afterAll(() => api.close());

async function download(path: string, token = api.token) {
  const response = await fetch(`${api.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.arrayBuffer() };
}

const text = (body: ArrayBuffer) => new TextDecoder().decode(body);

test('CSV: exactly the named fields, in their order, with the list order and filter', async () => {
  const filter = encodeURIComponent(JSON.stringify({ region: { eq: 'south' } }));
  const csv = await download(`/api/sites/export.csv?fields=region,name,budget,beds&orderBy=-beds&filter=${filter}`);
  expect(csv.status).toBe(200);
  expect(csv.type).toMatch(/^text\/csv/);
  expect(text(csv.body).trim().split(/\r?\n/)).toEqual([
    'region,name,budget,beds',
    'south,Lilongwe,9000 EUR,120',
    'south,Zomba,1500.5 USD,60',
  ]);
  // System fields may be named too; without `fields` the file is as before: system columns, then every field.
  const withId = text((await download(`/api/sites/export.csv?fields=id,name&orderBy=name`)).body).split(/\r?\n/);
  expect(withId[0]).toBe('id,name');
  expect(withId[1]).toMatch(/^[0-9a-f-]{36},Lilongwe$/);
  const all = text((await download(`/api/sites/export.csv`)).body).split(/\r?\n/)[0];
  expect(all).toBe('id,createdAt,updatedAt,owner,name,beds,budget,region,notes');
});

test('XLSX: the same columns, labelled in the header, typed cells', async () => {
  const xlsx = await download(`/api/sites/export.xlsx?fields=name,beds,budget&orderBy=name&lang=en`);
  expect(xlsx.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body);
  const sheet = workbook.worksheets[0]!;
  const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  expect(row(1)).toEqual(['Site name', 'Beds', 'Budget']);
  expect(sheet.actualRowCount).toBe(4);
  expect(row(2)).toEqual(['Lilongwe', 120, 9000]);
  expect(sheet.getRow(2).getCell(3).numFmt).toBe('#,##0.00 "EUR"');
  expect(row(3)).toEqual(['Mzuzu', 80]);
});

test('unknown, unreadable or column-less fields answer 400 naming them, for CSV and XLSX alike', async () => {
  const problem = async (path: string, token?: string) => {
    const answer = await download(path, token);
    const body = JSON.parse(text(answer.body)) as { error: { code: string; message: string } };
    return { status: answer.status, ...body.error };
  };
  for (const format of ['csv', 'xlsx']) {
    expect(await problem(`/api/sites/export.${format}?fields=name,nope,beds,alsoNot`)).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      message:
        'fields: nope, alsoNot: not fields of site you may export (unknown, not readable, or a to-many relation)',
      problems: [
        {
          path: 'fields',
          message: 'nope, alsoNot: not fields of site you may export (unknown, not readable, or a to-many relation)',
        },
      ],
    });
  }
  // The viewer may not read the notes: refused for them, exported for the admin.
  const refused = await problem(`/api/sites/export.csv?fields=name,notes`, viewer);
  expect(refused).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  expect(refused.message).toContain('fields: notes: not a field of site you may export');
  const admin = await download(`/api/sites/export.csv?fields=name,notes&orderBy=name`);
  expect(text(admin.body).split(/\r?\n/).slice(0, 2)).toEqual(['name,notes', 'Lilongwe,']);
  // The viewer's own columns export, and without `fields` their file has no notes column.
  const own = text((await download(`/api/sites/export.csv?fields=name,region&orderBy=name`, viewer)).body);
  expect(own.trim().split(/\r?\n/)).toEqual(['name,region', 'Lilongwe,south', 'Mzuzu,north', 'Zomba,south']);
  expect(text((await download(`/api/sites/export.csv`, viewer)).body).split(/\r?\n/)[0]).not.toContain('notes');
  // A to-many relation has no column; an empty list and a repeated name are mistakes too.
  expect((await problem(`/api/sites/export.csv?fields=name,visits`)).message).toContain('visits: not a field');
  expect((await problem(`/api/sites/export.csv?fields=`)).message).toBe('fields: must name at least one field');
  expect((await problem(`/api/sites/export.xlsx?fields=name,beds,name`)).message).toBe('fields: name: named twice');
});
