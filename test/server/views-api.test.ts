import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../support/api';

/**
 * Saved list views and the XLSX export on the sales CRM (examples/sales-crm): a manager reads only their
 * own deals and never a company's revenue; a head may not manage shared views; an admin may.
 */
let api: TestApi;
const users: Record<'manager1' | 'manager2' | 'head', { id: string; token: string }> = {} as never;

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const field = (r: { errors?: { extensions?: { field?: string } }[] }) => r.errors?.[0]?.extensions?.field;
const as = (who: keyof typeof users | 'admin') => (query: string, variables?: Record<string, unknown>) =>
  api.gql(query, variables, who === 'admin' ? api.token : users[who].token);

const SAVE = `mutation($i: ViewInput!) { saveView(input: $i) { id name shared editable filter search columns sort { field direction } owner { id } } }`;
const LIST = `query($o: String!) { views(object: $o) { id name shared editable } }`;
type Saved = { saveView: { id: string; name: string; shared: boolean; editable: boolean } };
type Listed = { views: { id: string; name: string; shared: boolean; editable: boolean }[] };

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
  for (const [name, role] of [
    ['manager1', 'manager'],
    ['manager2', 'manager'],
    ['head', 'head'],
  ] as const) {
    const email = `${name}@${api.email.split('@')[0]}.test`;
    const created = await api.gql<{ createUser: { id: string } }>(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { email, password: 'a long enough password', name, roles: [role] } },
    );
    expect(created.errors).toBeUndefined();
    users[name] = { id: created.data!.createUser.id, token: await login(email, 'a long enough password') };
  }
});
afterAll(() => api.close());

const names = async (who: keyof typeof users | 'admin', object = 'deal') => {
  const r = await as(who)(LIST, { o: object });
  expect(r.errors).toBeUndefined();
  return (r.data as Listed).views.map((v) => `${v.name}${v.shared ? ' (shared)' : ''}`);
};

test('a personal view is its owner’s alone; a shared one is seen by every reader of the object', async () => {
  const mine = await as('manager1')(SAVE, {
    i: {
      object: 'deal',
      name: '  Big proposals ',
      filter: { stage: 'proposal', amount: { $gte: 1000 } },
      sort: [{ field: 'amount', direction: 'DESC' }],
      search: 'zebra',
      columns: ['name', 'amount', 'stage'],
    },
  });
  expect(mine.errors).toBeUndefined();
  expect(mine.data).toMatchObject({
    saveView: {
      name: 'Big proposals',
      shared: false,
      editable: true,
      filter: { stage: 'proposal', amount: { $gte: 1000 } },
      sort: [{ field: 'amount', direction: 'DESC' }],
      search: 'zebra',
      columns: ['name', 'amount', 'stage'],
      owner: { id: users.manager1.id },
    },
  });
  const shared = await as('admin')(SAVE, { i: { object: 'deal', name: 'Pipeline review', shared: true } });
  expect(shared.errors).toBeUndefined();

  expect(await names('manager1')).toEqual(['Big proposals', 'Pipeline review (shared)']);
  expect(await names('manager2')).toEqual(['Pipeline review (shared)']);
  expect(await names('admin')).toEqual(['Pipeline review (shared)']);
  // Another object's menu holds neither.
  expect(await names('manager1', 'company')).toEqual([]);

  // Others can neither see, change nor delete a personal view: it is not found, as if absent.
  const id = (mine.data as Saved).saveView.id;
  const theirs = await as('manager2')(SAVE, { i: { id, object: 'deal', name: 'Mine now' } });
  expect(code(theirs)).toBe('NOT_FOUND');
  expect(code(await as('admin')(`mutation($id: ID!) { deleteView(id: $id) }`, { id }))).toBe('NOT_FOUND');

  // The owner renames and deletes it.
  const renamed = await as('manager1')(SAVE, { i: { id, object: 'deal', name: 'Proposals', columns: ['name'] } });
  expect(renamed.data).toMatchObject({ saveView: { id, name: 'Proposals', columns: ['name'] } });
  expect((await as('manager1')(`mutation($id: ID!) { deleteView(id: $id) }`, { id })).data).toEqual({ deleteView: id });
  expect(await names('manager1')).toEqual(['Pipeline review (shared)']);
});

test('shared views need an admin; readers see them read-only', async () => {
  const refused = await as('head')(SAVE, { i: { object: 'deal', name: 'Team pipeline', shared: true } });
  expect(code(refused)).toBe('FORBIDDEN');
  expect(field(refused)).toBe('shared');
  expect(refused.errors![0]!.message).toBe(
    'Only admins (or a role that may manage every deal) may create shared views of deals',
  );
  const shared = await as('admin')(SAVE, { i: { object: 'deal', name: 'Won this year', shared: true } });
  const id = (shared.data as Saved).saveView.id;
  const seen = ((await as('head')(LIST, { o: 'deal' })).data as Listed).views.find((v) => v.id === id);
  expect(seen).toMatchObject({ shared: true, editable: false });
  const change = await as('head')(SAVE, { i: { id, object: 'deal', name: 'Hijacked', shared: true } });
  expect(code(change)).toBe('FORBIDDEN');
  expect(code(await as('head')(`mutation($id: ID!) { deleteView(id: $id) }`, { id }))).toBe('FORBIDDEN');
  // Refused changes left it as it was, for everyone; an admin deletes it, for everyone.
  expect(await names('head')).toContain('Won this year (shared)');
  expect((await as('admin')(`mutation($id: ID!) { deleteView(id: $id) }`, { id })).data).toEqual({ deleteView: id });
  expect(await names('head')).not.toContain('Won this year (shared)');
});

test('validation names the field that is wrong', async () => {
  const save = (i: Record<string, unknown>, who: keyof typeof users | 'admin' = 'manager1') =>
    as(who)(SAVE, { i: { object: 'deal', ...i } });
  const problems = (r: { errors?: { extensions?: { problems?: { path: string; message: string }[] } }[] }) =>
    r.errors?.[0]?.extensions?.problems?.map((p) => `${p.path}: ${p.message}`);

  expect(problems(await save({ name: '  ' }))).toEqual(['name: is required']);
  expect(problems(await save({ object: 'nothing', name: 'X' }))).toEqual(['object: no object named "nothing"']);
  const bad = await save({
    name: 'Broken',
    filter: { amount: { $like: 3 }, nope: 1 },
    sort: [{ field: 'products' }],
    columns: ['name', 'ghost', 'name'],
  });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(problems(bad)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^filter\.amount/),
      expect.stringMatching(/^filter\.nope/),
      expect.stringMatching(/^sort\[0\]\.field: /),
      'columns[1]: "ghost" is not a field of deal',
      'columns[2]: "name" is listed twice',
    ]),
  );
  // A manager may not read a company's revenue, so a view may not filter, sort or show it.
  const revenue = await save({
    object: 'company',
    name: 'Rich',
    sort: [{ field: 'annualRevenue' }],
    columns: ['annualRevenue'],
  });
  expect(problems(revenue)).toEqual([
    'sort[0].field: you may not sort by company.annualRevenue',
    'columns[0]: you may not read company.annualRevenue',
  ]);
  const filtered = await save({ object: 'company', name: 'Rich', filter: { annualRevenue: { $gt: 0 } } });
  expect(problems(filtered)).toEqual(['filter.annualRevenue: You may not filter by company.annualRevenue']);
  // Unique per owner and object, ignoring case; another user may use the same name.
  expect((await save({ name: 'Hot deals' })).errors).toBeUndefined();
  const twice = await save({ name: 'hot DEALS' });
  expect(code(twice)).toBe('CONFLICT');
  expect(field(twice)).toBe('name');
  expect((await save({ name: 'Hot deals' }, 'manager2')).errors).toBeUndefined();
});

test('the XLSX export has typed cells, labelled columns, and only what the caller may read', async () => {
  const xlsx = async (who: keyof typeof users | 'admin', path: string) => {
    const response = await fetch(`${api.server.url}${path}`, {
      headers: { authorization: `Bearer ${who === 'admin' ? api.token : users[who].token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => void (n > 1 && rows.push((row.values as unknown[]).slice(1))));
    return { sheet, header, rows };
  };
  const company = (
    await api.gql<{ companies: { edges: { node: { id: string } }[] } }>(
      `{ companies(first: 1) { edges { node { id } } } }`,
    )
  ).data!.companies.edges[0]!.node.id;
  const created = await as('admin')(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, {
    d: {
      name: 'Spreadsheet deal',
      owner: users.manager1.id,
      company,
      amount: { amount: 1234.5, currency: 'EUR' },
      stage: 'proposal',
      closeDate: '2027-03-15',
      discount: 12.5,
    },
  });
  expect(created.errors).toBeUndefined();

  const mine = await xlsx('manager1', '/api/deals/export.xlsx?orderBy=-amount');
  expect(mine.header.slice(0, 5)).toEqual(['Id', 'Created at', 'Updated at', 'Owner', 'Deal name']);
  expect(mine.rows).toHaveLength(1);
  const cell = (label: string) => mine.rows[0]![mine.header.indexOf(label)];
  expect(cell('Deal name')).toBe('Spreadsheet deal');
  expect(cell('Amount')).toBe(1234.5);
  expect(mine.sheet.getRow(2).getCell(mine.header.indexOf('Amount') + 1).numFmt).toBe('#,##0.00 "EUR"');
  expect(cell('Close date')).toEqual(new Date('2027-03-15T00:00:00Z'));
  expect(cell('Discount')).toBe(0.125);
  expect(cell('Created at')).toBeInstanceOf(Date);

  // Rows: the admin's file has every deal; the filter narrows it the same way as the list.
  const all = await xlsx('admin', '/api/deals/export.xlsx');
  const total = (await api.gql<{ deals: { totalCount: number } }>(`{ deals { totalCount } }`)).data!.deals.totalCount;
  expect(all.rows).toHaveLength(total);
  const filter = encodeURIComponent(JSON.stringify({ name: { eq: 'Spreadsheet deal' } }));
  expect((await xlsx('admin', `/api/deals/export.xlsx?filter=${filter}`)).rows).toHaveLength(1);

  // Fields: a manager's company file has no revenue column, a head's has; labels follow ?lang.
  expect((await xlsx('manager1', '/api/companies/export.xlsx')).header).not.toContain('Annual revenue');
  expect((await xlsx('head', '/api/companies/export.xlsx')).header).toContain('Annual revenue');
  expect((await xlsx('head', '/api/companies/export.xlsx?lang=ru')).header).toContain('Годовая выручка');
  const refused = await fetch(
    `${api.server.url}/api/companies/export.xlsx?filter=${encodeURIComponent(JSON.stringify({ annualRevenue: { gt: 0 } }))}`,
    { headers: { authorization: `Bearer ${users.manager1.token}` } },
  );
  expect(refused.status).toBe(403);
  expect((await fetch(`${api.server.url}/api/deals/export.xlsx`)).status).toBe(401);
});
