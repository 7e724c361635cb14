import { createHmac } from 'node:crypto';
import { createPerson, startTestApi, type TestApi } from '../support/api';

/**
 * Workflows through the GraphQL API against a running server whose engine works in the background:
 * definitions with errors at their paths, activation, the contract's `workflowRuns`, manual and test
 * runs, approvals, notifications, webhooks with HMAC, and admin-only management.
 */
let api: TestApi;

const manifest = {
  objects: [
    {
      name: 'property',
      pluralName: 'properties',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'status', type: 'select', options: ['available', 'reserved', 'sold'], default: 'available' },
      ],
    },
    { name: 'viewing', pluralName: 'viewings', fields: [{ name: 'title', type: 'text' }] },
  ],
  workflows: [
    {
      name: 'openHouse',
      trigger: { type: 'recordCreated', object: 'property', when: { status: 'available' } },
      start: 'viewing',
      steps: [
        {
          id: 'viewing',
          type: 'createRecord',
          object: 'viewing',
          data: { title: 'Open house: {{trigger.record.title}}' },
          next: 'pause',
        },
        { id: 'pause', type: 'delay', seconds: 1, next: 'score' },
        { id: 'score', type: 'script', code: "return { words: input.trigger.record.title.split(' ').length }" },
      ],
    },
  ],
};

const RUNS = `query($workflow: String, $status: RunStatus, $first: Int) {
  workflowRuns(workflow: $workflow, status: $status, first: $first) {
    id workflow version status startedAt finishedAt steps { id type status input output error }
  }
}`;

interface Run {
  id: string;
  status: string;
  version: number;
  steps: { id: string; type: string; status: string; input: unknown; output: unknown; error: string | null }[];
}

async function runs(workflow: string): Promise<Run[]> {
  const result = await api.gql<{ workflowRuns: Run[] }>(RUNS, { workflow, first: 50 });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.workflowRuns;
}

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  api = await startTestApi({ config: { workers: true } });
  const applied = await api.gql('mutation($m: JSON!) { applyManifest(manifest: $m) { revision } }', { m: manifest });
  expect(applied.errors).toBeUndefined();
});

afterAll(async () => {
  await api.close();
});

test('the CONTRACT.md example runs end to end and shows in workflowRuns', async () => {
  const created = await api.gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Flat near the park" }) { id } }',
  );
  expect(created.errors).toBeUndefined();
  const [run] = await until(
    () => runs('openHouse'),
    (r) => r[0]?.status === 'COMPLETED',
  );
  expect(run).toMatchObject({ workflow: 'openHouse', version: 1, status: 'COMPLETED' });
  expect(run!.steps.map((s) => [s.id, s.type, s.status])).toEqual([
    ['viewing', 'createRecord', 'COMPLETED'],
    ['pause', 'delay', 'COMPLETED'],
    ['score', 'script', 'COMPLETED'],
  ]);
  expect(run!.steps[2]!.output).toEqual({ words: 4 });
  const viewings = await api.gql<{ viewings: { edges: { node: { title: string } }[] } }>(
    '{ viewings { edges { node { title } } } }',
  );
  expect(viewings.data!.viewings.edges.map((e) => e.node.title)).toEqual(['Open house: Flat near the park']);
  const waiting = await api.gql<{ workflowRuns: Run[] }>(RUNS, { status: 'WAITING' });
  expect(waiting.data!.workflowRuns).toEqual([]);
});

test('a bad definition is refused at its input paths and changes nothing', async () => {
  const before = await api.gql<{ metadataRevision: number }>('{ metadataRevision }');
  const result = await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: {
      name: 'broken',
      trigger: { type: 'recordCreated', object: 'propery' },
      start: 'a',
      steps: [{ id: 'a', type: 'createRecord', object: 'viewing', data: {}, next: 'nowhere' }],
    },
  });
  expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  const paths = result.errors![0]!.extensions!.problems!.map((p) => p.path);
  expect(paths).toEqual(expect.arrayContaining(['input.trigger.object', 'input.steps[0].next']));
  const after = await api.gql<{ metadataRevision: number }>('{ metadataRevision }');
  expect(after.data!.metadataRevision).toBe(before.data!.metadataRevision);
});

test('created workflows start inactive; activation, manual runs, test runs and versions', async () => {
  const definition = {
    name: 'reserve',
    trigger: { type: 'manual', object: 'property', label: 'Reserve' },
    start: 'mark',
    steps: [
      { id: 'mark', type: 'updateRecord', object: 'property', data: { status: 'reserved' }, next: 'tell' },
      { id: 'tell', type: 'notify', to: '{{trigger.userId}}', title: '{{trigger.record.title}} is reserved' },
    ],
  };
  const created = await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: definition,
  });
  expect(created.errors).toBeUndefined();
  const property = await api.gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Loft", status: "sold" }) { id } }',
  );
  const id = property.data!.createProperty.id;
  expect(
    (await api.gql<{ manualWorkflows: unknown[] }>('{ manualWorkflows(object: "property") { name } }')).data!
      .manualWorkflows,
  ).toEqual([]);
  await api.gql('mutation { activateWorkflow(name: "reserve") { revision } }');
  expect(
    (await api.gql<{ manualWorkflows: unknown[] }>('{ manualWorkflows(object: "property") { name } }')).data!
      .manualWorkflows,
  ).toEqual([{ name: 'reserve' }]);

  const tested = await api.gql<{ testWorkflow: Run & { test: boolean } }>(
    `mutation($id: ID) { testWorkflow(name: "reserve", recordId: $id) { status test steps { id status output } } }`,
    { id },
  );
  expect(tested.data!.testWorkflow).toMatchObject({ status: 'COMPLETED', test: true });
  const unchanged = await api.gql<{ property: { status: string } }>(
    `query($id: ID!) { property(id: $id) { status } }`,
    { id },
  );
  expect(unchanged.data!.property.status).toBe('sold');

  const started = await api.gql<{ runWorkflow: { id: string; status: string } }>(
    `mutation($id: ID) { runWorkflow(name: "reserve", recordId: $id) { id status } }`,
    { id },
  );
  expect(started.data!.runWorkflow.status).toBe('QUEUED');
  await until(
    () => runs('reserve'),
    (r) => r[0]?.status === 'COMPLETED',
  );
  const reserved = await api.gql<{ property: { status: string } }>(`query($id: ID!) { property(id: $id) { status } }`, {
    id,
  });
  expect(reserved.data!.property.status).toBe('reserved');
  const note = await api.gql<{ notifications: { message: string }[] }>(
    '{ notifications(unreadOnly: true) { message } }',
  );
  expect(note.data!.notifications.map((n) => n.message)).toContain('Loft is reserved');

  await api.gql(`mutation($input: JSON!) { updateWorkflow(name: "reserve", input: $input) { revision } }`, {
    input: { ...definition, steps: [{ ...definition.steps[0], next: undefined }] },
  });
  const versions = await api.gql<{ workflow: { active: boolean; versions: { version: number }[] } }>(
    '{ workflow(name: "reserve") { active versions { version } } }',
  );
  expect(versions.data!.workflow.active).toBe(true);
  expect(versions.data!.workflow.versions.map((v) => v.version)).toEqual([2, 1]);
});

test('a webhook starts a run with its body; a wrong secret or signature is refused', async () => {
  await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: {
      name: 'inbound',
      active: true,
      trigger: { type: 'webhook', hmac: true },
      start: 'make',
      steps: [
        {
          id: 'make',
          type: 'createRecord',
          object: 'property',
          data: { title: '{{trigger.input.title}}', status: 'sold' },
        },
      ],
    },
  });
  const path = (await api.gql<{ workflow: { webhookPath: string } }>('{ workflow(name: "inbound") { webhookPath } }'))
    .data!.workflow.webhookPath;
  const secret = path.split('/').pop()!;
  const body = JSON.stringify({ title: 'From the website' });
  const post = (p: string, signature?: string) =>
    fetch(`${api.server.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-stratum-signature': signature } : {}) },
      body,
    });
  expect((await post(path.replace(secret, 'wrong'))).status).toBe(404);
  expect((await post(path)).status).toBe(401);
  const signed = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const accepted = await post(path, signed);
  expect(accepted.status).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const [run] = await until(
    () => runs('inbound'),
    (r) => r[0]?.status === 'COMPLETED',
  );
  expect(run!.id).toBe(runId);
  const made = await api.gql<{ properties: { totalCount: number } }>(
    '{ properties(filter: { title: { eq: "From the website" } }) { totalCount } }',
  );
  expect(made.data!.properties.totalCount).toBe(1);
});

test('approvals are decided through the API and the run takes the branch', async () => {
  const me = (await api.gql<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
  await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: {
      name: 'sellApproval',
      active: true,
      trigger: { type: 'recordUpdated', object: 'property', fields: ['status'], when: { status: 'sold' } },
      start: 'ask',
      steps: [
        { id: 'ask', type: 'approval', assignee: { user: me }, message: 'Sell {{trigger.record.title}}?', then: 'yes' },
        { id: 'yes', type: 'createRecord', object: 'viewing', data: { title: 'Sold: {{trigger.record.title}}' } },
      ],
    },
  });
  const p = await api.gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Barn", status: "reserved" }) { id } }',
  );
  await api.gql(`mutation($id: ID!) { updateProperty(id: $id, data: { status: "sold" }) { id } }`, {
    id: p.data!.createProperty.id,
  });
  const pending = await until(
    async () =>
      (await api.gql<{ approvals: { id: string; message: string }[] }>('{ approvals { id message workflow } }')).data!
        .approvals,
    (a) => a.length > 0,
  );
  expect(pending[0]!.message).toBe('Sell {{trigger.record.title}}?'.replace('{{trigger.record.title}}', 'Barn'));
  const decided = await api.gql<{ decideApproval: { status: string } }>(
    `mutation($id: ID!) { decideApproval(id: $id, approve: true, comment: "Go") { status } }`,
    { id: pending[0]!.id },
  );
  expect(decided.data!.decideApproval.status).toBe('APPROVED');
  const [run] = await until(
    () => runs('sellApproval'),
    (r) => r[0]?.status === 'COMPLETED',
  );
  expect(run!.steps.map((s) => s.id)).toEqual(['ask', 'yes']);
});

test('only admins manage workflows', async () => {
  const login = await createPerson(api, 'manager', []);
  const refused = await api.gql(`mutation { deactivateWorkflow(name: "openHouse") { revision } }`, {}, login.token);
  expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  const listed = await api.gql(`{ workflowRuns { id } }`, {}, login.token);
  expect(listed.errors![0]!.extensions!.code).toBe('FORBIDDEN');
});

async function createActive(input: Record<string, unknown>): Promise<void> {
  const created = await api.gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: { active: true, ...input },
  });
  expect(created.errors).toBeUndefined();
}

test('recordDeleted fires on a delete with the record as it was; deactivated, it no longer starts; deleted, it is gone', async () => {
  await createActive({
    name: 'farewell',
    trigger: { type: 'recordDeleted', object: 'property', when: { status: 'sold' } },
    start: 'note',
    steps: [{ id: 'note', type: 'createRecord', object: 'viewing', data: { title: 'Gone: {{trigger.record.title}}' } }],
  });
  const property = async (title: string, status: string) =>
    (
      await api.gql<{ createProperty: { id: string } }>(
        'mutation($t: String!, $s: String) { createProperty(data: { title: $t, status: $s }) { id } }',
        { t: title, s: status },
      )
    ).data!.createProperty.id;
  const remove = async (id: string) =>
    expect((await api.gql(`mutation($id: ID!) { deleteProperty(id: $id) { id } }`, { id })).errors).toBeUndefined();
  const sold = await property('Old mill', 'sold');
  const kept = await property('Old barn', 'available');
  await remove(kept); // does not match `when`
  await remove(sold);
  const [run] = await until(
    () => runs('farewell'),
    (r) => r[0]?.status === 'COMPLETED',
  );
  const gone = await api.gql<{ viewings: { edges: { node: { title: string } }[] } }>(
    '{ viewings(filter: { title: { startsWith: "Gone:" } }) { edges { node { title } } } }',
  );
  expect(gone.data!.viewings.edges.map((e) => e.node.title)).toEqual(['Gone: Old mill']);
  expect(await runs('farewell')).toHaveLength(1);
  const details = await api.gql<{ workflowRun: { trigger: { type: string; recordId: string } } }>(
    'query($id: ID!) { workflowRun(id: $id) { trigger } }',
    { id: run!.id },
  );
  expect(details.data!.workflowRun.trigger).toMatchObject({ type: 'recordDeleted', recordId: sold });

  const deactivated = await api.gql(`mutation { deactivateWorkflow(name: "farewell") { revision } }`);
  expect(deactivated.errors).toBeUndefined();
  expect(
    (await api.gql<{ workflow: { active: boolean } }>('{ workflow(name: "farewell") { active } }')).data!.workflow
      .active,
  ).toBe(false);
  await remove(await property('Old shed', 'sold'));
  // Give the engine the time it took to run the first one, and more: nothing starts.
  await new Promise((r) => setTimeout(r, 1500));
  expect(await runs('farewell')).toHaveLength(1);

  const deleted = await api.gql(`mutation { deleteWorkflow(name: "farewell") { revision } }`);
  expect(deleted.errors).toBeUndefined();
  const workflows = await api.gql<{ workflows: { name: string }[] }>('{ workflows { name } }');
  expect(workflows.data!.workflows.map((w) => w.name)).not.toContain('farewell');
  const missing = await api.gql('{ workflow(name: "farewell") { name } }');
  expect(missing.data).toEqual({ workflow: null });
});

test('an admin cancels a waiting run; an ended run cannot be cancelled', async () => {
  await createActive({
    name: 'slowly',
    trigger: { type: 'manual' },
    start: 'wait',
    steps: [
      { id: 'wait', type: 'delay', seconds: 3600, next: 'after' },
      { id: 'after', type: 'findRecords', object: 'viewing' },
    ],
  });
  const started = await api.gql<{ runWorkflow: { id: string } }>('mutation { runWorkflow(name: "slowly") { id } }');
  const id = started.data!.runWorkflow.id;
  await until(
    () => runs('slowly'),
    (r) => r[0]?.status === 'WAITING',
  );
  const cancelled = await api.gql<{
    cancelWorkflowRun: {
      status: string;
      finishedAt: string | null;
      wakeAt: string | null;
      steps: { id: string; status: string; finishedAt: string | null }[];
    };
  }>('mutation($id: ID!) { cancelWorkflowRun(id: $id) { status finishedAt wakeAt steps { id status finishedAt } } }', {
    id,
  });
  expect(cancelled.errors).toBeUndefined();
  expect(cancelled.data!.cancelWorkflowRun).toMatchObject({ status: 'CANCELLED', wakeAt: null });
  // The delay it waited at ends with it: the history does not show a step still waiting.
  expect(cancelled.data!.cancelWorkflowRun.steps).toEqual([
    { id: 'wait', status: 'CANCELLED', finishedAt: expect.any(String) },
  ]);
  expect(cancelled.data!.cancelWorkflowRun.finishedAt).not.toBeNull();
  const again = await api.gql('mutation($id: ID!) { cancelWorkflowRun(id: $id) { status } }', { id });
  expect(again.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect((await runs('slowly')).map((r) => r.status)).toEqual(['CANCELLED']);
});

test('a script step reports its budgets in meta.usage and, when it throws, SCRIPT_ERROR with the line', async () => {
  await createActive({
    name: 'counting',
    trigger: { type: 'manual' },
    start: 'count',
    steps: [
      {
        id: 'count',
        type: 'script',
        code: "const found = records.find('viewing', { first: 5 });\nreturn { found: found.length };",
        next: 'fail',
      },
      { id: 'fail', type: 'script', code: "const a = 1;\nconst b = records.find('viewing', {});\nnull.boom;" },
    ],
  });
  const started = await api.gql<{ runWorkflow: { id: string } }>('mutation { runWorkflow(name: "counting") { id } }');
  expect(started.errors).toBeUndefined();
  await until(
    () => runs('counting'),
    (r) => r[0]?.status === 'FAILED',
  );
  const result = await api.gql<{
    workflowRuns: { steps: { id: string; status: string; output: unknown; errorDetails: unknown; meta: unknown }[] }[];
  }>('{ workflowRuns(workflow: "counting") { steps { id status output errorDetails meta } } }');
  const [count, fail] = result.data!.workflowRuns[0]!.steps;
  expect(count).toMatchObject({
    id: 'count',
    status: 'COMPLETED',
    meta: { usage: { queries: 1, writes: 0, rowsRead: expect.any(Number), durationMs: expect.any(Number) } },
  });
  expect((count!.meta as { usage: { rowsRead: number } }).usage.rowsRead).toBe(
    (count!.output as { found: number }).found,
  );
  expect(fail).toMatchObject({
    id: 'fail',
    status: 'FAILED',
    errorDetails: { code: 'SCRIPT_ERROR', line: 3, message: expect.stringMatching(/TypeError/) },
    meta: { usage: { queries: 1, writes: 0 } },
  });
});

test('a member starts a manual run only on a record they may update: FORBIDDEN when they only read it', async () => {
  const role = await api.gql(`mutation($r: JSON!) { saveRole(input: $r) { applied } }`, {
    r: {
      name: 'agent',
      rules: [
        { action: 'read', subject: ['property', 'viewing'] },
        { action: ['update', 'create'], subject: 'property', conditions: { owner: '$user.id' } },
      ],
    },
  });
  expect(role.errors).toBeUndefined();
  await createActive({
    name: 'markReserved',
    trigger: { type: 'manual', object: 'property' },
    start: 'mark',
    steps: [{ id: 'mark', type: 'updateRecord', object: 'property', data: { status: 'reserved' } }],
  });
  const email = `agent-${Date.now()}@example.com`;
  const password = 'an agent password';
  const user = await api.gql<{ createUser: { id: string } }>(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, password, name: 'Agent', roles: ['agent'] } },
  );
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string };
  const property = async (title: string, owner?: string) =>
    (
      await api.gql<{ createProperty: { id: string } }>(
        'mutation($t: String!, $o: ID) { createProperty(data: { title: $t, status: "sold", owner: $o }) { id } }',
        { t: title, o: owner },
      )
    ).data!.createProperty.id;
  const theirs = await property('Agent’s cottage', user.data!.createUser.id);
  const others = await property('Someone else’s villa');
  const run = (id: string) =>
    api.gql(`mutation($r: ID) { runWorkflow(name: "markReserved", recordId: $r) { id } }`, { r: id }, login.token);
  const buttons = (id: string) =>
    api.gql<{ manualWorkflows: { name: string }[] }>(
      `query($r: ID) { manualWorkflows(object: "property", recordId: $r) { name } }`,
      { r: id },
      login.token,
    );

  expect((await run(others)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  expect((await run('00000000-0000-4000-8000-000000000000')).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  expect((await buttons(others)).data!.manualWorkflows.map((w) => w.name)).not.toContain('markReserved');
  expect((await buttons(theirs)).data!.manualWorkflows.map((w) => w.name)).toContain('markReserved');
  expect((await run(theirs)).errors).toBeUndefined();
  await until(
    async () =>
      (
        await api.gql<{ property: { status: string } }>('query($id: ID!) { property(id: $id) { status } }', {
          id: theirs,
        })
      ).data!.property.status,
    (status) => status === 'reserved',
  );
  const untouched = await api.gql<{ property: { status: string } }>(
    'query($id: ID!) { property(id: $id) { status } }',
    {
      id: others,
    },
  );
  expect(untouched.data!.property.status).toBe('sold');
});
