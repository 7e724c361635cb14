import { createHmac } from 'node:crypto';
import { startTestApi, type TestApi } from '../support/api';

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
  const password = 'a manager password';
  const email = `manager-${Date.now()}@example.com`;
  await api.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { email, password, name: 'M', roles: [] },
  });
  const login = (await (
    await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
  ).json()) as { token: string };
  const refused = await api.gql(`mutation { deactivateWorkflow(name: "openHouse") { revision } }`, {}, login.token);
  expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  const listed = await api.gql(`{ workflowRuns { id } }`, {}, login.token);
  expect(listed.errors![0]!.extensions!.code).toBe('FORBIDDEN');
});
