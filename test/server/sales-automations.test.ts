import { createPerson, startTestApi, type TestApi } from '../support/api';
import { startSmtpServer } from '../support/smtp';

/**
 * The sales CRM example's automations, end to end through the API of a server seeded with
 * `examples/sales-crm`, with a real SMTP server: inbound leads round-robin with a call task, the
 * proposal follow-up, the discount approval by a head of sales (on an update and on creation), the
 * thank-you e-mail on a won deal, the reminder three days before the close date and the 90-day win-back.
 * Time triggers are scanned with a chosen clock (`scanTimeTriggers(now)`) instead of waiting for days; a
 * scan moves every time trigger's watermark to its clock, so the tests scan in increasing time.
 */
let api: TestApi;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const people: Record<string, { id: string; token: string }> = {};

interface Run {
  id: string;
  status: string;
  trigger: { recordId?: string };
  steps: { id: string; status: string; output: unknown; error: string | null }[];
}

async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api.gql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

async function runOn(workflow: string, recordId: string, timeoutMs = 20_000): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { workflowRuns } = await gql<{ workflowRuns: Run[] }>(
      `query($w: String, $r: ID) { workflowRuns(workflow: $w, recordId: $r) { id status trigger steps { id status output error } } }`,
      { w: workflow, r: recordId },
    );
    const run = workflowRuns.find((r) => r.trigger.recordId === recordId);
    if (run && ['COMPLETED', 'FAILED', 'WAITING'].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`no finished ${workflow} run on ${recordId}: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function person(name: string, roles: string[]): Promise<void> {
  people[name] = await createPerson(api, name, roles);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  api = await startTestApi({
    seed: 'sales-crm',
    config: { smtpUrl: smtp.url, mailFrom: 'sales@example.com', workers: true },
  });
  await person('anna', ['manager']);
  await person('boris', ['manager']);
  await person('hanna', ['head']);
});

afterAll(async () => {
  await api.close();
  await smtp.close();
});

test('inbound leads go round-robin to the managers, each with a call task due in a day', async () => {
  const owners: string[] = [];
  for (const name of ['Nino', 'Aibek']) {
    const { createLead } = await gql<{ createLead: { id: string } }>(
      `mutation($d: LeadCreateInput!) { createLead(data: $d) { id } }`,
      {
        d: {
          title: `${name} from the website`,
          firstName: name,
          lastName: 'K',
          companyName: 'Acme',
          source: 'website',
        },
      },
    );
    const run = await runOn('assignNewLeads', createLead.id);
    expect(run.status).toBe('COMPLETED');
    const { lead } = await gql<{
      lead: { owner: { id: string }; tasks: { edges: { node: Record<string, unknown> }[] } };
    }>(
      `query($id: ID!) { lead(id: $id) { owner { id } tasks { edges { node { title type priority dueDate owner { id } } } } } }`,
      { id: createLead.id },
    );
    owners.push(lead.owner.id);
    const task = lead.tasks.edges[0]!.node;
    expect(task).toMatchObject({
      title: `Call ${name} K (Acme)`,
      type: 'call',
      priority: 'high',
      owner: { id: lead.owner.id },
    });
    const due = Date.parse(task.dueDate as string) - Date.now();
    expect(due).toBeGreaterThan(23 * 3600 * 1000);
    expect(due).toBeLessThan(25 * 3600 * 1000);
  }
  expect(new Set(owners)).toEqual(new Set([people.anna!.id, people.boris!.id]));
});

test('a deal entering the proposal stage gives its owner a follow-up task', async () => {
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    `mutation { createDeal(data: { name: "Warehouse racks", stage: "qualified" }) { id } }`,
  );
  await gql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "proposal" }) { id } }`, { id: createDeal.id });
  expect((await runOn('proposalFollowUp', createDeal.id)).status).toBe('COMPLETED');
  const { deal } = await gql<{
    deal: { owner: { id: string }; tasks: { edges: { node: Record<string, unknown> }[] } };
  }>(`query($id: ID!) { deal(id: $id) { owner { id } tasks { edges { node { title type owner { id } } } } } }`, {
    id: createDeal.id,
  });
  expect(deal.tasks.edges.map((e) => e.node)).toEqual([
    { title: 'Follow up on the proposal: Warehouse racks', type: 'email', owner: { id: deal.owner.id } },
  ]);
});

test('a discount above 20% waits for a head of sales; rejected, it goes back to 20%', async () => {
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    `mutation { createDeal(data: { name: "Fleet lease", stage: "negotiation", discount: 10 }) { id } }`,
  );
  await gql(`mutation($id: ID!) { updateDeal(id: $id, data: { discount: 35 }) { id } }`, { id: createDeal.id });
  expect((await runOn('discountApproval', createDeal.id)).status).toBe('WAITING');
  const { approvals } = await gql<{ approvals: { id: string; message: string; role: string }[] }>(
    '{ approvals { id message role } }',
    {},
    people.hanna!.token,
  );
  const approval = approvals.find((a) => a.message === '35% discount on Fleet lease')!;
  expect(approval.role).toBe('head');
  const refused = await api.gql(
    `mutation($id: ID!) { decideApproval(id: $id, approve: true) { status } }`,
    { id: approval.id },
    people.anna!.token,
  );
  expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  await gql(
    `mutation($id: ID!) { decideApproval(id: $id, approve: false, comment: "Too generous") { status } }`,
    { id: approval.id },
    people.hanna!.token,
  );
  const deadline = Date.now() + 20_000;
  let run = await runOn('discountApproval', createDeal.id);
  while (run.status === 'WAITING' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    run = await runOn('discountApproval', createDeal.id);
  }
  expect(run.steps.map((s) => [s.id, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['limit', 'COMPLETED'],
    ['told', 'COMPLETED'],
  ]);
  const { deal } = await gql<{ deal: { discount: number } }>(`query($id: ID!) { deal(id: $id) { discount } }`, {
    id: createDeal.id,
  });
  expect(deal.discount).toBe(20);
  const { notifications } = await gql<{ notifications: { message: string }[] }>('{ notifications { message } }');
  expect(notifications.map((n) => n.message)).toContain(
    'The discount on Fleet lease was not approved and is back at 20%',
  );
});

test('a deal created with a discount above 20% waits for a head of sales too; approved, it keeps the discount', async () => {
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    `mutation { createDeal(data: { name: "Solar roof", stage: "negotiation", discount: 30 }) { id } }`,
  );
  expect((await runOn('discountApprovalOnCreate', createDeal.id)).status).toBe('WAITING');
  const { approvals } = await gql<{ approvals: { id: string; message: string; role: string }[] }>(
    '{ approvals { id message role } }',
    {},
    people.hanna!.token,
  );
  const approval = approvals.find((a) => a.message === '30% discount on Solar roof')!;
  expect(approval.role).toBe('head');
  await gql(
    `mutation($id: ID!) { decideApproval(id: $id, approve: true) { status } }`,
    { id: approval.id },
    people.hanna!.token,
  );
  const deadline = Date.now() + 20_000;
  let run = await runOn('discountApprovalOnCreate', createDeal.id);
  while (run.status === 'WAITING' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    run = await runOn('discountApprovalOnCreate', createDeal.id);
  }
  expect(run.steps.map((s) => [s.id, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['approved', 'COMPLETED'],
  ]);
  const { deal } = await gql<{ deal: { discount: number } }>(`query($id: ID!) { deal(id: $id) { discount } }`, {
    id: createDeal.id,
  });
  expect(deal.discount).toBe(30);
  const { notifications } = await gql<{ notifications: { message: string }[] }>('{ notifications { message } }');
  expect(notifications.map((n) => n.message)).toContain('The 30% discount on Solar roof was approved');
  // A small discount at creation asks nobody.
  const small = await gql<{ createDeal: { id: string } }>(
    `mutation { createDeal(data: { name: "Solar panel", stage: "negotiation", discount: 15 }) { id } }`,
  );
  const { workflowRuns } = await gql<{ workflowRuns: unknown[] }>(
    `query($r: ID) { workflowRuns(workflow: "discountApprovalOnCreate", recordId: $r) { id } }`,
    { r: small.createDeal.id },
  );
  expect(workflowRuns).toEqual([]);
});

test('three days before an open deal closes, its owner gets a task and a notification', async () => {
  const close = new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    `mutation($d: Date!) { createDeal(data: { name: "Solar roof", stage: "proposal", closeDate: $d }) { id } }`,
    { d: close },
  );
  const moment = Date.parse(`${close}T00:00:00Z`) - 3 * 24 * 3600 * 1000;
  await api.server.workflows.scanTimeTriggers(new Date(moment + 60_000));
  expect((await runOn('closeDateReminder', createDeal.id)).status).toBe('COMPLETED');
  const { deal } = await gql<{ deal: { tasks: { edges: { node: { title: string; priority: string } }[] } } }>(
    `query($id: ID!) { deal(id: $id) { tasks { edges { node { title priority } } } } }`,
    { id: createDeal.id },
  );
  expect(deal.tasks.edges.map((e) => e.node)).toContainEqual({
    title: `Solar roof closes on ${close}`,
    priority: 'high',
  });
  const { notifications } = await gql<{ notifications: { message: string }[] }>('{ notifications { message } }');
  expect(notifications.map((n) => n.message)).toContain(`Solar roof closes in 3 days (${close})`);
});

test('a won deal thanks its contact by e-mail and stamps the last purchase; 90 days later the company is won back', async () => {
  const { createCompany } = await gql<{ createCompany: { id: string } }>(
    `mutation { createCompany(data: { name: "Kavkaz Logistics" }) { id } }`,
  );
  const { createContact } = await gql<{ createContact: { id: string } }>(
    `mutation($c: ID!) { createContact(data: { firstName: "Tamar", lastName: "B", email: "tamar@kavkaz.example", company: $c }) { id } }`,
    { c: createCompany.id },
  );
  const { createDeal } = await gql<{ createDeal: { id: string } }>(
    `mutation($c: ID!, $p: ID!) { createDeal(data: { name: "Cold storage", stage: "negotiation", company: $c, contact: $p }) { id } }`,
    { c: createCompany.id, p: createContact.id },
  );
  await gql(`mutation($id: ID!) { updateDeal(id: $id, data: { stage: "won" }) { id } }`, { id: createDeal.id });
  const run = await runOn('dealWon', createDeal.id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => s.id)).toEqual(['hasCompany', 'stamp', 'hasContact', 'contact', 'thank']);
  const mail = smtp.messages.find((m) => m.to.includes('tamar@kavkaz.example'))!;
  expect(mail.header('subject')).toBe('Thank you, Tamar: Cold storage');
  expect(mail.from).toBe('sales@example.com');
  const { company } = await gql<{ company: { lastPurchaseAt: string } }>(
    `query($id: ID!) { company(id: $id) { lastPurchaseAt } }`,
    { id: createCompany.id },
  );
  const purchased = Date.parse(company.lastPurchaseAt);
  expect(Math.abs(purchased - Date.now())).toBeLessThan(60_000);

  await api.server.workflows.scanTimeTriggers(new Date(purchased + 90 * 24 * 3600 * 1000 + 60_000));
  expect((await runOn('winBack', createCompany.id)).status).toBe('COMPLETED');
  const { leads } = await gql<{ leads: { edges: { node: { title: string; status: string; source: string } }[] } }>(
    `{ leads(filter: { companyName: { eq: "Kavkaz Logistics" } }) { edges { node { title status source } } } }`,
  );
  expect(leads.edges.map((e) => e.node)).toEqual([
    { title: 'Win back Kavkaz Logistics', status: 'new', source: 'referral' },
  ]);
});

test('a manager books a demo from their lead’s button and follows the run, but not on a colleague’s lead', async () => {
  const asAnna = (query: string, variables?: Record<string, unknown>) =>
    api.gql<Record<string, unknown>>(query, variables, people.anna!.token);
  const lead = async (title: string, owner: string) =>
    (
      await gql<{ createLead: { id: string } }>(
        `mutation($o: ID!, $t: String!) { createLead(data: { title: $t, status: "qualified", source: "referral", owner: $o }) { id } }`,
        { o: owner, t: title },
      )
    ).createLead.id;
  const own = await lead('Kutaisi Bakery', people.anna!.id);
  const colleagues = await lead('Batumi Port', people.boris!.id);

  const buttons = await asAnna(`{ manualWorkflows(object: "lead") { name } }`);
  expect(buttons.data).toEqual({ manualWorkflows: [{ name: 'bookDemo' }] });
  const started = await asAnna(`mutation($r: ID) { runWorkflow(name: "bookDemo", recordId: $r) { id status } }`, {
    r: own,
  });
  expect(started.errors).toBeUndefined();
  const runId = (started.data!.runWorkflow as { id: string }).id;
  // Polled as the record page's button does: the status, not what the run read or did.
  let run: { status: string; trigger: unknown; steps: unknown[] } | undefined;
  for (let i = 0; i < 200 && run?.status !== 'COMPLETED'; i++) {
    const polled = await asAnna(`query($id: ID!) { workflowRun(id: $id) { status trigger steps { id } } }`, {
      id: runId,
    });
    expect(polled.errors).toBeUndefined();
    run = polled.data!.workflowRun as typeof run;
    if (run?.status !== 'COMPLETED') await new Promise((r) => setTimeout(r, 100));
  }
  expect(run).toEqual({ status: 'COMPLETED', trigger: null, steps: [] });
  const onLead = await asAnna(`query($r: ID) { workflowRuns(recordId: $r) { id workflowLabel } }`, { r: own });
  expect(onLead.data!.workflowRuns).toEqual([
    { id: runId, workflowLabel: expect.objectContaining({ en: 'Book a demo' }) },
  ]);
  const { lead: booked } = await gql<{
    lead: { tasks: { edges: { node: { title: string; owner: { id: string } } }[] } };
  }>(`query($id: ID!) { lead(id: $id) { tasks { edges { node { title owner { id } } } } } }`, { id: own });
  expect(booked.tasks.edges.map((e) => e.node)).toEqual([
    { title: 'Demo for Kutaisi Bakery', owner: { id: people.anna!.id } },
  ]);

  // A colleague's lead is not Anna's to act on: she cannot even read it, so it is missing to her.
  const refused = await asAnna(`mutation($r: ID) { runWorkflow(name: "bookDemo", recordId: $r) { id } }`, {
    r: colleagues,
  });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  const onRecord = `query($r: ID) { manualWorkflows(object: "lead", recordId: $r) { name } }`;
  expect((await asAnna(onRecord, { r: colleagues })).data).toEqual({ manualWorkflows: [] });
  expect((await asAnna(onRecord, { r: own })).data).toEqual({ manualWorkflows: [{ name: 'bookDemo' }] });

  // Its runs are not Anna's to see, nor every run of the workspace.
  await gql(`mutation($r: ID) { runWorkflow(name: "bookDemo", recordId: $r) { id } }`, { r: colleagues });
  const theirs = await runOn('bookDemo', colleagues);
  expect((await asAnna(`query($r: ID) { workflowRuns(recordId: $r) { id } }`, { r: colleagues })).data).toEqual({
    workflowRuns: [],
  });
  const hidden = await asAnna(`query($id: ID!) { workflowRun(id: $id) { id } }`, { id: theirs.id });
  expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  const all = await asAnna(`{ workflowRuns { id } }`);
  expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
});
