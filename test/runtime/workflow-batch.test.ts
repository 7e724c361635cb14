import { countingDb, type Db } from '../../runtime/src/db/db';
import { memberAccess } from '../../runtime/src/access/member-access';
import { loadModel } from '../../runtime/src/metadata/workspace';
import type { Model } from '../../runtime/src/model/model';
import type { RecordData } from '../../runtime/src/records/context';
import { findMany } from '../../runtime/src/records/find';
import { createMany } from '../../runtime/src/records/write';
import type { WorkflowDef } from '../../runtime/src/workflows/definition';
import { startWorkflowEngine } from '../../runtime/src/workflows/engine';
import { advanceBatch, advanceRun, type ExecutionEnv } from '../../runtime/src/workflows/executor';
import { openRunQueue, type RunQueue } from '../../runtime/src/workflows/queue';
import type { TriggerEvent } from '../../runtime/src/workflows/run-model';
import { runStore } from '../../runtime/src/workflows/run-store';
import { getRun, listRuns, type RunDetails } from '../../runtime/src/workflows/runs';
import type { ScriptRunner } from '../../runtime/src/scripts';
import { loadVersion, syncVersions } from '../../runtime/src/workflows/versions';
import { uniqueName } from '../support/database';
import { types, workspaceWith } from '../support/workspace';

/**
 * Set-based execution (advance-batch.ts): runs advanced together in one transaction, in waves of the
 * same step, must each end exactly as when executed one at a time (`advanceRun`): the same steps,
 * inputs, outputs, branches and errors, and the same records.
 */
const manifest = {
  objects: [
    {
      name: 'order',
      pluralName: 'orders',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number' },
        { name: 'status', type: 'select', options: ['new', 'large', 'small', 'seen'], default: 'new' },
        { name: 'code', type: 'text' },
      ],
    },
    {
      name: 'activity',
      pluralName: 'activities',
      fields: [
        { name: 'order', type: 'relation', target: 'order' },
        { name: 'text', type: 'text', required: true },
      ],
    },
  ],
  workflows: [
    // Manual: the tests start these runs themselves.
    {
      name: 'triage',
      trigger: { type: 'manual', object: 'order' },
      start: 'pinned',
      steps: [
        // A query reads records of any run: in a batch it runs before anything is written.
        { id: 'pinned', type: 'findRecords', object: 'activity', filter: { text: 'pinned' }, next: 'big' },
        { id: 'big', type: 'condition', when: { amount: { $gte: 500 } }, then: 'large', else: 'small' },
        { id: 'large', type: 'updateRecord', object: 'order', data: { status: 'large' }, next: 'log' },
        { id: 'small', type: 'updateRecord', object: 'order', data: { status: 'small' }, next: 'log' },
        {
          id: 'log',
          type: 'createRecord',
          object: 'activity',
          data: {
            order: '{{trigger.record.id}}',
            text: '{{trigger.record.title}}: large {{steps.big.output.result}}, now {{steps.large.output.status}}',
          },
          next: 'tell',
        },
        { id: 'tell', type: 'notify', to: '{{trigger.record.owner}}', title: 'Triaged {{trigger.record.title}}' },
      ],
    },
    {
      name: 'claim',
      trigger: { type: 'manual', object: 'order' },
      start: 'free',
      steps: [
        { id: 'free', type: 'condition', when: { status: 'new' }, then: 'take' },
        { id: 'take', type: 'updateRecord', object: 'order', data: { status: 'seen' } },
      ],
    },
    {
      name: 'rename',
      trigger: { type: 'manual', object: 'order' },
      start: 'name',
      steps: [
        {
          id: 'name',
          type: 'updateRecord',
          object: 'order',
          recordId: '{{trigger.input.target}}',
          data: { title: '{{trigger.input.title}}' },
        },
      ],
    },
    {
      name: 'census',
      trigger: { type: 'manual', object: 'order' },
      start: 'draft',
      steps: [
        { id: 'draft', type: 'createRecord', object: 'activity', data: { text: 'census draft' }, next: 'count' },
        { id: 'count', type: 'findRecords', object: 'activity', filter: { text: 'census draft' }, next: 'done' },
        {
          id: 'done',
          type: 'updateRecord',
          object: 'activity',
          recordId: '{{steps.draft.output.id}}',
          data: { text: 'census done' },
        },
      ],
    },
    {
      name: 'strict',
      trigger: { type: 'recordCreated', object: 'order', when: { status: 'seen' } },
      start: 'mark',
      steps: [
        { id: 'mark', type: 'updateRecord', object: 'order', data: { amount: 1 }, next: 'log' },
        // An order without a code makes an activity without text: BAD_USER_INPUT for that run only.
        {
          id: 'log',
          type: 'createRecord',
          object: 'activity',
          data: { order: '{{trigger.record.id}}', text: '{{trigger.record.code}}' },
        },
      ],
    },
  ],
};

let db: Db;
let workspace: string;
let userId: string;
let queue: RunQueue;
let env: ExecutionEnv;
let versions: Map<string, number>;

beforeAll(async () => {
  ({ db, workspace, userId } = await workspaceWith(manifest));
  queue = await openRunQueue(db, { name: uniqueName('q'), leaseSeconds: 60, supervise: false });
  versions = await syncVersions(db, await loadModel(db, workspace));
  const definitions = new Map<string, Promise<WorkflowDef>>();
  env = {
    db,
    types,
    services: {
      scripts: {} as ScriptRunner, // no script steps here
      mailer: null,
      mailFrom: 'test@example.com',
      httpAllowHosts: [],
      startRun: async () => null,
    },
    queue,
    store: runStore,
    model: (q, name) => loadModel(q, name),
    definition(q, model, workflow, version) {
      const key = `${workflow}:${version}`;
      if (!definitions.has(key)) definitions.set(key, loadVersion(q, model.schema, workflow, version));
      return definitions.get(key)!;
    },
    access: (q, model, id) => memberAccess(q, model, types, id),
  };
});

afterAll(async () => {
  await queue.stop();
  await db.close();
});

const schema = () => `ws_${workspace}`;
const model = (): Promise<Model> => loadModel(db, workspace);
const system = async () => ({ db, model: await model(), types, actor: { kind: 'system' } as const });

/** Queued runs of a manual workflow on records (as `startRun` makes them, without their jobs). */
async function queueRuns(workflow: string, records: readonly RecordData[], input?: unknown): Promise<string[]> {
  const def = ((await model()).workflows as WorkflowDef[]).find((w) => w.name === workflow)!;
  return runStore.insertRuns(
    db,
    schema(),
    records.map((record) => ({
      workflow,
      version: versions.get(workflow)!,
      trigger: {
        type: 'manual',
        object: 'order',
        recordId: record.id,
        record,
        input,
        userId: null,
        firedAt: new Date().toISOString(),
      } satisfies TriggerEvent,
      actor: { kind: 'system' },
      depth: 0,
      start: def.start,
    })),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** A value with its run's record id as <record>, other ids as <id> and times as <time>. */
function normalized(value: unknown, recordId: string): unknown {
  if (typeof value === 'string') {
    if (value === recordId) return '<record>';
    if (UUID.test(value)) return '<id>';
    if (TIME.test(value)) return '<time>';
    return value.split(recordId).join('<record>');
  }
  if (Array.isArray(value)) return value.map((v) => normalized(v, recordId));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalized(v, recordId)]));
  return value;
}

/** What a run did, comparable across runs on twin records: its state and every step record. */
function outcome(run: RunDetails) {
  const recordId = run.trigger.recordId!;
  return {
    status: run.status,
    error: run.error,
    nextStep: run.nextStep,
    stepCount: run.stepCount,
    steps: run.steps.map((s) => {
      expect(s.startedAt).toBeTruthy();
      if (s.status === 'COMPLETED') {
        expect(s.finishedAt).toBeTruthy();
        expect(typeof s.durationMs).toBe('number');
      }
      return normalized(
        {
          seq: s.seq,
          stepId: s.stepId,
          type: s.type,
          status: s.status,
          attempt: s.attempt,
          input: s.input,
          output: s.output,
          error: s.error,
          meta: s.meta,
        },
        recordId,
      );
    }),
  };
}

test('runs advanced together end exactly as runs advanced one at a time, in a handful of statements', async () => {
  const ctx = await system();
  await createMany(ctx, 'activity', [{ text: 'pinned' }]);
  const data = Array.from({ length: 40 }, (_, i) => ({ title: `Order ${i}`, amount: (i * 97) % 1000, owner: userId }));
  const together = await createMany(ctx, 'order', data);
  const alone = await createMany(ctx, 'order', data);
  const togetherIds = await queueRuns('triage', together);
  const aloneIds = await queueRuns('triage', alone);

  const counting = countingDb(db);
  expect(await advanceBatch({ ...env, db: counting }, workspace, togetherIds)).toEqual([]);
  const together_ = [...counting.statements];
  counting.reset();
  for (const id of aloneIds) expect(await advanceRun({ ...env, db: counting }, workspace, id)).toBe('COMPLETED');
  const alone_ = [...counting.statements];

  // Together: one statement per step (two per update: lock, then write; one more for the relation
  // check of a create) and a few per batch, whatever the number of runs (14 for these 40).
  const table = (name: string) => new RegExp(`"${schema()}"\\."${name}"`);
  const inserts = (statements: string[]) =>
    statements.filter((s) => /^\s*WITH input/.test(s) && table('activity').test(s));
  const reads = (statements: string[]) =>
    statements.filter((s) => /^\s*SELECT t0\."id", t0\."createdAt"/.test(s) && table('order').test(s));
  expect(inserts(together_)).toHaveLength(1);
  expect(reads(together_)).toHaveLength(1);
  expect(together_.length).toBeLessThan(20);
  expect(inserts(alone_)).toHaveLength(40);
  expect(reads(alone_)).toHaveLength(40);
  expect(alone_.length).toBeGreaterThan(300);

  const large = data.filter((d) => d.amount >= 500).length;
  expect(large).toBeGreaterThan(5);
  expect(large).toBeLessThan(35);
  for (let i = 0; i < data.length; i++) {
    const batched = await getRun(db, schema(), togetherIds[i]!);
    const single = await getRun(db, schema(), aloneIds[i]!);
    expect(batched.trigger.recordId).toBe(together[i]!.id);
    expect(outcome(batched)).toEqual(outcome(single));
    expect(batched.steps.map((s) => s.stepId)).toEqual(
      data[i]!.amount >= 500 ? ['pinned', 'big', 'large', 'log', 'tell'] : ['pinned', 'big', 'small', 'log', 'tell'],
    );
  }

  // The records: each order triaged once, with one activity each, the same on both sides.
  const orders = async (ids: readonly RecordData[]) =>
    (await findMany(ctx, 'order', { filter: { id: { $in: ids.map((r) => r.id) } }, first: 100 })).records;
  const statuses = async (ids: readonly RecordData[]) => {
    const byId = new Map((await orders(ids)).map((o) => [o.id, o.status]));
    return ids.map((r) => byId.get(r.id));
  };
  expect(await statuses(together)).toEqual(await statuses(alone));
  expect(await statuses(together)).toEqual(data.map((d) => (d.amount >= 500 ? 'large' : 'small')));
  const texts = async (ids: readonly RecordData[]) => {
    const activities = (
      await findMany(ctx, 'activity', { filter: { order: { $in: ids.map((r) => r.id) } }, first: 100 })
    ).records;
    return ids.map((r) => activities.filter((a) => a.order === r.id).map((a) => a.text));
  };
  expect(await texts(together)).toEqual(await texts(alone));
  expect((await texts(together))[0]).toEqual(['Order 0: large false, now ']);
  const notified = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "${schema()}"._notifications WHERE "userId" = $1 AND "runId" = ANY($2::uuid[])`,
    [userId, togetherIds],
  );
  expect(notified.rows[0]!.n).toBe(40);
});

test('runs on the same record go one after the other, each seeing what the earlier one did', async () => {
  const [order] = await createMany(await system(), 'order', [{ title: 'Contested' }]);
  const ids = await queueRuns('claim', [order!, order!, order!]);
  expect(await advanceBatch(env, workspace, ids)).toEqual([]);
  const runs = await Promise.all(ids.map((id) => getRun(db, schema(), id)));
  // The first in run order claims it; the others find it taken, as they would one at a time.
  const order_ = [...runs].sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(order_.map((r) => r.steps.map((s) => [s.stepId, s.output]))).toEqual([
    [
      ['free', { result: true }],
      ['take', expect.objectContaining({ status: 'seen' })],
    ],
    [['free', { result: false }]],
    [['free', { result: false }]],
  ]);
  expect(runs.every((r) => r.status === 'COMPLETED')).toBe(true);
});

test('updates of one record by several runs of a wave apply in run order', async () => {
  const ctx = await system();
  const [target] = await createMany(ctx, 'order', [{ title: 'Shared' }]);
  const triggers = await createMany(ctx, 'order', [{ title: 'a' }, { title: 'b' }, { title: 'c' }]);
  const ids: string[] = [];
  for (const [i, t] of triggers.entries())
    ids.push(...(await queueRuns('rename', [t], { target: target!.id, title: `name ${i}` })));
  expect(await advanceBatch(env, workspace, ids)).toEqual([]);
  const runs = (await Promise.all(ids.map((id) => getRun(db, schema(), id)))).sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(runs.every((r) => r.status === 'COMPLETED')).toBe(true);
  // Each run's output is the record after its own update.
  for (const run of runs)
    expect((run.steps[0]!.output as RecordData).title).toBe((run.trigger.input as { title: string }).title);
  const final = (await findMany(ctx, 'order', { filter: { id: target!.id } })).records[0]!;
  expect(final.title).toBe((runs.at(-1)!.trigger.input as { title: string }).title);
});

test('a query after a write in the batch waits for a transaction of its own: no run sees half of another', async () => {
  const orders = await createMany(await system(), 'order', [
    { title: 'p' },
    { title: 'q' },
    { title: 'r' },
    { title: 's' },
  ]);
  const ids = await queueRuns('census', orders);
  // The drafts are created together; each run then counts and finishes on its own, after the batch.
  const later = await advanceBatch(env, workspace, ids);
  expect([...later].sort()).toEqual([...ids].sort());
  for (const id of later) expect(await advanceRun(env, workspace, id)).toBe('COMPLETED');
  const runs = await Promise.all(ids.map((id) => getRun(db, schema(), id)));
  const counts = runs.map((r) => (r.steps.find((s) => s.stepId === 'count')!.output as { count: number }).count);
  // Had the counts run in the batch beside the other runs' drafts, every run would have counted 4 drafts,
  // which no order of whole segments gives: the first to finish takes its draft away from the others.
  expect(counts.sort()).toEqual([1, 2, 3, 4]);
  expect(runs.every((r) => r.steps.map((s) => s.stepId).join() === 'draft,count,done')).toBe(true);
});

test('one failing run in a batch fails alone, with its error; the others complete', async () => {
  const engine = await startWorkflowEngine({ db, types, workspaces: [workspace], queue: uniqueName('q'), work: false });
  try {
    const data = Array.from({ length: 30 }, (_, i) => ({
      title: `Strict ${i}`,
      status: 'seen',
      code: i === 17 ? '' : `C${i}`,
    }));
    const orders = await createMany(await system(), 'order', data);
    await engine.drain();
    const runs = (await listRuns(db, schema(), { workflow: 'strict', first: 50 })).filter((r) =>
      orders.some((o) => o.id === r.trigger.recordId),
    );
    expect(runs).toHaveLength(30);
    const failing = runs.find((r) => r.trigger.recordId === orders[17]!.id)!;
    expect(failing).toMatchObject({ status: 'FAILED', error: { step: 'log', code: 'BAD_USER_INPUT' } });
    expect(failing.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['mark', 'COMPLETED'],
      ['log', 'FAILED'],
    ]);
    expect(failing.steps[1]!.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/text/) });
    const others = runs.filter((r) => r !== failing);
    expect(others.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(others.every((r) => r.steps.map((s) => s.stepId).join() === 'mark,log')).toBe(true);
    const activities = (
      await findMany(await system(), 'activity', { filter: { order: { $in: orders.map((o) => o.id) } }, first: 100 })
    ).records;
    expect(activities.map((a) => a.text).sort()).toEqual(
      data
        .filter((_, i) => i !== 17)
        .map((d) => d.code)
        .sort(),
    );
    // The failing run's first step is kept, as when it runs alone.
    const marked = (await findMany(await system(), 'order', { filter: { id: orders[17]!.id } })).records[0]!;
    expect(Number(marked.amount)).toBe(1);
  } finally {
    await engine.stop();
  }
});
