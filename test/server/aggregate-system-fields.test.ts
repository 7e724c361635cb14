import { startTestApi, type TestApi } from '../support/api';

/**
 * Aggregates group by the system fields a dashboard needs: `owner` (won amounts per owner) and `createdAt` by a
 * period (new records per month) — under the caller's read scope, as every other grouping.
 */
let api: TestApi;
let agent: { id: string; token: string };

const MANIFEST = {
  objects: [{ name: 'ticket', pluralName: 'tickets', fields: [{ name: 'title', type: 'text' }] }],
  roles: [{ name: 'agent', rules: [{ action: 'read', subject: 'ticket', conditions: { owner: '$user.id' } }] }],
};
type Groups = { ticketsAggregate: { key: Record<string, string | null>; count: number }[] };
const GROUPED = `query($g: [TicketGroupBy!]) { ticketsAggregate(groupBy: $g) { key count } }`;

beforeAll(async () => {
  api = await startTestApi();
  expect(
    (await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: MANIFEST })).errors,
  ).toBeUndefined();
  const email = `agent@${api.email.split('@')[0]}.test`;
  const created = await api.gql<{ createUser: { id: string } }>(
    `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
    { i: { email, password: 'a long enough password', name: 'Agent', roles: ['agent'] } },
  );
  const login = await fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough password' }),
  });
  agent = { id: created.data!.createUser.id, token: ((await login.json()) as { token: string }).token };
  const tickets = await api.gql(`mutation($d: [TicketCreateInput!]!) { createTickets(data: $d) { id } }`, {
    d: [{ title: 'A' }, { title: 'B' }, { title: 'C', owner: agent.id }],
  });
  expect(tickets.errors).toBeUndefined();
  const me = await api.gql<{ me: { workspace: string } }>(`{ me { workspace } }`);
  // One ticket made in October, to see two months.
  await api.db.query(
    `UPDATE "ws_${me.data!.me.workspace}".ticket SET "createdAt" = '2026-10-15T12:00:00Z' WHERE title = 'A'`,
  );
});
afterAll(() => api.close());

test('by owner and by month of creation, for an admin', async () => {
  const byOwner = await api.gql<Groups>(GROUPED, { g: [{ field: 'owner' }] });
  expect(byOwner.errors).toBeUndefined();
  const counts = Object.fromEntries(byOwner.data!.ticketsAggregate.map((g) => [g.key.owner, g.count]));
  expect(counts[agent.id]).toBe(1);
  expect(Object.values(counts).sort()).toEqual([1, 2]);
  const byMonth = await api.gql<Groups>(GROUPED, { g: [{ field: 'createdAt', granularity: 'MONTH' }] });
  expect(byMonth.errors).toBeUndefined();
  const months = byMonth.data!.ticketsAggregate.map((g) => [g.key.createdAt, g.count]);
  expect(months).toContainEqual(['2026-10-01', 1]);
  expect(months.reduce((n, [, c]) => n + (c as number), 0)).toBe(3);
});

test("a member's groups hold only the records they may read", async () => {
  const byOwner = await api.gql<Groups>(GROUPED, { g: [{ field: 'owner' }, { field: 'createdBy' }] }, agent.token);
  expect(byOwner.errors).toBeUndefined();
  expect(byOwner.data!.ticketsAggregate).toEqual([
    { key: { owner: agent.id, createdBy: expect.any(String) }, count: 1 },
  ]);
});
