/**
 * Issue 5's throughput figure: runs per second of a 3-step record-triggered workflow on a PostgreSQL
 * server (condition → updateRecord → createRecord), from the outbox to COMPLETED, with BENCH_RUNS
 * records (default 10,000) created before the engine starts, so the figure is the engine's alone.
 * Prints figures; asserts nothing.
 *
 *   npm run -w bench workflow
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyManifest,
  createFieldTypeRegistry,
  createMany,
  ensureWorkspace,
  loadModel,
  openPostgres,
  startWorkflowEngine,
} from '@stratum/runtime';
import { dropWorkspace } from './deals-fixture';
import { printFigures, type Figure } from './stats';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const types = createFieldTypeRegistry();

const manifest = {
  objects: [
    {
      name: 'order',
      pluralName: 'orders',
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'amount', type: 'number' },
        { name: 'status', type: 'select', options: ['new', 'large', 'small'], default: 'new' },
      ],
    },
    {
      name: 'activity',
      pluralName: 'activities',
      fields: [
        { name: 'order', type: 'relation', target: 'order' },
        { name: 'text', type: 'text' },
      ],
    },
  ],
  workflows: [
    // For the script step's overhead: one script step, started by hand on an order.
    {
      name: 'score',
      trigger: { type: 'manual', object: 'order' },
      start: 'score',
      steps: [{ id: 'score', type: 'script', code: 'return { score: input.trigger.record.amount + 1 }' }],
    },
    {
      name: 'triage',
      trigger: { type: 'recordCreated', object: 'order' },
      start: 'large',
      steps: [
        { id: 'large', type: 'condition', when: { amount: { $gte: 500 } }, then: 'mark', else: 'mark' },
        { id: 'mark', type: 'updateRecord', object: 'order', data: { status: 'large' }, next: 'log' },
        {
          id: 'log',
          type: 'createRecord',
          object: 'activity',
          data: { order: '{{trigger.record.id}}', text: 'Triaged {{trigger.record.title}}' },
        },
      ],
    },
  ],
};

async function main() {
  const workspace = `wfbench_${randomBytes(3).toString('hex')}`;
  const schema = `ws_${workspace}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: CONCURRENCY + 4 });
  const figures: Figure[] = [];
  try {
    await ensureWorkspace(db, workspace);
    await applyManifest(db, manifest, { workspace, types });
    const ctx = { db, model: await loadModel(db, workspace), types, actor: { kind: 'system' } as const };
    console.log(`Creating ${RUNS.toLocaleString('en')} orders in ${schema} …`);
    for (let start = 0; start < RUNS; start += 500) {
      const batch = Array.from({ length: Math.min(500, RUNS - start) }, (_, i) => ({
        title: `Order ${start + i}`,
        amount: (start + i) % 1000,
      }));
      await createMany(ctx, 'order', batch);
    }
    const engine = await startWorkflowEngine({
      db,
      types,
      workspaces: [workspace],
      queue: `bench-${workspace}`,
      concurrency: CONCURRENCY,
      work: false,
    });
    const started = performance.now();
    await engine.drain(600_000);
    const seconds = (performance.now() - started) / 1000;
    await engine.stop();
    const { rows } = await db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM "${schema}"._wf_runs GROUP BY status`,
    );
    const completed = rows.find((r) => r.status === 'COMPLETED')?.n ?? 0;
    const steps = await db.query<{ p50: number; p99: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY "durationMs") AS p99 FROM "${schema}"._wf_steps`,
    );
    const rate = completed / seconds;

    // Script steps, warm: 1,000 runs of a one-step script workflow; the step's duration is its overhead
    // (rendering, the sandbox round trip with a fresh QuickJS context, recording the output).
    const scripted = await startWorkflowEngine({
      db,
      types,
      workspaces: [workspace],
      queue: `bench-${workspace}`,
      concurrency: 1,
      work: false,
    });
    const { rows: orders } = await db.query<{ id: string }>(
      `SELECT id FROM "${schema}"."order" ORDER BY id LIMIT 1010`,
    );
    for (const order of orders) await scripted.startRun(workspace, { workflow: 'score', recordId: order.id });
    await scripted.drain(600_000);
    await scripted.stop();
    const script = await db.query<{ p50: number; p99: number; n: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY "durationMs") AS p99, count(*)::int AS n
         FROM (SELECT "durationMs" FROM "${schema}"._wf_steps WHERE type = 'script' AND status = 'COMPLETED'
                ORDER BY "startedAt" OFFSET 10) s`,
    );
    const scriptP50 = Number(script.rows[0]!.p50);
    const scriptP99 = Number(script.rows[0]!.p99);
    figures.push(
      {
        metric: 'runs completed',
        value: `${completed} / ${RUNS}`,
        target: `${RUNS}`,
        verdict: completed === RUNS ? 'meets' : 'misses',
      },
      {
        metric: '3-step runs per second (server database)',
        value: rate.toFixed(0),
        target: '≥ 1000',
        verdict: rate >= 1000 ? 'meets' : 'misses',
      },
      {
        metric: 'step duration p50 / p99 (ms)',
        value: `${Number(steps.rows[0]!.p50).toFixed(2)} / ${Number(steps.rows[0]!.p99).toFixed(2)}`,
        target: '',
        verdict: 'info',
      },
      { metric: 'engine concurrency (runs in flight)', value: String(CONCURRENCY), target: '', verdict: 'info' },
      {
        metric: `script step duration p50, warm (${script.rows[0]!.n} steps, ms)`,
        value: scriptP50.toFixed(2),
        target: '≤ 2',
        verdict: scriptP50 <= 2 ? 'meets' : 'misses',
      },
      {
        metric: 'script step duration p99, warm (ms)',
        value: scriptP99.toFixed(2),
        target: '≤ 5',
        verdict: scriptP99 <= 5 ? 'meets' : 'misses',
      },
    );
    printFigures(`Workflow engine: ${RUNS.toLocaleString('en')} runs of a 3-step workflow`, figures);
    const dir = path.resolve(__dirname, '../results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'workflow.json'),
      JSON.stringify({ runs: RUNS, concurrency: CONCURRENCY, seconds, rate, figures }, null, 2),
    );
  } finally {
    await dropWorkspace(db, workspace);
    await db.query('SELECT stratum_queue.delete_queue($1)', [`bench-${workspace}`]).catch(() => undefined);
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
