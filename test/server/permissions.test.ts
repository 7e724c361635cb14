import { startTestApi, type TestApi } from '../support/api';

/**
 * The permission matrix on the sales CRM's roles (examples/sales-crm): a manager works their own
 * records, a head their team's, an admin everything. Every path a record can be reached by — query,
 * filter, sort, search, relation, count, aggregate, bulk, REST — must agree, and nothing may leak.
 */
let api: TestApi;
const users: Record<'manager1' | 'manager2' | 'head' | 'outsider', { id: string; token: string }> = {} as never;
const deals: Record<'m1' | 'm2' | 'head' | 'admin', string> = {} as never;

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

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
    ['outsider', 'manager'],
  ] as const) {
    const created = await api.gql<{ createUser: { id: string } }>(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: {
          email: `${name}@${api.email.split('@')[0]}.test`,
          password: 'a long enough password',
          name,
          roles: [role],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    users[name] = {
      id: created.data!.createUser.id,
      token: await login(`${name}@${api.email.split('@')[0]}.test`, 'a long enough password'),
    };
  }
  const team = await api.gql(`mutation($i: TeamInput!) { saveTeam(input: $i) { id } }`, {
    i: {
      name: 'Tbilisi sales',
      leadId: users.head.id,
      memberIds: [users.manager1.id, users.manager2.id, users.head.id],
    },
  });
  expect(team.errors).toBeUndefined();
  const company = await api.gql<{ companies: { edges: { node: { id: string } }[] } }>(
    `{ companies(first: 1) { edges { node { id } } } }`,
  );
  const create = async (owner: string, name: string) =>
    (
      await api.gql<{ createDeal: { id: string } }>(`mutation($d: DealCreateInput!) { createDeal(data: $d) { id } }`, {
        d: {
          name,
          owner,
          company: company.data!.companies.edges[0]!.node.id,
          amount: { amount: 5000, currency: 'GEL' },
          stage: 'proposal',
          lostReason: 'secret-zebra',
        },
      })
    ).data!.createDeal.id;
  deals.m1 = await create(users.manager1.id, 'Manager one deal zebra');
  deals.m2 = await create(users.manager2.id, 'Manager two deal zebra');
  deals.head = await create(users.head.id, 'Head deal zebra');
  const seeded = await api.gql<{ deals: { edges: { node: { id: string } }[] } }>(
    `query($e: String!) { deals(first: 1, filter: { owner: { email: { eq: $e } } }) { edges { node { id } } } }`,
    { e: api.email },
  );
  deals.admin = seeded.data!.deals.edges[0]!.node.id;
});
afterAll(() => api.close());

const as = (who: keyof typeof users) => (query: string, variables?: Record<string, unknown>) =>
  api.gql(query, variables, users[who].token);
const dealIds = async (who: keyof typeof users, args = '') => {
  const r = await as(who)(`{ deals(first: 500${args}) { totalCount edges { node { id } } } }`);
  expect(r.errors).toBeUndefined();
  const data = r.data as { deals: { totalCount: number; edges: { node: { id: string } }[] } };
  expect(data.deals.totalCount).toBe(data.deals.edges.length);
  return data.deals.edges.map((e) => e.node.id).sort();
};

test('lists and counts: each role sees exactly its rows', async () => {
  expect(await dealIds('manager1')).toEqual([deals.m1]);
  expect(await dealIds('manager2')).toEqual([deals.m2]);
  expect(await dealIds('head')).toEqual([deals.m1, deals.m2, deals.head].sort());
  expect(await dealIds('outsider')).toEqual([]);
  const all = (await api.gql<{ deals: { totalCount: number } }>(`{ deals { totalCount } }`)).data!.deals.totalCount;
  expect(all).toBeGreaterThan(70);
});

test('single reads, filters, search and relations never reveal other rows', async () => {
  const one = (who: keyof typeof users, id: string) => as(who)(`query($id: ID!) { deal(id: $id) { id name } }`, { id });
  expect((await one('manager1', deals.m2)).data).toEqual({ deal: null });
  expect((await one('manager1', deals.m1)).data).toMatchObject({ deal: { id: deals.m1 } });
  expect((await one('head', deals.m2)).data).toMatchObject({ deal: { id: deals.m2 } });
  expect((await one('head', deals.admin)).data).toEqual({ deal: null });
  expect(await dealIds('manager1', `, filter: { owner: { id: { eq: "${users.manager2.id}" } } }`)).toEqual([]);
  // Users are the workspace's directory: filtering by one's own owner id finds one's own rows ("my deals").
  expect(await dealIds('manager1', `, filter: { owner: { id: { eq: "${users.manager1.id}" } } }`)).toEqual([deals.m1]);
  expect(await dealIds('manager1', `, search: "zebra"`)).toEqual([deals.m1]);
  expect(
    await dealIds('manager1', `, filter: { or: [{ name: { contains: "two" } }, { name: { contains: "one" } }] }`),
  ).toEqual([deals.m1]);
  // Through a relation: the company's deals are only the ones the manager may read.
  const viaCompany = await as('manager1')(
    `query($id: ID!) { deal(id: $id) { company { name deals(first: 100) { totalCount edges { node { id } } } } } }`,
    { id: deals.m1 },
  );
  const inverse = (
    viaCompany.data as { deal: { company: { deals: { totalCount: number; edges: { node: { id: string } }[] } } } }
  ).deal.company.deals;
  expect(inverse.edges.map((e) => e.node.id)).toEqual([deals.m1]);
  expect(inverse.totalCount).toBe(1);
  // Filtering companies by their deals cannot probe deals the manager may not read.
  const probe = await as('manager1')(
    `{ companies(filter: { deals: { name: { contains: "Manager two" } } }) { totalCount } }`,
  );
  expect(probe.data).toEqual({ companies: { totalCount: 0 } });
});

test('aggregates count only readable rows and only readable fields', async () => {
  const groups = await as('head')(`{ dealsAggregate(groupBy: [{ field: stage }]) { key count sum { amount } } }`);
  expect(groups.errors).toBeUndefined();
  expect((groups.data as { dealsAggregate: { count: number }[] }).dealsAggregate.reduce((n, g) => n + g.count, 0)).toBe(
    3,
  );
});

test('field rules: hidden fields are not in the schema, and the record service refuses them on every path', async () => {
  // GraphQL: the manager's schema has no annualRevenue at all, not even its name.
  const type = await as('manager1')(`{ __type(name: "Company") { fields { name } } }`);
  const names = (type.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);
  expect(names).toContain('name');
  expect(names).not.toContain('annualRevenue');
  expect(code(await as('manager1')(`{ companies(first: 1) { edges { node { annualRevenue { amount } } } } }`))).toBe(
    'BAD_USER_INPUT',
  );
  expect(code(await as('manager1')(`{ companies(filter: { annualRevenue: { gt: 0 } }) { totalCount } }`))).toBe(
    'BAD_USER_INPUT',
  );
  const head = await as('head')(`{ companies(filter: { annualRevenue: { gt: 0 } }) { totalCount } }`);
  expect(head.errors).toBeUndefined();
  const objects = await as('manager1')(`{ object(name: "company") { fields { name } } }`);
  expect((objects.data as { object: { fields: { name: string }[] } }).object.fields.map((f) => f.name)).not.toContain(
    'annualRevenue',
  );
  // REST reaches the record service directly: reads leave the field out, everything else is FORBIDDEN.
  const rest = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${users.manager1.token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const filter = encodeURIComponent(JSON.stringify({ annualRevenue: { gt: 0 } }));
  expect((await rest('GET', `/api/companies?filter=${filter}`)).status).toBe(403);
  expect((await rest('GET', '/api/companies?orderBy=-annualRevenue')).status).toBe(403);
  expect((await rest('GET', '/api/companies/aggregate?groupBy=annualRevenue')).status).toBe(403);
  const sums = await rest('GET', '/api/companies/aggregate');
  expect((sums.body as unknown as { sum: Record<string, unknown> }[])[0]!.sum).not.toHaveProperty('annualRevenue');
  expect(
    (await rest('POST', '/api/companies', { name: 'X', annualRevenue: { amount: 1, currency: 'GEL' } })).status,
  ).toBe(403);
  expect((await rest('POST', '/api/deals', { name: 'Mine?', owner: users.manager2.id })).status).toBe(403);
});

test('writes: own rows only, owner cannot be mass-assigned, bulk is all or nothing', async () => {
  expect(
    (
      await as('manager1')(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "negotiation" }) { stage } }`, {
        id: deals.m1,
      })
    ).data,
  ).toEqual({ updateDeal: { stage: 'negotiation' } });
  expect(
    code(
      await as('manager1')(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "won" }) { stage } }`, {
        id: deals.m2,
      }),
    ),
  ).toBe('NOT_FOUND');
  const bulk = await as('manager1')(
    `mutation($a: ID!, $b: ID!) { updateDeals(data: [{ id: $a, data: { name: "changed" } }, { id: $b, data: { name: "changed" } }]) { id } }`,
    { a: deals.m1, b: deals.m2 },
  );
  expect(code(bulk)).toBe('NOT_FOUND');
  expect((await as('head')(`query($id: ID!) { deal(id: $id) { name } }`, { id: deals.m1 })).data).toEqual({
    deal: { name: 'Manager one deal zebra' },
  });
  // `owner` is not even in a manager's input type; REST refuses it (see the field rules test).
  expect(
    code(
      await as('manager1')(`mutation($o: ID!) { createDeal(data: { name: "Mine?", owner: $o }) { id } }`, {
        o: users.manager2.id,
      }),
    ),
  ).toBe('BAD_USER_INPUT');
  const own = await as('manager1')(`mutation { createDeal(data: { name: "Really mine" }) { id owner { id } } }`);
  expect((own.data as { createDeal: { owner: { id: string } } }).createDeal.owner.id).toBe(users.manager1.id);
  // Managers may not delete deals at all: their schema has no deleteDeal, and REST answers FORBIDDEN for
  // any id alike, so the answer says nothing about whether m2 exists.
  expect(code(await as('manager1')(`mutation($id: ID!) { deleteDeal(id: $id) { id } }`, { id: deals.m1 }))).toBe(
    'BAD_USER_INPUT',
  );
  for (const id of [deals.m1, deals.m2, '00000000-0000-4000-8000-000000000000']) {
    const response = await fetch(`${api.server.url}/api/deals/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${users.manager1.token}` },
    });
    expect(response.status).toBe(403);
  }
  expect((await as('head')(`mutation($id: ID!) { deleteDeal(id: $id) { id } }`, { id: deals.m2 })).data).toEqual({
    deleteDeal: { id: deals.m2 },
  });
  expect(code(await as('head')(`mutation($id: ID!) { deleteDeal(id: $id) { id } }`, { id: deals.admin }))).toBe(
    'NOT_FOUND',
  );
});

test('REST applies the same rules', async () => {
  const rest = async (who: keyof typeof users, path: string) => {
    const response = await fetch(`${api.server.url}${path}`, {
      headers: { authorization: `Bearer ${users[who].token}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as { data: { id: string; lostReason?: string }[]; totalCount?: number },
    };
  };
  const list = await rest('manager1', '/api/deals?totalCount=true&first=500');
  const viaGraphQL = await dealIds('manager1');
  expect(list.body.data.map((d) => d.id).sort()).toEqual(viaGraphQL);
  expect(list.body.totalCount).toBe(viaGraphQL.length);
  expect(viaGraphQL).toContain(deals.m1);
  expect((await rest('manager1', `/api/deals/${deals.head}`)).status).toBe(404);
  const companies = await rest('manager1', '/api/companies?first=1');
  expect(companies.body.data[0]).not.toHaveProperty('annualRevenue');
});

test('metadata and people need an admin', async () => {
  expect(
    code(await as('head')(`mutation { createField(input: { object: "deal", name: "x", type: "text" }) { applied } }`)),
  ).toBe('FORBIDDEN');
  expect(code(await as('head')(`{ users { id } }`))).toBe('FORBIDDEN');
  expect(
    code(
      await as('manager1')(
        `mutation { createUser(input: { email: "x@y.io", password: "long enough password" }) { id } }`,
      ),
    ),
  ).toBe('FORBIDDEN');
});

test('sharing a record widens exactly that record, for that user or team, to read or to edit', async () => {
  const fresh = (await as('manager1')(`mutation { createDeal(data: { name: "Shared deal" }) { id } }`)).data as {
    createDeal: { id: string };
  };
  const id = fresh.createDeal.id;
  const read = (who: keyof typeof users) => as(who)(`query($id: ID!) { deal(id: $id) { name } }`, { id });
  expect((await read('manager2')).data).toEqual({ deal: null });
  // Only someone who may update the record may share it.
  expect(
    code(
      await as('manager2')(
        `mutation($id: ID!, $u: ID!) { shareRecord(object: "deal", id: $id, userId: $u) { userId } }`,
        { id, u: users.manager2.id },
      ),
    ),
  ).toBe('NOT_FOUND');
  const shared = await as('manager1')(
    `mutation($id: ID!, $u: ID!) { shareRecord(object: "deal", id: $id, userId: $u, access: READ) { userId access } }`,
    { id, u: users.manager2.id },
  );
  expect(shared.data).toEqual({ shareRecord: [{ userId: users.manager2.id, access: 'READ' }] });
  expect((await read('manager2')).data).toEqual({ deal: { name: 'Shared deal' } });
  expect(await dealIds('manager2')).toContain(id);
  expect(await dealIds('outsider')).not.toContain(id);
  expect(
    code(await as('manager2')(`mutation($id: ID!) { updateDeal(id: $id, data: { name: "Edited" }) { name } }`, { id })),
  ).toBe('FORBIDDEN');
  await as('manager1')(
    `mutation($id: ID!, $u: ID!) { shareRecord(object: "deal", id: $id, userId: $u, access: EDIT) { access } }`,
    { id, u: users.manager2.id },
  );
  expect(
    (await as('manager2')(`mutation($id: ID!) { updateDeal(id: $id, data: { name: "Edited" }) { name } }`, { id }))
      .data,
  ).toEqual({ updateDeal: { name: 'Edited' } });
  await as('manager1')(
    `mutation($id: ID!, $u: ID!) { unshareRecord(object: "deal", id: $id, userId: $u) { userId } }`,
    { id, u: users.manager2.id },
  );
  expect((await read('manager2')).data).toEqual({ deal: null });
  // Shared with a team: every member sees it, others do not.
  const teams = (await api.gql<{ teams: { id: string; name: string }[] }>(`{ teams { id name } }`)).data!.teams;
  await as('manager1')(`mutation($id: ID!, $t: ID!) { shareRecord(object: "deal", id: $id, teamId: $t) { teamId } }`, {
    id,
    t: teams[0]!.id,
  });
  expect((await read('manager2')).data).toEqual({ deal: { name: 'Edited' } });
  expect((await read('outsider')).data).toEqual({ deal: null });
});

describe('the matrix: roles × owner-scoped objects × read paths', () => {
  const objects = [
    { name: 'lead', plural: 'leads', data: (tag: string) => ({ title: `Matrix ${tag}` }) },
    { name: 'deal', plural: 'deals', data: (tag: string) => ({ name: `Matrix ${tag}` }) },
    { name: 'task', plural: 'tasks', data: (tag: string) => ({ title: `Matrix ${tag}` }) },
    { name: 'note', plural: 'notes', data: (tag: string) => ({ title: `Matrix ${tag}`, body: 'x' }) },
  ];
  // Who may read a record owned by whom (the sales CRM roles).
  const expected: Record<'manager1' | 'head' | 'outsider', readonly ('manager1' | 'manager2' | 'head' | 'admin')[]> = {
    manager1: ['manager1'],
    head: ['manager1', 'manager2', 'head'],
    outsider: [],
  };

  test.each(objects)('$plural', async ({ name, plural, data }) => {
    const owners = {
      manager1: users.manager1.id,
      manager2: users.manager2.id,
      head: users.head.id,
      admin: undefined,
    } as const;
    const ids: Record<string, string> = {};
    for (const [owner, id] of Object.entries(owners)) {
      const type = name.charAt(0).toUpperCase() + name.slice(1);
      const r = await api.gql<Record<string, { id: string }>>(
        `mutation($d: ${type}CreateInput!) { create${type}(data: $d) { id } }`,
        {
          d: { ...data(`${owner} ${name}`), ...(id ? { owner: id } : {}) },
        },
      );
      expect(r.errors).toBeUndefined();
      ids[owner] = r.data![`create${type}`]!.id;
    }
    const filter = `filter: { ${name === 'deal' ? 'name' : 'title'}: { startsWith: "Matrix" } }`;
    for (const [role, owners] of Object.entries(expected) as [keyof typeof expected, readonly string[]][]) {
      const want = owners.map((o) => ids[o]!).sort();
      const list = await as(role)(`{ ${plural}(first: 500, ${filter}) { totalCount edges { node { id } } } }`);
      const page = (list.data as Record<string, { totalCount: number; edges: { node: { id: string } }[] }>)[plural]!;
      expect({ role, plural, ids: page.edges.map((e) => e.node.id).sort(), total: page.totalCount }).toEqual({
        role,
        plural,
        ids: want,
        total: want.length,
      });
      const groups = await as(role)(`{ ${plural}Aggregate(${filter}) { count } }`);
      const counted = (groups.data as Record<string, { count: number }[]>)[`${plural}Aggregate`]!.reduce(
        (n, g) => n + g.count,
        0,
      );
      expect({ role, plural, counted }).toEqual({ role, plural, counted: want.length });
      for (const owner of Object.keys(ids)) {
        const one = await as(role)(`query($id: ID!) { ${name}(id: $id) { id } }`, { id: ids[owner] });
        expect({ role, owner, found: (one.data as Record<string, unknown>)[name] !== null }).toEqual({
          role,
          owner,
          found: owners.includes(owner),
        });
      }
      const rest = await fetch(
        `${api.server.url}/api/${plural}?first=500&totalCount=true&filter=${encodeURIComponent(JSON.stringify({ [name === 'deal' ? 'name' : 'title']: { startsWith: 'Matrix' } }))}`,
        {
          headers: { authorization: `Bearer ${users[role].token}` },
        },
      );
      const body = (await rest.json()) as { data: { id: string }[]; totalCount: number };
      expect({ role, plural, rest: body.data.map((d) => d.id).sort(), total: body.totalCount }).toEqual({
        role,
        plural,
        rest: want,
        total: want.length,
      });
    }
  });
});

test('each object says what the caller may do with its records at all (the studio hides the rest)', async () => {
  const permissions = async (token?: string) => {
    const { data } = await api.gql<{ objects: { name: string; permissions: Record<string, boolean> }[] }>(
      `{ objects { name permissions { create read update delete } } }`,
      undefined,
      token,
    );
    return Object.fromEntries(data!.objects.map((o) => [o.name, o.permissions]));
  };
  const manager = await permissions(users.manager1.token);
  expect(manager.product).toEqual({ create: false, read: true, update: false, delete: false });
  expect(manager.deal).toEqual({ create: true, read: true, update: true, delete: false });
  expect((await permissions()).product).toEqual({ create: true, read: true, update: true, delete: true });
});

test('CSV export goes through the same scopes and field rules', async () => {
  const csv = async (who: keyof typeof users, path: string) => {
    const response = await fetch(`${api.server.url}${path}`, {
      headers: { authorization: `Bearer ${users[who].token}` },
    });
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  const deals = await csv('manager1', '/api/deals/export.csv');
  expect(deals.status).toBe(200);
  expect(deals.type).toMatch(/^text\/csv/);
  const lines = deals.text.trim().split('\n');
  const ids = lines
    .slice(1)
    .map((line) => line.split(',')[0])
    .sort();
  expect(ids).toEqual(await dealIds('manager1'));
  const companies = await csv('manager1', '/api/companies/export.csv');
  expect(companies.text.split('\n')[0]).not.toContain('annualRevenue');
  expect((await csv('head', '/api/companies/export.csv')).text.split('\n')[0]).toContain('annualRevenue');
  const filter = encodeURIComponent(JSON.stringify({ annualRevenue: { gt: 0 } }));
  expect((await csv('manager1', `/api/companies/export.csv?filter=${filter}`)).status).toBe(403);
  // An import by someone who may not create the object is refused before a row is read; both refusals audited.
  const form = new FormData();
  form.append('options', JSON.stringify({ columns: [{ column: 'Name', field: 'name' }] }));
  form.append('file', new Blob(['Name\nWidget\n'], { type: 'text/csv' }), 'products.csv');
  const imported = await fetch(`${api.server.url}/api/products/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${users.manager1.token}` },
    body: form,
  });
  expect(imported.status).toBe(403);
  expect(((await imported.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  const denied = await api.gql<{ auditLog: { userId: string; subject: string }[] }>(
    `{ auditLog(event: "permissionDenied", first: 20) { userId subject } }`,
  );
  expect(denied.data!.auditLog).toEqual(
    expect.arrayContaining([
      { userId: users.manager1.id, subject: 'POST /api/products/import' },
      { userId: users.manager1.id, subject: 'GET /api/companies/export.csv' },
    ]),
  );
  const all = await fetch(`${api.server.url}/api/deals/export.csv`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  const adminRows = (await all.text()).trim().split('\n').length - 1;
  expect(adminRows).toBe(
    (await api.gql<{ deals: { totalCount: number } }>(`{ deals { totalCount } }`)).data!.deals.totalCount,
  );
});

test('a relation may only point at records the writer may read', async () => {
  const hidden = await api.gql<{ createLead: { id: string } }>(
    `mutation($o: ID!) { createLead(data: { title: "Hidden lead", owner: $o }) { id } }`,
    { o: users.manager2.id },
  );
  const leadId = hidden.data!.createLead.id;
  const probe = await as('manager1')(`mutation($l: ID!) { createDeal(data: { name: "Probe", lead: $l }) { id } }`, {
    l: leadId,
  });
  expect(code(probe)).toBe('BAD_USER_INPUT');
  expect(probe.errors![0]!.message).toBe(`data.lead: no lead with id ${leadId}`);
  const missing = await as('manager1')(
    `mutation { createDeal(data: { name: "Probe", lead: "00000000-0000-4000-8000-000000000000" }) { id } }`,
  );
  expect(missing.errors![0]!.message).toBe('data.lead: no lead with id 00000000-0000-4000-8000-000000000000');
});
