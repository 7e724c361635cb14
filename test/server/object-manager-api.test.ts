import { startTestApi, type TestApi } from '../support/api';

/**
 * What the studio's object manager asks of the API besides the plain metadata mutations: `checkFormula`
 * (a formula checked as it is typed, with the problem's position and the result type) and `dryRun` on the
 * one-change mutations (the plan of a change, with its destructive parts, and nothing applied).
 */
const manifest = {
  objects: [
    {
      name: 'client',
      pluralName: 'clients',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'orders', type: 'relation', target: 'order', many: true, inverse: 'client' },
      ],
    },
    {
      name: 'order',
      pluralName: 'orders',
      fields: [
        { name: 'code', type: 'text', required: true },
        { name: 'total', type: 'currency', currency: 'GEL' },
        { name: 'quantity', type: 'number' },
        { name: 'status', type: 'select', options: ['new', 'paid', 'shipped'] },
        { name: 'client', type: 'relation', target: 'client' },
        { name: 'double', type: 'formula', expression: 'quantity * 2' },
      ],
    },
    { name: 'tag', pluralName: 'tags', fields: [{ name: 'name', type: 'text' }] },
  ],
};

interface Plan {
  applied: boolean;
  revision: number | null;
  changes: string[];
  destructive: string[];
}
const PLAN = 'applied revision changes destructive';

let api: TestApi;
const revision = async () =>
  (await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;
const check = async (variables: Record<string, unknown>) => {
  const result = await api.gql<{
    checkFormula: {
      ok: boolean;
      type: string | null;
      problems: { path: string; message: string; position: number | null }[];
    };
  }>(
    `query($object: String!, $expression: String!, $resultType: String, $field: String) {
      checkFormula(object: $object, expression: $expression, resultType: $resultType, field: $field) {
        ok type problems { path message position }
      }
    }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.checkFormula;
};

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
});
afterAll(() => api?.close());

test('fieldTypes lists the registry with each type’s settings as JSON Schema', async () => {
  const result = await api.gql<{
    fieldTypes: {
      name: string;
      computed: boolean;
      settings: { properties: Record<string, unknown>; required?: string[] };
      operators: string[];
    }[];
  }>('{ fieldTypes { name computed settings operators } }');
  expect(result.errors).toBeUndefined();
  const types = result.data!.fieldTypes;
  expect(types.map((t) => t.name)).toEqual(expect.arrayContaining(['text', 'select', 'relation', 'formula', 'rollup']));
  const byName = Object.fromEntries(types.map((t) => [t.name, t]));
  expect(byName['rating']!.settings.properties).toEqual({
    max: expect.objectContaining({ type: 'integer', minimum: 1, maximum: 10 }),
  });
  expect(byName['relation']!.settings.required).toEqual(['target']);
  expect(Object.keys(byName['formula']!.settings.properties)).toEqual(['expression', 'resultType', 'currency']);
  expect(byName['formula']!.computed).toBe(true);
  expect(byName['boolean']!.settings.properties).toEqual({});
  // The condition operators, as the condition parser allows them on a field of the type.
  expect(byName['text']!.operators).toEqual([
    'eq',
    'neq',
    'in',
    'nin',
    'isNull',
    'gt',
    'gte',
    'lt',
    'lte',
    'contains',
    'startsWith',
  ]);
  expect(byName['number']!.operators).toEqual(['eq', 'neq', 'in', 'nin', 'isNull', 'gt', 'gte', 'lt', 'lte']);
  expect(byName['select']!.operators).toEqual(['eq', 'neq', 'in', 'nin', 'isNull']);
  expect(byName['multiSelect']!.operators).toEqual(['contains', 'eq', 'isNull']);
  expect(byName['boolean']!.operators).toEqual(['eq', 'neq', 'isNull']);
  expect(byName['relation']!.operators).toEqual(['eq', 'neq', 'in', 'nin', 'isNull']);
  expect(byName['formula']!.operators).toEqual(['isNull']);
  expect(byName['json']!.operators).toEqual(['isNull']);
});

test("an object's names in the generated API and each field's GraphQL type, as generic clients need them", async () => {
  const result = await api.gql<{
    object: { api: Record<string, string>; fields: { name: string; graphqlType: string | null }[] };
  }>('{ object(name: "order") { api fields(includeSystem: true) { name graphqlType } } }');
  expect(result.errors).toBeUndefined();
  expect(result.data!.object.api).toMatchObject({
    type: 'Order',
    many: 'orders',
    filter: 'OrderFilter',
    update: 'updateOrder',
    aggregate: 'ordersAggregate',
  });
  const types = Object.fromEntries(result.data!.object.fields.map((f) => [f.name, f.graphqlType]));
  expect(types).toMatchObject({
    id: 'ID!',
    code: 'String!',
    total: 'Currency',
    quantity: 'Float',
    status: 'String',
    client: 'Client',
    double: 'Float',
    owner: 'User',
  });
  const client = await api.gql<{ object: { fields: { name: string; graphqlType: string | null }[] } }>(
    '{ object(name: "client") { fields { name graphqlType } } }',
  );
  expect(client.data!.object.fields.find((f) => f.name === 'orders')!.graphqlType).toBe('OrderConnection!');
});

describe('checkFormula', () => {
  test('answers the result type of a good formula, through relations and currencies too', async () => {
    expect(await check({ object: 'order', expression: 'quantity * 2 + 1' })).toEqual({
      ok: true,
      type: 'number',
      problems: [],
    });
    expect((await check({ object: 'order', expression: 'total * 2' })).type).toBe('currency');
    expect((await check({ object: 'order', expression: "UPPER(code) + ' ' + client.name" })).type).toBe('text');
    expect((await check({ object: 'order', expression: 'quantity > 3' })).type).toBe('boolean');
  });

  test('names the problem of a bad formula with its position in the expression', async () => {
    const unknown = await check({ object: 'order', expression: 'quantity * prise' });
    expect(unknown.ok).toBe(false);
    expect(unknown.type).toBeNull();
    expect(unknown.problems).toEqual([
      { path: 'expression', message: expect.stringContaining('unknown field "prise"'), position: 11 },
    ]);
    const syntax = await check({ object: 'order', expression: 'quantity *' });
    expect(syntax.problems[0]).toEqual(expect.objectContaining({ path: 'expression', position: expect.any(Number) }));
    const typed = await check({ object: 'order', expression: 'code * 2' });
    expect(typed.problems[0]!.message).toContain('the left side of "*"');
    expect(typed.problems[0]!.position).toBe(0);
  });

  test('checks the declared result type, and an edited field against itself (a cycle)', async () => {
    const declared = await check({ object: 'order', expression: 'quantity * 2', resultType: 'text' });
    expect(declared.problems).toEqual([
      { path: 'expression', message: 'gives a number, but "resultType" is "text"', position: null },
    ]);
    const cycle = await check({ object: 'order', expression: 'double + 1', field: 'double' });
    expect(cycle.problems[0]!.message).toContain('formula cycle');
    // A new formula may use the existing one.
    expect((await check({ object: 'order', expression: 'double + 1' })).type).toBe('number');
  });

  test('changes nothing, is refused for unknown objects and result types, and needs an admin', async () => {
    const before = await revision();
    await check({ object: 'order', expression: 'quantity' });
    expect(await revision()).toBe(before);
    const missing = await api.gql(`{ checkFormula(object: "nothing", expression: "1") { ok } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badType = await api.gql(`{ checkFormula(object: "order", expression: "1", resultType: "money") { ok } }`);
    expect(badType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await api.gql(`{ checkFormula(object: "order", expression: "1") { ok } }`, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('dryRun on the one-change mutations', () => {
  const fieldNames = async (object: string) =>
    (
      await api.gql<{ object: { fields: { name: string; settings: { options?: unknown[] } }[] } }>(
        `query($o: String!) { object(name: $o) { fields { name settings } } }`,
        { o: object },
      )
    ).data!.object.fields;

  test('updateField plans an option removal as destructive and changes nothing', async () => {
    const before = await revision();
    const result = await api.gql<{ updateField: Plan }>(
      `mutation { updateField(object: "order", name: "status", input: { options: ["new", "paid"] }, dryRun: true) { ${PLAN} } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateField).toEqual({
      applied: false,
      revision: null,
      changes: [expect.stringContaining('~ field order.status')],
      destructive: [expect.stringContaining('~ field order.status')],
    });
    expect(await revision()).toBe(before);
    const status = (await fieldNames('order')).find((f) => f.name === 'status')!;
    expect(status.settings.options).toEqual(['new', 'paid', 'shipped']);
    // Without dryRun and allowDestructive the same change is refused; with it, it is applied.
    const refused = await api.gql(
      `mutation { updateField(object: "order", name: "status", input: { options: ["new", "paid"] }) { applied } }`,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const applied = await api.gql<{ updateField: Plan }>(
      `mutation { updateField(object: "order", name: "status", input: { options: ["new", "paid"] }, allowDestructive: true) { ${PLAN} } }`,
    );
    expect(applied.data!.updateField.revision).toBe(before + 1);
  });

  test('deleteField, updateObject and deleteObject plan without applying', async () => {
    const before = await revision();
    const field = await api.gql<{ deleteField: Plan }>(
      `mutation { deleteField(object: "order", name: "quantity", dryRun: true) { ${PLAN} } }`,
    );
    // `double` reads quantity, so removing it alone is refused even as a dry run: the plan would not check.
    expect(field.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const code = await api.gql<{ deleteField: Plan }>(
      `mutation { deleteField(object: "order", name: "code", dryRun: true) { ${PLAN} } }`,
    );
    expect(code.data!.deleteField).toEqual({
      applied: false,
      revision: null,
      changes: [expect.stringMatching(/^- field order\.code/)],
      destructive: [expect.stringMatching(/^- field order\.code/)],
    });
    const renamed = await api.gql<{ updateObject: Plan }>(
      `mutation { updateObject(name: "tag", input: { name: "label", pluralName: "labels" }, dryRun: true) { ${PLAN} } }`,
    );
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data!.updateObject.changes).toEqual(expect.arrayContaining(['~ object tag → label']));
    expect(renamed.data!.updateObject.applied).toBe(false);
    const removed = await api.gql<{ deleteObject: Plan }>(
      `mutation { deleteObject(name: "order", dryRun: true) { ${PLAN} } }`,
    );
    expect(removed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // client.orders points at it
    expect(await revision()).toBe(before);
    expect((await fieldNames('order')).map((f) => f.name)).toContain('code');
    expect((await api.gql<{ object: unknown }>(`{ object(name: "tag") { name } }`)).data!.object).toEqual({
      name: 'tag',
    });
    const tag = await api.gql<{ deleteObject: Plan }>(
      `mutation { deleteObject(name: "tag", dryRun: true) { ${PLAN} } }`,
    );
    expect(tag.data!.deleteObject).toEqual(
      expect.objectContaining({ applied: false, destructive: [expect.stringMatching(/^- object tag/)] }),
    );
    expect(await revision()).toBe(before);
  });

  test('renaming an object that relations point at keeps them (they follow the rename)', async () => {
    const before = await revision();
    const planned = await api.gql<{ updateObject: Plan }>(
      `mutation { updateObject(name: "client", input: { name: "customer", pluralName: "customers" }, dryRun: true) { ${PLAN} } }`,
    );
    expect(planned.errors).toBeUndefined();
    expect(planned.data!.updateObject).toEqual(
      expect.objectContaining({ applied: false, changes: ['~ object client → customer'], destructive: [] }),
    );
    expect(await revision()).toBe(before);
    const created = await api.gql<{ createClient: { id: string } }>(
      `mutation { createClient(data: { name: "Nino" }) { id } }`,
    );
    const nino = created.data!.createClient.id;
    const order = await api.gql(`mutation($c: ID!) { createOrder(data: { code: "a-1", client: $c }) { id } }`, {
      c: nino,
    });
    expect(order.errors).toBeUndefined();
    const renamed = await api.gql<{ updateObject: Plan }>(
      `mutation { updateObject(name: "client", input: { name: "customer", pluralName: "customers" }) { ${PLAN} } }`,
    );
    expect(renamed.data!.updateObject.revision).toBe(before + 1);
    const orders = await api.gql<{ orders: { edges: { node: { code: string; client: { name: string } } }[] } }>(
      `{ orders { edges { node { code client { name } } } } }`,
    );
    expect(orders.errors).toBeUndefined();
    expect(orders.data!.orders.edges.map((e) => e.node)).toEqual([{ code: 'a-1', client: { name: 'Nino' } }]);
    const customers = await api.gql<{ customers: { edges: { node: { orders: { totalCount: number } } }[] } }>(
      `{ customers { edges { node { orders { totalCount } } } } }`,
    );
    expect(customers.data!.customers.edges[0]!.node.orders.totalCount).toBe(1);
    const relation = await api.gql<{ object: { fields: { name: string; settings: { target?: string } }[] } }>(
      `{ object(name: "order") { fields { name settings } } }`,
    );
    expect(relation.data!.object.fields.find((f) => f.name === 'client')!.settings.target).toBe('customer');
  });
});
