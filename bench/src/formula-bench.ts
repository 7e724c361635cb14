/**
 * Formula and rollup fields (issue 5): a list of 1,000 deals — two pages of 500, the largest page the
 * record service gives — through findMany with 3 formulas and 1 rollup, against the same pages without
 * them (the same table and rows, read through the model without those four fields); then the same list as
 * a client gets it, through a server's GraphQL API (`deals(first: 500)`, twice), with and without the four
 * fields in the query. Prints figures and writes bench/results/formula.json; asserts nothing.
 *
 *   npm run -w bench formula    (BENCH_DATABASE_URL, BENCH_ROWS deals, default 100,000)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  applyManifest,
  exportManifest,
  findMany,
  isComputedField,
  loadModel,
  openPostgres,
  type Db,
  type FieldDef,
  type Model,
  type RecordContext,
} from '@stratum/runtime';
import { createLogger, readConfig, startServer } from '@stratum/server';
import { dropWorkspace, loadDeals, types } from './deals-fixture';
import { latencyComparison, printFigures, summarize, time, type Figure } from './stats';
import { signIn } from './sign-in';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PAGE = 500;

/** What the bench adds to the deals fixture: a probability, tasks per deal, 3 formulas and a rollup. */
const dealExtras = [
  { name: 'probability', type: 'number' },
  { name: 'tasks', type: 'relation', target: 'task', many: true, inverse: 'deal' },
  { name: 'weighted', type: 'formula', expression: 'amount * probability / 100' },
  { name: 'label', type: 'formula', expression: "title + ' · ' + company.name" },
  { name: 'daysLeft', type: 'formula', expression: 'DAYS_BETWEEN(TODAY(), closeDate)' },
  { name: 'openTasks', type: 'rollup', relation: 'tasks', function: 'count', filter: { done: false } },
];
const task = {
  name: 'task',
  pluralName: 'tasks',
  fields: [
    { name: 'title', type: 'text', searchable: false },
    { name: 'done', type: 'boolean' },
    { name: 'deal', type: 'relation', target: 'deal' },
  ],
};

/** The model without some of its computed fields (same tables): all of them, or only the rollups. */
function withoutComputed(model: Model, which: 'all' | 'rollups' = 'all'): Model {
  const drop = (f: FieldDef) => isComputedField(types, f) && (which === 'all' || f.type === 'rollup');
  return { ...model, objects: model.objects.map((o) => ({ ...o, fields: o.fields.filter((f) => !drop(f)) })) };
}

async function main() {
  const workspace = `bench_${randomBytes(3).toString('hex')}`;
  const schema = `ws_${workspace}`;
  const db = openPostgres({ connectionString: DATABASE_URL, max: 4 });
  const figures: Figure[] = [];
  let ratio: number | undefined;
  try {
    console.log(`Loading ${ROWS.toLocaleString('en')} deals (and 3 tasks for each) into ${schema} …`);
    await loadDeals(db, workspace, ROWS, null);
    const manifest = exportManifest(await loadModel(db, workspace), types) as {
      objects: { name: string; fields: unknown[] }[];
    };
    manifest.objects.find((o) => o.name === 'deal')!.fields.push(...dealExtras);
    manifest.objects.push(task);
    await applyManifest(db, manifest, { workspace, types });
    await db.query(`UPDATE "${schema}".deal SET probability = (abs(hashtext(id::text)) % 10) * 10`);
    await db.query(
      `INSERT INTO "${schema}".task (id, title, done, deal)
       SELECT gen_random_uuid(), 'Call back ' || n, n = 1, d.id FROM "${schema}".deal d, generate_series(1, 3) n`,
    );
    await db.query(`VACUUM ANALYZE "${schema}".deal`);
    await db.query(`VACUUM ANALYZE "${schema}".task`);

    const model = await loadModel(db, workspace);
    const withFormulas: RecordContext = { db, model, types, actor: { kind: 'system' } };
    const without: RecordContext = { ...withFormulas, model: withoutComputed(model) };
    const formulasOnly: RecordContext = { ...withFormulas, model: withoutComputed(model, 'rollups') };
    const list = async (ctx: RecordContext) => {
      const first = await findMany(ctx, 'deal', { first: PAGE });
      const second = await findMany(ctx, 'deal', { first: PAGE, after: first.pageInfo.endCursor! });
      return [...first.records, ...second.records];
    };
    const sample = await list(withFormulas);
    console.log('A row of the list:', JSON.stringify(sample[0]));
    if (process.env.BENCH_EXPLAIN) await explain(db, model);

    const subject: number[] = [];
    const baseline: number[] = [];
    const noRollup: number[] = [];
    for (let i = 0; i < ITERATIONS + 20; i++) {
      // Interleaved, alternating which goes first, so all see the same cache and load.
      const order = i % 2 === 0 ? ([withFormulas, without] as const) : ([without, withFormulas] as const);
      const times = new Map<RecordContext, number>();
      for (const ctx of [...order, formulasOnly]) times.set(ctx, (await time(() => list(ctx))).ms);
      if (i < 20) continue;
      subject.push(times.get(withFormulas)!);
      baseline.push(times.get(without)!);
      noRollup.push(times.get(formulasOnly)!);
    }
    figures.push(
      ...latencyComparison(
        { label: 'list of 1,000 deals with 3 formulas + 1 rollup,', samples: subject },
        { label: 'same list without them,', samples: baseline },
        { label: 'with / without (p50 ratio)', max: 1.3 },
      ),
    );
    const formulasOnlyP50 = summarize(noRollup).p50;
    figures.push({
      metric: 'the same list with the 3 formulas only (no rollup), p50 (ms)',
      value: formulasOnlyP50.toFixed(2),
      target: '',
      verdict: 'info',
    });
    ratio = summarize(subject).p50 / summarize(baseline).p50;
    figures.push(...(await throughTheApi(workspace)));
  } finally {
    // BENCH_KEEP=1 keeps the workspace, to profile its queries by hand.
    if (process.env.BENCH_KEEP) console.log(`Kept ${schema}`);
    else await dropWorkspace(db, workspace).catch(() => undefined);
    await db.close();
  }
  printFigures(
    `Formula benchmark (${ROWS.toLocaleString('en')} deals, pages of ${PAGE}, PostgreSQL server, ${new Date().toISOString()})`,
    figures,
  );
  const dir = path.resolve(__dirname, '../results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'formula.json'),
    JSON.stringify({ rows: ROWS, page: PAGE, iterations: ITERATIONS, ratio: ratio ?? null, figures }, null, 2),
  );
}

/** The deal list's GraphQL query: the stored fields, and the 3 formulas and the rollup when asked. */
function dealPageQuery(computed: boolean): string {
  const extra = computed ? 'weighted { amount currency } label daysLeft openTasks' : '';
  return `query($after: String) { deals(first: ${PAGE}, after: $after) {
    edges { node { id title amount { amount currency } stage closeDate probability company { id name } ${extra} } }
    pageInfo { endCursor } } }`;
}

/**
 * The list through the API of a server on the bench's database, signed in as an admin: both queries
 * interleaved as above, each two pages (the second after the first's cursor), timed from request to
 * parsed JSON.
 */
async function throughTheApi(workspace: string): Promise<Figure[]> {
  const email = `${workspace}@bench.local`;
  const password = randomBytes(12).toString('hex');
  const config = readConfig({
    PORT: '0',
    DATABASE_URL,
    STRATUM_WORKSPACE: workspace,
    STRATUM_SEED: 'none',
    STRATUM_ADMIN_EMAIL: email,
    STRATUM_ADMIN_PASSWORD: password,
  });
  const server = await startServer(config, { logger: createLogger('warn'), host: '127.0.0.1' });
  try {
    const token = await signIn(server.url, email, password);
    const page = async (query: string, after: string | null) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { after } }),
      });
      const body = (await response.json()) as {
        data?: { deals: { pageInfo: { endCursor: string } } };
        errors?: unknown[];
      };
      if (!body.data) throw new Error(`the API refused the list: ${JSON.stringify(body.errors)}`);
      return body.data.deals.pageInfo.endCursor;
    };
    const list = async (query: string) => page(query, await page(query, null));
    const [withThem, withoutThem] = [dealPageQuery(true), dealPageQuery(false)];
    const subject: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < ITERATIONS + 20; i++) {
      const order = i % 2 === 0 ? [withThem, withoutThem] : [withoutThem, withThem];
      const times = new Map<string, number>();
      for (const query of order) times.set(query, (await time(() => list(query))).ms);
      if (i < 20) continue;
      subject.push(times.get(withThem)!);
      baseline.push(times.get(withoutThem)!);
    }
    return latencyComparison(
      { label: 'through the GraphQL API: the list with them,', samples: subject },
      { label: 'through the GraphQL API: without them,', samples: baseline },
      { label: 'through the GraphQL API: with / without (p50 ratio)', max: 1.3 },
    );
  } finally {
    await server.close();
  }
}

/** EXPLAIN ANALYZE of the first page's query with the formulas (BENCH_EXPLAIN=1), to see where time goes. */
async function explain(db: Db, model: Model): Promise<void> {
  let captured: { text: string; values: readonly unknown[] } | undefined;
  const spy: Db = {
    ...db,
    query: (text, values, options) => {
      captured ??= { text, values: values ?? [] };
      return db.query(text, values, options);
    },
  };
  await findMany({ db: spy, model, types, actor: { kind: 'system' } }, 'deal', { first: PAGE });
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${captured!.text}`,
    captured!.values,
  );
  console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
