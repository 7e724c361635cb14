import { workspaceSchema } from '../../runtime/src/model/physical-names';
import { createPerson, startTestApi, type TestApi } from '../support/api';

/**
 * Approvals end to end through the API, with the engine driven by `drain()` (no background workers):
 * the assignee (a user, or every member of a role) is notified; `myApprovals` shows each person what
 * they may decide and nothing else; `decideApproval` refuses someone else; the timeout path is taken once
 * the due time has passed (moved back in the database instead of waiting a minute); and a test run
 * (`testWorkflow`) goes through delays and approvals to the end without writing anything.
 */
let api: TestApi;
const people: Record<string, { id: string; token: string }> = {};

const manifest = {
  objects: [
    {
      name: 'property',
      pluralName: 'properties',
      titleField: 'title',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'status', type: 'select', options: ['available', 'reserved', 'sold'], default: 'available' },
      ],
    },
    { name: 'viewing', pluralName: 'viewings', fields: [{ name: 'title', type: 'text' }] },
  ],
  roles: [
    { name: 'head', label: 'Head of sales', rules: [{ action: 'manage', subject: 'all' }] },
    { name: 'agent', label: 'Agent', rules: [{ action: 'read', subject: 'property' }] },
  ],
  workflows: [
    // The CONTRACT.md example, as it is written there (a 60 s delay).
    {
      name: 'openHouse',
      active: true,
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
        { id: 'pause', type: 'delay', seconds: 60, next: 'score' },
        { id: 'score', type: 'script', code: "return { words: input.trigger.record.title.split(' ').length }" },
      ],
    },
    {
      name: 'sellApproval',
      label: { en: 'Sale approval', ru: 'Согласование продажи' },
      active: true,
      trigger: { type: 'recordUpdated', object: 'property', fields: ['status'], when: { status: 'sold' } },
      start: 'ask',
      steps: [
        {
          id: 'ask',
          label: 'Head of sales decides',
          type: 'approval',
          assignee: { role: 'head' },
          message: 'Sell {{trigger.record.title}}?',
          timeoutSeconds: 3600,
          then: 'yes',
          else: 'no',
          timeout: 'late',
        },
        { id: 'yes', type: 'createRecord', object: 'viewing', data: { title: 'Sold: {{trigger.record.title}}' } },
        { id: 'no', type: 'createRecord', object: 'viewing', data: { title: 'Kept: {{trigger.record.title}}' } },
        { id: 'late', type: 'createRecord', object: 'viewing', data: { title: 'Late: {{trigger.record.title}}' } },
      ],
    },
  ],
};

interface Notice {
  title: string;
  body: string | null;
  object: string | null;
  recordId: string | null;
  approvalId: string | null;
}

interface Pending {
  id: string;
  runId: string;
  workflow: string;
  workflowLabel: unknown;
  version: number;
  stepId: string;
  stepLabel: unknown;
  message: string | null;
  userId: string | null;
  role: string | null;
  roleLabel: unknown;
  record: { object: string; id: string; title: string | null; readable: boolean } | null;
  assignedAt: string;
  dueAt: string | null;
}

interface Run {
  id: string;
  status: string;
  steps: { id: string; type: string; status: string; output: unknown; meta: unknown }[];
}

const MY_APPROVALS = `query($all: Boolean) { myApprovals(all: $all) {
  id runId workflow workflowLabel version stepId stepLabel message userId role roleLabel
  record { object id title readable } assignedAt dueAt } }`;

async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api.gql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function person(name: string, roles: string[]): Promise<void> {
  people[name] = await createPerson(api, name, roles);
}

const notices = async (token: string) =>
  (
    await gql<{ myNotifications: { nodes: Notice[] } }>(
      '{ myNotifications(first: 50) { nodes { title body object recordId approvalId } } }',
      {},
      token,
    )
  ).myNotifications.nodes;

const myApprovals = async (token: string, all?: boolean) =>
  (await gql<{ myApprovals: Pending[] }>(MY_APPROVALS, all === undefined ? {} : { all }, token)).myApprovals;

async function runsOf(workflow: string): Promise<Run[]> {
  return (
    await gql<{ workflowRuns: Run[] }>(
      `query($w: String) { workflowRuns(workflow: $w, first: 50) { id status steps { id type status output meta } } }`,
      { w: workflow },
    )
  ).workflowRuns;
}

async function viewingTitles(): Promise<string[]> {
  const { viewings } = await gql<{ viewings: { edges: { node: { title: string } }[] } }>(
    '{ viewings(first: 100) { edges { node { title } } } }',
  );
  return viewings.edges.map((e) => e.node.title).sort();
}

/** Sells a new property: the sale approval's run starts and waits in `ask`. */
async function sell(title: string): Promise<string> {
  const { createProperty } = await gql<{ createProperty: { id: string } }>(
    'mutation($t: String!) { createProperty(data: { title: $t, status: "reserved" }) { id } }',
    { t: title },
  );
  await gql('mutation($id: ID!) { updateProperty(id: $id, data: { status: "sold" }) { id } }', {
    id: createProperty.id,
  });
  await api.server.workflows.drain();
  return createProperty.id;
}

beforeAll(async () => {
  api = await startTestApi();
  await gql('mutation($m: JSON!) { applyManifest(manifest: $m) { revision } }', { m: manifest });
  await person('hanna', ['head']);
  await person('henrik', ['head']);
  await person('agata', ['agent']);
}, 180_000);

afterAll(async () => {
  await api.close();
});

test('every member of the assigned role is notified, with a link to the approval and the record', async () => {
  const propertyId = await sell('Mill house');
  const [pending] = (await myApprovals(people.hanna!.token)).filter((a) => a.record?.id === propertyId);
  expect(pending).toBeDefined();
  for (const name of ['hanna', 'henrik']) {
    const mine = (await notices(people[name]!.token)).filter((n) => n.approvalId === pending!.id);
    expect(mine).toEqual([
      {
        title: 'Sell Mill house?',
        body: 'Approval requested: Sale approval',
        object: 'property',
        recordId: propertyId,
        approvalId: pending!.id,
      },
    ]);
  }
  // Neither the agent nor the admin (not in the role) is told.
  expect((await notices(people.agata!.token)).filter((n) => n.approvalId === pending!.id)).toEqual([]);
  expect((await notices(api.token)).filter((n) => n.approvalId === pending!.id)).toEqual([]);
});

test('a user assignee is notified too, and a test run notifies nobody', async () => {
  await gql(`mutation($input: JSON!) { createWorkflow(input: $input) { revision } }`, {
    input: {
      name: 'askAgata',
      active: true,
      trigger: { type: 'manual', object: 'property' },
      start: 'ask',
      steps: [{ id: 'ask', type: 'approval', assignee: { user: people.agata!.id } }],
    },
  });
  const { createProperty } = await gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Dovecote", status: "reserved" }) { id } }',
  );
  const before = (await notices(people.agata!.token)).length;
  const tested = await gql<{ testWorkflow: Run }>(
    'mutation($id: ID) { testWorkflow(name: "askAgata", recordId: $id) { id status steps { id status meta } } }',
    { id: createProperty.id },
  );
  expect(tested.testWorkflow.status).toBe('COMPLETED');
  expect(await notices(people.agata!.token)).toHaveLength(before);
  await gql('mutation($id: ID) { runWorkflow(name: "askAgata", recordId: $id) { id } }', { id: createProperty.id });
  await api.server.workflows.drain();
  const [notice] = await notices(people.agata!.token);
  expect(notice).toMatchObject({
    title: 'Approval requested: askAgata',
    body: null,
    object: 'property',
    recordId: createProperty.id,
  });
  const [pending] = await myApprovals(people.agata!.token);
  expect(pending).toMatchObject({ id: notice!.approvalId, userId: people.agata!.id, role: null });
  // The agent may read the property: its title is shown.
  expect(pending!.record).toEqual({ object: 'property', id: createProperty.id, title: 'Dovecote', readable: true });
});

test('myApprovals shows the assignees what they may decide; others see nothing and are refused', async () => {
  const propertyId = await sell('Boathouse');
  const [approval] = (await myApprovals(people.henrik!.token)).filter((a) => a.record?.id === propertyId);
  expect(approval).toMatchObject({
    workflow: 'sellApproval',
    workflowLabel: { en: 'Sale approval', ru: 'Согласование продажи' },
    version: 1,
    stepId: 'ask',
    stepLabel: 'Head of sales decides',
    message: 'Sell Boathouse?',
    userId: null,
    role: 'head',
    roleLabel: 'Head of sales',
    record: { object: 'property', id: propertyId, title: 'Boathouse', readable: true },
  });
  const assigned = Date.parse(approval!.assignedAt);
  expect(Math.abs(assigned - Date.now())).toBeLessThan(60_000);
  expect(Date.parse(approval!.dueAt!) - assigned).toBeGreaterThan(3_590_000);
  expect((await myApprovals(people.hanna!.token)).map((a) => a.id)).toContain(approval!.id);

  // Someone outside the role neither sees nor decides it, nor lists everyone's.
  expect((await myApprovals(people.agata!.token)).map((a) => a.id)).not.toContain(approval!.id);
  const refused = await api.gql(
    'mutation($id: ID!) { decideApproval(id: $id, approve: true, comment: "Mine now") { status } }',
    { id: approval!.id },
    people.agata!.token,
  );
  expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  const listAll = await api.gql(MY_APPROVALS, { all: true }, people.agata!.token);
  expect(listAll.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  // An admin outside the role does not have it in their own list, but sees it among all of them.
  expect((await myApprovals(api.token)).map((a) => a.id)).not.toContain(approval!.id);
  expect((await myApprovals(api.token, true)).map((a) => a.id)).toContain(approval!.id);

  const decided = await gql<{ decideApproval: { status: string; comment: string; decidedBy: string } }>(
    'mutation($id: ID!) { decideApproval(id: $id, approve: false, comment: "Keep it") { status comment decidedBy } }',
    { id: approval!.id },
    people.henrik!.token,
  );
  expect(decided.decideApproval).toEqual({ status: 'REJECTED', comment: 'Keep it', decidedBy: people.henrik!.id });
  expect((await myApprovals(people.hanna!.token)).map((a) => a.id)).not.toContain(approval!.id);
  const again = await api.gql(
    'mutation($id: ID!) { decideApproval(id: $id, approve: true) { status } }',
    { id: approval!.id },
    people.hanna!.token,
  );
  expect(again.errors![0]!.message).toContain('already decided (REJECTED)');
  await api.server.workflows.drain();
  const run = (await runsOf('sellApproval')).find((r) => r.id === approval!.runId)!;
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => [s.id, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['no', 'COMPLETED'],
  ]);
  expect(await viewingTitles()).toContain('Kept: Boathouse');
});

test('an approval nobody decides in time takes the timeout path', async () => {
  const propertyId = await sell('Lighthouse');
  const [approval] = (await myApprovals(people.hanna!.token)).filter((a) => a.record?.id === propertyId);
  // Still within its hour: a scan and drain leave it waiting.
  await api.server.workflows.drain();
  expect((await runsOf('sellApproval')).find((r) => r.id === approval!.runId)!.status).toBe('WAITING');
  // Its hour is over (moved back in the database rather than waited for): the scan wakes the run.
  const { me } = await gql<{ me: { workspace: string } }>('{ me { workspace } }');
  const schema = workspaceSchema(me.workspace);
  const moved = await api.db.query(
    `UPDATE "${schema}"._wf_approvals SET "dueAt" = now() - interval '1 second' WHERE id = $1`,
    [approval!.id],
  );
  expect(moved.rowCount).toBe(1);
  await api.server.workflows.drain();
  const run = (await runsOf('sellApproval')).find((r) => r.id === approval!.runId)!;
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => [s.id, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['late', 'COMPLETED'],
  ]);
  expect(run.steps[0]!.output).toMatchObject({ approvalId: approval!.id, status: 'TIMED_OUT', decidedBy: null });
  const { rows } = await api.db.query<{ status: string }>(
    `SELECT status FROM "${schema}"._wf_approvals WHERE id = $1`,
    [approval!.id],
  );
  expect(rows[0]!.status).toBe('TIMED_OUT');
  expect(await viewingTitles()).toContain('Late: Lighthouse');
  expect((await myApprovals(people.hanna!.token)).map((a) => a.id)).not.toContain(approval!.id);
  const late = await api.gql(
    'mutation($id: ID!) { decideApproval(id: $id, approve: true) { status } }',
    { id: approval!.id },
    people.hanna!.token,
  );
  expect(late.errors![0]!.message).toContain('already decided (TIMED_OUT)');
});

test('a test run of the CONTRACT.md example goes through its 60 s delay to the end and writes nothing', async () => {
  // Deactivated, so that creating the property to test on does not start a real run.
  await gql('mutation { deactivateWorkflow(name: "openHouse") { revision } }');
  const { createProperty } = await gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Flat near the park" }) { id } }',
  );
  const before = await viewingTitles();
  const { testWorkflow } = await gql<{ testWorkflow: Run & { test: boolean } }>(
    'mutation($id: ID) { testWorkflow(name: "openHouse", recordId: $id) { id status test steps { id type status output meta } } }',
    { id: createProperty.id },
  );
  expect(testWorkflow).toMatchObject({ status: 'COMPLETED', test: true });
  expect(testWorkflow.steps.map((s) => [s.id, s.status])).toEqual([
    ['viewing', 'COMPLETED'],
    ['pause', 'COMPLETED'],
    ['score', 'COMPLETED'],
  ]);
  const pause = testWorkflow.steps[1]!;
  expect(pause.meta).toMatchObject({ wouldWaitSeconds: 60 });
  expect(pause.output).toMatchObject({ waited: false });
  expect(testWorkflow.steps[2]!.output).toEqual({ words: 4 });
  expect(await viewingTitles()).toEqual(before);
  expect((await runsOf('openHouse')).map((r) => r.id)).not.toContain(testWorkflow.id);
});

test('a test run assumes an approval approved, says so, goes on along the approve path and writes nothing', async () => {
  const { createProperty } = await gql<{ createProperty: { id: string } }>(
    'mutation { createProperty(data: { title: "Windmill", status: "reserved" }) { id } }',
  );
  const pendingBefore = (await myApprovals(api.token, true)).length;
  const noticesBefore = (await notices(people.hanna!.token)).length;
  const viewingsBefore = await viewingTitles();
  const { testWorkflow } = await gql<{ testWorkflow: Run }>(
    'mutation($id: ID) { testWorkflow(name: "sellApproval", recordId: $id) { id status steps { id type status output meta } } }',
    { id: createProperty.id },
  );
  expect(testWorkflow.status).toBe('COMPLETED');
  expect(testWorkflow.steps.map((s) => [s.id, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['yes', 'COMPLETED'],
  ]);
  expect(testWorkflow.steps[0]!.output).toEqual({ status: 'APPROVED', assumed: true });
  expect(testWorkflow.steps[0]!.meta).toMatchObject({
    assumedApproved: true,
    assignee: { role: 'head' },
    message: 'Sell Windmill?',
    timeoutSeconds: 3600,
  });
  expect(await myApprovals(api.token, true)).toHaveLength(pendingBefore);
  expect(await notices(people.hanna!.token)).toHaveLength(noticesBefore);
  expect(await viewingTitles()).toEqual(viewingsBefore);
});
