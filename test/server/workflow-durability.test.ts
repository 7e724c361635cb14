import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openPostgres } from '../../runtime/src/db/postgres-db';
import type { Db } from '../../runtime/src/db/db';
import { uniqueName } from '../support/database';

/**
 * Kill -9 of real server processes (DESIGN.md decision 6): during a delay, during a step, and during a
 * burst of 1,000 runs. After a restart every run completes, exactly once as far as its steps' effects
 * are concerned: each run's records exist once, none is missing, none is doubled. Needs a PostgreSQL
 * server (two processes over one database); skipped on the embedded database.
 */
const url = process.env.TEST_DATABASE_URL;
const maybe = url ? describe : describe.skip;
jest.setTimeout(240_000);

const MAIN = path.resolve(__dirname, '../../server/dist/main.js');
const workspace = uniqueName('dur');
const email = `${workspace}@example.com`;
const password = 'durable runs never die';

const manifest = {
  objects: [
    {
      name: 'item',
      pluralName: 'items',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'kind', type: 'select', options: ['burst', 'delayed', 'slow'] },
        { name: 'done', type: 'boolean' },
      ],
    },
    {
      name: 'effect',
      pluralName: 'effects',
      fields: [
        { name: 'item', type: 'relation', target: 'item' },
        { name: 'step', type: 'text' },
      ],
    },
  ],
  workflows: [
    {
      name: 'burst',
      trigger: { type: 'recordCreated', object: 'item', when: { kind: 'burst' } },
      start: 'log',
      steps: [
        {
          id: 'log',
          type: 'createRecord',
          object: 'effect',
          data: { item: '{{trigger.record.id}}', step: 'log' },
          next: 'mark',
        },
        { id: 'mark', type: 'updateRecord', object: 'item', data: { done: true }, next: 'count' },
        { id: 'count', type: 'script', code: 'return { length: input.trigger.record.title.length }' },
      ],
    },
    {
      name: 'delayed',
      trigger: { type: 'recordCreated', object: 'item', when: { kind: 'delayed' } },
      start: 'wait',
      steps: [
        { id: 'wait', type: 'delay', seconds: 3, next: 'log' },
        {
          id: 'log',
          type: 'createRecord',
          object: 'effect',
          data: { item: '{{trigger.record.id}}', step: 'after delay' },
        },
      ],
    },
    {
      name: 'slow',
      trigger: { type: 'recordCreated', object: 'item', when: { kind: 'slow' } },
      start: 'work',
      steps: [
        {
          id: 'work',
          type: 'script',
          timeoutMs: 5000,
          code: "const until = Date.now() + 1500; while (Date.now() < until) {} records.create('effect', { item: input.trigger.record.id, step: 'slow' }); return 1",
        },
      ],
    },
  ],
};

const children = new Set<ChildProcess>();

function startProcess(port: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      STRATUM_WORKSPACE: workspace,
      STRATUM_ENGINE_WORKSPACES: workspace,
      STRATUM_RUN_QUEUE: `q-${workspace}`,
      STRATUM_RUN_LEASE_SECONDS: '3',
      STRATUM_SEED: 'none',
      STRATUM_ADMIN_EMAIL: email,
      STRATUM_ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const ready = (async () => {
    // A minute: under a loaded CI machine a start (pg-boss's schema, the workspace's sync) has taken over 20 s.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not start');
  })();
  return { child, ready };
}

async function gql(port: number, token: string, query: string, variables?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function login(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await response.json()) as { token: string }).token;
}

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function waitFor(db: Db, sql: string, predicate: (n: number) => boolean, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(sql);
    const n = Number(rows[0]!.n);
    if (predicate(n)) return n;
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${sql} = ${n}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

maybe('kill -9 during a delay, during a step and during a burst', () => {
  let db: Db;
  const schema = `ws_${workspace}`;
  const port = 40_000 + Math.floor(Math.random() * 10_000);

  beforeAll(() => {
    db = openPostgres({ connectionString: url!, max: 2 });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await db.close();
  });

  test('every run completes exactly once after restarts', async () => {
    let server = startProcess(port);
    await server.ready;
    let token = await login(port);
    await gql(port, token, 'mutation($m: JSON!) { applyManifest(manifest: $m) { revision } }', { m: manifest });

    // During a delay: the run waits in the database, the process dies, another one wakes it.
    await gql(port, token, 'mutation { createItem(data: { title: "wait for me", kind: "delayed" }) { id } }');
    await waitFor(
      db,
      `SELECT count(*) AS n FROM "${schema}"._wf_runs WHERE workflow = 'delayed' AND status = 'WAITING'`,
      (n) => n === 1,
    );
    await kill(server.child);
    server = startProcess(port);
    await server.ready;
    token = await login(port);

    // During a step: the script runs for 1.5 s; the process dies in the middle of it.
    await gql(port, token, 'mutation { createItem(data: { title: "slow one", kind: "slow" }) { id } }');
    await new Promise((r) => setTimeout(r, 700));
    await kill(server.child);
    const slowDone = await db.query(
      `SELECT 1 FROM "${schema}"._wf_runs WHERE workflow = 'slow' AND status = 'COMPLETED'`,
    );
    expect(slowDone.rows).toHaveLength(0); // it died mid-step
    server = startProcess(port);
    await server.ready;
    token = await login(port);

    // During a burst of 1,000 runs.
    const items = Array.from({ length: 1000 }, (_, i) => ({ title: `burst ${i}`, kind: 'burst' }));
    await gql(port, token, 'mutation($d: [ItemCreateInput!]!) { createItems(data: $d) { id } }', { d: items });
    await waitFor(
      db,
      `SELECT count(*) AS n FROM "${schema}"._wf_runs WHERE workflow = 'burst' AND status = 'COMPLETED'`,
      (n) => n >= 50,
    );
    await kill(server.child);
    const doneAtKill = await waitFor(
      db,
      `SELECT count(*) AS n FROM "${schema}"._wf_runs WHERE workflow = 'burst' AND status = 'COMPLETED'`,
      () => true,
    );
    expect(doneAtKill).toBeLessThan(1000); // it died mid-burst
    server = startProcess(port);
    await server.ready;

    await waitFor(db, `SELECT count(*) AS n FROM "${schema}"._wf_runs WHERE status <> 'COMPLETED'`, (n) => n === 0);
    await kill(server.child);

    const count = async (sql: string) => Number((await db.query<{ n: number }>(sql)).rows[0]!.n);
    expect(await count(`SELECT count(*) AS n FROM "${schema}"._wf_runs`)).toBe(1002);
    expect(await count(`SELECT count(*) AS n FROM "${schema}".effect`)).toBe(1002);
    // No item has an effect twice from the same step, and every item has its effect.
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT item, step FROM "${schema}".effect GROUP BY item, step HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM "${schema}".item i WHERE NOT EXISTS (SELECT 1 FROM "${schema}".effect e WHERE e.item = i.id)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "${schema}".item WHERE kind = 'burst' AND done IS NOT TRUE`)).toBe(0);
    // Each completed step was recorded once per run.
    expect(
      await count(
        `SELECT count(*) AS n FROM (SELECT "runId", "stepId" FROM "${schema}"._wf_steps WHERE status = 'COMPLETED' GROUP BY 1, 2 HAVING count(*) > 1) d`,
      ),
    ).toBe(0);
  });
});
