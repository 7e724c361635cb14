import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import type { Db } from '../../runtime/src/db/db';
import { loadModel } from '../../runtime/src/metadata/workspace';
import { applyManifest } from '../../runtime/src/migrator/apply';
import { exportManifest } from '../../runtime/src/migrator/export';
import { createRecord, updateRecord } from '../../runtime/src/records/write';
import { findMany } from '../../runtime/src/records/find';
import type { RecordContext } from '../../runtime/src/records/context';
import { startWorkflowEngine, type WorkflowEngine } from '../../runtime/src/workflows/engine';
import { getRun, listRuns, type RunDetails } from '../../runtime/src/workflows/runs';
import { SMTP_TIMEOUTS, smtpMailer } from '../../runtime/src/workflows/services';
import { createWorkflow, setWorkflowActive, updateWorkflow } from '../../runtime/src/workflows/workflow-edits';
import { dispatchOutbox, pruneOutbox } from '../../runtime/src/workflows/dispatch';
import { openRunQueue } from '../../runtime/src/workflows/queue';
import { runStore } from '../../runtime/src/workflows/run-store';
import { compileTriggers, type CompiledTrigger } from '../../runtime/src/workflows/triggers';
import { syncVersions } from '../../runtime/src/workflows/versions';
import { scanTimeTriggers } from '../../runtime/src/workflows/schedules';
import { parseCondition } from '../../runtime/src/conditions';
import { conditionTarget } from '../../runtime/src/model/condition-targets';
import { startSmtpServer } from '../support/smtp';
import { types, workspaceWith } from '../support/workspace';
import { uniqueName } from '../support/database';

/**
 * The workflow engine against a real database: record triggers from the outbox, every step type, waits,
 * retries with backoff, approvals, actors and their permissions, versions, depth limits and time
 * triggers. The engine runs without background loops here; `drain()` does the work deterministically.
 */
const crm = {
  objects: [
    {
      name: 'property',
      pluralName: 'properties',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'status', type: 'select', options: ['available', 'reserved', 'sold'], default: 'available' },
        { name: 'visitAt', type: 'datetime' },
        { name: 'score', type: 'number' },
      ],
    },
    {
      name: 'viewing',
      pluralName: 'viewings',
      fields: [
        { name: 'title', type: 'text' },
        { name: 'property', type: 'relation', target: 'property' },
      ],
    },
    {
      name: 'deal',
      pluralName: 'deals',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'stage', type: 'select', options: ['new', 'proposal', 'won', 'lost'], default: 'new' },
        { name: 'amount', type: 'number' },
        { name: 'discount', type: 'percent' },
        { name: 'email', type: 'email' },
      ],
    },
    {
      name: 'task',
      pluralName: 'tasks',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'deal', type: 'relation', target: 'deal' },
      ],
    },
  ],
  pipelines: [
    {
      object: 'deal',
      field: 'stage',
      stages: [
        { name: 'new', probability: 10 },
        { name: 'proposal', probability: 50 },
        { name: 'won', probability: 100, won: true },
        { name: 'lost', probability: 0, lost: true },
      ],
    },
  ],
  roles: [{ name: 'viewer', rules: [{ action: 'read', subject: 'all' }] }],
  workflows: [
    // The CONTRACT.md example, with a one-second pause.
    {
      name: 'openHouse',
      trigger: { type: 'recordCreated', object: 'property', when: { status: 'available' } },
      start: 'viewing',
      steps: [
        {
          id: 'viewing',
          type: 'createRecord',
          object: 'viewing',
          data: { title: 'Open house: {{trigger.record.title}}', property: '{{trigger.record.id}}' },
          next: 'pause',
        },
        { id: 'pause', type: 'delay', seconds: 1, next: 'score' },
        { id: 'score', type: 'script', code: "return { words: input.trigger.record.title.split(' ').length }" },
      ],
    },
    {
      name: 'proposalTask',
      trigger: { type: 'stageChanged', object: 'deal', to: 'proposal' },
      start: 'big',
      steps: [
        { id: 'big', type: 'condition', when: { amount: { $gte: 1000 } }, then: 'task', else: 'small' },
        {
          id: 'task',
          type: 'createRecord',
          object: 'task',
          data: { title: 'Send the proposal for {{trigger.record.name}}', deal: '{{trigger.record.id}}' },
        },
        { id: 'small', type: 'updateRecord', object: 'deal', data: { discount: 0 } },
      ],
    },
  ],
};

let db: Db;
let workspace: string;
let ctx: () => Promise<RecordContext>;
let userId: string;
let engine: WorkflowEngine;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let http: Server;
let httpCalls: { path: string; key: string | undefined; body: string }[];
let httpFailures = 0;

beforeAll(async () => {
  ({ db, workspace, ctx, userId } = await workspaceWith(crm));
  await db.query(`INSERT INTO stratum.memberships (workspace, "userId", roles) VALUES ($1, $2, '{viewer}')`, [
    workspace,
    userId,
  ]);
  smtp = await startSmtpServer();
  httpCalls = [];
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      httpCalls.push({ path: req.url ?? '', key: req.headers['idempotency-key'] as string | undefined, body });
      if (httpFailures > 0) {
        httpFailures -= 1;
        res.writeHead(503).end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  engine = await startWorkflowEngine({
    db,
    types,
    workspaces: [workspace],
    queue: uniqueName('q'),
    work: false,
    mailer: smtpMailer(smtp.url),
    mailFrom: 'crm@example.com',
    httpAllowHosts: [`127.0.0.1:${(http.address() as AddressInfo).port}`],
  });
});

afterAll(async () => {
  await engine.stop();
  await smtp.close();
  await new Promise((resolve) => http.close(resolve));
  await db.close();
});

const schema = () => `ws_${workspace}`;
const runsOf = async (workflow: string) => listRuns(db, schema(), { workflow, first: 50 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drains until the run has ended (a wait or a backoff is due soon, whatever the load on the machine). */
async function untilEnded(id: string, timeoutMs = 15_000): Promise<RunDetails> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await engine.drain();
    const run = await getRun(db, schema(), id);
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(run.status) || Date.now() > deadline) return run;
    await sleep(100);
  }
}

test('the CONTRACT.md example: create, wait without holding a worker, then a script', async () => {
  const property = await createRecord(await ctx(), 'property', { title: 'Sunny flat in Vake' });
  await engine.drain();
  let [run] = await runsOf('openHouse');
  expect(run).toMatchObject({ status: 'WAITING', version: 1, actor: { kind: 'system' } });
  expect(run!.steps.map((s) => [s.stepId, s.status])).toEqual([
    ['viewing', 'COMPLETED'],
    ['pause', 'WAITING'],
  ]);
  const viewings = await findMany(await ctx(), 'viewing', { filter: { property: property.id } });
  expect(viewings.records.map((v) => v.title)).toEqual(['Open house: Sunny flat in Vake']);

  run = await untilEnded(run!.id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
    ['viewing', 'COMPLETED'],
    ['pause', 'COMPLETED'],
    ['score', 'COMPLETED'],
  ]);
  expect(run.steps[2]!.output).toEqual({ words: 4 });
  expect(run.steps[0]!.input).toMatchObject({ object: 'viewing', data: { title: 'Open house: Sunny flat in Vake' } });
});

test('a stage change runs a condition and takes a branch; other updates do not fire', async () => {
  const big = await createRecord(await ctx(), 'deal', { name: 'Office fit-out', amount: 5000 });
  const small = await createRecord(await ctx(), 'deal', { name: 'Desk', amount: 100, discount: 10 });
  await engine.drain();
  expect(await runsOf('proposalTask')).toHaveLength(0);
  await updateRecord(await ctx(), 'deal', big.id, { stage: 'proposal' });
  await updateRecord(await ctx(), 'deal', small.id, { stage: 'proposal' });
  await updateRecord(await ctx(), 'deal', big.id, { amount: 6000 });
  await engine.drain();
  const runs = await runsOf('proposalTask');
  expect(runs).toHaveLength(2);
  const byDeal = new Map(runs.map((r) => [r.trigger.recordId, r]));
  expect(byDeal.get(big.id)!.steps.map((s) => s.stepId)).toEqual(['big', 'task']);
  expect(byDeal.get(small.id)!.steps.map((s) => s.stepId)).toEqual(['big', 'small']);
  expect(byDeal.get(big.id)!.trigger).toMatchObject({ type: 'stageChanged', input: { from: 'new', to: 'proposal' } });
  const tasks = await findMany(await ctx(), 'task', { filter: { deal: big.id } });
  expect(tasks.records.map((t) => t.title)).toEqual(['Send the proposal for Office fit-out']);
  const desk = await findMany(await ctx(), 'deal', { filter: { id: small.id } });
  expect(Number(desk.records[0]!.discount)).toBe(0);
});

test('a run acts as its actor: a viewer cannot create records, and the step fails with FORBIDDEN', async () => {
  await createWorkflow(
    db,
    {
      name: 'asViewer',
      active: true,
      runAs: { user: userId },
      trigger: { type: 'manual', object: 'deal' },
      start: 'task',
      steps: [{ id: 'task', type: 'createRecord', object: 'task', data: { title: 'Call back' } }],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Permissions' });
  const id = await engine.startRun(workspace, { workflow: 'asViewer', recordId: deal.id });
  await engine.drain();
  const run = await getRun(db, schema(), id);
  expect(run).toMatchObject({ status: 'FAILED', actor: { kind: 'user', id: userId } });
  expect(run.steps[0]).toMatchObject({ stepId: 'task', status: 'FAILED', error: { code: 'FORBIDDEN' } });
  expect((await findMany(await ctx(), 'task', { filter: { title: 'Call back' } })).records).toHaveLength(0);
});

test('a failing step keeps what ran before it and leaves nothing of its own', async () => {
  await createWorkflow(
    db,
    {
      name: 'halfway',
      active: true,
      trigger: { type: 'manual', object: 'deal' },
      start: 'first',
      steps: [
        { id: 'first', type: 'createRecord', object: 'task', data: { title: 'Kept' }, next: 'second' },
        { id: 'second', type: 'createRecord', object: 'task', data: { title: '' } },
      ],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Halfway' });
  const id = await engine.startRun(workspace, { workflow: 'halfway', recordId: deal.id });
  await engine.drain();
  const run = await getRun(db, schema(), id);
  expect(run.status).toBe('FAILED');
  expect(run.error).toMatchObject({ step: 'second', code: 'BAD_USER_INPUT' });
  expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
    ['first', 'COMPLETED'],
    ['second', 'FAILED'],
  ]);
  expect((await findMany(await ctx(), 'task', { filter: { title: 'Kept' } })).records).toHaveLength(1);
});

test('sendEmail goes over SMTP with templates; a temporary failure is retried with the same Message-ID', async () => {
  await createWorkflow(
    db,
    {
      name: 'wonEmail',
      active: true,
      trigger: { type: 'stageChanged', object: 'deal', to: 'won' },
      start: 'mail',
      steps: [
        {
          id: 'mail',
          type: 'sendEmail',
          to: '{{trigger.record.email}}',
          subject: 'Congratulations on {{trigger.record.name}}',
          body: 'Amount: {{trigger.record.amount}}',
          retries: 2,
        },
      ],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Big win', amount: 900, email: 'buyer@example.com' });
  smtp.failNext(1);
  await updateRecord(await ctx(), 'deal', deal.id, { stage: 'won' });
  await engine.drain();
  let [run] = await runsOf('wonEmail');
  expect(run).toMatchObject({ status: 'QUEUED' });
  expect(run!.steps[0]).toMatchObject({ status: 'FAILED', attempt: 1, error: { code: 'RETRYABLE' } });
  run = await untilEnded(run!.id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => [s.status, s.attempt])).toEqual([
    ['FAILED', 1],
    ['COMPLETED', 2],
  ]);
  const mail = smtp.messages.find((m) => m.to.includes('buyer@example.com'))!;
  expect(mail.header('subject')).toBe('Congratulations on Big win');
  expect(mail.header('message-id')).toBe(`<${run.id}.mail@stratum>`);
  expect(mail.raw).toContain('Amount: 900');
});

test('httpRequest calls an allow-listed host with an idempotency key and retries 5xx; others are refused', async () => {
  const port = (http.address() as AddressInfo).port;
  await createWorkflow(
    db,
    {
      name: 'hook',
      active: true,
      trigger: { type: 'manual', object: 'deal' },
      start: 'call',
      steps: [
        {
          id: 'call',
          type: 'httpRequest',
          url: `http://127.0.0.1:${port}/deals/{{trigger.record.id}}`,
          body: { name: '{{trigger.record.name}}' },
          retries: 1,
          next: 'use',
        },
        { id: 'use', type: 'updateRecord', object: 'deal', data: { name: 'echo {{steps.call.output.body.ok}}' } },
      ],
    },
    { workspace, types },
  );
  await createWorkflow(
    db,
    {
      name: 'badHost',
      active: true,
      trigger: { type: 'manual' },
      start: 'call',
      steps: [{ id: 'call', type: 'httpRequest', url: 'http://example.com/' }],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Hooked' });
  httpFailures = 1;
  const id = await engine.startRun(workspace, { workflow: 'hook', recordId: deal.id });
  const run = await untilEnded(id);
  expect(run.status).toBe('COMPLETED');
  const calls = httpCalls.filter((c) => c.path === `/deals/${deal.id}`);
  expect(calls).toHaveLength(2);
  expect(new Set(calls.map((c) => c.key))).toEqual(new Set([`${id}:call`]));
  expect(JSON.parse(calls[1]!.body)).toEqual({ name: 'Hooked' });
  expect((await findMany(await ctx(), 'deal', { filter: { id: deal.id } })).records[0]!.name).toBe('echo true');

  const refused = await getRun(db, schema(), await engine.startRun(workspace, { workflow: 'badHost' }));
  await engine.drain();
  const failed = await getRun(db, schema(), refused.id);
  expect(failed.status).toBe('FAILED');
  expect(failed.steps[0]!.error!.message).toMatch(/example\.com is not on the HTTP allow-list/);
});

test('assignOwner takes turns over a list, and the turn survives an engine restart', async () => {
  const users = (
    await db.query<{ id: string }>(
      `INSERT INTO stratum.users (id, email) SELECT gen_random_uuid(), $1 || n || '@example.com' FROM generate_series(1, 3) n RETURNING id`,
      [uniqueName('rr')],
    )
  ).rows.map((r) => r.id);
  await createWorkflow(
    db,
    {
      name: 'roundRobin',
      active: true,
      trigger: { type: 'recordCreated', object: 'property', when: { status: 'reserved' } },
      start: 'assign',
      steps: [{ id: 'assign', type: 'assignOwner', users }],
    },
    { workspace, types },
  );
  const owners: unknown[] = [];
  for (const title of ['A', 'B']) {
    const p = await createRecord(await ctx(), 'property', { title, status: 'reserved' });
    await engine.drain();
    owners.push((await findMany(await ctx(), 'property', { filter: { id: p.id } })).records[0]!.owner);
  }
  const restarted = await startWorkflowEngine({
    db,
    types,
    workspaces: [workspace],
    queue: uniqueName('q'),
    work: false,
  });
  for (const title of ['C', 'D']) {
    const p = await createRecord(await ctx(), 'property', { title, status: 'reserved' });
    await restarted.drain();
    owners.push((await findMany(await ctx(), 'property', { filter: { id: p.id } })).records[0]!.owner);
  }
  await restarted.stop();
  expect(owners).toEqual([users[0], users[1], users[2], users[0]]);
});

test('an approval waits for a decision through the API, then takes its branch', async () => {
  await createWorkflow(
    db,
    {
      name: 'discountApproval',
      active: true,
      trigger: { type: 'recordUpdated', object: 'deal', fields: ['discount'], when: { discount: { $gt: 20 } } },
      start: 'ask',
      steps: [
        {
          id: 'ask',
          type: 'approval',
          assignee: { user: userId },
          message: 'Discount {{trigger.record.discount}}% on {{trigger.record.name}}',
          then: 'ok',
          else: 'undo',
        },
        { id: 'ok', type: 'notify', to: '{{trigger.record.owner}}', title: 'Discount approved' },
        { id: 'undo', type: 'updateRecord', object: 'deal', data: { discount: 20 } },
      ],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Haggle' });
  await updateRecord(await ctx(), 'deal', deal.id, { discount: 35 });
  await engine.drain();
  let [run] = await runsOf('discountApproval');
  expect(run).toMatchObject({ status: 'WAITING' });
  const approvalId = (run!.steps[0]!.output as { approvalId: string }).approvalId;
  const other = { userId: '00000000-0000-4000-8000-000000000000', roles: [], isAdmin: false };
  await expect(engine.decideApproval(workspace, { id: approvalId, approve: false }, other)).rejects.toMatchObject({
    code: 'FORBIDDEN',
  });
  await engine.decideApproval(
    workspace,
    { id: approvalId, approve: false, comment: 'Too much' },
    { userId, roles: [], isAdmin: false },
  );
  await engine.drain();
  run = await getRun(db, schema(), run!.id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
    ['ask', 'COMPLETED'],
    ['undo', 'COMPLETED'],
  ]);
  expect(run.steps[0]!.output).toMatchObject({ status: 'REJECTED', comment: 'Too much', decidedBy: userId });
  expect(Number((await findMany(await ctx(), 'deal', { filter: { id: deal.id } })).records[0]!.discount)).toBe(20);
});

test('a run stays on the version that started it while the workflow changes', async () => {
  await createWorkflow(
    db,
    {
      name: 'versioned',
      active: true,
      trigger: { type: 'manual', object: 'deal' },
      start: 'wait',
      steps: [
        { id: 'wait', type: 'delay', seconds: 1, next: 'mark' },
        { id: 'mark', type: 'updateRecord', object: 'deal', data: { name: 'version one' } },
      ],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Versioned' });
  const first = await engine.startRun(workspace, { workflow: 'versioned', recordId: deal.id });
  await engine.drain();
  await updateWorkflow(
    db,
    'versioned',
    {
      trigger: { type: 'manual', object: 'deal' },
      start: 'mark',
      steps: [{ id: 'mark', type: 'updateRecord', object: 'deal', data: { name: 'version two' } }],
    },
    { workspace, types },
  );
  const second = await engine.startRun(workspace, { workflow: 'versioned', recordId: deal.id });
  await engine.drain();
  expect((await getRun(db, schema(), second)).version).toBe(2);
  const run = await untilEnded(first);
  expect(run).toMatchObject({ status: 'COMPLETED', version: 1 });
  expect((await findMany(await ctx(), 'deal', { filter: { id: deal.id } })).records[0]!.name).toBe('version one');
});

test('workflows that trigger each other stop at the depth limit', async () => {
  await createWorkflow(
    db,
    {
      name: 'pingPong',
      active: true,
      trigger: { type: 'recordUpdated', object: 'property', fields: ['title'] },
      start: 'bump',
      steps: [{ id: 'bump', type: 'updateRecord', object: 'property', data: { title: '{{trigger.record.title}}!' } }],
    },
    { workspace, types },
  );
  const p = await createRecord(await ctx(), 'property', { title: 'Loop', status: 'sold' });
  await updateRecord(await ctx(), 'property', p.id, { title: 'Loop?' });
  await engine.drain();
  const runs = (await runsOf('pingPong')).filter((r) => r.trigger.recordId === p.id);
  expect(runs.map((r) => r.depth).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  await setWorkflowActive(db, 'pingPong', false, { workspace, types });
});

test('testWorkflow reports what would happen and changes nothing', async () => {
  const deal = await createRecord(await ctx(), 'deal', { name: 'Dry', amount: 2000, email: 'dry@example.com' });
  const before = smtp.messages.length;
  await createWorkflow(
    db,
    {
      name: 'dryRun',
      trigger: { type: 'manual', object: 'deal' },
      start: 'task',
      steps: [
        { id: 'task', type: 'createRecord', object: 'task', data: { title: 'Dry task' }, next: 'mail' },
        { id: 'mail', type: 'sendEmail', to: '{{trigger.record.email}}', subject: 'Hi', body: 'Hello' },
      ],
    },
    { workspace, types },
  );
  const run: RunDetails = await engine.testRun(workspace, { workflow: 'dryRun', recordId: deal.id });
  expect(run.status).toBe('COMPLETED');
  expect(run.steps[0]!.output).toMatchObject({ title: 'Dry task' });
  expect(run.steps[1]!.meta).toMatchObject({ notSent: { to: 'dry@example.com', subject: 'Hi' } });
  expect(smtp.messages.length).toBe(before);
  expect((await findMany(await ctx(), 'task', { filter: { title: 'Dry task' } })).records).toHaveLength(0);
  await expect(getRun(db, schema(), run.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
});

test('schedules fire per cron occurrence and dateReached per record, once each', async () => {
  await applyManifest(
    db,
    {
      ...(await exportedManifest()),
      workflows: [
        ...(await exportedManifest()).workflows,
        {
          name: 'everySecond',
          trigger: { type: 'schedule', cron: '* * * * * *' },
          start: 'find',
          steps: [{ id: 'find', type: 'findRecords', object: 'deal', first: 1 }],
        },
        {
          name: 'visitSoon',
          trigger: { type: 'dateReached', object: 'property', field: 'visitAt', offset: { hours: -1 } },
          start: 'note',
          steps: [{ id: 'note', type: 'updateRecord', object: 'property', data: { status: 'reserved' } }],
        },
      ],
    },
    { workspace, types },
  );
  await engine.drain(); // the first scan only sets the watermarks
  const visit = new Date(Date.now() + 60 * 60 * 1000 + 800).toISOString();
  const p = await createRecord(await ctx(), 'property', { title: 'Visit', status: 'sold', visitAt: visit });
  await sleep(2100);
  for (let i = 0; i < 50; i++) {
    await engine.drain();
    const [ticked, visited] = [await runsOf('everySecond'), await runsOf('visitSoon')];
    if (ticked.length >= 2 && ticked.every((r) => r.status === 'COMPLETED') && visited[0]?.status === 'COMPLETED')
      break;
    await sleep(100);
  }
  const ticks = await runsOf('everySecond');
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks.every((r) => r.status === 'COMPLETED')).toBe(true);
  expect(new Set(ticks.map((r) => r.trigger.firedAt)).size).toBe(ticks.length);
  const visits = await runsOf('visitSoon');
  expect(visits.map((r) => r.trigger.recordId)).toEqual([p.id]);
  expect((await findMany(await ctx(), 'property', { filter: { id: p.id } })).records[0]!.status).toBe('reserved');
});

async function exportedManifest(): Promise<{ workflows: unknown[] } & Record<string, unknown>> {
  return exportManifest(await loadModel(db, workspace), types) as never;
}

test('forEach runs its body per found record; startWorkflow starts a child run as the same actor', async () => {
  await createWorkflow(
    db,
    {
      name: 'childFlow',
      active: true,
      trigger: { type: 'manual', object: 'deal' },
      start: 'note',
      steps: [{ id: 'note', type: 'updateRecord', object: 'deal', data: { name: 'Looped {{trigger.input.count}}' } }],
    },
    { workspace, types },
  );
  await createWorkflow(
    db,
    {
      name: 'closeTasks',
      active: true,
      trigger: { type: 'manual', object: 'deal' },
      start: 'find',
      steps: [
        { id: 'find', type: 'findRecords', object: 'task', filter: { deal: '{{trigger.record.id}}' }, next: 'each' },
        { id: 'each', type: 'forEach', items: '{{steps.find.output.records}}', do: 'rename', next: 'child' },
        {
          id: 'rename',
          type: 'updateRecord',
          object: 'task',
          recordId: '{{item.id}}',
          data: { title: 'Done {{index}}' },
        },
        { id: 'child', type: 'startWorkflow', workflow: 'childFlow', input: { count: '{{steps.each.output.count}}' } },
      ],
    },
    { workspace, types },
  );
  const deal = await createRecord(await ctx(), 'deal', { name: 'Loop' });
  for (const title of ['a', 'b', 'c']) await createRecord(await ctx(), 'task', { title, deal: deal.id });
  const id = await engine.startRun(workspace, { workflow: 'closeTasks', recordId: deal.id });
  const run = await untilEnded(id);
  expect(run.status).toBe('COMPLETED');
  expect(run.steps.map((s) => s.stepId)).toEqual(['find', 'each', 'child']);
  expect(run.steps[1]!.output).toMatchObject({ count: 3 });
  const titles = (await findMany(await ctx(), 'task', { filter: { deal: deal.id } })).records.map((t) => t.title);
  expect([...titles].sort()).toEqual(['Done 0', 'Done 1', 'Done 2']);
  const childId = (run.steps[2]!.output as { runId: string }).runId;
  const child = await untilEnded(childId);
  expect(child).toMatchObject({ status: 'COMPLETED', depth: 1, parentRunId: id, workflow: 'childFlow' });
  expect((await findMany(await ctx(), 'deal', { filter: { id: deal.id } })).records[0]!.name).toBe('Looped 3');
});

test('dispatched outbox events are pruned after the retention; pending ones are kept', async () => {
  const table = `"${schema()}"._outbox`;
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO ${table} (object, "recordId", event, after, "processedAt")
     VALUES ('deal', gen_random_uuid(), 'created', '{}', now() - interval '8 days'),
            ('deal', gen_random_uuid(), 'created', '{}', now() - interval '1 day'),
            ('deal', gen_random_uuid(), 'created', '{}', NULL)
     RETURNING id`,
  );
  const ids = rows.map((r) => Number(r.id));
  expect(await pruneOutbox(db, schema(), 7)).toBeGreaterThanOrEqual(1);
  const left = await db.query<{ id: number }>(`SELECT id FROM ${table} WHERE id = ANY($1::bigint[]) ORDER BY id`, [
    ids,
  ]);
  expect(left.rows.map((r) => Number(r.id))).toEqual(ids.slice(1));
  await db.query(`DELETE FROM ${table} WHERE id = $1`, [ids[2]]);
});

test('an event whose trigger cannot be matched is skipped and reported; the other events and triggers fire', async () => {
  // A definition stored before `when` on a relation was refused: evaluating it on the outbox row throws.
  await createWorkflow(
    db,
    {
      name: 'taskProbe',
      active: true,
      trigger: { type: 'recordCreated', object: 'task', when: { title: { $startsWith: 'Probe' } } },
      start: 'find',
      steps: [{ id: 'find', type: 'findRecords', object: 'deal', first: 1 }],
    },
    { workspace, types },
  );
  await engine.drain();
  const model = await loadModel(db, workspace);
  const compiled = compileTriggers(model, types, await syncVersions(db, model));
  const probe = compiled.find((t) => t.workflow.name === 'taskProbe')!;
  const poison: CompiledTrigger = {
    ...probe,
    workflow: { ...probe.workflow, name: 'poisoned' },
    when: parseCondition({ deal: { stage: 'won' } }, conditionTarget(model, types, 'task'), { syntax: 'mongo' }),
  };
  const deal = await createRecord(await ctx(), 'deal', { name: 'Poison' });
  const tasks = [
    await createRecord(await ctx(), 'task', { title: 'Probe 1', deal: deal.id }),
    await createRecord(await ctx(), 'task', { title: 'Probe 2', deal: deal.id }),
  ];
  const queue = await openRunQueue(db, { name: uniqueName('q'), leaseSeconds: 60, supervise: false });
  const errors: string[] = [];
  try {
    const onError = (error: unknown, where: string) => errors.push(`${where}: ${(error as Error).message}`);
    const first = await dispatchOutbox(db, model, types, [poison, ...compiled], runStore, queue, { onError });
    expect(first).toMatchObject({ runs: 2, refused: 0 });
    expect(first.events).toBeGreaterThanOrEqual(3);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^outbox event \d+ \(task:created .*\), trigger of workflow "poisoned": .*holds an id/);
    // Nothing is left behind to fail again, and each run was made once.
    expect(await dispatchOutbox(db, model, types, [poison, ...compiled], runStore, queue, { onError })).toEqual({
      events: 0,
      runs: 0,
      refused: 0,
    });
    const runs = await runsOf('taskProbe');
    expect(runs.map((r) => r.trigger.recordId).sort()).toEqual(tasks.map((t) => t.id).sort());
  } finally {
    await queue.stop();
    await setWorkflowActive(db, 'taskProbe', false, { workspace, types });
  }
});

test('dateReached reads a window larger than a page in pages: records sharing a moment are neither lost nor doubled', async () => {
  await createWorkflow(
    db,
    {
      name: 'visitPaged',
      active: true,
      trigger: { type: 'dateReached', object: 'property', field: 'visitAt', when: { title: { $startsWith: 'Paged' } } },
      start: 'find',
      steps: [{ id: 'find', type: 'findRecords', object: 'deal', first: 1 }],
    },
    { workspace, types },
  );
  const loaded = await loadModel(db, workspace);
  // Only this workflow, scanned with a clock a day ahead (the engine's own scans use the real clock).
  const model = { ...loaded, workflows: loaded.workflows.filter((w) => (w as { name: string }).name === 'visitPaged') };
  const versions = await syncVersions(db, loaded);
  const queue = await openRunQueue(db, { name: uniqueName('q'), leaseSeconds: 60, supervise: false });
  try {
    const t0 = Date.now() + 24 * 60 * 60 * 1000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    expect(await scanTimeTriggers(db, model, types, versions, runStore, queue, at(0), { pageSize: 2 })).toBe(0);
    const same = at(1).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await createRecord(await ctx(), 'property', { title: `Paged ${i}`, status: 'sold', visitAt: same })).id,
      );
    ids.push((await createRecord(await ctx(), 'property', { title: 'Paged late', status: 'sold', visitAt: at(2) })).id);
    await createRecord(await ctx(), 'property', { title: 'Paged after', status: 'sold', visitAt: at(20) });
    expect(await scanTimeTriggers(db, model, types, versions, runStore, queue, at(10), { pageSize: 2 })).toBe(6);
    const runs = await runsOf('visitPaged');
    expect(runs.map((r) => r.trigger.recordId).sort()).toEqual([...ids].sort());
    // The next window starts where this one ended.
    expect(await scanTimeTriggers(db, model, types, versions, runStore, queue, at(30), { pageSize: 2 })).toBe(1);
  } finally {
    await queue.stop();
    await setWorkflowActive(db, 'visitPaged', false, { workspace, types });
  }
});

test('an SMTP server that never answers times out, and the send is retried as a retryable failure', async () => {
  const sockets: Socket[] = [];
  const silent = createTcpServer((socket) => sockets.push(socket)); // accepts, never greets
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  const port = (silent.address() as AddressInfo).port;
  const mailing = await startWorkflowEngine({
    db,
    types,
    workspaces: [workspace],
    queue: uniqueName('q'),
    work: false,
    mailer: smtpMailer(`smtp://127.0.0.1:${port}`, {
      greetingTimeout: 300,
      connectionTimeout: 300,
      socketTimeout: 300,
    }),
  });
  try {
    // Without settings, the mailer gives up after SMTP_TIMEOUTS (10 s for the greeting), not nodemailer's 30 s.
    const waited = Date.now();
    await expect(
      smtpMailer(`smtp://127.0.0.1:${port}`).send({
        from: 'a@example.com',
        to: 'b@example.com',
        subject: 'Hi',
        text: 'Hello',
        messageId: '<default-timeouts@stratum>',
      }),
    ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - waited).toBeGreaterThanOrEqual(SMTP_TIMEOUTS.greetingTimeout - 500);
    expect(Date.now() - waited).toBeLessThan(SMTP_TIMEOUTS.greetingTimeout + 5_000);
    expect(SMTP_TIMEOUTS).toEqual({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    await createWorkflow(
      db,
      {
        name: 'silentMail',
        active: true,
        trigger: { type: 'manual', object: 'deal' },
        start: 'mail',
        steps: [{ id: 'mail', type: 'sendEmail', to: 'nobody@example.com', subject: 'Hi', body: 'Hello', retries: 1 }],
      },
      { workspace, types },
    );
    const started = Date.now();
    const id = await mailing.startRun(workspace, { workflow: 'silentMail' });
    let run = await getRun(db, schema(), id);
    while (!['COMPLETED', 'FAILED'].includes(run.status) && Date.now() - started < 20_000) {
      await mailing.drain();
      run = await getRun(db, schema(), id);
      await sleep(100);
    }
    expect(run.status).toBe('FAILED');
    expect(run.steps.map((s) => [s.status, s.attempt, s.error?.code])).toEqual([
      ['FAILED', 1, 'RETRYABLE'],
      ['FAILED', 2, 'RETRYABLE'],
    ]);
    expect(run.steps[0]!.error!.message).toMatch(/^SMTP failed: .*(Greeting never received|timeout)/i);
    expect(Date.now() - started).toBeLessThan(15_000);
  } finally {
    await mailing.stop();
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  }
});
