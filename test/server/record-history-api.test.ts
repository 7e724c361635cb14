import { startTestApi, type TestApi } from '../support/api';

/**
 * `recordHistory(object, id, first)`: the field changes of one record, newest first, under the caller's
 * permissions — the record must be readable by them (else NOT_FOUND, as the record query), and the changes
 * of fields they may not read (a manager and a company's revenue, examples/sales-crm) are left out.
 */
let api: TestApi;
let manager: { id: string; token: string };
let companyId: string;
let dealId: string;

const HISTORY = `query($object: String!, $id: ID!, $first: Int) {
  recordHistory(object: $object, id: $id, first: $first) { field oldValue newValue actor { id email name } at }
}`;
type History = {
  recordHistory: {
    field: string;
    oldValue: unknown;
    newValue: unknown;
    actor: { id: string; email: string } | null;
    at: string;
  }[];
};

beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
  const email = `manager@${api.email.split('@')[0]}.test`;
  const created = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, password: 'a long enough password', name: 'Manager', roles: ['manager'] } },
  );
  expect(created.errors).toBeUndefined();
  const login = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough password' }),
  });
  manager = { id: created.data!.createUser.id, token: ((await login.json()) as { token: string }).token };
  const records = await api.gql<{
    companies: { edges: { node: { id: string } }[] };
    deals: { edges: { node: { id: string } }[] };
  }>(`{ companies(first: 1) { edges { node { id } } } deals(first: 1) { edges { node { id } } } }`);
  companyId = records.data!.companies.edges[0]!.node.id;
  dealId = records.data!.deals.edges[0]!.node.id;
  const update = await api.gql(
    `mutation($id: ID!) { updateCompany(id: $id, data: { phone: "+995 32 200 00 00", annualRevenue: { amount: 123456, currency: "USD" } }) { id } }`,
    { id: companyId },
  );
  expect(update.errors).toBeUndefined();
  const second = await api.gql(`mutation($id: ID!) { updateCompany(id: $id, data: { employees: 77 }) { id } }`, {
    id: companyId,
  });
  expect(second.errors).toBeUndefined();
});
afterAll(() => api.close());

test('an admin sees every change, newest first, with who made it', async () => {
  const answer = await api.gql<History>(HISTORY, { object: 'company', id: companyId });
  expect(answer.errors).toBeUndefined();
  const entries = answer.data!.recordHistory;
  expect(entries.map((e) => e.field)).toEqual(expect.arrayContaining(['employees', 'phone', 'annualRevenue']));
  expect(entries[0]).toMatchObject({ field: 'employees', newValue: 77, actor: { email: api.email } });
  expect(entries.find((e) => e.field === 'annualRevenue')!.newValue).toMatchObject({ amount: 123456, currency: 'USD' });
  expect(entries.find((e) => e.field === 'phone')!.newValue).toBe('+995322000000');
  const times = entries.map((e) => Date.parse(e.at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  const limited = await api.gql<History>(HISTORY, { object: 'company', id: companyId, first: 1 });
  expect(limited.data!.recordHistory.map((e) => e.field)).toEqual(['employees']);
});

test('a member does not see the changes of a field they may not read', async () => {
  const answer = await api.gql<History>(HISTORY, { object: 'company', id: companyId }, manager.token);
  expect(answer.errors).toBeUndefined();
  const fields = answer.data!.recordHistory.map((e) => e.field);
  expect(fields).toEqual(expect.arrayContaining(['employees', 'phone']));
  expect(fields).not.toContain('annualRevenue');
});

test('a record the caller may not read answers NOT_FOUND, an unknown object too', async () => {
  const renamed = await api.gql(`mutation($id: ID!) { updateDeal(id: $id, data: { name: "Renamed" }) { id } }`, {
    id: dealId,
  });
  expect(renamed.errors).toBeUndefined();
  expect((await api.gql<History>(HISTORY, { object: 'deal', id: dealId })).data!.recordHistory.length).toBeGreaterThan(
    0,
  );
  // A manager reads only their own deals: this one is the seed's, not theirs.
  const hidden = await api.gql(HISTORY, { object: 'deal', id: dealId }, manager.token);
  expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(hidden.data).toBeNull();
  const unknown = await api.gql(HISTORY, { object: 'nothing', id: dealId });
  expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});
