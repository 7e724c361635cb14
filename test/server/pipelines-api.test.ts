import { startTestApi, type GraphQLErrorJson, type TestApi } from '../support/api';

/**
 * Pipelines through GraphQL on the sales CRM: read with every stage setting, saved (plan first, destructive
 * only when confirmed), refused at the input's paths, deleted keeping the field; admins only.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ seed: 'sales-crm' });
});
afterAll(() => api.close());

interface Plan {
  applied: boolean;
  revision: number | null;
  changes: string[];
  destructive: string[];
}
const SAVE = `mutation($input: JSON!, $dryRun: Boolean, $allowDestructive: Boolean) {
  savePipeline(input: $input, dryRun: $dryRun, allowDestructive: $allowDestructive) { applied revision changes destructive }
}`;
const save = (input: unknown, flags: { dryRun?: boolean; allowDestructive?: boolean } = {}, token?: string) =>
  api.gql<{ savePipeline: Plan }>(SAVE, { input, ...flags }, token);
const problems = (r: { errors?: GraphQLErrorJson[] }) => r.errors?.[0]?.extensions?.problems ?? [];

interface StageJson {
  name: string;
  label: string;
  labels: unknown;
  probability: number;
  won: boolean;
  lost: boolean;
  color: string | null;
}
async function pipelines(): Promise<{ object: string; field: string; label: string | null; stages: StageJson[] }[]> {
  const r = await api.gql<{ pipelines: never[] }>(
    `{ pipelines { object field label(locale: "ru") labels stages { name label(locale: "ru") labels probability won lost color } } }`,
  );
  expect(r.errors).toBeUndefined();
  return r.data!.pipelines;
}

async function fieldOf(object: string, field: string) {
  const r = await api.gql<{ object: { fields: { name: string; type: string; settings: { options?: unknown[] } }[] } }>(
    `query($name: String!) { object(name: $name) { fields { name type settings } } }`,
    { name: object },
  );
  return r.data!.object.fields.find((f) => f.name === field);
}

const funnel = [
  { name: 'fresh', label: { en: 'Fresh', ru: 'Новый' }, probability: 5, color: '#1971c2' },
  { name: 'called', label: 'Called', probability: 30 },
  { name: 'converted', label: 'Converted', probability: 100, won: true, color: '#2f9e44' },
  { name: 'junk', label: 'Junk', probability: 0, lost: true },
];

test('pipelines read with every stage setting, labels in all locales', async () => {
  const [sales] = await pipelines();
  expect(sales).toMatchObject({ object: 'deal', field: 'stage', label: 'Воронка продаж' });
  expect(sales!.stages.find((s) => s.name === 'won')).toEqual({
    name: 'won',
    label: 'Выиграна',
    labels: expect.objectContaining({ en: 'Won', ru: 'Выиграна', ka: 'მოგებული' }),
    probability: 100,
    won: true,
    lost: false,
    color: '#30a46c',
  });
});

test('a new pipeline on a new field: planned, then saved; its select field takes the stages', async () => {
  const revision = (await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;
  const input = { object: 'lead', field: 'funnel', label: { en: 'Lead funnel', ru: 'Воронка лидов' }, stages: funnel };
  const planned = await save(input, { dryRun: true });
  expect(planned.data!.savePipeline).toEqual({
    applied: false,
    revision: null,
    changes: ['+ field lead.funnel (select)', '+ pipeline lead.funnel (fresh → called → converted → junk)'],
    destructive: [],
  });
  expect(await fieldOf('lead', 'funnel')).toBeUndefined();

  const saved = await save(input);
  expect(saved.data!.savePipeline).toMatchObject({ applied: true, revision: revision + 1 });
  expect((await fieldOf('lead', 'funnel'))!).toEqual({
    name: 'funnel',
    type: 'select',
    settings: {
      options: [
        { value: 'fresh', label: { en: 'Fresh', ru: 'Новый' }, color: '#1971c2' },
        { value: 'called', label: 'Called' },
        { value: 'converted', label: 'Converted', color: '#2f9e44' },
        { value: 'junk', label: 'Junk' },
      ],
    },
  });
  const lead = (await pipelines()).find((p) => p.field === 'funnel')!;
  expect(lead.label).toBe('Воронка лидов');
  expect(lead.stages.map((s) => [s.name, s.label, s.probability, s.won, s.lost])).toEqual([
    ['fresh', 'Новый', 5, false, false],
    ['called', 'Called', 30, false, false],
    ['converted', 'Converted', 100, true, false],
    ['junk', 'Junk', 0, false, true],
  ]);
  // The next request's schema has the field: a lead can be put at a stage.
  const created = await api.gql<{ createLead: { funnel: string } }>(
    `mutation { createLead(data: { title: "Trade fair", lastName: "Kim", funnel: "called" }) { funnel } }`,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data!.createLead.funnel).toBe('called');
});

test('removing a stage that records hold is destructive: refused until allowed', async () => {
  const [sales] = await pipelines();
  const kept = sales!.stages
    .filter((s) => s.name !== 'negotiation')
    .map((s) => ({
      name: s.name,
      label: s.labels,
      probability: s.probability,
      ...(s.won ? { won: true } : {}),
      ...(s.lost ? { lost: true } : {}),
      ...(s.color ? { color: s.color } : {}),
    }));
  const input = { object: 'deal', field: 'stage', label: 'Sales', stages: kept };
  const planned = await save(input, { dryRun: true });
  expect(planned.data!.savePipeline.destructive).toEqual([expect.stringContaining('removes options negotiation')]);
  const refused = await save(input);
  expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect((await pipelines())[0]!.stages.map((s) => s.name)).toContain('negotiation');

  const confirmed = await save(input, { allowDestructive: true });
  expect(confirmed.data!.savePipeline.applied).toBe(true);
  expect((await pipelines())[0]!.stages.map((s) => s.name)).toEqual(['new', 'qualified', 'proposal', 'won', 'lost']);
  const options = (await fieldOf('deal', 'stage'))!.settings.options as { value: string }[];
  expect(options.map((o) => o.value)).toEqual(['new', 'qualified', 'proposal', 'won', 'lost']);
});

test('bad input is refused at the paths of the input, and nothing changes', async () => {
  const revision = (await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision;
  const tooSure = funnel.map((s, i) => (i === 1 ? { ...s, probability: 120 } : s));
  const bad = await save({ object: 'lead', field: 'funnel', stages: tooSure });
  expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(problems(bad).map((p) => p.path)).toEqual(['input.stages[1].probability']);
  const both = await save({
    object: 'lead',
    field: 'funnel',
    stages: funnel.map((s, i) => (i === 3 ? { ...s, won: true } : s)),
  });
  expect(problems(both)).toEqual([{ path: 'input.stages[3]', message: 'a stage cannot be both won and lost' }]);
  const notSelect = await save({ object: 'lead', field: 'email', stages: funnel });
  expect(problems(notSelect).map((p) => p.path)).toEqual(['input.field']);
  expect((await api.gql(`mutation { savePipeline(input: [1]) { applied } }`)).errors?.[0]?.extensions?.code).toBe(
    'BAD_USER_INPUT',
  );
  expect((await api.gql<{ metadataRevision: number }>('{ metadataRevision }')).data!.metadataRevision).toBe(revision);
});

test('only admins edit pipelines', async () => {
  const email = `pipes.${api.email}`;
  const user = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
    i: { email, password: 'correct horse battery', name: 'Pipes', roles: ['manager'] },
  });
  expect(user.errors).toBeUndefined();
  const { token } = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    })
  ).json()) as { token: string };
  const refused = await save({ object: 'lead', field: 'other', stages: funnel }, {}, token);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const deleted = await api.gql(`mutation { deletePipeline(object: "lead", field: "funnel") { applied } }`, {}, token);
  expect(deleted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

test('deleting a pipeline keeps its field; a dry run keeps everything', async () => {
  const planned = await api.gql<{ deletePipeline: Plan }>(
    `mutation { deletePipeline(object: "lead", field: "funnel", dryRun: true) { applied changes destructive } }`,
  );
  expect(planned.data!.deletePipeline).toEqual({
    applied: false,
    changes: ['- pipeline lead.funnel'],
    destructive: [],
  });
  expect((await pipelines()).map((p) => p.field)).toContain('funnel');
  const deleted = await api.gql<{ deletePipeline: Plan }>(
    `mutation { deletePipeline(object: "lead", field: "funnel") { applied } }`,
  );
  expect(deleted.data!.deletePipeline.applied).toBe(true);
  expect((await pipelines()).map((p) => p.field)).not.toContain('funnel');
  expect((await fieldOf('lead', 'funnel'))?.type).toBe('select');
  const again = await api.gql(`mutation { deletePipeline(object: "lead", field: "funnel") { applied } }`);
  expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('a second pipeline on an object that already has one: its own field and stages, the first untouched', async () => {
  const before = await pipelines();
  const sales = before.find((p) => p.object === 'deal' && p.field === 'stage')!;
  const renewals = {
    object: 'deal',
    field: 'renewal',
    label: 'Renewals',
    stages: [
      { name: 'due', probability: 50 },
      { name: 'renewed', probability: 100, won: true },
      { name: 'churned', probability: 0, lost: true },
    ],
  };
  const saved = await save(renewals);
  expect(saved.errors).toBeUndefined();
  expect(saved.data!.savePipeline.changes).toEqual([
    '+ field deal.renewal (select)',
    '+ pipeline deal.renewal (due → renewed → churned)',
  ]);
  const after = await pipelines();
  expect(after.filter((p) => p.object === 'deal').map((p) => p.field)).toEqual(['stage', 'renewal']);
  expect(after.find((p) => p.field === 'stage')).toEqual(sales);
  expect(after.find((p) => p.field === 'renewal')!.stages.map((s) => [s.name, s.won, s.lost])).toEqual([
    ['due', false, false],
    ['renewed', true, false],
    ['churned', false, true],
  ]);
  expect((await fieldOf('deal', 'renewal'))!.settings.options).toEqual(['due', 'renewed', 'churned']);

  // A deal is at a stage of each pipeline at once; changing the second pipeline leaves the first as it is.
  const deal = await api.gql<{ createDeal: { stage: string; renewal: string } }>(
    `mutation { createDeal(data: { name: "Support renewal", stage: "qualified", renewal: "due" }) { stage renewal } }`,
  );
  expect(deal.errors).toBeUndefined();
  expect(deal.data!.createDeal).toEqual({ stage: 'qualified', renewal: 'due' });
  const moved = await save({ ...renewals, stages: [{ name: 'early', probability: 20 }, ...renewals.stages] });
  expect(moved.data!.savePipeline.changes).toEqual([
    '~ field deal.renewal',
    '~ pipeline deal.renewal (early → due → renewed → churned)',
  ]);
  expect((await pipelines()).find((p) => p.field === 'stage')).toEqual(sales);
});
