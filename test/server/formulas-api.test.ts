import { startTestApi, type TestApi } from '../support/api';

/**
 * Formula and rollup fields through the API: read-only output fields of their result type, filters,
 * orderBy with cursors, aggregates, REST and CSV, metadata edits with errors at the input's paths, and a
 * role whose hidden field hides the formulas that read it (from records and from its schema).
 */
const manifest = {
  objects: [
    {
      name: 'client',
      pluralName: 'clients',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'city', type: 'text' },
        { name: 'orders', type: 'relation', target: 'order', many: true, inverse: 'client' },
        { name: 'openOrders', type: 'rollup', relation: 'orders', function: 'count', filter: { paid: false } },
        { name: 'spent', type: 'rollup', relation: 'orders', function: 'sum', field: 'total', filter: { paid: true } },
      ],
    },
    {
      name: 'order',
      pluralName: 'orders',
      fields: [
        { name: 'code', type: 'text', required: true },
        { name: 'total', type: 'currency', currency: 'GEL' },
        { name: 'discount', type: 'percent' },
        { name: 'paid', type: 'boolean', default: false },
        { name: 'client', type: 'relation', target: 'client' },
        { name: 'net', type: 'formula', expression: 'ROUND(total * (100 - COALESCE(discount, 0)) / 100, 2)' },
        { name: 'tag', type: 'formula', expression: "UPPER(code) + ' / ' + client.city" },
        { name: 'big', type: 'formula', expression: 'total >= 1000' },
      ],
    },
  ],
  roles: [
    {
      name: 'clerk',
      rules: [
        { action: 'read', subject: ['order', 'client'] },
        { action: 'read', subject: 'order', fields: ['discount'], inverted: true },
      ],
    },
  ],
};

let api: TestApi;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
  const clients = await api.gql<{ createClients: { id: string }[] }>(
    `mutation { createClients(data: [{ name: "Nino", city: "Tbilisi" }, { name: "Aibek", city: "Almaty" }]) { id } }`,
  );
  const [nino, aibek] = clients.data!.createClients;
  const orders = await api.gql(`mutation($d: [OrderCreateInput!]!) { createOrders(data: $d) { id } }`, {
    d: [
      { code: 'a-1', total: { amount: 1200 }, discount: 10, paid: true, client: nino!.id },
      { code: 'a-2', total: { amount: 300 }, client: nino!.id },
      { code: 'b-1', total: { amount: 50 }, discount: 50, client: aibek!.id },
    ],
  });
  expect(orders.errors).toBeUndefined();
});
afterAll(() => api.close());

test('formulas and rollups read as fields of their result type', async () => {
  const result = await api.gql<{ orders: { edges: { node: Record<string, unknown> }[] } }>(
    `{ orders(orderBy: [{ field: code }]) { edges { node { code net { amount currency } tag big } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.orders.edges.map((e) => e.node)).toEqual([
    { code: 'a-1', net: { amount: 1080, currency: 'GEL' }, tag: 'A-1 / Tbilisi', big: true },
    { code: 'a-2', net: { amount: 300, currency: 'GEL' }, tag: 'A-2 / Tbilisi', big: false },
    { code: 'b-1', net: { amount: 25, currency: 'GEL' }, tag: 'B-1 / Almaty', big: false },
  ]);
  const clients = await api.gql<{ clients: { edges: { node: Record<string, unknown> }[] } }>(
    `{ clients(orderBy: [{ field: name }]) { edges { node { name openOrders spent { amount currency } orders { totalCount } } } } }`,
  );
  expect(clients.data!.clients.edges.map((e) => e.node)).toEqual([
    { name: 'Aibek', openOrders: 1, spent: { amount: 0, currency: 'GEL' }, orders: { totalCount: 1 } },
    { name: 'Nino', openOrders: 1, spent: { amount: 1200, currency: 'GEL' }, orders: { totalCount: 2 } },
  ]);
});

test('a query computes only the formulas and rollups it shows', async () => {
  // The computed values' SQL: `… AS "_fx_<key>"` in the select list, one alias per value (two for money).
  const computedAliases = () =>
    new Set(api.db.statements.flatMap((text) => [...text.matchAll(/AS "(_fx_\w+)"/g)].map((m) => m[1])));
  const read = async (query: string) => {
    api.db.reset();
    const result = await api.gql<Record<string, unknown>>(query);
    expect(result.errors).toBeUndefined();
    return { data: result.data!, computed: computedAliases().size };
  };
  expect((await read(`{ orders { edges { node { code } } } }`)).computed).toBe(0);
  const tag = await read(`{ orders(orderBy: [{ field: code }]) { edges { node { code tag } } } }`);
  expect(tag.computed).toBe(1);
  expect(tag.data).toEqual({
    orders: {
      edges: [
        { node: { code: 'a-1', tag: 'A-1 / Tbilisi' } },
        { node: { code: 'a-2', tag: 'A-2 / Tbilisi' } },
        { node: { code: 'b-1', tag: 'B-1 / Almaty' } },
      ],
    },
  });
  // Through a fragment, and sorted by a formula the query does not show (its value orders the page). `net`
  // takes the currency of `total`, a column the read selects anyway: its code is not computed again.
  const net = await read(`{ orders(orderBy: [{ field: big, direction: DESC }, { field: code }]) {
      edges { node { ...Net } } } } fragment Net on Order { code net { amount } }`);
  expect(net.computed).toBe(2);
  expect(net.data).toEqual({
    orders: {
      edges: [
        { node: { code: 'a-1', net: { amount: 1080 } } },
        { node: { code: 'a-2', net: { amount: 300 } } },
        { node: { code: 'b-1', net: { amount: 25 } } },
      ],
    },
  });
  const { data: ids } = await read(`{ orders(first: 1, orderBy: [{ field: code }]) { edges { node { id } } } }`);
  const id = (ids as { orders: { edges: { node: { id: string } }[] } }).orders.edges[0]!.node.id;
  expect((await read(`{ order(id: "${id}") { code } }`)).computed).toBe(0);
  const one = await read(`{ order(id: "${id}") { ... on Order { big } } }`);
  expect(one).toEqual({ data: { order: { big: true } }, computed: 1 });
  const clients = await read(`{ clients(orderBy: [{ field: name }]) { edges { node { name openOrders } } } }`);
  expect(clients.computed).toBe(1);
  expect(clients.data).toEqual({
    clients: { edges: [{ node: { name: 'Aibek', openOrders: 1 } }, { node: { name: 'Nino', openOrders: 1 } }] },
  });
  // Through relations: the related records compute what the query shows of them, and nothing else.
  const withClient = await read(
    `{ orders(first: 1, orderBy: [{ field: code }]) { edges { node { code client { name spent { amount } } } } } }`,
  );
  expect(withClient.computed).toBe(2); // spent and its currency (a sum's code is computed)
  expect(withClient.data).toEqual({
    orders: { edges: [{ node: { code: 'a-1', client: { name: 'Nino', spent: { amount: 1200 } } } }] },
  });
  const withOrders = await read(
    `{ clients(orderBy: [{ field: name }]) { edges { node { name orders(orderBy: [{ field: code }]) { edges { node { code tag } } } } } } }`,
  );
  expect(withOrders.computed).toBe(1);
  expect(withOrders.data).toEqual({
    clients: {
      edges: [
        { node: { name: 'Aibek', orders: { edges: [{ node: { code: 'b-1', tag: 'B-1 / Almaty' } }] } } },
        {
          node: {
            name: 'Nino',
            orders: {
              edges: [{ node: { code: 'a-1', tag: 'A-1 / Tbilisi' } }, { node: { code: 'a-2', tag: 'A-2 / Tbilisi' } }],
            },
          },
        },
      ],
    },
  });
});

test('filters, orderBy with cursors and aggregates take formulas and rollups', async () => {
  const filtered = await api.gql<{ orders: { edges: { node: { code: string } }[] } }>(
    `{ orders(filter: { net: { gte: 100 }, tag: { contains: "tbilisi" } }) { edges { node { code } } } }`,
  );
  expect(filtered.data!.orders.edges.map((e) => e.node.code).sort()).toEqual(['a-1', 'a-2']);
  const busy = await api.gql<{ clients: { edges: { node: { name: string } }[] } }>(
    `{ clients(filter: { spent: { gt: 0 } }) { edges { node { name } } } }`,
  );
  expect(busy.data!.clients.edges.map((e) => e.node.name)).toEqual(['Nino']);
  const first = await api.gql<{ orders: { edges: { node: { code: string } }[]; pageInfo: { endCursor: string } } }>(
    `{ orders(first: 2, orderBy: [{ field: net, direction: DESC }]) { edges { node { code } } pageInfo { endCursor } } }`,
  );
  expect(first.data!.orders.edges.map((e) => e.node.code)).toEqual(['a-1', 'a-2']);
  const next = await api.gql<{ orders: { edges: { node: { code: string } }[] } }>(
    `query($after: String) { orders(first: 2, after: $after, orderBy: [{ field: net, direction: DESC }]) { edges { node { code } } } }`,
    { after: first.data!.orders.pageInfo.endCursor },
  );
  expect(next.data!.orders.edges.map((e) => e.node.code)).toEqual(['b-1']);
  const groups = await api.gql<{ ordersAggregate: { key: { big: boolean }; count: number; sum: { net: number } }[] }>(
    `{ ordersAggregate(groupBy: [{ field: big }]) { key count sum { net } } }`,
  );
  expect(groups.errors).toBeUndefined();
  expect(groups.data!.ordersAggregate).toEqual([
    { key: { big: false }, count: 2, sum: { net: 325 } },
    { key: { big: true }, count: 1, sum: { net: 1080 } },
  ]);
});

test('they are not inputs: a mutation naming one is refused', async () => {
  const viaGraphQL = await api.gql(`mutation { createOrder(data: { code: "x", net: { amount: 1 } }) { id } }`);
  expect(viaGraphQL.errors?.[0]?.message).toMatch(/"net" is not defined by type "OrderCreateInput"/);
  const viaRest = await fetch(`${api.server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ code: 'x', tag: 'mine' }),
  });
  expect(viaRest.status).toBe(400);
  expect(await viaRest.json()).toMatchObject({
    error: {
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'data.tag', message: 'is computed (a formula) and cannot be set' }],
    },
  });
});

test('REST lists and CSV exports carry them', async () => {
  const headers = { authorization: `Bearer ${api.token}` };
  const list = (await (await fetch(`${api.server.url}/api/orders?orderBy=-net`, { headers })).json()) as {
    data: Record<string, unknown>[];
  };
  expect(list.data.map((o) => [o.code, o.tag])).toEqual([
    ['a-1', 'A-1 / Tbilisi'],
    ['a-2', 'A-2 / Tbilisi'],
    ['b-1', 'B-1 / Almaty'],
  ]);
  const csv = await (await fetch(`${api.server.url}/api/orders/export.csv?orderBy=code`, { headers })).text();
  const [header, firstRow] = csv.trim().split('\n');
  expect(header!.split(',').slice(-3)).toEqual(['net', 'tag', 'big']);
  expect(firstRow!.split(',').slice(-3)).toEqual(['1080 GEL', 'A-1 / Tbilisi', 'true']);
});

test('metadata edits of formulas report problems at the input', async () => {
  const bad = await api.gql(`mutation($i: FieldCreateInput!) { createField(input: $i) { applied } }`, {
    i: { object: 'order', name: 'gross', type: 'formula', expression: 'net * (1 + tax)' },
  });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0]!.extensions!.problems).toEqual([
    { path: 'input.expression', message: 'unknown field "tax" on order at position 11 (did you mean "tag"?)' },
  ]);
  const good = await api.gql(`mutation($i: FieldCreateInput!) { createField(input: $i) { applied changes } }`, {
    i: { object: 'order', name: 'gross', type: 'formula', expression: 'net * 1.18' },
  });
  expect(good.errors).toBeUndefined();
  const read = await api.gql<{ orders: { edges: { node: { gross: { amount: number } } }[] } }>(
    `{ orders(filter: { code: { eq: "a-1" } }) { edges { node { gross { amount } } } } }`,
  );
  expect(read.data!.orders.edges[0]!.node.gross.amount).toBeCloseTo(1274.4);
  const removed = await api.gql(`mutation { deleteField(object: "order", name: "gross") { applied } }`);
  expect(removed.errors).toBeUndefined();
});

test('a field the caller may not read makes the formulas that read it unreadable too', async () => {
  const email = `clerk@${api.email.split('@')[0]}.test`;
  const created = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email, password: 'a long enough password', name: 'Clerk', roles: ['clerk'] },
  });
  expect(created.errors).toBeUndefined();
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long enough password' }),
    })
  ).json()) as { token: string };
  // `net` reads the hidden discount: it is not in the clerk's schema; `tag` and `big` are.
  const hidden = await api.gql(`{ orders { edges { node { code net { amount } } } } }`, undefined, login.token);
  expect(hidden.errors?.[0]?.message).toMatch(/Cannot query field "net" on type "Order"/);
  const filter = await api.gql(`{ orders(filter: { net: { gt: 0 } }) { totalCount } }`, undefined, login.token);
  expect(filter.errors?.[0]?.message).toMatch(/"net" is not defined by type "OrderFilter"/);
  const visible = await api.gql<{ orders: { edges: { node: Record<string, unknown> }[] } }>(
    `{ orders(orderBy: [{ field: code }]) { edges { node { code tag big } } } }`,
    undefined,
    login.token,
  );
  expect(visible.errors).toBeUndefined();
  expect(visible.data!.orders.edges[0]!.node).toEqual({ code: 'a-1', tag: 'A-1 / Tbilisi', big: true });
  // REST and CSV leave it out as well.
  const rest = (await (
    await fetch(`${api.server.url}/api/orders?orderBy=code`, { headers: { authorization: `Bearer ${login.token}` } })
  ).json()) as { data: Record<string, unknown>[] };
  expect(Object.keys(rest.data[0]!)).not.toContain('net');
  expect(Object.keys(rest.data[0]!)).toContain('tag');
  const sorted = await fetch(`${api.server.url}/api/orders?orderBy=net`, {
    headers: { authorization: `Bearer ${login.token}` },
  });
  expect(sorted.status).toBe(403);
});
