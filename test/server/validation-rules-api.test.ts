import { closeDefaultScriptRunner } from '../../runtime/src/validation/default-runner';
import { createPerson, startTestApi, type TestApi } from '../support/api';

/**
 * Validation rules through the API: a refused write answers BAD_USER_INPUT with the path of the field
 * and the rule's name in `extensions` (GraphQL) and in `problems` (REST), a failing script SCRIPT_ERROR
 * naming the rule; rules show in the metadata (in full to admins only) and are edited with updateObject.
 */
const lostNeedsReason = {
  name: 'lostNeedsReason',
  message: 'A lost deal needs a reason',
  fields: ['lostReason'],
  condition: { $or: [{ stage: { $neq: 'lost' } }, { lostReason: { $isNull: false } }] },
};
const discountLimit = {
  name: 'discountLimit',
  message: 'Discounts above 50% are not allowed',
  fields: ['discount'],
  script:
    "if (record.name === 'boom') throw new Error('kaboom');\nreturn record.discount === null || record.discount <= 50",
};
const manifest = {
  objects: [
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'stage', type: 'select', options: ['new', 'won', 'lost'], default: 'new' },
        { name: 'lostReason', type: 'longText' },
        { name: 'discount', type: 'percent' },
      ],
      validationRules: [lostNeedsReason, discountLimit],
    },
  ],
  roles: [
    {
      name: 'rep',
      rules: [
        { action: ['read', 'create', 'update'], subject: 'deal' },
        { action: 'read', subject: 'deal', fields: ['discount'], inverted: true },
      ],
    },
  ],
};

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  const applied = await api.gql(`mutation($m: JSON!) { applyManifest(manifest: $m) { applied } }`, { m: manifest });
  expect(applied.errors).toBeUndefined();
});
afterAll(async () => {
  await api.close();
  await closeDefaultScriptRunner();
});

test('a write that breaks a rule answers BAD_USER_INPUT at the field, naming the rule', async () => {
  const single = await api.gql(`mutation { createDeal(data: { name: "Lost", stage: "lost" }) { id } }`);
  expect(single.data).toBeNull();
  expect(single.errors![0]).toMatchObject({
    message: 'data.lostReason: validation rule "lostNeedsReason" failed: A lost deal needs a reason',
    extensions: {
      code: 'BAD_USER_INPUT',
      field: 'data.lostReason',
      rules: ['lostNeedsReason'],
      problems: [
        {
          path: 'data.lostReason',
          message: 'validation rule "lostNeedsReason" failed: A lost deal needs a reason',
          rule: 'lostNeedsReason',
        },
      ],
    },
  });

  const batch = await api.gql(
    `mutation { createDeals(data: [{ name: "Fine" }, { name: "Generous", discount: 75 }]) { id } }`,
  );
  expect(batch.errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'data[1].discount',
    problems: [{ path: 'data[1].discount', rule: 'discountLimit' }],
  });
  const count = await api.gql<{ deals: { totalCount: number } }>(`{ deals { totalCount } }`);
  expect(count.data!.deals.totalCount).toBe(0);
});

test('an update is checked merged with the stored record; REST answers the same problems', async () => {
  const created = await api.gql<{ createDeal: { id: string } }>(
    `mutation { createDeal(data: { name: "Open" }) { id } }`,
  );
  const { id } = created.data!.createDeal;
  const update = await api.gql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "lost" }) { id } }`, { id });
  expect(update.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'data.lostReason' });

  const response = await fetch(`${api.server.url}/api/deals/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}` },
    body: JSON.stringify({ discount: 90 }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    error: {
      code: 'BAD_USER_INPUT',
      message: 'data.discount: validation rule "discountLimit" failed: Discounts above 50% are not allowed',
      problems: [
        {
          path: 'data.discount',
          message: 'validation rule "discountLimit" failed: Discounts above 50% are not allowed',
          rule: 'discountLimit',
        },
      ],
    },
  });
});

test('a script that fails answers SCRIPT_ERROR naming the rule', async () => {
  const result = await api.gql(`mutation { createDeal(data: { name: "boom" }) { id } }`);
  expect(result.errors![0]).toMatchObject({
    message: 'validation rule "discountLimit" failed to run: Error: kaboom (line 1)',
    extensions: { code: 'SCRIPT_ERROR', rule: 'discountLimit', line: 1 },
  });
});

test('rules show in the metadata: in full to admins, without condition or script to others', async () => {
  const query = `{ object(name: "deal") { validationRules } }`;
  const admin = await api.gql<{ object: { validationRules: unknown } }>(query);
  expect(admin.data!.object.validationRules).toEqual([
    { ...lostNeedsReason, active: true },
    { ...discountLimit, active: true },
  ]);

  const login = await createPerson(api, 'rep', ['rep']);
  const rep = await api.gql<{ object: { validationRules: unknown } }>(query, undefined, login.token);
  // The rep may not read `discount`, so the discount rule names no field they could see.
  expect(rep.data!.object.validationRules).toEqual([
    { name: 'lostNeedsReason', message: 'A lost deal needs a reason', fields: ['lostReason'] },
    { name: 'discountLimit', message: 'Discounts above 50% are not allowed', fields: [] },
  ]);
});

test('updateObject edits the rules, with problems at the input', async () => {
  const bad = await api.gql(`mutation($i: ObjectUpdateInput!) { updateObject(name: "deal", input: $i) { applied } }`, {
    i: { validationRules: [{ name: 'typo', message: 'm', condition: { discont: { $gt: 1 } } }] },
  });
  expect(bad.errors![0]!.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.validationRules[0].condition.discont',
  });

  const named = {
    name: 'named',
    message: 'Deals need a longer name',
    fields: ['name'],
    condition: { name: { $startsWith: 'Deal' } },
  };
  const good = await api.gql<{ updateObject: { applied: boolean; changes: string[] } }>(
    `mutation($i: ObjectUpdateInput!) { updateObject(name: "deal", input: $i) { applied changes } }`,
    { i: { validationRules: [lostNeedsReason, discountLimit, named] } },
  );
  expect(good.data!.updateObject).toEqual({ applied: true, changes: ['~ object deal (validation rules)'] });
  const refused = await api.gql(`mutation { createDeal(data: { name: "Short" }) { id } }`);
  expect(refused.errors![0]!.extensions).toMatchObject({ field: 'data.name', rules: ['named'] });
  const accepted = await api.gql(`mutation { createDeal(data: { name: "Deal of the year" }) { id } }`);
  expect(accepted.errors).toBeUndefined();
});
